"""Account managers' portfolios (客户经理): the companies and the key-account numbers each one looks after.

A supervisor (or an admin) assigns them; a number's manager is the one it was assigned to, else the
manager of the company it is a member of. The numbers of a manager's customers, as one statement,
are what their ticket queue ("我的客户") and the 异动 follow-ups read.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import ROLE_LABELS, Permission, Role, allows, roles_with
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.companies import company_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.archive_models import Company, CompanyCampaign, CompanyMember
from kaccount_desk.store.manager_models import ManagerNumber
from kaccount_desk.store.models import Application, Staff

MOBILE_DIGITS = 11


@dataclass(frozen=True)
class ManagerView:
    id: int
    staff_no: str
    name: str


@dataclass(frozen=True)
class Assignment:
    """What was assigned to whom: a company (``company``) or a number (``number``)."""

    manager: str
    manager_name: str
    company: str | None = None
    number: str | None = None
    previous_manager: str | None = None


@dataclass(frozen=True)
class Portfolio:
    manager: str
    manager_name: str
    companies: list[str]
    numbers: list[str]  # assigned one by one; members of the companies are not repeated here


def portfolio_numbers(manager_id: int) -> Select[tuple[str]]:
    """The numbers of a manager's customers as one statement: those assigned to them, and the members
    of their companies (imported member lists and activated applications of the companies' campaigns)."""
    own = select(ManagerNumber.number.label("number")).where(ManagerNumber.manager_id == manager_id)
    imported = (select(CompanyMember.number.label("number")).join(Company, Company.id == CompanyMember.company_id)
                .where(Company.account_manager_id == manager_id))
    enrolled = (select(Application.msisdn.label("number"))
                .join(CompanyCampaign, CompanyCampaign.campaign_id == Application.campaign_id)
                .join(Company, Company.id == CompanyCampaign.company_id)
                .where(Company.account_manager_id == manager_id, Application.status == Status.ACTIVATED.value,
                       Application.msisdn.is_not(None)))
    numbers = union(own, imported, enrolled).subquery()
    return select(numbers.c.number)


def managers_of_numbers(session: Session) -> dict[str, int]:
    """Every number that has a manager, with the manager's staff id: a company's member first, then the
    number's own assignment over it (the manager named for a person knows them best)."""
    found: dict[str, int] = {}
    managed = Company.account_manager_id.is_not(None)
    for number, manager_id in session.execute(
            select(Application.msisdn, Company.account_manager_id)
            .join(CompanyCampaign, CompanyCampaign.campaign_id == Application.campaign_id)
            .join(Company, Company.id == CompanyCampaign.company_id)
            .where(managed, Application.status == Status.ACTIVATED.value, Application.msisdn.is_not(None))):
        if number is not None and manager_id is not None:
            found[number] = manager_id
    for number, manager_id in session.execute(
            select(CompanyMember.number, Company.account_manager_id).join(Company, Company.id == CompanyMember.company_id)
            .where(managed)):
        if manager_id is not None:
            found[number] = manager_id
    found.update({number: manager_id for number, manager_id in session.execute(
        select(ManagerNumber.number, ManagerNumber.manager_id))})
    return found


def manager_row(session: Session, staff_no: str) -> Staff:
    """An active staff member who may keep a portfolio, by staff ID; refused in words otherwise."""
    return checked_manager(session.scalar(active_staff(staff_no)), staff_no)


def active_staff(staff_no: str) -> Select[Staff]:
    """The active staff member of this staff ID (a read may join what it needs to it)."""
    return select(Staff).where(Staff.staff_no == staff_no.strip(), Staff.active.is_(True))


def checked_manager(row: Staff | None, staff_no: str) -> Staff:
    """``row``, read for ``staff_no``, when it is someone who may keep a portfolio; refused in words otherwise."""
    if row is None:
        raise not_found("在岗员工", "active staff member", staff_no.strip()[:32])
    if not allows(row.role, Permission.KEEP_PORTFOLIO):
        who = "、".join(ROLE_LABELS.zh(r) for r in roles_with(Permission.KEEP_PORTFOLIO))
        raise Refused(Reason("manager.role", f"{row.staff_no} 是{ROLE_LABELS.zh(row.role)},只有{who}可以管理客户",
                             f"{row.staff_no} is {ROLE_LABELS.en(row.role)}; only an account manager (or an admin) "
                             "can look after customers"))
    return row


def check_number(number: str) -> str:
    """The number as stored (11 digits starting with 1), or refused in words."""
    text = number.strip()
    if len(text) != MOBILE_DIGITS or not text.isascii() or not text.isdigit() or not text.startswith("1"):
        raise Refused(Reason("manager.number", f"号码“{text[:20]}”不是11位手机号码",
                             f"“{text[:20]}” is not an 11-digit mobile number"))
    return text


def assign_company(ctx: Context, company: str, staff_no: str) -> Assignment:
    """A supervisor gives a company to an account manager (replacing the one it had)."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    with ctx.transaction() as session:
        row = company_row(session, company)
        manager = manager_row(session, staff_no)
        previous = session.get(Staff, row.account_manager_id) if row.account_manager_id else None
        row.account_manager_id = manager.id
        return Assignment(manager.staff_no, manager.name, company=row.name,
                          previous_manager=previous.staff_no if previous else None)


def assign_number(ctx: Context, number: str, staff_no: str) -> Assignment:
    """A supervisor gives an individual key account's number to an account manager (replacing the one it had)."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    wanted = check_number(number)
    with ctx.transaction() as session:
        manager = manager_row(session, staff_no)
        row = session.get(ManagerNumber, wanted)
        previous = session.get(Staff, row.manager_id) if row is not None else None
        if row is None:
            session.add(ManagerNumber(number=wanted, manager_id=manager.id, assigned_by=ctx.actor.id, assigned_at=ctx.now()))
        else:
            row.manager_id, row.assigned_by, row.assigned_at = manager.id, ctx.actor.id, ctx.now()
        return Assignment(manager.staff_no, manager.name, number=wanted,
                          previous_manager=previous.staff_no if previous else None)


def list_managers(ctx: Context) -> list[ManagerView]:
    """The active staff who may keep a portfolio: whom a supervisor assigns to and makes tasks for; the
    account managers first (an admin may keep one too, but is rarely whom a supervisor looks for)."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    roles = [role.value for role in roles_with(Permission.KEEP_PORTFOLIO)]
    with ctx.store.read() as session:
        rows = session.execute(select(Staff.id, Staff.staff_no, Staff.name)
                               .where(Staff.active.is_(True), Staff.role.in_(roles))
                               .order_by(Staff.role != Role.ACCOUNT_MANAGER.value, Staff.staff_no)).all()
    return [ManagerView(*row) for row in rows]


def portfolio(ctx: Context, staff_no: str | None = None) -> Portfolio:
    """A manager's companies and numbers: one's own, or (a supervisor) anyone's."""
    with ctx.store.read() as session:
        manager = manager_row(session, staff_no or ctx.actor.staff_no)
        require_manager_access(ctx, manager.id)
        companies = list(session.scalars(select(Company.name).where(Company.account_manager_id == manager.id)
                                         .order_by(Company.name)))
        numbers = list(session.scalars(select(ManagerNumber.number).where(ManagerNumber.manager_id == manager.id)
                                       .order_by(ManagerNumber.number)))
    return Portfolio(manager.staff_no, manager.name, companies, numbers)


def require_manager_access(ctx: Context, manager_id: int) -> None:
    """One's own portfolio and tasks need the manager's right; anyone else's, a supervisor's."""
    ctx.require(Permission.KEEP_PORTFOLIO if manager_id == ctx.actor.id else Permission.MANAGE_KEY_ACCOUNTS)
