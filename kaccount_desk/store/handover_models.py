"""Hand-over packages between a department's seat and the office (issue 22): what each side remembers.

The office keeps which reserved numbers it allotted to which department (so no number is given
twice and its own intake stops offering them), which package of which seat it imported last (so
an older one is refused and the same one changes nothing), and which of its applications came
from which seat's application (so a later package updates the same one). The seat keeps each
package it sent and whether the office has acknowledged it. Both keep, while a hand-over file is
being written, the promise that file stands for (:class:`PendingHandoverFile`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class HandoverAllotment(Base):
    """A reserved number the office gave a department's seat in a campaign pack."""

    __tablename__ = "handover_allotments"
    __table_args__ = (UniqueConstraint("campaign_id", "number", name="uq_allotment_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(11))
    pack_id: Mapped[str] = mapped_column(String(32))
    allotted_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HandoverImport(Base):
    """A seat's package the office imported: its sequence number and what it brought."""

    __tablename__ = "handover_imports"
    __table_args__ = (UniqueConstraint("seat_id", "sequence", name="uq_import_seat_sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_id: Mapped[str] = mapped_column(String(32), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))
    package_sha256: Mapped[str] = mapped_column(String(64))
    added: Mapped[int] = mapped_column(Integer)
    updated: Mapped[int] = mapped_column(Integer)
    conflicts: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HandoverLink(Base):
    """Which office application a seat's application became, and the content last taken from it."""

    __tablename__ = "handover_links"
    __table_args__ = (UniqueConstraint("seat_id", "seat_application_id", name="uq_link_seat_application"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    seat_id: Mapped[str] = mapped_column(String(32))
    seat_application_id: Mapped[int] = mapped_column(Integer)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    content_sha256: Mapped[str] = mapped_column(String(64))


class HandoverSend(Base):
    """A package the seat wrote for the office, and when the office's acknowledgement came back."""

    __tablename__ = "handover_sends"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    sent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    applications: Mapped[int] = mapped_column(Integer)
    copies: Mapped[int] = mapped_column(Integer)
    package_sha256: Mapped[str] = mapped_column(String(64))
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PendingHandoverFile(Base):
    """A hand-over file being written: its temporary, its target, and whether the moves it stands for committed.

    Committed before the moves' transaction and marked ``done`` inside it, so a program killed
    between that commit and the rename leaves here what the next opening of the store needs to put
    the file in place (or, not done, to remove the temporary): services/handover_pending.py.
    """

    __tablename__ = "handover_pending_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "operator" (the office's hand-over) or "seat" (a seat's package)
    target: Mapped[str] = mapped_column(Text)
    temp: Mapped[str] = mapped_column(Text)
    campaign: Mapped[str | None] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(64))
    started_by: Mapped[str] = mapped_column(String(32))  # the staff ID
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    host: Mapped[str] = mapped_column(String(255), index=True)  # only this computer can settle its files
    pid: Mapped[int] = mapped_column(Integer)  # left alone while this process is alive
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    sha256: Mapped[str | None] = mapped_column(String(64))  # of the whole temporary, set with ``done``
