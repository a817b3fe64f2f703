"""The store's tables as typed SQLAlchemy 2.x models.

Migrations under ``migrations/`` are the source of truth for the schema; these models must match
them, which ``tests/store/test_migrations.py`` checks by comparing the two.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.engine import Connection
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.store.bulk import choose_id
from kaccount_desk.store.crypto import EncryptedIdNumber, RowBound, keys_of
from kaccount_desk.store.partial_index import partial_unique
from kaccount_desk.store.types import UtcDateTime

Money = Numeric(10, 2)
Rate = Numeric(10, 4)

LIVE_SQL = "status IN (" + ", ".join(f"'{s.value}'" for s in LIVE_STATUSES) + ")"


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """The model's Table, for Core statements: SQLAlchemy types ``__table__`` as any FromClause,
    though a declarative model mapped to a table (all of ours) always has a Table there."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_no: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    department: Mapped[str | None] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # The 15-minute lock of stores before 0010, no longer read or written (login_throttle holds the
    # waits now); kept rather than dropped, which would rebuild the staff table on SQLite.
    failed_logins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)


class LoginThrottle(Base):
    """Wrong passwords in a row per staff ID typed ("staff:C001", real or not) and per PC ("pc:HALL-3").

    Written with Core statements only, so the flush recorder does not log each failure twice: the
    failed login itself is in the audit log already.
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    failed: Mapped[int] = mapped_column(Integer)
    last_failed_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Campaign(Base):
    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(200))
    carrier_branch: Mapped[str] = mapped_column(String(200))
    contact: Mapped[str] = mapped_column(String(200))
    issued_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[datetime] = mapped_column(UtcDateTime)
    deadline_offset_minutes: Mapped[int] = mapped_column(Integer)
    required_carrier: Mapped[str | None] = mapped_column(String(32))
    excluded_packages: Mapped[list[str]] = mapped_column(JSON)
    notice_template: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)

    departments: Mapped[list[Department]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="Department.position"
    )
    rated_items: Mapped[list[RatedItemRow]] = relationship(
        back_populates="campaign", cascade="all, delete-orphan", order_by="RatedItemRow.position"
    )


class Department(Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("campaign_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)

    campaign: Mapped[Campaign] = relationship(back_populates="departments")


class RatedItemRow(Base):
    """A plan (资费) or an add-on package (附加包) with the fields the estimate rates by."""

    __tablename__ = "rated_items"
    __table_args__ = (UniqueConstraint("campaign_id", "kind", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    monthly_fee: Mapped[Decimal] = mapped_column(Money)
    free_in_group_minutes: Mapped[int] = mapped_column(Integer, default=0)
    in_group_rate: Mapped[Decimal | None] = mapped_column(Rate)
    out_group_rate: Mapped[Decimal | None] = mapped_column(Rate)
    free_sms: Mapped[int] = mapped_column(Integer, default=0)
    sms_rate: Mapped[Decimal | None] = mapped_column(Rate)
    free_data_mb: Mapped[int] = mapped_column(Integer, default=0)
    data_rate_per_mb: Mapped[Decimal | None] = mapped_column(Rate)
    keep_current: Mapped[bool] = mapped_column(Boolean, default=False)
    included_addons: Mapped[list[str]] = mapped_column(JSON)

    campaign: Mapped[Campaign] = relationship(back_populates="rated_items")


class PoolNumber(Base):
    __tablename__ = "pool_numbers"
    __table_args__ = (UniqueConstraint("campaign_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(11))


def id_tail(id_number: str | None) -> str:
    """The last four characters of an ID number: what searches match and every masked print shows."""
    return (id_number or "").strip()[-4:]


def _digest_default(context: DefaultExecutionContext) -> str:
    """Every insert, ORM or Core, one row or ten thousand, gets the digest of its own ID number."""
    return keys_of(context.dialect).digest(context.get_current_parameters().get("id_number") or "")


def _tail_default(context: DefaultExecutionContext) -> str:
    return id_tail(context.get_current_parameters().get("id_number"))


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (
        # The database itself refuses a second live application for the same number in a
        # campaign, whether kept or picked from the pool; rejected and withdrawn ones free it.
        partial_unique("uq_live_number", "campaign_id", "msisdn", where=LIVE_SQL),
        # ... and a second live application without a number for the same person: two roster
        # imports of the same people at the same moment would otherwise both add them.
        # (compared by the ID number's keyed digest: the number itself is stored encrypted).
        partial_unique("uq_live_id_unnumbered", "campaign_id", "id_digest", where=f"{LIVE_SQL} AND msisdn IS NULL"),
        Index("ix_applications_list", "campaign_id", "department_id", "status"),
        Index("ix_applications_id_digest", "campaign_id", "id_digest"),
        # Who is this number: a ticket's caller is looked up among every campaign's applications.
        Index("ix_applications_msisdn", "msisdn"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"))
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id"))
    name: Mapped[str] = mapped_column(String(64))
    id_type: Mapped[str] = mapped_column(String(32))
    # Ciphertext in the store (store/crypto.py); lookups compare the keyed digest beside it, and
    # searches by the last characters use the tail, which every masked print shows anyway.
    id_number: Mapped[str] = mapped_column(EncryptedIdNumber())
    id_digest: Mapped[str] = mapped_column(String(64), default=_digest_default)
    id_tail: Mapped[str] = mapped_column(String(4), default=_tail_default)
    id_valid: Mapped[bool] = mapped_column(Boolean, default=False)
    number_source: Mapped[str] = mapped_column(String(8))
    msisdn: Mapped[str | None] = mapped_column(String(11))
    carrier: Mapped[str | None] = mapped_column(String(32))
    current_packages: Mapped[str] = mapped_column(String(500), default="")
    plan_id: Mapped[int | None] = mapped_column(ForeignKey("rated_items.id"))
    status: Mapped[str] = mapped_column(String(16), index=True)
    confirmed_warnings: Mapped[list[str]] = mapped_column(JSON)
    late_reason: Mapped[str | None] = mapped_column(Text)
    late_accepted_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    reject_reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)

    addons: Mapped[list[ApplicationAddon]] = relationship(cascade="all, delete-orphan")
    copies: Mapped[list[IdCopy]] = relationship(cascade="all, delete-orphan")
    events: Mapped[list[ApplicationEvent]] = relationship(cascade="all, delete-orphan", order_by="ApplicationEvent.id")


@event.listens_for(Application, "before_insert")
def _bind_to_new_row(_mapper: object, connection: Connection, target: Application) -> None:
    """A new application's id is chosen before its row is written, so its ID number is bound to it."""
    if target.id is None:
        target.id = choose_id(connection, Application.__table__)
    target.id_number = RowBound(target.id_number, target.id)


@event.listens_for(Application, "before_update")
def _id_lookup_columns(_mapper: object, connection: Connection, target: Application) -> None:
    """A changed ID number takes its digest and tail along, and is bound to its row (inserts get them from the defaults)."""
    if not inspect(target).attrs.id_number.history.has_changes():
        return
    target.id_number = RowBound(target.id_number, target.id)
    target.id_digest = keys_of(connection).digest(target.id_number)
    target.id_tail = id_tail(target.id_number)


class ApplicationAddon(Base):
    __tablename__ = "application_addons"

    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True)
    rated_item_id: Mapped[int] = mapped_column(ForeignKey("rated_items.id"), primary_key=True)


class IdCopy(Base):
    """A re-encoded image of one side of the ID card: sensitive data, kept with its SHA-256.

    ``data`` is AES-GCM ciphertext bound to the application and side (``crypto.copy_aad``);
    services decrypt it when an image is shown or printed, so a damaged one is refused in words.
    """

    __tablename__ = "id_copies"
    __table_args__ = (UniqueConstraint("application_id", "side"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    side: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    mime: Mapped[str] = mapped_column(String(32))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ApplicationEvent(Base):
    """Who moved an application, when, and why: appended, never edited."""

    __tablename__ = "application_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    note: Mapped[str] = mapped_column(Text, default="")


class StoreKey(Base):
    """The fingerprint of the key the store's ID data is encrypted with (never the key itself)."""

    __tablename__ = "store_keys"

    fingerprint: Mapped[str] = mapped_column(String(16), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class KeySlot(Base):
    """The data key sealed for one holder: a staff member (``staff:ID``) or the recovery key (``recovery``).

    ``public_key`` is the holder's X25519 public key, ``sealed_key`` the data key sealed to it;
    a staff slot also keeps its private key sealed under the member's password (``kdf`` names the
    argon2id salt and cost), the recovery slot does not: that private key is on paper only.
    """

    __tablename__ = "key_slots"

    holder: Mapped[str] = mapped_column(String(40), primary_key=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), unique=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    sealed_private: Mapped[bytes | None] = mapped_column(LargeBinary)
    kdf: Mapped[dict[str, object] | None] = mapped_column(JSON)
    sealed_key: Mapped[bytes] = mapped_column(LargeBinary)
    fingerprint: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class StoreSetting(Base):
    """Settings every PC on one store shares (how long ID images are kept), as name and JSON value."""

    __tablename__ = "store_settings"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)
