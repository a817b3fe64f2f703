"""What the key-account reports hold: one dataclass per line of each report, and the month's headline.

Money stays whole fen (``int``) here, as in the store; the screen and the JSON show it as yuan
text with two decimals (``yuan``), the .xlsx writes it as a number of yuan with two decimals.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaccount_desk.domain.key_account_report_rules import Churn, satisfaction_rate, share
from kaccount_desk.domain.key_accounts import yuan


@dataclass(frozen=True)
class TrendLine:
    """Development (发展) in one month: company memberships at its end and gained in it, key accounts by tier."""

    month: str
    members: int
    gained: int
    key_accounts: int
    by_tier: dict[str, int]


@dataclass(frozen=True)
class CompanyLine:
    """One company in the report's month; its members are those who joined by the month's end."""

    company_id: int
    name: str
    company_class: str
    manager_id: int | None
    members: int
    gained: int
    key_accounts: int  # members with a tier this month
    billed: int  # members with a bill this month
    revenue_fen: int
    left: int  # members billed the month before and not this month (churn)


@dataclass(frozen=True)
class TierLine:
    """Revenue (收入) of one tier in the month: its numbers' bills; ``tier`` None is the numbers with no tier."""

    tier: str | None
    name: str
    numbers: int
    revenue_fen: int

    @property
    def average_fen(self) -> int:
        return self.revenue_fen // self.numbers if self.numbers else 0


@dataclass(frozen=True)
class ChurnLine:
    """Churn (流失) of one kind in the month; tier drops are listed by the tier dropped from."""

    kind: str
    kind_name: str
    tier: str | None
    tier_name: str
    numbers: int


@dataclass(frozen=True)
class SatisfactionLine:
    """Key accounts' tickets of one category: closed in the month (and on time), and the month's callbacks."""

    category: str
    category_name: str
    closed: int
    on_time: int
    satisfied: int
    unsatisfied: int
    unreachable: int

    @property
    def rate(self) -> float | None:
        return satisfaction_rate(self.satisfied, self.unsatisfied)


@dataclass(frozen=True)
class ManagerLine:
    """One account manager's month: their companies' members, their customers' tickets and callbacks, their tasks."""

    staff_no: str
    name: str
    companies: int
    members: int
    gained: int
    tickets_closed: int
    closed_on_time: int
    satisfied: int
    unsatisfied: int
    tasks_due: int = 0  # their tasks due in the month
    tasks_on_time: int = 0  # of those, done by the end of their day

    @property
    def on_time_rate(self) -> float | None:
        return share(self.closed_on_time, self.tickets_closed)

    @property
    def tasks_rate(self) -> float | None:
        return share(self.tasks_on_time, self.tasks_due)

    @property
    def satisfaction(self) -> float | None:
        return satisfaction_rate(self.satisfied, self.unsatisfied)


@dataclass(frozen=True)
class Headline:
    """The month in a few figures: what ``report key-accounts --json`` prints and the page's status line says."""

    month: str
    bills_imported: bool
    members: int
    members_gained: int
    key_accounts: int
    revenue_yuan: str
    key_account_revenue_yuan: str
    members_gone: int
    tier_drops: int
    tier_exits: int
    tickets_closed: int
    closed_on_time: int
    satisfied: int
    unsatisfied: int
    satisfaction_rate: float | None


@dataclass(frozen=True)
class KeyAccountReport:
    month: str
    bills_imported: bool  # False: the month's bills are not in yet, so revenue, tiers and churn read zero
    months_imported: list[str]  # which of the twelve trend months have bills
    trend: list[TrendLine]
    companies: list[CompanyLine]
    tiers: list[TierLine]
    churn: list[ChurnLine]
    satisfaction: list[SatisfactionLine]
    managers: list[ManagerLine]

    def headline(self) -> Headline:
        last = self.trend[-1]
        by_kind = {kind: sum(c.numbers for c in self.churn if c.kind == kind.value) for kind in Churn}
        satisfied, unsatisfied = sum(s.satisfied for s in self.satisfaction), sum(s.unsatisfied for s in self.satisfaction)
        return Headline(
            self.month, self.bills_imported, last.members, last.gained, last.key_accounts,
            yuan(sum(t.revenue_fen for t in self.tiers)), yuan(sum(t.revenue_fen for t in self.tiers if t.tier is not None)),
            by_kind[Churn.LEFT_GROUP], by_kind[Churn.TIER_DOWN], by_kind[Churn.TIER_LOST],
            sum(s.closed for s in self.satisfaction), sum(s.on_time for s in self.satisfaction), satisfied, unsatisfied,
            satisfaction_rate(satisfied, unsatisfied))
