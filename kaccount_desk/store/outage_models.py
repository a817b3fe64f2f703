"""Tables of the planned-work register (计划停机, standard 2.6), on the same ``Base`` as the rest of the store.

A planned work keeps what was decided when it was registered (whether key-account customers are
reached, and through which campaigns), so the rule that asks for an approval does not change
under a notice already printed. The approval and the first notice are recorded on the row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class PlannedOutage(Base):
    __tablename__ = "planned_outages"
    __table_args__ = (Index("ix_planned_outages_start", "start_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    what: Mapped[str] = mapped_column(String(200))
    area: Mapped[str] = mapped_column(String(64))
    start_at: Mapped[datetime] = mapped_column(UtcDateTime)
    hours: Mapped[int] = mapped_column(Integer)
    affected: Mapped[str] = mapped_column(Text, default="")
    key_accounts: Mapped[bool] = mapped_column(Boolean, default=False)
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    approved_by: Mapped[str | None] = mapped_column(String(100))  # the approving department or person, as given
    approval_recorded_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    announced_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    announced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PlannedOutageCampaign(Base):
    """A campaign whose members the planned work reaches; ``named`` when listed by hand, not by the area."""

    __tablename__ = "planned_outage_campaigns"

    outage_id: Mapped[int] = mapped_column(ForeignKey("planned_outages.id", ondelete="CASCADE"), primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    named: Mapped[bool] = mapped_column(Boolean, default=False)
