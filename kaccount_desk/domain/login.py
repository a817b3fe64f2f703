"""Who may try to log in, how often, and which passwords are too easy: the rules, once.

Counter PCs are shared and staff IDs are printed on receipts, so a staff ID is no secret and a
password is the only lock: five wrong answers in a row lock the staff ID for a quarter of an
hour (long enough to stop guessing by hand or by script, short enough that a clerk who forgot
the Caps Lock is back before the queue notices), and the password must not be one of the few
hundred that every guesser tries first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path

from kaccount_desk.domain.reasons import Reason

MAX_FAILED_LOGINS = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD = 8
MAX_STAFF_NO = 32
COMMON_PASSWORDS_FILE = "common-passwords.txt"


@dataclass(frozen=True)
class Attempts:
    """The count of wrong passwords in a row and the lock they earned, as stored per staff ID."""

    failed: int = 0
    locked_until: datetime | None = None

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> Attempts:
        """The fifth failure in a row locks; the count starts again once the lock is served."""
        failed = 1 if self.locked_until is not None and not self.locked(now) else self.failed + 1
        if failed >= MAX_FAILED_LOGINS:
            return Attempts(0, now + LOCK_DURATION)
        return Attempts(failed, None if not self.locked(now) else self.locked_until)


def locked_reason(until: datetime) -> Reason:
    shown = until.astimezone().strftime("%H:%M")
    return Reason(
        "login.locked",
        f"连续{MAX_FAILED_LOGINS}次密码错误,此工号已锁定到 {shown}。请稍后再试,或请管理员解锁。",
        f"{MAX_FAILED_LOGINS} wrong passwords in a row: this staff ID is locked until {shown}. "
        "Try again later, or ask an admin to unlock it.",
    )


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
