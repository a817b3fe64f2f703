"""The audit log's tables (migration 0006): the chained entries and the one-row head appenders queue on;
the store's identity and the trail of changes to staff (migration 0009c)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class AuditEntry(Base):
    """One thing that happened; never updated or deleted (triggers and the app's role refuse)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action_at", "action", "at"), Index("ix_audit_log_at", "at"))

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(64))
    detail: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The latest entry's number and hash; updating it first is what makes appends take turns."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class StoreIdentity(Base):
    """The store's own name (a random UUID made once, migration 0009c): what the anchor kept
    outside the store is filed under, so every spelling of its path or URL finds the same anchor."""

    __tablename__ = "store_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    store_id: Mapped[str] = mapped_column(String(36))


class StaffChange(Base):
    """One row changed in ``staff``, written by a database trigger whoever changed it; appended, never
    edited. The app's audit entry for the change names these rows (``trail``), so a change made
    with plain SQL, past the app, is a row no entry names, and ``audit verify`` finds it."""

    __tablename__ = "staff_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    staff_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(8))
    fields: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    tx: Mapped[int | None] = mapped_column(BigInteger, index=True)  # PostgreSQL's transaction id; SQLite has one writer at a time
