"""Tables of first-contact tickets (首问负责制), on the same ``Base`` as the rest of the store.

The ticket row holds what queues filter and sort on (status, owner, window, due time) so a page
is one indexed query; the story of the ticket is ``ticket_events``, which is append-only: the
migration adds triggers that refuse UPDATE and DELETE on it, so not even a bug can rewrite it.
The search index (``ticket_search``) is a virtual table the migration creates; it is not modelled.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class TicketDepartment(Base):
    """A department tickets may be referred to (市场部, 网络部, ...); configurable, seeded by the migration."""

    __tablename__ = "ticket_departments"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class TicketTimeLimit(Base):
    """Hours allowed per category (and area, for faults); seeded with the documented defaults."""

    __tablename__ = "ticket_time_limits"
    __table_args__ = (UniqueConstraint("category", "area"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(16))
    area: Mapped[str | None] = mapped_column(String(8))
    hours: Mapped[int] = mapped_column(Integer)
    # A key account's own limit (绿色通道); None: the same as ``hours``.
    key_account_hours: Mapped[int | None] = mapped_column(Integer)


class TicketWarning(Base):
    """Hours before its due time a ticket's owner is warned, per category; a missing row means the default."""

    __tablename__ = "ticket_warnings"

    category: Mapped[str] = mapped_column(String(16), primary_key=True)
    hours: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        Index("ix_tickets_owner_status", "owner_id", "status", "due_at"),
        Index("ix_tickets_window_status", "window", "status", "due_at"),
        Index("ix_tickets_status_due", "status", "due_at"),
        Index("ix_tickets_due", "due_at"),
        Index("ix_tickets_received", "received_at"),
        Index("ix_tickets_number", "customer_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UtcDateTime)
    channel: Mapped[str] = mapped_column(String(16))
    window: Mapped[str] = mapped_column(String(24))
    category: Mapped[str] = mapped_column(String(16))
    area: Mapped[str | None] = mapped_column(String(8))
    customer_name: Mapped[str] = mapped_column(String(64))
    customer_number: Mapped[str] = mapped_column(String(20))
    key_account: Mapped[bool] = mapped_column(Boolean, default=False)
    # The key-account customer's company and campaign, as the store knew them at receipt; None when
    # the number belongs to no live application (a ticked key account, or none).
    company: Mapped[str | None] = mapped_column(String(200))
    campaign: Mapped[str | None] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    # The first receiver never changes; the owner changes only when a supervisor reassigns a
    # ticket whose owner has left.
    first_receiver_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    owner_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    referred: Mapped[bool] = mapped_column(Boolean, default=False)
    replied: Mapped[bool] = mapped_column(Boolean, default=False)
    last_callback: Mapped[str | None] = mapped_column(String(16))
    callback_tries: Mapped[int] = mapped_column(Integer, default=0)
    handset_cause: Mapped[bool] = mapped_column(Boolean, default=False)
    overdue_notice_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    close_reason: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class TicketReferral(Base):
    __tablename__ = "ticket_referrals"
    __table_args__ = (Index("ix_ticket_referrals_department", "department_id", "answered_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("ticket_departments.id"))
    ask: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UtcDateTime)
    referred_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    referred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    answered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class TicketEvent(Base):
    """One history entry: who did what, when. Never updated or deleted (the database refuses)."""

    __tablename__ = "ticket_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    action: Mapped[str] = mapped_column(String(24))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, object]] = mapped_column(JSON)


class RentWaiver(Base):
    """The monthly rent of an overdue fault's outage, marked for billing (免收障碍期间的月租费用)."""

    __tablename__ = "rent_waivers"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    customer_number: Mapped[str] = mapped_column(String(20))
    period_start: Mapped[datetime] = mapped_column(UtcDateTime)
    period_end: Mapped[datetime | None] = mapped_column(UtcDateTime)
    noticed_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    noticed_at: Mapped[datetime] = mapped_column(UtcDateTime)
