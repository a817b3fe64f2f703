"""What the key-account reports count (ch. 6 of the 2002 specification: 发展, 收入, 流失, 满意度), as plain rules.

The specification asks for the development of members and key accounts, revenue, churn and
satisfaction "by month"; every figure here is of a calendar month of the hall's clock (UTC+8), so a
ticket closed at 23:30 on the last evening of March counts in March even though it is 15:30 UTC.
The service turns these rules into grouped SQL; the functions here say the same thing for one case,
for the tests and for anyone asking what a figure means.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kaccount_desk.domain.key_accounts import Change, change_of, month_index, month_of, parse_month
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Reason

TREND_MONTHS = 12  # development is shown over the twelve months that end with the report's month
BILLED_FEN = 1  # a month "billed" for a number when its bill is at least this: a zero bill is a number nobody uses


class Churn(StrEnum):
    """Why a number counts as lost in a month."""

    LEFT_GROUP = "left_group"  # a company member billed the month before and not this month
    TIER_DOWN = "tier_down"  # a key account that dropped to a lower tier
    TIER_LOST = "tier_lost"  # a key account that left the tiers altogether


CHURN_LABELS = Labels({
    Churn.LEFT_GROUP: ("离网成员", "Members gone"),
    Churn.TIER_DOWN: ("降级", "Tier dropped"),
    Churn.TIER_LOST: ("退出大客户", "Left the tiers"),
})


@dataclass(frozen=True)
class MonthBounds:
    """A month of the hall's clock as the half-open span [start, end) that timestamps are compared with."""

    month: str
    start: datetime
    end: datetime


def report_month(text: str) -> tuple[str | None, tuple[Reason, ...]]:
    """The month a report is asked for ("2026-03", "2026/3", "2026年3月"), or why it is not one."""
    month = parse_month(text)
    if month is None:
        return None, (Reason("report.month", f"月份“{str(text)[:20]}”不对,应写作 2026-03 这样的年-月",
                             f"The month “{str(text)[:20]}” is not a month; write it as 2026-03"),)
    return month, ()


def bounds(month: str) -> MonthBounds:
    """From midnight of the 1st in the hall to midnight of the next month's 1st."""
    following = month_of(month_index(month) + 1)
    return MonthBounds(month, _first_instant(month), _first_instant(following))


def trend_months(month: str, count: int = TREND_MONTHS) -> list[str]:
    """The ``count`` months that end with ``month``, oldest first."""
    last = month_index(month)
    return [month_of(index) for index in range(last - count + 1, last + 1)]


def month_of_instant(at: datetime) -> str:
    """The month a timestamp falls in on the hall's clock."""
    local = at.astimezone(OPERATOR_TZ)
    return f"{local.year:04d}-{local.month:02d}"


def billed(amount_fen: int | None) -> bool:
    """A number counts as billed in a month when it has a bill of at least :data:`BILLED_FEN` then."""
    return amount_fen is not None and amount_fen >= BILLED_FEN


def left_group(amount_before: int | None, amount_now: int | None) -> bool:
    """A company member is lost to the group in a month when it was billed the month before and is not now.

    Membership itself has no end in the store (an activated application has no later state, an
    imported member list is a list of who belongs), so the operator's bill is what says a number
    stopped being used: no bill, or a zero bill, after a month with one.
    """
    return billed(amount_before) and not billed(amount_now)


def churn_judged(bills_imported: bool) -> bool:
    """Members are judged gone only once the month's bills are in: before, every number would look unbilled."""
    return bills_imported


def tier_churn(before: str | None, after: str | None) -> Churn | None:
    """A key account's tier drop of the month (降级), or its exit from the tiers (退出); None otherwise."""
    change = change_of(before, after)
    if change is Change.DOWN:
        return Churn.TIER_DOWN
    if change is Change.LOST:
        return Churn.TIER_LOST
    return None


def closed_on_time(closed_at: datetime | None, due_at: datetime) -> bool:
    """A ticket closed on time: closed at or before its due time (the due time already allows for waits)."""
    return closed_at is not None and closed_at <= due_at


def key_account_ticket(ticked: bool, has_tier: bool, company_member: bool) -> bool:
    """A key account's ticket: ticked at the desk, or from a number with a tier that month, or a company member's.

    The tick alone missed the key accounts nobody recognised at the counter; the archive knows them.
    """
    return ticked or has_tier or company_member


def satisfaction_rate(satisfied: int, unsatisfied: int) -> float | None:
    """Satisfied among the customers reached at a callback; "not reachable" counts neither way. None: nobody reached."""
    reached = satisfied + unsatisfied
    return satisfied / reached if reached else None


def share(part: int, whole: int) -> float | None:
    """``part`` of ``whole``, or None when there is no whole to share (not 0 %, which reads as a failure)."""
    return part / whole if whole else None


def _first_instant(month: str) -> datetime:
    year, number = (int(part) for part in month.split("-"))
    return datetime(year, number, 1, tzinfo=OPERATOR_TZ)
