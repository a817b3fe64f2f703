"""Tables of the account managers (客户经理): their portfolio of key-account numbers, and their tasks.

A manager's companies are ``companies.account_manager_id`` (store/archive_models.py); the numbers
they look after one by one are here. ``manager_tasks`` keeps this shape because the key-account
reports read it (tasks done on time per manager).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.partial_index import partial_unique
from kaccount_desk.store.types import UtcDateTime


class ManagerNumber(Base):
    """An individual key account's number and the manager who looks after it: one manager per number."""

    __tablename__ = "manager_numbers"

    number: Mapped[str] = mapped_column(String(11), primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    assigned_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    assigned_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ManagerTask(Base):
    """A task with a due day: made by hand, by a supervisor for a manager, or from the month's 异动 list."""

    __tablename__ = "manager_tasks"
    __table_args__ = (
        Index("ix_manager_tasks_manager_open", "manager_id", "done_at", "due_on"),
        Index("ix_manager_tasks_number", "number"),
        # One follow-up per number and month of the 异动 list (its due day names the month), even when
        # two desks make a month's follow-ups at the same moment.
        partial_unique("uq_manager_tasks_followup", "number", "due_on", where="source = 'change'"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    manager_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    number: Mapped[str | None] = mapped_column(String(11))
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    source: Mapped[str] = mapped_column(String(16))
