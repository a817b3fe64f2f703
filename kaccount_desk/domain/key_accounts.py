"""Individual key accounts (个人大客户): money, months, tiers and RFM scores, as plain rules.

The seed's 2004 rule: an individual key account is a contract customer of good credit whose monthly
spend over the last year was at least 150 yuan, in the tiers 钻石卡, 金卡, 银卡 and 个人高价值客户
by spend. Its CRM paper says the operator ranks customers by RFM (recency, frequency, monetary).
Amounts are whole fen (``int``) from the moment a cell is read: a float would make 149.99 yuan
average to 149.98999..., and the boundary is exactly where a customer's tier is decided.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason

ENTRY_FEN = 15_000  # 150.00 yuan a month: the 2004 rule's entry, below which no tier may be set
WINDOW_MONTHS = 12
MIN_MONTHS = 3  # billed months before a number is judged at all: one big month is not a year's habit
MAX_FEN = 10**12  # ten billion yuan: anything above is a typing slip, not a phone bill

# RFM scales as data, read by the Python rule below and by its SQL rendering for a whole month (store/tier_sql.py).
RECENCY_STEPS = ((0, 5), (1, 4), (2, 3), (5, 2))  # months since the last bill above zero, at most → points; else 1
FREQUENCY_STEPS = ((12, 5), (10, 4), (7, 3), (4, 2))  # months with a bill above zero, at least → points; else 1

_MONTH = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?\s*$")
_COMPACT_MONTH = re.compile(r"^\s*(\d{4})(\d{2})\s*$")
_MONEY = re.compile(r"^[+-]?\d+(\.\d{1,2})?$")
_PLAIN_MONEY = re.compile(r"[0-9]{1,10}\.[0-9]{2}\Z")  # "168.50": how a billing system writes every amount


class Tier(StrEnum):
    """Highest first: the order tiers are ranked and listed in."""

    DIAMOND = "diamond"
    GOLD = "gold"
    SILVER = "silver"
    HIGH_VALUE = "high_value"


TIER_LABELS = Labels({
    Tier.DIAMOND: ("钻石卡", "Diamond"),
    Tier.GOLD: ("金卡", "Gold"),
    Tier.SILVER: ("银卡", "Silver"),
    Tier.HIGH_VALUE: ("个人高价值客户", "High-value"),
})

_RANK = {tier: len(Tier) - index for index, tier in enumerate(Tier)}  # diamond 4 ... high value 1; none 0


class Change(StrEnum):
    """How a number's tier moved from one month to the next (异动)."""

    NEW = "new"
    UP = "up"
    DOWN = "down"
    LOST = "lost"


CHANGE_LABELS = Labels({
    Change.NEW: ("新进入", "Entered"),
    Change.UP: ("升级", "Upgraded"),
    Change.DOWN: ("降级", "Downgraded"),
    Change.LOST: ("退出", "Left the tiers"),
})


@dataclass(frozen=True)
class TierRule:
    """The least average monthly spend (fen) of a tier; a supervisor sets them, the store keeps them."""

    tier: Tier
    min_average_fen: int


DEFAULT_TIER_RULES: tuple[TierRule, ...] = (
    # The seed names the tiers but not their lines; these are a start the supervisor changes.
    TierRule(Tier.DIAMOND, 100_000),
    TierRule(Tier.GOLD, 50_000),
    TierRule(Tier.SILVER, 30_000),
    TierRule(Tier.HIGH_VALUE, ENTRY_FEN),
)


@dataclass(frozen=True)
class BillingMonth:
    """One number's bill of one month as the operator's extract gives it."""

    month: str  # "YYYY-MM"
    amount_fen: int
    arrears_fen: int = 0


@dataclass(frozen=True)
class Window:
    """What the tier and RFM rules need of a number's last twelve months up to the scored one.

    The store adds it up in SQL for a hundred thousand numbers at once (services/billing.py);
    :func:`window_of` makes the same from a list of months, for one number or a test.
    """

    billed_months: int  # months with a bill row in the window
    total_fen: int  # their amounts added up
    active_months: int  # months with a bill above zero
    last_active: str | None  # the latest such month
    arrears_fen: int  # outstanding in the scored month itself


@dataclass(frozen=True)
class Score:
    tier: Tier | None
    average_fen: int  # the average monthly spend, rounded down to the fen (shown; the rule compares exactly)
    recency: int
    frequency: int
    monetary: int


def parse_month(text: object) -> str | None:
    """"2026-03", "2026/3", "2026年3月", "202603" → "2026-03"; None for anything else."""
    value = str(text or "")
    found = _MONTH.match(value) or _COMPACT_MONTH.match(value)
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return f"{year:04d}-{month:02d}" if 1990 <= year <= 2999 and 1 <= month <= 12 else None


def month_index(month: str) -> int:
    """Months since year 0: months compare and subtract as whole numbers."""
    year, number = month.split("-")
    return int(year) * 12 + int(number) - 1


def month_of(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def window_start(month: str) -> str:
    """The first month of the twelve that end with ``month``."""
    return month_of(month_index(month) - WINDOW_MONTHS + 1)


def previous_month(month: str) -> str:
    return month_of(month_index(month) - 1)


def parse_fen(text: object) -> int | None:
    """A money cell ("168.5", "1,234.00", "￥88", "88元") as whole fen; None when it is not an amount
    to two decimals at most. Excel's float of a typed 149.99 reads back as "149.99" (cell_text).
    Whole-number arithmetic on the digits, never float: a hundred thousand a month go through here."""
    value = str(text or "").strip()
    if not _MONEY.match(value):
        value = value.replace(",", "").replace("，", "").removeprefix("￥").removeprefix("¥").removesuffix("元").strip()
        if not _MONEY.match(value):
            return None
    negative = value.startswith("-")
    whole, _, part = value.lstrip("+-").partition(".")
    fen = int(whole) * 100 + int(part.ljust(2, "0") or 0)
    fen = -fen if negative else fen
    return fen if abs(fen) <= MAX_FEN else None


def parse_fens(texts: Sequence[str], blank: int | None = None) -> list[int | None]:
    """:func:`parse_fen` of each cell of a column (an extract's hundred thousand amounts), ``blank``
    for an empty cell.

    Each different text is read once, and one written as billing systems write money ("168.50":
    digits, a point, two decimals, at most ten digits before it) is its digits without the point."""
    plain = _PLAIN_MONEY.match
    known = {text: int(text.replace(".", "")) if plain(text) else parse_fen(text) for text in set(texts)}
    if "" in known:
        known[""] = blank
    return list(map(known.__getitem__, texts))


def yuan(fen: int) -> str:
    """Fen shown as yuan with two decimals: 15000 → "150.00"."""
    sign = "-" if fen < 0 else ""
    whole, part = divmod(abs(fen), 100)
    return f"{sign}{whole}.{part:02d}"


def window_of(months: Sequence[BillingMonth], scored: str) -> Window:
    """The twelve months up to ``scored`` of a number's bills, added up as the store does."""
    first, last = window_start(scored), scored
    inside = [m for m in months if first <= m.month <= last]
    active = [m.month for m in inside if m.amount_fen > 0]
    arrears = sum(m.arrears_fen for m in inside if m.month == scored)
    return Window(len(inside), sum(m.amount_fen for m in inside), len(active), max(active, default=None), arrears)


class Scorer:
    """The tier and RFM rules for one set of lines, made ready once and applied to many numbers' windows."""

    def __init__(self, rules: Sequence[TierRule]) -> None:
        self.lines = [(r.min_average_fen, r.tier) for r in sorted(rules, key=lambda r: -r.min_average_fen)
                      if r.min_average_fen >= ENTRY_FEN]
        by_tier = {r.tier: r.min_average_fen for r in rules}
        steps = ((by_tier.get(Tier.DIAMOND), 5), (by_tier.get(Tier.GOLD), 4), (by_tier.get(Tier.SILVER), 3), (ENTRY_FEN, 2))
        self.steps = [(line, points) for line, points in steps if line is not None]

    def tier(self, window: Window) -> Tier | None:
        """The highest tier whose line the average monthly spend reaches, or None.

        No tier with arrears in the scored month (the rule's "good credit": the extract's arrears are
        what is outstanding at its close), nor with fewer than :data:`MIN_MONTHS` billed months. The
        average is over the months billed in the window, so a number that joined during the year is
        judged by its months as a customer; it is compared exactly (total ≥ line × months), never
        rounded: 149.99 yuan is not 150.
        """
        if window.arrears_fen > 0 or window.billed_months < MIN_MONTHS:
            return None
        for line, tier in self.lines:
            if window.total_fen >= line * window.billed_months:
                return tier
        return None

    def rfm(self, window: Window, scored: str) -> tuple[int, int, int]:
        """Recency, frequency and monetary scores, each 1 (weakest) to 5, on fixed scales.

        Fixed scales rather than quintiles of everyone: a customer's score then depends on their own
        bills only, so it does not move when other numbers are imported, and a month imported again
        gives the same scores.
        - Recency: months from the last month with a bill above zero to the scored month:
          0 → 5, 1 → 4, 2 → 3, 3 to 5 → 2, 6 or more, or never → 1.
        - Frequency: months of the twelve with a bill above zero: 12 → 5, 10-11 → 4, 7-9 → 3,
          4-6 → 2, fewer → 1.
        - Monetary: the average monthly spend against the tier lines: diamond's → 5, gold's → 4,
          silver's → 3, the entry line (150 yuan) → 2, below → 1.
        """
        gap = None if window.last_active is None else month_index(scored) - month_index(window.last_active)
        recency = 1 if gap is None else next((points for most, points in RECENCY_STEPS if gap <= most), 1)
        frequency = next((points for least, points in FREQUENCY_STEPS if window.active_months >= least), 1)
        months = max(window.billed_months, 1)
        monetary = next((points for line, points in self.steps if window.total_fen >= line * months), 1)
        return recency, frequency, monetary

    def score(self, window: Window, scored: str) -> Score:
        average = window.total_fen // window.billed_months if window.billed_months else 0
        return Score(self.tier(window), average, *self.rfm(window, scored))


def tier_of(window: Window, rules: Sequence[TierRule]) -> Tier | None:
    """:meth:`Scorer.tier` for one window."""
    return Scorer(rules).tier(window)


def rfm(window: Window, scored: str, rules: Sequence[TierRule]) -> tuple[int, int, int]:
    """:meth:`Scorer.rfm` for one window."""
    return Scorer(rules).rfm(window, scored)


def score(window: Window, scored: str, rules: Sequence[TierRule]) -> Score:
    return Scorer(rules).score(window, scored)


def change_of(before: str | None, after: str | None) -> Change | None:
    """How a tier moved (None: it did not)."""
    old, new = _RANK.get(Tier(before), 0) if before else 0, _RANK.get(Tier(after), 0) if after else 0
    if old == new:
        return None
    if old == 0:
        return Change.NEW
    if new == 0:
        return Change.LOST
    return Change.UP if new > old else Change.DOWN


def check_tier_rules(rules: Sequence[TierRule]) -> tuple[Reason, ...]:
    """Why these lines cannot be kept: below the 2004 entry, or not rising from 个人高价值客户 to 钻石卡."""
    problems: list[Reason] = []
    by_tier = {rule.tier: rule.min_average_fen for rule in rules}
    for tier in Tier:
        line = by_tier.get(tier)
        if line is None:
            problems.append(Reason("tier.missing", f"缺少“{TIER_LABELS.zh(tier)}”的标准", f"No line for {TIER_LABELS.en(tier)}"))
        elif line < ENTRY_FEN:
            problems.append(Reason(
                "tier.below_entry",
                f"“{TIER_LABELS.zh(tier)}”的标准不能低于月均消费 {yuan(ENTRY_FEN)} 元(2004年个人大客户标准)",
                f"The {TIER_LABELS.en(tier)} line cannot be below {yuan(ENTRY_FEN)} yuan a month (the 2004 rule)"))
    lines = [by_tier[t] for t in Tier if t in by_tier]
    if not problems and any(higher <= lower for higher, lower in zip(lines, lines[1:], strict=False)):
        problems.append(Reason("tier.order", "各级标准须从个人高价值客户到钻石卡逐级升高",
                               "Each tier's line must be higher than the one below it, up to Diamond"))
    return tuple(problems)
