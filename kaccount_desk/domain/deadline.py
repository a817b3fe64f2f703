"""The intake deadline (截止时间) and what happens to an application handed in after it.

Offices do accept late papers when a manager says so; the rule records that decision instead
of blocking it, and refuses only when nobody gave a reason.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.reasons import PASSED, Reason, Verdict
from kaccount_desk.domain.text import cell_text


def _require_aware(name: str, value: object) -> datetime:
    """Reject naive or non-datetime values: comparing local and UTC times silently is a bug.

    Raises ValueError; this is the one place where the domain raises, since only code, never a
    clerk, can pass a naive datetime.
    """
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {value!r}")
    return value


def time_left(now: datetime, deadline: datetime) -> timedelta:
    """Time until the deadline; negative once it has passed. Raises ValueError for naive input."""
    return _require_aware("deadline", deadline) - _require_aware("now", now)


_NONE_LEFT = timedelta(0)
# The deadline's last day: the office chases the departments that are behind.
NEAR = timedelta(hours=24)


def deadline_stage(now: datetime, deadline: datetime) -> str:
    """"open", "near" (in its last ``NEAR``) or "passed"; the deadline itself counts as passed."""
    left = time_left(now, deadline)
    if left <= timedelta(0):
        return "passed"
    return "near" if left < NEAR else "open"


def time_left_text(left: timedelta) -> Reason:
    """Time left as a clerk reads it: days and hours, or hours and minutes in the last day."""
    minutes = max(0, int(left.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return Reason("deadline.left", f"还剩 {days} 天 {hours} 小时", f"{days} d {hours} h left")
    return Reason("deadline.left", f"还剩 {hours} 小时 {mins} 分钟", f"{hours} h {mins} min left")


def _deadline_zh(deadline: datetime) -> str:
    return f"{deadline.year}年{deadline.month}月{deadline.day}日{deadline:%H:%M}"


def _deadline_en(deadline: datetime) -> str:
    return f"{deadline:%Y-%m-%d %H:%M} (UTC{deadline:%z})"


def check_deadline(now: datetime, deadline: datetime, late_reason: str | None = None) -> Verdict[None]:
    """Refuse after the deadline unless a late reason is given, which turns it into a warning.

    The deadline itself counts as passed: the seed notice says "上午10点前", before 10:00.
    The time is shown in the deadline's own offset, as it was announced.
    Raises ValueError for naive datetimes (see ``_require_aware``).
    """
    if time_left(now, deadline) > _NONE_LEFT:
        return PASSED
    reason = " ".join(cell_text(late_reason).split())
    if reason:
        return Verdict(
            warnings=(
                Reason(
                    "deadline.accepted_late",
                    f"截止时间{_deadline_zh(deadline)}已过,因“{reason}”逾期受理。",
                    f"The deadline {_deadline_en(deadline)} has passed; accepted late because: {reason}",
                ),
            )
        )
    return Verdict(
        reasons=(
            Reason(
                "deadline.passed",
                f"截止时间{_deadline_zh(deadline)}已过,不能再受理。如确需受理,请填写逾期受理原因。",
                f"The deadline {_deadline_en(deadline)} has passed. To accept the application anyway,"
                " enter the reason for late acceptance.",
            ),
        )
    )
