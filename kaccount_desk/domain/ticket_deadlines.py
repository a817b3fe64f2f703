"""Time limits of first-contact tickets, and what an overdue fault costs the operator.

Default limits, counted from receipt; a supervisor changes them on the Admin page or with
``ticket limits --set`` (kept in the store's ``ticket_time_limits``):

- fault report (故障申告): 48 h in towns, 72 h in rural areas. This is the operator's own
  standard (客户服务标准(2011) 2.5): a fault is repaired within those hours, or the customer is
  told in time and the outage's monthly rent is waived. Faults caused by the customer's own
  handset are excluded, once the owner records that cause. A fault whose area is not given is
  counted as town, the shorter limit, so missing data never buys the operator time.
- complaint (投诉): 48 h. The national rules let a customer appeal to the regulator when a
  complaint is still unresolved after 15 days (电信用户申诉处理办法), so 15 days is the hard
  outer bound no setting may reach; 48 h matches the fault standard and leaves the owner room to
  refer, reply and call back twice well before the customer may go over the operator's head.
- consultation (咨询) and lookup (查询): 24 h. Most are answered at the counter; one that needs a
  department should still be answered the next working day, or the customer calls again.
- business request (业务受理): 72 h, the rural fault limit: a request may need another
  department's work (a number change, a group package), which takes longer than an answer.

Key-account tickets (绿色通道) may have limits of their own per category (and area, for faults), set
by a supervisor; a category without one gives a key account the same limit as everyone.

Referrals carry their own due time; the default is :data:`DEFAULT_REFERRAL_HOURS`, brought
forward so the department answers before the ticket itself is due (see :func:`referral_due`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.tickets import Area, Category

HOUR = timedelta(hours=1)
APPEAL_BOUND = timedelta(days=15)
DEFAULT_REFERRAL_HOURS = 24
DUE_SOON = timedelta(hours=2)

# (category, area) → hours; area None means "any area".
DEFAULT_LIMITS: dict[tuple[Category, Area | None], int] = {
    (Category.FAULT, Area.TOWN): 48,
    (Category.FAULT, Area.RURAL): 72,
    (Category.COMPLAINT, None): 48,
    (Category.CONSULTATION, None): 24,
    (Category.LOOKUP, None): 24,
    (Category.BUSINESS, None): 72,
}


@dataclass(frozen=True)
class TimeLimits:
    """Hours per category (and area, for faults); built from the store's table or the defaults."""

    hours: tuple[tuple[Category, Area | None, int], ...] = tuple((c, a, h) for (c, a), h in DEFAULT_LIMITS.items())
    # A key account's own limits, where a supervisor set one; the rest fall back to ``hours``.
    key_account: tuple[tuple[Category, Area | None, int], ...] = ()

    def limit(self, category: Category, area: Area | None, key_account: bool = False) -> timedelta:
        if category is Category.FAULT:
            area = area or Area.TOWN
        keys = ((category, area), (category, None))
        if key_account:
            own = {(c, a): h for c, a, h in self.key_account}
            found = next((own[key] for key in keys if key in own), None)
            if found is not None:
                return found * HOUR
        table = {(c, a): h for c, a, h in self.hours}
        for key in keys:
            if key in table:
                return table[key] * HOUR
        return DEFAULT_LIMITS.get((category, area), DEFAULT_LIMITS.get((category, None), 24)) * HOUR


def due_at(
    received: datetime, category: Category, area: Area | None, limits: TimeLimits = TimeLimits(), key_account: bool = False
) -> datetime:
    """When the ticket must be done, counted in plain hours from receipt (the standard counts hours, not working days)."""
    return received + limits.limit(category, area, key_account)


def referral_due(now: datetime, ticket_due: datetime) -> datetime:
    """The default answer-by time of a referral made ``now``.

    A day, but never later than :data:`DUE_SOON` before the ticket is due, so the owner has time
    to reply to the customer (a consultation referred an hour after receipt had its department's
    answer due an hour after the ticket itself); never sooner than an hour from now, which a
    department can still meet when the ticket is already nearly or past due.
    """
    return max(min(now + DEFAULT_REFERRAL_HOURS * HOUR, ticket_due - DUE_SOON), now + HOUR)


# A year: beyond it a "limit" promises nothing, and a number of hours too big for the store or for a
# date once ended the command in a traceback.
MAX_LIMIT_HOURS = 24 * 366


def check_limit(category: Category, hours: int) -> tuple[Reason, ...]:
    """A configured limit must be positive, and a complaint's must stay inside the 15-day appeal bound."""
    if hours <= 0:
        return (Reason("limit.positive", "时限必须大于0小时", "A time limit must be more than 0 hours"),)
    if hours > MAX_LIMIT_HOURS:
        return (Reason("limit.too_long", f"时限不能超过{MAX_LIMIT_HOURS}小时(一年)",
                       f"A time limit cannot be more than {MAX_LIMIT_HOURS} hours (a year)"),)
    if category is Category.COMPLAINT and hours * HOUR >= APPEAL_BOUND:
        return (
            Reason(
                "limit.appeal_bound",
                "投诉处理时限必须少于15天:超过15天未解决,客户可向电信管理机构申诉",
                "A complaint limit must be under 15 days: after 15 days unresolved the customer may appeal to the regulator",
            ),
        )
    return ()


# A warning earlier than three days before is no warning: a 24 h consultation would be "due soon" from its start.
MAX_WARNING_HOURS = 72


@dataclass(frozen=True)
class Warnings:
    """How long before its due time each category's owner is warned (supervisor setting); others :data:`DUE_SOON`."""

    hours: tuple[tuple[Category, int], ...] = ()

    def before(self, category: str) -> timedelta:
        return next((h * HOUR for c, h in self.hours if c == category), DUE_SOON)

    def longest(self) -> timedelta:
        return max([DUE_SOON, *(h * HOUR for _, h in self.hours)])


def check_warning(hours: int) -> tuple[Reason, ...]:
    """A warning comes at least an hour and at most :data:`MAX_WARNING_HOURS` before the due time."""
    if not 1 <= hours <= MAX_WARNING_HOURS:
        return (Reason("warning.hours", f"提醒时间须为到期前1到{MAX_WARNING_HOURS}小时",
                       f"The warning comes 1 to {MAX_WARNING_HOURS} hours before the due time"),)
    return ()


def urgency(due: datetime, now: datetime, closed: bool = False, soon: timedelta = DUE_SOON) -> str:
    """"overdue", "due_soon", "ok" or "done": what the queue colours a row by."""
    if closed:
        return "done"
    left = due - now
    if left <= timedelta(0):
        return "overdue"
    return "due_soon" if left <= soon else "ok"


@dataclass(frozen=True)
class FaultFacts:
    """What matters about a fault for the waiver: when received and due, whether done, exempt."""

    received: datetime
    due: datetime
    closed_at: datetime | None
    handset_cause: bool


def fault_overdue(facts: FaultFacts, now: datetime) -> bool:
    """A fault not repaired by its limit, unless the customer's own handset caused it."""
    if facts.handset_cause:
        return False
    end = facts.closed_at or now
    return end > facts.due


def overdue_notice_missing(facts: FaultFacts, now: datetime, notice_recorded: bool) -> tuple[Reason, ...]:
    """An overdue fault needs a recorded notice to the customer before it may close."""
    if not fault_overdue(facts, now) or notice_recorded:
        return ()
    return (
        Reason(
            "fault.notice_required",
            "故障已超过修复时限,须先登记已告知客户(并免收障碍期间月租)",
            "The fault is past its repair limit: record the notice to the customer first (the outage's monthly rent is waived)",
        ),
    )


def waiver_period(facts: FaultFacts, now: datetime) -> tuple[datetime, datetime] | None:
    """The outage whose monthly rent is waived: from receipt to repair (close), or to now while open."""
    if not fault_overdue(facts, now):
        return None
    return facts.received, facts.closed_at or now


def on_time_rate(closed_on_time: int, received: int, open_in_time: int) -> float | None:
    """Share of tickets closed by their due time, among those whose outcome is known.

    A ticket still open and not yet due is neither on time nor late: counting it as a miss made a
    desk that had just taken a ticket look half late (1 closed on time + 1 just opened read 50 %).
    An open ticket past its due time is a miss already. None when no outcome is known yet.
    """
    decided = received - open_in_time
    return closed_on_time / decided if decided > 0 else None
