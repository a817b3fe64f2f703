"""Which tariff plan or add-on a person meant, written as departments write them.

A roster says "集团资费", "8元", "group8" or the campaign's full wording; all of them name the same
option. Matching is by code, full name, short name (the name before its bracket or "+"), a unique
beginning of the full name, a unique monthly fee, or else a price quoted in one name only ("10元");
a miss lists what would have been accepted, so the department can correct its sheet in one go.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.text import to_half_width

_SHORT_END = re.compile(r"[((+]")
_FEE = re.compile(r"^(\d+(?:\.\d+)?)(?:元|块|yuan)?(?:/月|每月)?$")
_PREFIX_MIN = 2


@dataclass(frozen=True)
class NamedItem:
    code: str
    name: str
    monthly_fee: Decimal  # a plan's fee with its included add-ons: what people quote

    @property
    def short_name(self) -> str:
        return _SHORT_END.split(self.name, maxsplit=1)[0].strip()


@lru_cache(maxsize=1024)
def _norm(text: str) -> str:
    """Cached: a roster compares each row's words with the same few names (a few hundred distinct texts)."""
    return re.sub(r"\s+", "", to_half_width(text)).casefold()


def _fee(text: str) -> Decimal | None:
    found = _FEE.match(_norm(text))
    if found is None:
        return None
    try:
        return Decimal(found.group(1))
    except InvalidOperation:
        return None


def match_item(typed: str, items: Sequence[NamedItem]) -> NamedItem | None:
    """The one item ``typed`` names, or None when it names none or more than one."""
    wanted = _norm(typed)
    if not wanted:
        return None
    for key in (lambda i: i.code, lambda i: i.name, lambda i: i.short_name):
        found = [i for i in items if _norm(key(i)) == wanted]
        if len(found) == 1:
            return found[0]
    if len(wanted) >= _PREFIX_MIN:
        found = [i for i in items if _norm(i.name).startswith(wanted)]
        if len(found) == 1:
            return found[0]
    fee = _fee(typed)
    if fee is not None:
        found = [i for i in items if i.monthly_fee == fee]
        if len(found) == 1:
            return found[0]
        if not found:
            # "10元" for 动感地带网聊套餐(10元)+大客户包5元: the price its own name quotes, in one name only.
            quoted = f"{fee.normalize():f}元"
            found = [i for i in items if quoted in _norm(i.name)]
            if len(found) == 1:
                return found[0]
    return None


def _accepted(items: Sequence[NamedItem]) -> tuple[str, str]:
    zh = "、".join(f"{i.short_name}({i.code},{i.monthly_fee.normalize():f}元)" for i in items)
    en = ", ".join(f"{i.short_name} ({i.code}, {i.monthly_fee.normalize():f} yuan)" for i in items)
    return zh, en


def unknown_plan(typed: str, items: Sequence[NamedItem]) -> Reason:
    zh, en = _accepted(items)
    return Reason("application.plan", f"没有名为“{typed}”的资费方式;可填写:{zh}", f"No tariff plan {typed!r}; accepted: {en}")


def unknown_addon(typed: str, items: Sequence[NamedItem]) -> Reason:
    zh, en = _accepted(items)
    return Reason("application.addon", f"没有名为“{typed}”的附加包;可填写:{zh}", f"No add-on {typed!r}; accepted: {en}")
