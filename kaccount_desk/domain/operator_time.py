"""The hall's clock: China Standard Time, UTC+8 all year.

Ticket deadlines, "today" on a printed notice, the dates a clerk types into a filter and the times
shown back all mean the hall's day and hour. A counter PC whose clock is set to another zone must
not move a ticket's due time or a notice's date, so these never use the computer's zone.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import overload

OPERATOR_TZ = timezone(timedelta(hours=8))


@overload
def local(value: datetime) -> datetime: ...


@overload
def local(value: datetime | None) -> datetime | None: ...


def local(value: datetime | None) -> datetime | None:
    return None if value is None else value.astimezone(OPERATOR_TZ)
