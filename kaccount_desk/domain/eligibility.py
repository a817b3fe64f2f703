"""Who may join: packages that conflict with the key-account package, and one-ID-five-numbers.

Package names come from spreadsheet cells typed by office staff, so they are compared after
normalising width, spaces and quotes, and by containment ("亲情一家套餐" is still 亲情一家).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kaccount_desk.domain.reasons import PASSED, Reason, Verdict
from kaccount_desk.domain.text import cell_text, to_half_width

# The limit of the six ministries' joint notice of 2016-09-23, counted per operator.
FIVE_NUMBERS_LIMIT = 5
_MAX_COUNT_DIGITS = 6

_SEPARATORS = re.compile(r"[、,;/\s]+")
_QUOTES = re.compile("[\"'“”‘’「」『』《》〈〉]")


def _normalize_package(name: str) -> str:
    return _QUOTES.sub("", "".join(to_half_width(name).split()))


def split_packages(text: object) -> list[str]:
    """The package names in one cell or list, normalised, in order, without repeats."""
    if text is None:
        return []
    if isinstance(text, str):
        cells: Iterable[object] = [text]
    elif isinstance(text, Iterable):
        cells = text
    else:
        cells = [text]
    # No catch-all here: an iterable that fails midway must not pass as "these were all the
    # packages", or a conflicting package after the failure would let an ineligible person join.
    names: list[str] = []
    for cell in cells:
        for piece in _SEPARATORS.split(to_half_width(cell_text(cell))):
            name = _normalize_package(piece)
            if name and name not in names:
                names.append(name)
    return names


def check_excluded_packages(
    current_packages: Iterable[str] | str | None, excluded: Iterable[str] | str
) -> Verdict[None]:
    """One reason per current package that contains an excluded name (casefolded)."""
    blocked = [name.casefold() for name in split_packages(excluded)]
    reasons = tuple(
        Reason(
            "eligibility.excluded_package",
            f"号码已办理“{package}”,不能办理大客户业务。",
            f"The number already has the package '{package}', which cannot be combined with the"
            " key-account package.",
        )
        for package in split_packages(current_packages)
        if any(name in package.casefold() for name in blocked)
    )
    return Verdict(reasons=reasons)


def check_numbers_per_id(
    existing_same_carrier: object, limit: object = FIVE_NUMBERS_LIMIT
) -> Verdict[None]:
    """Warn, not refuse, when the holder already has ``limit`` numbers with this carrier.

    The count comes from the holder or MIIT's 一证通查 and may be stale (a card cancelled
    yesterday), and the operator's system enforces the rule at activation; so the clerk only
    has to confirm. ``existing_same_carrier`` counts the holder's other numbers, not the one
    being enrolled. A count that is not a whole non-negative number is a reason.
    """
    count = _whole_number(existing_same_carrier)
    cap = _whole_number(limit)
    if count is None or cap is None or cap < 1:
        return Verdict(
            reasons=(
                Reason(
                    "eligibility.count_invalid",
                    f"证件名下号码数量“{cell_text(existing_same_carrier)}”无效,请填写0或正整数。",
                    f"The number count '{cell_text(existing_same_carrier)}' is not valid;"
                    " enter 0 or a positive whole number.",
                ),
            )
        )
    if count < cap:
        return PASSED
    return Verdict(
        warnings=(
            Reason(
                "eligibility.five_numbers",
                f"该证件在本运营商名下已有{count}个号码,达到“一证五号”上限{cap}个"
                "(2016年9月23日六部门联合通知),可能无法再开新号。请与客户确认(可通过“一证通查”核实)。",
                f"This ID already holds {count} numbers with this operator, the limit of {cap}"
                " (one ID, five numbers: joint notice of 2016-09-23); a new number may be refused."
                " Please confirm with the customer (they can check with MIIT's 一证通查).",
                confirm=True,
            ),
        )
    )


def _whole_number(value: object) -> int | None:
    if type(value) is int:  # a count the store made (bool, a subclass, is not one): the text test below, without the text
        return value if 0 <= value < 10**_MAX_COUNT_DIGITS else None
    if isinstance(value, bool):
        return None
    text = cell_text(value).strip()
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_COUNT_DIGITS:
        return None
    return int(text)
