"""Who may try to log in, how often, and which passwords are too easy: the rules, once.

Counter PCs are shared and staff IDs are printed on receipts, so a staff ID is no secret and a
password is the only lock. Guessing is slowed, never stopped dead: after a few wrong answers each
further one makes the next try wait longer (1, 2, 4, 8 ... seconds, at most a minute), counted
both for the staff ID typed and for the PC typing it. A fixed lock of a quarter of an hour let
anyone lock a colleague out with five wrong guesses; a wait of at most a minute costs a guesser
hours but a colleague seconds. The count is kept per typed ID, whether or not such a staff member
exists, so the answers tell no one which IDs are real. The password must also not be one of the
few hundred that every guesser tries first.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from kaccount_desk.domain.reasons import Reason

FREE_FAILURES = 3  # a forgotten Caps Lock, a mistyped ID: no wait yet
FIRST_WAIT = timedelta(seconds=1)
MAX_WAIT = timedelta(seconds=60)
FORGET_AFTER = timedelta(minutes=15)  # failures this old no longer count
MIN_PASSWORD = 8
MAX_STAFF_NO = 32
COMMON_PASSWORDS_FILE = "common-passwords.txt"


@dataclass(frozen=True)
class Throttle:
    """Wrong answers in a row for one staff ID typed or one PC, and when the last one came."""

    failed: int = 0
    last_failed_at: datetime | None = None

    def current(self, now: datetime) -> Throttle:
        """Failures older than :data:`FORGET_AFTER` are forgiven: the count starts again."""
        if self.last_failed_at is None or now - self.last_failed_at >= FORGET_AFTER:
            return Throttle()
        return self

    def delay(self) -> timedelta:
        """The wait this many failures earn: none for the first few, then doubling up to the cap."""
        over = self.failed - FREE_FAILURES
        if over <= 0:
            return timedelta(0)
        return min(FIRST_WAIT * 2 ** min(over - 1, 16), MAX_WAIT)

    def wait(self, now: datetime) -> timedelta:
        """How long from ``now`` until the next try is heard; zero when it may come now."""
        held = self.current(now)
        if held.last_failed_at is None:
            return timedelta(0)
        return max(held.last_failed_at + held.delay() - now, timedelta(0))

    def after_failure(self, now: datetime) -> Throttle:
        return Throttle(self.current(now).failed + 1, now)


def wait_reason(wait: timedelta) -> Reason:
    """The one answer while a staff ID or a PC must wait, whether or not the ID exists."""
    seconds = max(1, math.ceil(wait.total_seconds()))
    return Reason(
        "login.wait",
        f"密码错误次数过多,请 {seconds} 秒后再试(管理员可以解除)。",
        f"Too many wrong passwords: try again in {seconds} s (an admin can lift the wait).",
    )


def wait_until(throttles: list[Throttle], now: datetime) -> datetime | None:
    """When the longest of these waits ends, or None when no wait holds."""
    longest = max((t.wait(now) for t in throttles), default=timedelta(0))
    return now + longest if longest > timedelta(0) else None


def staff_no_as_kept(staff_no: str) -> str:
    """The staff ID in capitals: it is matched without case at the login, so "c001" typed when adding is C001
    on every list, receipt and audit entry, as the other IDs of the office are."""
    return staff_no.strip().upper()


def staff_no_problems(staff_no: str) -> list[Reason]:
    """A staff ID is typed on shared keyboards and printed on receipts: visible characters only."""
    text = staff_no.strip()
    if not text or len(text) > MAX_STAFF_NO:
        return [Reason("staff.no", f"工号不能为空(最多{MAX_STAFF_NO}位)",
                       f"The staff ID is empty or longer than {MAX_STAFF_NO} characters")]
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        return [Reason("staff.no_control", "工号不能含换行、制表符或其他控制字符",
                       "The staff ID may not contain line breaks, tabs or other control characters")]
    return []


def password_problems(password: str, common: frozenset[str]) -> list[Reason]:
    if len(password) < MIN_PASSWORD:
        return [Reason("staff.password", f"密码至少{MIN_PASSWORD}位", f"The password needs at least {MIN_PASSWORD} characters")]
    if password.strip().casefold() in common:
        return [Reason("staff.password_common", "这个密码太常见,很容易被猜到,请换一个",
                       "This password is among the most common ones and easily guessed; choose another")]
    return []


@lru_cache(maxsize=4)
def load_common_passwords(resources: Path) -> frozenset[str]:
    lines = (resources / COMMON_PASSWORDS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))
