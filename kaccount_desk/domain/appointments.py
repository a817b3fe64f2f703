"""Appointments kept (standard 2.4: 上门服务人员应遵守预约时间): a repair visit's window, reminder and misses.

A fault that needs someone at the customer's home gets an appointment: a time window (from, to)
and who goes. The owner is reminded :data:`REMIND_BEFORE` it starts. A visit not recorded by the
end of its window is a missed appointment: the minute the window ends still counts as kept, the
next one is missed. Moving an appointment is a reschedule, which needs a reason (the customer
asked, the technician is ill ...) and leaves both windows in the ticket's history.

Every rule takes ``now`` from the caller, so tests set the clock to the exact minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.tickets import Category

REMIND_BEFORE = timedelta(hours=1)
# A window longer than a working day is no appointment: the customer would wait at home all day.
MAX_WINDOW = timedelta(hours=12)
MAX_VISITOR = 64


class VisitState(StrEnum):
    BOOKED = "booked"  # the window is still ahead
    UNDER_WAY = "under_way"  # now is inside the window
    KEPT = "kept"  # the visit was recorded by the window's end
    MISSED = "missed"  # not recorded by the window's end (a late visit stays a miss)
    MOVED = "moved"  # rescheduled before its window ended


@dataclass(frozen=True)
class Window:
    start: datetime
    end: datetime


def check_window(start: datetime, end: datetime, now: datetime) -> tuple[Reason, ...]:
    """Why this window cannot be booked now; empty when it can."""
    if start.tzinfo is None or end.tzinfo is None:
        return (Reason("visit.naive", "预约时间须带时区", "The appointment's times need a UTC offset"),)
    if end <= start:
        return (Reason("visit.order", "预约的结束时间须晚于开始时间", "The appointment must end after it starts"),)
    if end - start > MAX_WINDOW:
        hours = int(MAX_WINDOW.total_seconds() // 3600)
        return (Reason("visit.too_long", f"预约时段最长{hours}小时", f"An appointment window is at most {hours} hours"),)
    if start < now:
        return (Reason("visit.past", "预约开始时间不能早于现在", "The appointment cannot start in the past"),)
    return ()


def check_appointment(category: str, visitor: str, rescheduling: bool, reason: str) -> tuple[Reason, ...]:
    """Whether a fault may be booked (or rebooked) with this visitor; a reschedule needs its reason."""
    problems: list[Reason] = []
    if category != Category.FAULT:
        problems.append(Reason("visit.not_fault", "只有故障申告可以预约上门", "Only a fault report can have a visit booked"))
    if not visitor:
        problems.append(Reason("visit.no_visitor", "请填写上门人员", "Say who goes to the customer"))
    elif len(visitor) > MAX_VISITOR:
        problems.append(Reason("visit.visitor_long", f"上门人员最多{MAX_VISITOR}字", f"The visitor is at most {MAX_VISITOR} characters"))
    if rescheduling and not reason:
        problems.append(
            Reason("visit.reason", "已有预约,改约须填写原因", "An appointment is already booked: rescheduling needs a reason")
        )
    return tuple(problems)


def settled(visited: datetime | None, moved: datetime | None, closed: datetime | None) -> datetime | None:
    """When the appointment stopped waiting for a visit: recorded, moved, or its ticket closed."""
    return visited or moved or closed


def missed(end: datetime, settled_at: datetime | None, now: datetime) -> bool:
    """Missed when nothing settled it by the end of its window (the end minute itself is still in time)."""
    return (settled_at or now) > end


def visit_state(window: Window, visited: datetime | None, moved: datetime | None, closed: datetime | None,
                now: datetime) -> VisitState:
    """What the panel and queue show of one appointment now."""
    if missed(window.end, settled(visited, moved, closed), now):
        return VisitState.MISSED
    if visited is not None:
        return VisitState.KEPT
    if moved is not None:
        return VisitState.MOVED
    return VisitState.UNDER_WAY if now >= window.start else VisitState.BOOKED


def reminder_due(window: Window, now: datetime) -> str | None:
    """The owner's reminder for an appointment nobody has visited yet: "soon" from an hour before, "missed" after."""
    if now > window.end:
        return "missed"
    if now >= window.start - REMIND_BEFORE:
        return "soon"
    return None
