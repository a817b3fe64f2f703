"""Who is this number: what the store knows of a caller while the ticket form is still being filled in.

One function answers for the ticket form, for ``open_ticket`` and for the CLI, so a later fact
(the customer card, a billing tier) is added here once and every face gets it. Today it holds:

- the number's earlier tickets a new contact may belong to (open, or closed within the repeat
  window of ``domain/repeat_callers.py``), newest first (issue 23 item 4);
- the key-account customer the number belongs to: the company and campaign of its newest live or
  activated application (issue 23 item 5). A campaign names its issuing office, not the company;
  the company is the store's organisation name (one per store, ``services/organisation.py``), or the
  issuing office where none is set;
- the number's tier in its latest scored billing month (issue 24: an individual key account known
  from the operator's bills, 钻石卡 to 个人高价值客户), which makes it a key account too.

All come back in ONE statement (a UNION of the indexed look-ups, by ``tickets.customer_number``,
``applications.msisdn`` and ``number_tiers.number``): across a VPN every statement is a round trip,
and the form asks on every number typed, so opening a ticket costs one statement more than before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Integer, String, and_, case, cast, func, literal_column, null, or_, select, union_all
from sqlalchemy.orm import Session

from kaccount_desk.domain.key_accounts import Tier
from kaccount_desk.domain.mobile import check_mobile
from kaccount_desk.domain.operator_time import local
from kaccount_desk.domain.repeat_callers import is_repeat, recent_since
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import TicketStatus
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services.context import Context
from kaccount_desk.services.organisation import SETTING as ORGANISATION
from kaccount_desk.store.archive_models import NumberTier
from kaccount_desk.store.models import Application, Campaign, Department, Staff, StoreSetting
from kaccount_desk.store.ticket_models import Ticket
from kaccount_desk.store.types import UtcDateTime

__all__ = ["EarlierTicket", "KeyAccount", "Caller", "who_is", "read_caller"]

SUMMARY_CHARS = 60
# More than a desk can read in the form: a number with this many open tickets is a case for a supervisor.
MOST_ROWS = 50


@dataclass(frozen=True)
class EarlierTicket:
    """An open or recently closed ticket of the same number (times in +08:00)."""

    id: int
    received_at: datetime
    category: str
    status: str
    owner: str
    owner_name: str
    summary: str
    closed_at: datetime | None


@dataclass(frozen=True)
class KeyAccount:
    """The key-account customer a number belongs to, from its newest live or activated application."""

    company: str
    campaign: str
    department: str


@dataclass(frozen=True)
class Caller:
    number: str
    same_number: tuple[EarlierTicket, ...]
    key_account: KeyAccount | None
    tier: Tier | None = None  # from the latest scored billing month; None when the bills give none

    @property
    def is_key_account(self) -> bool:
        """Known as a key account, by an application of a campaign or by the bills (绿色通道)."""
        return self.key_account is not None or self.tier is not None


def who_is(ctx: Context, raw_number: str) -> Caller | None:
    """What the store knows of the number typed; None while it is not yet a valid mobile number."""
    ctx.require(Permission.HANDLE_TICKETS)
    number = check_mobile(raw_number, ctx.store.segments, for_calls=False)
    if number.value is None:
        return None
    with ctx.store.read() as session:
        return read_caller(session, number.value.number, ctx.now())


def read_caller(session: Session, number: str, now: datetime) -> Caller:
    """The caller of ``number`` at ``now``, in one statement (see the module's note)."""
    no_time = cast(null(), UtcDateTime())
    earlier = (
        select(
            literal_column("'ticket'", String()).label("kind"), Ticket.id.label("id"), Ticket.received_at.label("at"),
            Ticket.closed_at.label("closed_at"), Ticket.status.label("status"), Ticket.category.label("a"),
            func.substr(Ticket.content, 1, SUMMARY_CHARS).label("b"), Staff.staff_no.label("c"), Staff.name.label("d"),
        )
        .join(Staff, Staff.id == Ticket.owner_id)
        .where(
            Ticket.customer_number == number,
            or_(Ticket.status != TicketStatus.CLOSED.value, and_(Ticket.closed_at.is_not(None), Ticket.closed_at >= recent_since(now))),
        )
    )
    accounts = (
        select(
            literal_column("'account'", String()), Application.id, no_time, no_time, Application.status, Campaign.issuer,
            Campaign.title, Department.name,
            cast(select(StoreSetting.value).where(StoreSetting.name == ORGANISATION).scalar_subquery(), String()),
        )
        .join(Campaign, Campaign.id == Application.campaign_id)
        .join(Department, Department.id == Application.department_id)
        .where(Application.msisdn == number, Application.status.in_([s.value for s in LIVE_STATUSES]))
    )
    latest = select(func.max(NumberTier.month)).where(NumberTier.number == number).scalar_subquery()
    tiers = select(
        literal_column("'tier'", String()), literal_column("0", Integer()), no_time, no_time, NumberTier.tier, NumberTier.month,
        literal_column("''", String()), literal_column("''", String()), literal_column("''", String()),
    ).where(NumberTier.number == number, NumberTier.month == latest, NumberTier.tier.is_not(None))
    both = union_all(earlier, accounts, tiers).subquery()
    tickets_last = case((both.c.kind == "ticket", 1), else_=0)  # the one kind of many rows: the limit cuts only them
    rows = session.execute(select(both).order_by(tickets_last, both.c.kind, both.c.id.desc()).limit(MOST_ROWS)).all()
    account = next((KeyAccount(_organisation(r.d) or r.a, r.b, r.c) for r in rows if r.kind == "account"), None)
    tickets = tuple(
        EarlierTicket(r.id, local(r.at), r.a, r.status, r.c, r.d, r.b, local(r.closed_at))
        for r in rows
        if r.kind == "ticket" and is_repeat(r.status, r.closed_at, now)  # the rule; the SQL only narrows by index
    )
    tier = next((Tier(r.status) for r in rows if r.kind == "tier" and r.status in set(Tier)), None)
    return Caller(number, tickets, account, tier)


def _organisation(stored: str | None) -> str:
    """The organisation name from its setting's JSON text (read inside the union as text); "" when unset."""
    if not stored:
        return ""
    try:
        value = json.loads(stored)
    except ValueError:
        return ""
    return value.strip() if isinstance(value, str) else ""
