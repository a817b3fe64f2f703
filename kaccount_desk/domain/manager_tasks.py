"""An account manager's tasks (客户经理任务): their kinds, where each falls in "my day", and which
tier moves of the month (异动) make one.

"Today" is the hall's day (UTC+8, ``domain/operator_time.py``): a task due on the 5th is overdue from
00:00 of the 6th in the hall, whatever zone the counter PC's clock is set to. A task is due on a
day, not at a minute: a visit or a call is planned for a day, and a manager's day is read in the
morning as a whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum

from kaccount_desk.domain.key_accounts import Change, month_index, month_of
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Reason

TITLE_CHARS = 200
UPCOMING_DAYS = 7  # "my day" looks this many days ahead of today
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


class TaskKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    RENEWAL = "renewal"
    DOWNGRADE = "downgrade"
    OTHER = "other"


KIND_LABELS = Labels({
    TaskKind.VISIT: ("走访", "Visit"),
    TaskKind.CALL: ("电话回访", "Call back"),
    TaskKind.RENEWAL: ("续约", "Renewal"),
    TaskKind.DOWNGRADE: ("降级跟进", "Downgrade follow-up"),
    TaskKind.OTHER: ("其他", "Other"),
})


class TaskSource(StrEnum):
    """Who made the task: the manager by hand, a supervisor for them, or the month's 异动 list."""

    HAND = "hand"
    SUPERVISOR = "supervisor"
    CHANGE = "change"


SOURCE_LABELS = Labels({
    TaskSource.HAND: ("自建", "By hand"),
    TaskSource.SUPERVISOR: ("主管派发", "From a supervisor"),
    TaskSource.CHANGE: ("异动生成", "From the tier changes"),
})


class DayPart(StrEnum):
    """Where an open task stands in "my day", in the order the list shows them."""

    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


PART_LABELS = Labels({
    DayPart.OVERDUE: ("已逾期", "Overdue"),
    DayPart.TODAY: ("今天", "Today"),
    DayPart.UPCOMING: ("未来7天", "Next 7 days"),
})

# A tier drop is what a manager must follow up: a customer who spends less may be leaving. Leaving the
# tiers altogether is the deepest drop. An upgrade or a new entry is good news, not a task.
FOLLOWED_CHANGES = frozenset({Change.DOWN, Change.LOST})


def hall_today(now: datetime) -> date:
    """The hall's date at ``now`` (an aware time; the store's clock is UTC)."""
    return now.astimezone(OPERATOR_TZ).date()


def done_on_time(due_on: date, done_at: datetime | None) -> bool:
    """Done by the end of its due day in the hall (UTC+8): what a manager's report counts as on time."""
    return done_at is not None and hall_today(done_at) <= due_on


def day_part(due_on: date, now: datetime) -> DayPart | None:
    """Where an open task due on ``due_on`` stands at ``now``; None when it is further off than the week ahead."""
    today = hall_today(now)
    if due_on < today:
        return DayPart.OVERDUE
    if due_on == today:
        return DayPart.TODAY
    return DayPart.UPCOMING if due_on <= today + timedelta(days=UPCOMING_DAYS) else None


def my_day_last(now: datetime) -> date:
    """The last due date "my day" lists at ``now``: everything up to it, overdue ones included."""
    return hall_today(now) + timedelta(days=UPCOMING_DAYS)


def day_order(due_on: date, task_id: int, now: datetime) -> tuple[int, date, int]:
    """The sort key of "my day": overdue first (the oldest first), then today, then the days ahead."""
    part = day_part(due_on, now)
    rank = list(DayPart).index(part) if part is not None else len(DayPart)
    return rank, due_on, task_id


def parse_due(text: str) -> date | None:
    """"2026-03-05", "2026/3/5", "2026年3月5日" → that date; None for anything else."""
    found = _DATE.match(text or "")
    if found is None:
        return None
    try:
        return date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
    except ValueError:
        return None


def check_task(title: str, due: str, kind: str) -> tuple[Reason, ...]:
    """Why a task cannot be kept as typed; empty when it can."""
    problems: list[Reason] = []
    text = title.strip()
    if not text:
        problems.append(Reason("task.title_empty", "请写明任务内容", "Write what the task is"))
    elif len(text) > TITLE_CHARS:
        problems.append(Reason("task.title_long", f"任务内容不能超过 {TITLE_CHARS} 个字",
                               f"The task cannot exceed {TITLE_CHARS} characters"))
    if parse_due(due) is None:
        problems.append(Reason("task.due", f"到期日“{due.strip()[:20]}”不对,应写作 2026-03-05 这样的年-月-日",
                               f"The due date “{due.strip()[:20]}” is not a date; write it as 2026-03-05"))
    if kind not in TaskKind.__members__.values():
        names = "、".join(KIND_LABELS.zh(k) for k in TaskKind)
        problems.append(Reason("task.kind", f"任务类型“{kind[:20]}”不对,应为:{names}",
                               f"The kind “{kind[:20]}” is not one of: {', '.join(k.value for k in TaskKind)}"))
    return tuple(problems)


def makes_task(change: str) -> bool:
    """Whether a move of the 异动 list asks its manager to follow it up."""
    return change in FOLLOWED_CHANGES


def followup_due(month: str) -> date:
    """When the follow-up of a move in ``month`` is due: the last day of the month after it.

    The list of ``month`` is ready once its bills are imported, early in the month after; the
    manager has that month to call or visit. The date is fixed by the month, so it also tells a
    task of one month's list from another's: running the list again finds the task it made.
    """
    first_after_next = month_of(month_index(month) + 2)
    year, number = (int(part) for part in first_after_next.split("-"))
    return date(year, number, 1) - timedelta(days=1)


def followup_numbers(moves: Sequence[tuple[str, str]], done: set[str]) -> list[str]:
    """The numbers of ``moves`` (number, change) that need a follow-up task and have none yet (``done``):
    one per number, whatever the list repeats."""
    wanted: list[str] = []
    for number, change in moves:
        if makes_task(change) and number not in done and number not in wanted:
            wanted.append(number)
    return wanted


def followup_title(number: str, before: str, after: str) -> str:
    """The task's title, in the words of the 异动 list (tier names in Chinese, the counter's language)."""
    return f"降级跟进 {number}:{before or '无'} → {after or '退出'}"
