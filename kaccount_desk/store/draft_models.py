"""Unsaved typing kept outside any application's transaction, so a crash or a power cut loses nothing.

One row per staff member and kind of form (application, ticket), overwritten every few seconds
while they type and deleted when the form is saved or the typing discarded. The payload holds
names and ID numbers, so it is encrypted like every other ID number in the store.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.crypto import EncryptedText
from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class Draft(Base):
    __tablename__ = "drafts"
    __table_args__ = (UniqueConstraint("staff_no", "kind", name="uq_draft_staff_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(EncryptedText(b"drafts"))
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime())
