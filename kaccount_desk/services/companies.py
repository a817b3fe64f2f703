"""Group customers (集团客户): the record, its campaigns and members, its class and the class's history.

A company's members are the numbers of the activated applications of the campaigns it organised,
and the numbers of member lists imported from the operator (``company_members``); the class is
set by a person (``set_class``, kept in ``company_class_history``), and the rules a supervisor keeps
suggest one from the members and their spend in the latest billed month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select, union
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kaccount_desk.domain.companies import (
    CLASS_LABELS,
    DEFAULT_CLASS_RULES,
    ClassRule,
    CompanyClass,
    check_class_rules,
    check_company_name,
    suggested_class,
)
from kaccount_desk.domain.key_accounts import parse_fen, yuan
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.archive_models import (
    BillingImport,
    BillingMonthRow,
    Company,
    CompanyCampaign,
    CompanyClassChange,
    CompanyClassRule,
    CompanyMember,
)
from kaccount_desk.store.models import Application, Campaign, Staff

MEMBERS_LISTED = 500  # a card lists this many member numbers; the count is always whole


@dataclass(frozen=True)
class ClassChangeView:
    at: datetime
    from_class: str | None
    to_class: str
    staff_no: str
    reason: str


@dataclass(frozen=True)
class CompanySummary:
    id: int
    name: str
    company_class: str
    class_name: str
    members: int
    manager: str | None  # the account manager's staff ID


@dataclass(frozen=True)
class CompanyView:
    id: int
    name: str
    industry: str
    address: str
    contacts: str
    company_class: str
    class_name: str
    suggested_class: str
    manager: str | None
    manager_name: str | None
    campaigns: list[str]
    members: int
    member_numbers: list[str]
    monthly_spend_yuan: str
    spend_month: str | None
    history: list[ClassChangeView]


@dataclass(frozen=True)
class ClassRuleView:
    company_class: str
    class_name: str
    min_members: int
    min_monthly_yuan: str


def members_query(company_id: int) -> Select[tuple[str]]:
    """The company's member numbers as one statement: activated applications of its campaigns, and imported lists."""
    from_applications = (select(Application.msisdn.label("number"))
                         .join(CompanyCampaign, CompanyCampaign.campaign_id == Application.campaign_id)
                         .where(CompanyCampaign.company_id == company_id, Application.status == Status.ACTIVATED.value,
                                Application.msisdn.is_not(None)))
    imported = select(CompanyMember.number.label("number")).where(CompanyMember.company_id == company_id)
    members = union(from_applications, imported).subquery()
    return select(members.c.number)


def add_company(ctx: Context, name: str, company_class: str = "C", industry: str = "", address: str = "", contacts: str = "",
                manager: str | None = None, campaigns: list[str] | None = None, reason: str = "") -> CompanyView:
    """A new company record, linked to the campaigns it organised; its first class is its history's first line."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    problems = check_company_name(name) + _check_class(company_class)
    if problems:
        raise Refused(*problems)
    try:
        with ctx.transaction() as session:
            company = Company(name=name.strip(), industry=industry.strip()[:100], address=address.strip()[:300],
                              contacts=contacts.strip(), company_class=company_class, created_at=ctx.now(),
                              account_manager_id=_manager_id(session, manager))
            session.add(company)
            session.flush()
            for code in campaigns or []:
                _link(session, company, campaign_row(session, code))
            session.add(CompanyClassChange(company_id=company.id, from_class=None, to_class=company_class,
                                           staff_id=ctx.actor.id, at=ctx.now(), reason=reason.strip()))
            company_id = company.id
    except IntegrityError as exc:
        raise Refused(Reason("company.exists", f"集团客户“{name.strip()}”已经有了,或活动已属于另一集团客户",
                             f"The company “{name.strip()}” exists already, or a campaign belongs to another company")) from exc
    return show_company(ctx, str(company_id))


def set_class(ctx: Context, company: str, company_class: str, reason: str = "") -> CompanyView:
    """A person sets the class (influence is a judgement the rules only suggest); the change is in the history."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    problems = _check_class(company_class)
    if problems:
        raise Refused(*problems)
    with ctx.transaction() as session:
        row = company_row(session, company)
        if row.company_class != company_class:
            session.add(CompanyClassChange(company_id=row.id, from_class=row.company_class, to_class=company_class,
                                           staff_id=ctx.actor.id, at=ctx.now(), reason=reason.strip()))
            row.company_class = company_class
        company_id = row.id
    return show_company(ctx, str(company_id))


def list_companies(ctx: Context) -> list[CompanySummary]:
    ctx.require(Permission.VIEW_CUSTOMERS)
    with ctx.store.read() as session:
        rows = session.execute(select(Company, Staff.staff_no).outerjoin(Staff, Staff.id == Company.account_manager_id)
                               .order_by(Company.company_class, Company.name)).all()
        return [CompanySummary(c.id, c.name, c.company_class, CLASS_LABELS.text(c.company_class, ctx.lang),
                               member_count(session, c.id), manager) for c, manager in rows]


def show_company(ctx: Context, company: str) -> CompanyView:
    """A company by its name or its number in the list."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    with ctx.store.read() as session:
        return company_view(ctx, session, company_row(session, company))


def company_view(ctx: Context, session: Session, row: Company) -> CompanyView:
    manager = session.get(Staff, row.account_manager_id) if row.account_manager_id else None
    codes = list(session.scalars(select(Campaign.code).join(CompanyCampaign, CompanyCampaign.campaign_id == Campaign.id)
                                 .where(CompanyCampaign.company_id == row.id).order_by(Campaign.code)))
    numbers = members_query(row.id).subquery()
    count = member_count(session, row.id)
    listed = list(session.scalars(select(numbers.c.number).order_by(numbers.c.number).limit(MEMBERS_LISTED)))
    month = session.scalar(select(func.max(BillingImport.month)))
    spend = 0
    if month is not None:
        spend = session.scalar(select(func.coalesce(func.sum(BillingMonthRow.amount_fen), 0))
                               .where(BillingMonthRow.month == month, BillingMonthRow.number.in_(select(numbers.c.number)))) or 0
    history = session.execute(select(CompanyClassChange, Staff.staff_no).join(Staff, Staff.id == CompanyClassChange.staff_id)
                              .where(CompanyClassChange.company_id == row.id).order_by(CompanyClassChange.id)).all()
    suggested = suggested_class(count, spend, class_rules_of(session))
    return CompanyView(
        row.id, row.name, row.industry, row.address, row.contacts, row.company_class,
        CLASS_LABELS.text(row.company_class, ctx.lang), suggested.value, manager.staff_no if manager else None,
        manager.name if manager else None, codes, count, listed, yuan(spend), month,
        [ClassChangeView(h.at, h.from_class, h.to_class, staff_no, h.reason) for h, staff_no in history])


def class_rules(ctx: Context) -> list[ClassRuleView]:
    ctx.require(Permission.VIEW_CUSTOMERS)
    with ctx.store.read() as session:
        return _rule_views(ctx, class_rules_of(session))


def set_class_rule(ctx: Context, company_class: str, min_members: int, min_monthly_yuan: str) -> list[ClassRuleView]:
    """A supervisor changes what suggests a class; refused when a higher class would ask less than a lower one."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    fen = parse_fen(min_monthly_yuan)
    problems = _check_class(company_class)
    if fen is None:
        problems += (Reason("class_rule.money", "月消费应为金额(元)", "The monthly spend must be an amount in yuan"),)
    if problems:
        raise Refused(*problems)
    assert fen is not None
    with ctx.transaction() as session:
        rules = [ClassRule(r.company_class, min_members, fen) if r.company_class == company_class else r
                 for r in class_rules_of(session)]
        problems = check_class_rules(rules)
        if problems:
            raise Refused(*problems)
        session.merge(CompanyClassRule(company_class=company_class, min_members=min_members, min_monthly_fen=fen))
    return class_rules(ctx)


def class_rules_of(session: Session) -> tuple[ClassRule, ...]:
    rows = session.scalars(select(CompanyClassRule).order_by(CompanyClassRule.company_class)).all()
    return tuple(ClassRule(CompanyClass(r.company_class), r.min_members, r.min_monthly_fen) for r in rows) or DEFAULT_CLASS_RULES


def company_row(session: Session, key: str) -> Company:
    text = key.strip()
    row = session.scalar(select(Company).where(Company.name == text))
    if row is None and text.isdigit() and len(text) < 12:
        row = session.get(Company, int(text))
    if row is None:
        raise not_found("集团客户", "company", text)
    return row


def _rule_views(ctx: Context, rules: tuple[ClassRule, ...]) -> list[ClassRuleView]:
    return [ClassRuleView(r.company_class.value, CLASS_LABELS.text(r.company_class, ctx.lang), r.min_members,
                          yuan(r.min_monthly_fen)) for r in rules]


def member_count(session: Session, company_id: int) -> int:
    numbers = members_query(company_id).subquery()
    return session.scalar(select(func.count()).select_from(numbers)) or 0


def _check_class(company_class: str) -> tuple[Reason, ...]:
    if company_class in CompanyClass.__members__.values():
        return ()
    return (Reason("company.class", f"类别“{company_class[:10]}”不对,应为 A、B 或 C",
                   f"The class “{company_class[:10]}” is not A, B or C"),)


def _manager_id(session: Session, staff_no: str | None) -> int | None:
    if not staff_no:
        return None
    staff_id = session.scalar(select(Staff.id).where(Staff.staff_no == staff_no.strip(), Staff.active.is_(True)))
    if staff_id is None:
        raise not_found("在岗员工", "active staff member", staff_no.strip())
    return staff_id


def _link(session: Session, company: Company, campaign: Campaign) -> None:
    session.add(CompanyCampaign(campaign_id=campaign.id, company_id=company.id))
    session.flush()

