"""A year of first-contact tickets for a demo store, written in bulk but shaped as the services shape them.

Each ticket has the history the services would have left (receive, then reply, callback and close
for the ones done), its due time from the store's own time limits, referrals to departments for
some, and its texts in the search index, so queues, search, reports and the ticket panel work on
it as on real work. Rows go in with ids chosen here, in one executemany per table and batch
(``store.bulk``), a batch per transaction.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.search_text import bigram_text
from kaccount_desk.domain.ticket_deadlines import TimeLimits, due_at, referral_due
from kaccount_desk.domain.tickets import Action, Area, CallbackResult, Category, Channel, TicketStatus, Window
from kaccount_desk.services.audit import note_change
from kaccount_desk.services.context import Context
from kaccount_desk.services.demo_values import mobile_number, person_name, reply_text, ticket_content
from kaccount_desk.store.bulk import after_explicit_ids, insert_rows, next_id
from kaccount_desk.store.models import Base
from kaccount_desk.store.search import index_ticket_search
from kaccount_desk.store.ticket_models import TicketDepartment

TABLES = Base.metadata.tables
BATCH = 20_000
YEAR = timedelta(days=365)
CATEGORY_WEIGHTS = {Category.CONSULTATION: 35, Category.LOOKUP: 20, Category.COMPLAINT: 10, Category.FAULT: 20,
                    Category.BUSINESS: 15}
CHANNEL_WEIGHTS = {Channel.FACE: 35, Channel.PHONE: 45, Channel.LETTER: 2, Channel.VISIT: 3, Channel.ONLINE: 15}
ASK = "请协助核实处理,并答复处理结果"
ANSWER = "已核实处理,请告知客户"
Progress = Callable[[int], bool]


@dataclass(frozen=True)
class TicketPlan:
    """Who works the tickets and under which limits: read once, used for every batch."""

    owners: tuple[int, ...]
    departments: tuple[tuple[int, str], ...]
    limits: TimeLimits
    now: datetime
    seed: int
    customers: tuple[tuple[str, str], ...]
    _bigrams: dict[str, str] = field(default_factory=dict)

    def index_text(self, parts: tuple[str, ...]) -> str:
        """A history entry's index text. Its parts repeat (templates, the customers who call again),
        so each is made once; space-separated parts join as the whole text would (``bigram_text``)."""
        out = []
        for part in parts:
            known = self._bigrams.get(part)
            if known is None:
                known = self._bigrams[part] = bigram_text(part)
            out.append(known)
        return " ".join(out)


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _status(rng: random.Random, age: timedelta) -> TicketStatus:
    """Old tickets are nearly all closed; the last days hold the open work of the queues."""
    still_open = 0.005 if age > timedelta(days=30) else 0.03 if age > timedelta(days=7) else 0.6
    if rng.random() >= still_open:
        return TicketStatus.CLOSED
    return rng.choice((TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.REFERRED, TicketStatus.REPLIED))


def _ticket(rng: random.Random, plan: TicketPlan, index: int, total: int) -> dict[str, Any]:
    received = plan.now - YEAR + YEAR * (index + rng.random()) / total
    category = _weighted(rng, CATEGORY_WEIGHTS)
    area = rng.choice((Area.TOWN, Area.RURAL)) if category is Category.FAULT else None
    status = _status(rng, plan.now - received)
    due = due_at(received, category, area, plan.limits)
    closed = None
    if status is TicketStatus.CLOSED:  # on time, as the service's close rule would have it for faults
        closed = min(received + (due - received) * rng.uniform(0.1, 0.95), plan.now)
    owner = rng.choice(plan.owners)
    name, number = rng.choice(plan.customers)  # some customers call again, as at a real counter
    return {
        "received_at": received, "channel": _weighted(rng, CHANNEL_WEIGHTS).value,
        "window": rng.choice(list(Window)).value, "category": category.value, "area": area.value if area else None,
        "customer_name": name, "customer_number": number,
        "key_account": rng.random() < 0.1, "content": ticket_content(rng, category), "status": status.value,
        "first_receiver_id": owner, "owner_id": owner, "due_at": due,
        "referred": status is TicketStatus.REFERRED or rng.random() < 0.05,
        "replied": status in (TicketStatus.REPLIED, TicketStatus.CLOSED), "callback_tries": 0,
        "last_callback": CallbackResult.SATISFIED.value if closed else None, "handset_cause": False,
        "closed_at": closed, "updated_at": closed or received,
    }


Rows = list[dict[str, Any]]


def _history(rng: random.Random, plan: TicketPlan, ticket_id: int, row: dict[str, Any]) -> tuple[Rows, Rows]:
    """The ticket's history entries (each with its searchable text or None) and its referral."""
    received, owner = row["received_at"], row["owner_id"]
    events = [{"ticket_id": ticket_id, "action": Action.RECEIVE.value, "staff_id": owner, "at": received,
               "text": row["content"], "data": {"received_at": received.isoformat()},
               "_search": (row["content"], row["customer_name"], row["customer_number"])}]
    if row["status"] != TicketStatus.OPEN.value:
        events.append({"ticket_id": ticket_id, "action": Action.START.value, "staff_id": owner,
                       "at": received + timedelta(minutes=rng.randint(5, 60)), "text": "", "data": {}, "_search": None})
    referrals = []
    if row["referred"]:
        department_id, department = rng.choice(plan.departments)
        asked = received + timedelta(minutes=rng.randint(10, 120))
        due = referral_due(asked, row["due_at"])
        answered = None if row["status"] == TicketStatus.REFERRED.value else asked + timedelta(hours=rng.randint(1, 12))
        referrals.append({"ticket_id": ticket_id, "department_id": department_id, "ask": ASK, "due_at": due,
                          "referred_by": owner, "referred_at": asked, "answer": ANSWER if answered else None,
                          "answered_by": owner if answered else None, "answered_at": answered})
        events.append({"ticket_id": ticket_id, "action": Action.REFER.value, "staff_id": owner, "at": asked, "text": ASK,
                       "data": {"department": department, "due_at": due.isoformat()}, "_search": None})
        if answered:
            events.append({"ticket_id": ticket_id, "action": Action.ANSWER.value, "staff_id": owner, "at": answered,
                           "text": ANSWER, "data": {"department": department}, "_search": (ANSWER,)})
    if row["replied"]:
        at = (row["closed_at"] or plan.now) - timedelta(minutes=rng.randint(30, 90))
        body = reply_text(rng)
        events.append({"ticket_id": ticket_id, "action": Action.REPLY.value, "staff_id": owner, "at": max(at, received),
                       "text": body, "data": {}, "_search": (body,)})
    if row["closed_at"] is not None:
        events.append({"ticket_id": ticket_id, "action": Action.CALLBACK.value, "staff_id": owner, "at": row["closed_at"],
                       "text": "", "data": {"result": CallbackResult.SATISFIED.value, "tries": 0}, "_search": None})
        events.append({"ticket_id": ticket_id, "action": Action.CLOSE.value, "staff_id": owner, "at": row["closed_at"],
                       "text": "", "data": {}, "_search": None})
    return events, referrals


def _write_batch(session: Session, rng: random.Random, plan: TicketPlan, rows: Sequence[dict[str, Any]]) -> None:
    first_ticket, first_event = next_id(session, TABLES["tickets"]), next_id(session, TABLES["ticket_events"])
    ids = list(range(first_ticket, first_ticket + len(rows)))
    events: list[dict[str, Any]] = []
    referrals: list[dict[str, Any]] = []
    for ticket_id, row in zip(ids, rows, strict=True):
        row["id"] = ticket_id
        more_events, more_referrals = _history(rng, plan, ticket_id, row)
        events += more_events
        referrals += more_referrals
    searchable = []
    for event_id, event in enumerate(events, start=first_event):
        event["id"] = event_id
        searchable.append((event_id, event.pop("_search")))
    insert_rows(session, TABLES["tickets"], list(rows))
    insert_rows(session, TABLES["ticket_events"], events)
    index_ticket_search(session, [(i, plan.index_text(parts)) for i, parts in searchable if parts])
    if referrals:
        insert_rows(session, TABLES["ticket_referrals"], referrals)
    after_explicit_ids(session, TABLES["tickets"], TABLES["ticket_events"])
    note_change(session, "tickets", "insert", ids)
    note_change(session, "ticket_events", "insert", [event["id"] for event in events])


def ticket_plan(session: Session, owners: Sequence[int], limits: TimeLimits, now: datetime, seed: int, total: int) -> TicketPlan:
    """Read the departments once and make the customers: one for every three tickets."""
    rng = random.Random(f"customers-{seed}")
    customers = tuple((person_name(rng), mobile_number(10**7 + i, seed)) for i in range(max(total // 3, 1)))
    departments = tuple((i, name) for i, name in session.execute(
        select(TicketDepartment.id, TicketDepartment.name).where(TicketDepartment.active)))
    return TicketPlan(tuple(owners), departments, limits, now, seed, customers)


def insert_tickets(ctx: Context, plan: TicketPlan, total: int, progress: Progress) -> int:
    """Write ``total`` tickets, a batch per transaction; stop early (returning how many) when ``progress`` says so."""
    rng = random.Random(f"tickets-{plan.seed}")
    made = 0
    while made < total:
        count = min(BATCH, total - made)
        rows = [_ticket(rng, plan, made + i, total) for i in range(count)]
        with ctx.transaction() as session:
            _write_batch(session, rng, plan, rows)
        made += count
        if not progress(count):
            break
    return made
