"""Tables of the customer archive (客户档案): companies, their members and classes, monthly bills and tiers.

Money is whole fen in integer columns (``BigInteger``): sums over a year of a hundred thousand
numbers stay exact in SQL, with no Decimal-to-float trip through a driver. A month is its
"YYYY-MM" text, which sorts and compares as months do.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaccount_desk.store.models import Base
from kaccount_desk.store.types import UtcDateTime


class Company(Base):
    """A group customer (集团客户); ``account_manager_id`` is the staff member who looks after it."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    industry: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    contacts: Mapped[str] = mapped_column(Text, default="")
    company_class: Mapped[str] = mapped_column(String(1))
    account_manager_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CompanyCampaign(Base):
    """A campaign the company organised (its notice's 发文单位); a campaign has one organiser."""

    __tablename__ = "company_campaigns"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)


class CompanyMember(Base):
    """A member number known apart from the applications: from a member list the operator sends."""

    __tablename__ = "company_members"
    __table_args__ = (UniqueConstraint("company_id", "number"), Index("ix_company_members_number", "number"))

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(11))
    source: Mapped[str] = mapped_column(String(32))
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CompanyClassChange(Base):
    """Each class a company was given, by whom and why: appended, never edited."""

    __tablename__ = "company_class_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    from_class: Mapped[str | None] = mapped_column(String(1))
    to_class: Mapped[str] = mapped_column(String(1))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class CompanyClassRule(Base):
    """The members and monthly spend (fen) that suggest a class; seeded by the migration, a supervisor edits."""

    __tablename__ = "company_class_rules"

    company_class: Mapped[str] = mapped_column(String(1), primary_key=True)
    min_members: Mapped[int] = mapped_column(Integer)
    min_monthly_fen: Mapped[int] = mapped_column(BigInteger)


class TierRuleRow(Base):
    """A tier's least average monthly spend (fen); seeded by the migration, a supervisor edits."""

    __tablename__ = "tier_rules"

    tier: Mapped[str] = mapped_column(String(16), primary_key=True)
    min_average_fen: Mapped[int] = mapped_column(BigInteger)


class BillingMonthRow(Base):
    """One number's bill of one month, from the operator's extract; a month imported again replaces its rows.

    On SQLite the rows are stored in their key's order (WITHOUT ROWID): a month's twelve-month sums
    then read each number's bills side by side, and no second index is kept up on every insert.
    """

    __tablename__ = "billing_months"
    __table_args__ = {"sqlite_with_rowid": False}

    number: Mapped[str] = mapped_column(String(11), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    arrears_fen: Mapped[int] = mapped_column(BigInteger)


class BillingImport(Base):
    """Which file a month's bills came from, and who imported it when: the month's one record."""

    __tablename__ = "billing_imports"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    file_name: Mapped[str] = mapped_column(String(255))
    rows: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(BigInteger)
    imported_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    imported_at: Mapped[datetime] = mapped_column(UtcDateTime)


class NumberTier(Base):
    """A number's tier and RFM scores as of one month: its tier history is these rows in month order,
    and a month's upgrades and downgrades (异动) are where they differ from the month before."""

    __tablename__ = "number_tiers"
    __table_args__ = (Index("ix_number_tiers_month", "month", "tier"), {"sqlite_with_rowid": False})

    number: Mapped[str] = mapped_column(String(11), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    tier: Mapped[str | None] = mapped_column(String(16))
    average_fen: Mapped[int] = mapped_column(BigInteger)
    recency: Mapped[int] = mapped_column(SmallInteger)
    frequency: Mapped[int] = mapped_column(SmallInteger)
    monetary: Mapped[int] = mapped_column(SmallInteger)
