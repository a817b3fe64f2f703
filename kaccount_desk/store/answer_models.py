"""Tables of one answer from every channel and of appointments kept (issue 23 items 7 and 8).

Standard answers and forbidden phrases are supervisors' data, seeded by migration 0018 (the
phrases from ``resources/forbidden_phrases_zh.txt``). A standard answer keeps its bigram text
(``domain/search_text.py``) beside it, so it is found by any Chinese substring the way tickets
are; the library is a few hundred rows, so a LIKE over that column is the whole index.

An appointment is one row per booking: a reschedule marks the old row ``moved_at`` and adds a new
one, so a window that was missed before it was moved stays counted.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class StandardAnswer(Base):
    """A supervisor's wording for a category and topic, offered in the ticket panel's reply box."""

    __tablename__ = "standard_answers"
    __table_args__ = (Index("ix_standard_answers_category", "category", "topic"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(16))
    topic: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    # " " + bigram_text(topic + text) + " ": a term's pairs, space-bounded, are a substring of it.
    search_text: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ForbiddenPhrase(Base):
    """A phrase replies may not use (服务忌语); ``phrase_key`` is its comparable form, unique."""

    __tablename__ = "forbidden_phrases"

    id: Mapped[int] = mapped_column(primary_key=True)
    phrase: Mapped[str] = mapped_column(String(32))
    phrase_key: Mapped[str] = mapped_column(String(32), unique=True)
    added_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TicketAppointment(Base):
    """A repair visit booked for a fault: its window and who goes; settled by a visit or a move."""

    __tablename__ = "ticket_appointments"
    __table_args__ = (Index("ix_ticket_appointments_open", "ticket_id", "visited_at", "moved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    starts_at: Mapped[datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[datetime] = mapped_column(UtcDateTime)
    visitor: Mapped[str] = mapped_column(String(64))
    booked_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    booked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    visited_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    moved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
