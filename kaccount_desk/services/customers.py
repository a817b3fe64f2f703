"""The customer card (客户档案): who a number is, from every desk's records at once.

The same person calls the hotline, stands at the counter and joined their company's group last
month; the card puts the tier and its history, the company and its class, the account manager, the
applications and the tickets (open ones first) side by side. It is keyed by the mobile number,
which every record has; one search box finds it by number, name, company or the last four
characters of the ID number. ID numbers are masked as on every list (``id_privacy.shown``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from kaccount_desk.domain.companies import CLASS_LABELS
from kaccount_desk.domain.key_accounts import TIER_LABELS, yuan
from kaccount_desk.domain.mobile import normalize_mobile
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import LABELS as TICKET_LABELS
from kaccount_desk.domain.tickets import TicketStatus
from kaccount_desk.domain.workflow import Status, status_label
from kaccount_desk.services import id_privacy
from kaccount_desk.services.companies import members_query
from kaccount_desk.services.context import Context
from kaccount_desk.store.archive_models import Company, CompanyCampaign, CompanyMember, NumberTier
from kaccount_desk.store.manager_models import ManagerNumber
from kaccount_desk.store.models import Application, Campaign, Staff
from kaccount_desk.store.search import contains
from kaccount_desk.store.ticket_models import Ticket

HITS = 50
LISTED = 100  # applications and tickets a card lists, newest first after the open tickets


@dataclass(frozen=True)
class TierMonth:
    month: str
    tier: str | None
    tier_name: str
    average_yuan: str
    recency: int
    frequency: int
    monetary: int


@dataclass(frozen=True)
class CardApplication:
    id: int
    campaign: str
    name: str
    id_number: str  # masked
    status: str
    status_name: str
    created_at: datetime


@dataclass(frozen=True)
class CardTicket:
    id: int
    open: bool
    status_name: str
    category_name: str
    received_at: datetime
    due_at: datetime
    content: str


@dataclass(frozen=True)
class CardCompany:
    name: str
    company_class: str
    class_name: str
    manager: str | None
    manager_name: str | None


@dataclass(frozen=True)
class CardManager:
    """The account manager a supervisor gave this number itself (``manager_numbers``), apart from its company's."""

    staff_no: str
    name: str


@dataclass(frozen=True)
class CustomerCard:
    number: str
    name: str
    tier: TierMonth | None  # the latest scored month
    company: CardCompany | None
    manager: CardManager | None  # the number's own manager; the company's is ``company.manager``
    applications: list[CardApplication]
    tickets: list[CardTicket]
    open_tickets: int
    history: list[TierMonth]  # every scored month, oldest first


@dataclass(frozen=True)
class CustomerHit:
    number: str
    name: str
    company: str
    tier_name: str


@dataclass(frozen=True)
class CustomerLine:
    """The card in one line, for the ticket and intake forms ("who is this number")."""

    number: str
    name: str
    tier: str | None
    tier_name: str
    company: str
    company_class: str
    manager: str | None
    open_tickets: int
    text: str


@dataclass(frozen=True)
class FormMatch:
    """The card line a form shows, and what found it: the number typed ("number") or the ID number typed ("id")."""

    line: CustomerLine
    by: str


def card(ctx: Context, number: str) -> CustomerCard | None:
    """The card of ``number``; None when no record of this store knows it."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    wanted = normalize_mobile(number)
    with ctx.store.read() as session:
        return _card(ctx, session, wanted)


def customer_line(ctx: Context, number: str) -> CustomerLine | None:
    """What a form shows beside a typed number: tier, company and class, manager, open tickets; None if unknown."""
    found = card(ctx, number)
    return None if found is None else _line(ctx, found)


def intake_match(ctx: Context, session: Session, number: str | None, id_digest: str | None,
                 own: int | None = None) -> FormMatch | None:
    """The card line the intake form shows: of the number the applicant keeps, else of the number another
    application of the same ID number holds; None when neither is known, or for a role that may not see cards.

    Read in the form's one preview transaction (``intake_preview``), so the form asks the store once.
    ``own`` is the application being typed over: a card that knows the number only from it says nothing new.
    """
    if not ctx.actor.may(Permission.VIEW_CUSTOMERS):
        return None
    if number:
        found = _card(ctx, session, number)
        if found is not None and (found.tickets or found.history or found.company or found.manager
                                  or any(a.id != own for a in found.applications)):
            return FormMatch(_line(ctx, found), "number")
    if id_digest:
        other = (select(Application.msisdn).where(Application.id_digest == id_digest, Application.msisdn.is_not(None))
                 .order_by(Application.id.desc()).limit(1))
        if own is not None:
            other = other.where(Application.id != own)
        held = session.scalar(other)
        found = _card(ctx, session, held) if held and held != number else None
        if found is not None:
            return FormMatch(_line(ctx, found), "id")
    return None


def _line(ctx: Context, found: CustomerCard) -> CustomerLine:
    tier = found.tier.tier if found.tier else None
    tier_name = found.tier.tier_name if found.tier and found.tier.tier else ""
    company = found.company
    # The manager named for the number knows the person best; the company's manager otherwise.
    manager = found.manager.staff_no if found.manager else company.manager if company else None
    parts = [found.name, tier_name]
    if company is not None:
        parts.append(f"{company.name}({company.company_class})")
    if manager:
        parts.append(("客户经理 " if ctx.lang == "zh" else "account manager ") + manager)
    if found.open_tickets:
        parts.append(f"{found.open_tickets} 张未办结工单" if ctx.lang == "zh" else f"{found.open_tickets} open ticket(s)")
    return CustomerLine(found.number, found.name, tier, tier_name, company.name if company else "",
                        company.company_class if company else "", manager, found.open_tickets,
                        " · ".join(part for part in parts if part))


def search(ctx: Context, text: str) -> list[CustomerHit]:
    """Numbers matching ``text``: a number (or its last digits), a name, a company, the last four of an ID."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    typed = text.strip()[:64]
    if not typed:
        return []
    with ctx.store.read() as session:
        numbers = _matching_numbers(session, typed)
        return [_hit(ctx, session, number) for number in numbers[:HITS]]


def _matching_numbers(session: Session, typed: str) -> list[str]:
    found: dict[str, None] = {}
    digits = normalize_mobile(typed)
    if digits.isdigit() and len(digits) >= 4:
        for column in (Application.msisdn, Ticket.customer_number, NumberTier.number, CompanyMember.number):
            found.update(dict.fromkeys(session.scalars(select(column).where(contains(column, digits)).distinct().limit(HITS))))
    tail = typed.upper()
    if len(tail) == 4 and (tail[:3].isdigit() and (tail[3].isdigit() or tail[3] == "X")):
        found.update(dict.fromkeys(session.scalars(select(Application.msisdn).where(
            Application.id_tail == tail, Application.msisdn.is_not(None)).distinct().limit(HITS))))
    found.update(dict.fromkeys(session.scalars(select(Application.msisdn).where(
        contains(Application.name, typed), Application.msisdn.is_not(None)).distinct().limit(HITS))))
    found.update(dict.fromkeys(session.scalars(select(Ticket.customer_number).where(
        contains(Ticket.customer_name, typed)).distinct().limit(HITS))))
    for company_id in session.scalars(select(Company.id).where(contains(Company.name, typed)).limit(HITS)):
        found.update(dict.fromkeys(session.scalars(members_query(company_id).limit(HITS))))
    return [number for number in found if number]


def _hit(ctx: Context, session: Session, number: str) -> CustomerHit:
    company = _company(ctx, session, number)
    latest = _history(ctx, session, number)[-1:]
    return CustomerHit(number, _name(session, number), company.name if company else "",
                       latest[0].tier_name if latest else "")


def _card(ctx: Context, session: Session, number: str) -> CustomerCard | None:
    applications = _applications(ctx, session, number)
    tickets = _tickets(ctx, session, number)
    history = _history(ctx, session, number)
    company = _company(ctx, session, number)
    manager = _own_manager(session, number)
    if not (applications or tickets or history or company or manager):
        return None
    return CustomerCard(number, _name(session, number), history[-1] if history else None, company, manager, applications,
                        tickets, sum(1 for t in tickets if t.open), history)


def _own_manager(session: Session, number: str) -> CardManager | None:
    row = session.execute(select(Staff.staff_no, Staff.name).join(ManagerNumber, ManagerNumber.manager_id == Staff.id)
                          .where(ManagerNumber.number == number)).first()
    return CardManager(row.staff_no, row.name) if row is not None else None


def _name(session: Session, number: str) -> str:
    name = session.scalar(select(Application.name).where(Application.msisdn == number).order_by(Application.id.desc()).limit(1))
    if name is None:
        name = session.scalar(select(Ticket.customer_name).where(Ticket.customer_number == number)
                              .order_by(Ticket.id.desc()).limit(1))
    return name or ""


def _applications(ctx: Context, session: Session, number: str) -> list[CardApplication]:
    rows = session.execute(select(Application, Campaign.code).join(Campaign, Campaign.id == Application.campaign_id)
                           .where(Application.msisdn == number).order_by(Application.id.desc()).limit(LISTED)).all()
    return [CardApplication(a.id, code, a.name, id_privacy.shown(a.id_number, False), a.status, status_label(a.status, ctx.lang),
                            a.created_at) for a, code in rows]


def _tickets(ctx: Context, session: Session, number: str) -> list[CardTicket]:
    closed = case((Ticket.status == TicketStatus.CLOSED.value, 1), else_=0)
    rows = session.scalars(select(Ticket).where(Ticket.customer_number == number)
                           .order_by(closed, Ticket.received_at.desc()).limit(LISTED))
    return [CardTicket(t.id, t.status != TicketStatus.CLOSED.value, TICKET_LABELS.text(t.status, ctx.lang),
                       TICKET_LABELS.text(t.category, ctx.lang), t.received_at, t.due_at, t.content[:80]) for t in rows]


def _history(ctx: Context, session: Session, number: str) -> list[TierMonth]:
    rows = session.scalars(select(NumberTier).where(NumberTier.number == number).order_by(NumberTier.month))
    return [TierMonth(r.month, r.tier, TIER_LABELS.text(r.tier, ctx.lang) if r.tier else "", yuan(r.average_fen),
                      r.recency, r.frequency, r.monetary) for r in rows]


def _company(ctx: Context, session: Session, number: str) -> CardCompany | None:
    """The company whose member the number is: an imported member list first, else an activated application."""
    company_id = session.scalar(select(CompanyMember.company_id).where(CompanyMember.number == number).limit(1))
    if company_id is None:
        company_id = session.scalar(
            select(CompanyCampaign.company_id).join(Application, Application.campaign_id == CompanyCampaign.campaign_id)
            .where(Application.msisdn == number, Application.status == Status.ACTIVATED.value).limit(1))
    if company_id is None:
        return None
    row = session.get(Company, company_id)
    assert row is not None
    manager = session.get(Staff, row.account_manager_id) if row.account_manager_id else None
    return CardCompany(row.name, row.company_class, CLASS_LABELS.text(row.company_class, ctx.lang),
                       manager.staff_no if manager else None, manager.name if manager else None)
