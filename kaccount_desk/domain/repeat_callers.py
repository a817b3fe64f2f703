"""Repeat callers (issue 23 item 4): which earlier tickets a new call about the same number belongs to.

A customer who calls again about a matter still open, or one closed only days ago, is the same
matter: a second ticket would split its history between two owners and count one complaint
twice. So the form shows the number's open tickets and those closed within :data:`REPEAT_WINDOW`
and offers to add the contact to one of them. A contact added to a closed ticket reopens it to its
first receiver (首问负责: the one who took it first owns it to the end), as a "not satisfied"
callback reopens it to its owner.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.tickets import TicketStatus

# A week: long enough to cover a customer who tries the fix over a weekend and calls back, short
# enough that last month's matter is not mistaken for today's.
REPEAT_WINDOW = timedelta(days=7)


def recent_since(now: datetime) -> datetime:
    """The earliest closing time that still counts as recent at ``now`` (that exact minute included)."""
    return now - REPEAT_WINDOW


def is_repeat(status: str, closed_at: datetime | None, now: datetime) -> bool:
    """An earlier ticket a new contact may belong to: still open, or closed no more than :data:`REPEAT_WINDOW` ago."""
    if status != TicketStatus.CLOSED:
        return True
    return closed_at is not None and closed_at >= recent_since(now)


def reopens(status: str) -> bool:
    """A contact added to a closed ticket reopens it; an open one simply gains the entry in its history."""
    return status == TicketStatus.CLOSED


def reopen_owner(first_receiver: int, first_receiver_active: bool, owner: int) -> int:
    """Whom a reopened ticket goes back to: its first receiver, unless they have left (then the owner a supervisor chose)."""
    return first_receiver if first_receiver_active else owner
