"""Planned work that interrupts service (计划停机), and the service standard's rules for its notice.

Standard 2.6 of the operator's service standard (seed documents): work that can be foreseen
(line repairs, moving equipment, cut-overs, upgrades) and stops customers' service for under 24
hours is announced to the affected customers at least 72 hours before it starts; work of 24 hours
or more, or work that reaches key-account customers (重要客户), needs the competent department's
approval (报主管部门批准) recorded before the notice. This module decides, from plain values and a
clock the caller passes, whether a notice may go out now, and which tickets an announced outage
explains. Nothing here reads a store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.text import to_half_width

NOTICE_LEAD = timedelta(hours=72)  # 应提前72小时告知所涉及的客户
LONG_WORK_HOURS = 24  # 超过24小时 ... 应事先报主管部门批准
MAX_HOURS = 24 * 30  # a month: beyond that it is not an outage but a closure, and a typo more likely
MAX_WHAT = 200
MAX_AREA = 64
MAX_AFFECTED = 500
MAX_APPROVER = 100


class NoticeState(StrEnum):
    """Where a planned work's notice stands now; ``READY`` and ``ANNOUNCED`` may be printed."""

    READY = "ready"
    NEEDS_APPROVAL = "needs_approval"
    TOO_LATE = "too_late"
    ANNOUNCED = "announced"


NOTICE_LABELS = Labels({
    NoticeState.READY: ("可发通知", "Notice may go out"),
    NoticeState.NEEDS_APPROVAL: ("待批准", "Awaiting approval"),
    NoticeState.TOO_LATE: ("已不足 72 小时", "Too late to announce"),
    NoticeState.ANNOUNCED: ("已通知", "Announced"),
})


@dataclass(frozen=True)
class PlannedWork:
    """What the rules need of one planned work: when, how long, whom it reaches, what was recorded."""

    start: datetime
    hours: int
    key_accounts: bool
    approved_at: datetime | None = None
    announced_at: datetime | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(hours=self.hours)

    @property
    def needs_approval(self) -> bool:
        return needs_approval(self.hours, self.key_accounts)


def needs_approval(hours: int, key_accounts: bool) -> bool:
    """24 hours or more, or key-account customers reached: the competent department approves first."""
    return hours >= LONG_WORK_HOURS or key_accounts


def notice_due_by(start: datetime) -> datetime:
    """The last instant a notice may go out: exactly 72 hours before the work starts is still in time."""
    return start - NOTICE_LEAD


def clean(raw: str | None) -> str:
    """One line of half-width text: input methods give full-width forms and stray spaces."""
    return " ".join(to_half_width(raw or "").split())


def _required(text: str, limit: int, code: str, zh: str, en: str) -> tuple[Reason, ...]:
    if not text:
        return (Reason(f"outage.{code}_empty", f"{zh}不能为空", f"The {en} is empty"),)
    if len(text) > limit:
        return (Reason(f"outage.{code}_long", f"{zh}最多 {limit} 个字", f"The {en} may have at most {limit} characters"),)
    return ()


def check_plan(what: str, area: str, affected: str, start: datetime, hours: int, now: datetime) -> tuple[Reason, ...]:
    """Why this planned work cannot be registered; empty when it can.

    Work already under way may not be registered: the register is of announcements, and an
    outage that has begun can no longer be announced (a fault ticket covers it).
    """
    reasons = [
        *_required(clean(what), MAX_WHAT, "what", "停机内容", "description of the work"),
        *_required(clean(area), MAX_AREA, "area", "影响区域", "area"),
    ]
    if len(clean(affected)) > MAX_AFFECTED:
        reasons.append(Reason("outage.affected_long", f"受影响客户说明最多 {MAX_AFFECTED} 个字",
                              f"The note on who is affected may have at most {MAX_AFFECTED} characters"))
    if not 1 <= hours <= MAX_HOURS:
        reasons.append(Reason("outage.hours", f"预计时长应在 1 到 {MAX_HOURS} 小时之间",
                              f"The expected duration must be between 1 and {MAX_HOURS} hours"))
    if start <= now:
        reasons.append(Reason("outage.started", "开始时间已过,无法再提前通知", "The start time has passed; it can no longer be announced"))
    return tuple(reasons)


def notice_state(work: PlannedWork, now: datetime) -> NoticeState:
    """Whether the notice may be printed now.

    A notice printed once in time stays printable (a copy for another customer is the same
    announcement). Otherwise it needs the approval first when the rules ask for one, and it must
    go out no later than 72 hours before the start. The 72 hours apply to long work too: the
    standard names them for short work, and longer work cannot deserve a shorter warning.
    """
    if work.announced_at is not None:
        return NoticeState.ANNOUNCED
    if work.needs_approval and work.approved_at is None:
        return NoticeState.NEEDS_APPROVAL
    if now > notice_due_by(work.start):
        return NoticeState.TOO_LATE
    return NoticeState.READY


def check_notice(work: PlannedWork, now: datetime) -> tuple[Reason, ...]:
    """Why the notice may not be printed now; empty when it may."""
    state = notice_state(work, now)
    if state is NoticeState.NEEDS_APPROVAL:
        why_zh = "影响重要客户" if work.key_accounts else f"停机 {work.hours} 小时(24 小时及以上)"
        why_en = "it affects key-account customers" if work.key_accounts else f"it lasts {work.hours} hours (24 or more)"
        return (Reason("outage.unapproved", f"{why_zh},须先报主管部门批准并登记后才能发通知",
                       f"The approval must be recorded before the notice: {why_en}"),)
    if state is NoticeState.TOO_LATE:
        return (Reason("outage.too_late", "距开始已不足 72 小时,不能再发停机通知(应提前 72 小时告知客户)",
                       "Less than 72 hours remain before the start: the notice is too late (customers must be told 72 hours ahead)"),)
    return ()


def check_approval(approved_at: datetime | None, by: str) -> tuple[Reason, ...]:
    """Why an approval cannot be recorded: one per planned work, and it names who approved."""
    if approved_at is not None:
        return (Reason("outage.approved_already", "此计划停机已登记批准", "This planned work is already approved"),)
    return _required(clean(by), MAX_APPROVER, "approver", "批准部门或批准人", "approver")


def affects_company(area: str, company: str) -> bool:
    """Whether work in ``area`` reaches the key-account company named ``company``.

    The simple rule: the area's name appears in the company's name (work in 泊头 reaches
    泊头铸造有限公司). A company elsewhere, or one the name does not tell, is named by listing its
    campaign explicitly when the work is registered.
    """
    place, name = clean(area), clean(company)
    return bool(place) and place in name


def explains_ticket(area: str, category: str, ticket_area: str, content: str) -> bool:
    """Whether an announced outage in ``area`` explains a ticket (the time is checked by the caller).

    Only a fault (障碍申告) can be caused by planned work. Its place is in what the clerk wrote
    (the customer's address or village) or is the ticket's area itself (城镇, 农村).
    """
    place = clean(area)
    return category == "fault" and bool(place) and (place in clean(content) or place == clean(ticket_area))
