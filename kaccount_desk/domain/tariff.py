"""A monthly cost estimate for each tariff option (资费方式), so the clerk can show which is cheapest.

It is an estimate for advice at the counter, not billing: long distance, roaming and calls
outside the home county follow the operator's standard rates and are not modelled. Money is
Decimal throughout and every line is rounded to 0.01 yuan (ROUND_HALF_UP) before it is summed,
so the printed breakdown always adds up to the printed total.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.text import cell_text

CENT = Decimal("0.01")
# Standard rates used when no item of an option sets one (China Mobile's published standard
# local call, SMS and pay-as-you-go data rates).
DEFAULT_OUT_GROUP_RATE = Decimal("0.20")
DEFAULT_SMS_RATE = Decimal("0.10")
DEFAULT_DATA_RATE_PER_MB = Decimal("0.29")
_ZERO = Decimal("0")
_MAX_USAGE = 10**7
_MAX_FIELD_CHARS = 20


@dataclass(frozen=True)
class RatedItem:
    """A plan or an add-on, with its monthly fee, free allowances and per-unit prices.

    A rate of None means "this item does not set it". For a ``keep_current`` item (the
    customer keeps the plan they have) ``monthly_fee`` is the customer's current monthly bill
    as the clerk enters it; that bill already pays for today's calls, SMS and data, so rates the
    item leaves unset cost nothing extra rather than falling back to the standard rates.
    """

    code: str
    name: str
    monthly_fee: Decimal
    free_in_group_minutes: int = 0
    in_group_rate: Decimal | None = None
    out_group_rate: Decimal | None = None
    free_sms: int = 0
    sms_rate: Decimal | None = None
    free_data_mb: int = 0
    data_rate_per_mb: Decimal | None = None
    keep_current: bool = False


@dataclass(frozen=True)
class UsageProfile:
    """A customer's typical month. Negative counts are clamped to 0: using less than nothing is
    a slip of the keyboard, and :func:`check_usage` reports it for raw form input."""

    minutes_in_group: int = 0
    minutes_out_group: int = 0
    sms: int = 0
    data_mb: int = 0

    def __post_init__(self) -> None:
        for name in ("minutes_in_group", "minutes_out_group", "sms", "data_mb"):
            object.__setattr__(self, name, max(0, getattr(self, name)))


@dataclass(frozen=True)
class TariffOption:
    code: str
    name: str
    plan: RatedItem
    addons: tuple[RatedItem, ...] = ()

    @property
    def items(self) -> tuple[RatedItem, ...]:
        return (self.plan, *self.addons)


@dataclass(frozen=True)
class CostLine:
    """One line of an estimate's breakdown, readable in either language."""

    zh: str
    en: str
    amount: Decimal

    def text(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Estimate:
    option: TariffOption
    monthly_cost: Decimal
    breakdown: tuple[CostLine, ...]
    cheapest: bool = False


def check_usage(
    minutes_in_group: object, minutes_out_group: object, sms: object, data_mb: object
) -> Verdict[UsageProfile]:
    """A usage profile from form or spreadsheet values, or a reason per unusable field."""
    fields = {
        "minutes_in_group": ("集团网内通话分钟数", "in-group minutes", minutes_in_group),
        "minutes_out_group": ("集团网外通话分钟数", "out-of-group minutes", minutes_out_group),
        "sms": ("短信条数", "SMS count", sms),
        "data_mb": ("流量(MB)", "data (MB)", data_mb),
    }
    values: dict[str, int] = {}
    reasons: list[Reason] = []
    for key, (zh, en, raw) in fields.items():
        text = cell_text(raw).strip()[:_MAX_FIELD_CHARS]
        if text.isascii() and text.isdigit() and int(text) < _MAX_USAGE:
            values[key] = int(text)
        else:
            reasons.append(
                Reason(
                    "tariff.usage_invalid",
                    f"{zh}“{text}”无效,请填写0到{_MAX_USAGE - 1}之间的整数。",
                    f"The {en} '{text}' is not valid; enter a whole number from 0 to {_MAX_USAGE - 1}.",
                )
            )
    if reasons:
        return Verdict(reasons=tuple(reasons))
    return Verdict(value=UsageProfile(**values))


def plan_addons(included: Iterable[str], chosen: Iterable[str]) -> tuple[str, ...]:
    """The add-on codes an application pays for: the plan's own first, then the chosen ones, each once.

    A chosen add-on the plan already includes is not charged twice.
    """
    return tuple(dict.fromkeys([*included, *chosen]))


def monthly_fee(plan_fee: Decimal | None, included: Iterable[str], chosen: Iterable[str], addon_fees: Mapping[str, Decimal]) -> Decimal:
    """What a plan with its included and chosen add-ons costs a month (no plan costs nothing).

    Every screen, form, roster and notice shows this one figure; an add-on code the campaign no
    longer offers costs nothing rather than failing a print run.
    """
    base = plan_fee if plan_fee is not None else _ZERO
    return base + sum((addon_fees[code] for code in plan_addons(included, chosen) if code in addon_fees), _ZERO)


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _lowest(rates: Iterable[Decimal | None]) -> Decimal | None:
    known = [rate for rate in rates if rate is not None]
    return min(known) if known else None


def _standard(rate: Decimal | None, plan: RatedItem, default: Decimal) -> Decimal:
    if rate is not None:
        return rate
    return _ZERO if plan.keep_current else default


def _rate_option(option: TariffOption, usage: UsageProfile) -> tuple[CostLine, ...]:
    items = option.items
    plan = option.plan
    out_rate = _standard(plan.out_group_rate, plan, DEFAULT_OUT_GROUP_RATE)
    in_rate = _lowest(item.in_group_rate for item in items)
    extra_in = max(0, usage.minutes_in_group - sum(i.free_in_group_minutes for i in items))
    extra_sms = max(0, usage.sms - sum(i.free_sms for i in items))
    extra_data = max(0, usage.data_mb - sum(i.free_data_mb for i in items))
    sms_rate = _standard(_lowest(i.sms_rate for i in items), plan, DEFAULT_SMS_RATE)
    data_rate = _standard(_lowest(i.data_rate_per_mb for i in items), plan, DEFAULT_DATA_RATE_PER_MB)
    lines = [
        CostLine("现有月费", "current monthly fee", _money(item.monthly_fee)) if item.keep_current
        else CostLine(f"{item.name}月费", f"{item.name} monthly fee", _money(item.monthly_fee))
        for item in items
    ]
    in_cost = extra_in * (in_rate if in_rate is not None else out_rate)
    out_minutes = usage.minutes_out_group
    usage_lines = (
        (f"集团网内超出{extra_in}分钟", f"{extra_in} in-group minutes beyond the free ones", in_cost),
        (f"集团网外通话{out_minutes}分钟", f"{out_minutes} out-of-group minutes", out_minutes * out_rate),
        (f"超出短信{extra_sms}条", f"{extra_sms} SMS beyond the free ones", extra_sms * sms_rate),
        (f"超出流量{extra_data}MB", f"{extra_data} MB of data beyond the free data", extra_data * data_rate),
    )
    lines.extend(CostLine(zh, en, _money(cost)) for zh, en, cost in usage_lines if cost)
    return tuple(lines)


def estimate(options: Iterable[TariffOption], usage: UsageProfile) -> list[Estimate]:
    """One estimate per option in the given order; every option tied for the lowest is cheapest.

    Fixed fees of the plan and add-ons; in-group minutes beyond the items' combined free minutes
    at the lowest in-group rate any item sets, else at the plan's out-of-group rate;
    out-of-group minutes at the plan's rate (default 0.20 yuan/min); SMS and data beyond the
    combined free amounts at the lowest rate any item sets (defaults 0.10 yuan/SMS and
    0.29 yuan/MB).
    """
    rated = []
    for option in options:
        breakdown = _rate_option(option, usage)
        rated.append((option, sum((line.amount for line in breakdown), _ZERO), breakdown))
    if not rated:
        return []
    lowest = min(total for _, total, _ in rated)
    return [
        Estimate(option, _money(total), breakdown, cheapest=total == lowest)
        for option, total, breakdown in rated
    ]
