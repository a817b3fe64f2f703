"""``fill_demo``: a believable store, the same for the same seed, that the real services work on.

Every value is checked with the domain's own rules (a demo full of invalid IDs would teach a
trainee the wrong thing and hide bugs from a benchmark), the store is read back only through the
services a clerk uses, and a store that already holds work is refused untouched.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from support import PASSWORD, REPO, Clock, make_staff

from kaccount_desk.domain.mobile import check_mobile
from kaccount_desk.domain.resident_id import check_resident_id
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services import staff, tickets
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.demo import fill_demo
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.services.id_copies import view_id_copy
from kaccount_desk.services.pool import browse_pool
from kaccount_desk.services.ticket_queries import search_tickets
from kaccount_desk.store.models import Application, ApplicationEvent, IdCopy
from kaccount_desk.store.ticket_models import Ticket, TicketEvent, TicketReferral


def _rows(store: Store, model: Any, *skip: str) -> list[tuple[Any, ...]]:
    columns = [c for c in model.__table__.columns if c.name not in skip]
    with store.read() as session:
        return [tuple(row) for row in session.execute(select(*columns).order_by(model.id))]


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    # The ID ciphertext differs by its random nonce, the digest by each store's own data key; the
    # decrypted number is compared instead.
    return {model.__tablename__: _rows(store, model, "data", "id_digest") for model in (Application, ApplicationEvent, IdCopy, Ticket,
                                                                           TicketEvent, TicketReferral)}


def _second_store(tmp_path: Path, clock: Clock, name: str) -> Context:
    other = Store(f"sqlite:///{tmp_path / name}", resources=REPO / "resources", clock=clock)
    return Context(other, staff.create_first_admin(other, "A001", "管理员", PASSWORD))


def test_the_same_seed_builds_the_same_store_and_another_seed_another(admin: Context, tmp_path: Path, clock: Clock) -> None:
    fill_demo(admin, tickets=400, applications=150, seed=7)
    same, other = _second_store(tmp_path, clock, "same.sqlite3"), _second_store(tmp_path, clock, "other.sqlite3")
    try:
        fill_demo(same, tickets=400, applications=150, seed=7)
        fill_demo(other, tickets=400, applications=150, seed=8)
        assert _contents(same.store) == _contents(admin.store)
        assert _contents(other.store)["tickets"] != _contents(admin.store)["tickets"]
    finally:
        same.store.close()
        other.store.close()


def test_every_person_number_and_status_is_one_the_rules_accept(admin: Context) -> None:
    fill = fill_demo(admin, tickets=0, applications=700, seed=3)
    assert (fill.applications, fill.tickets, fill.stopped) == (700, 0, False)
    with admin.store.read() as session:
        apps = list(session.scalars(select(Application).order_by(Application.id)))
        copies = session.scalar(select(func.count()).select_from(IdCopy))
    for app in apps:
        assert check_resident_id(app.id_number).value is not None, app.id
        verdict = check_mobile(app.msisdn, admin.store.segments, "china-mobile")
        assert verdict.value is not None, app.msisdn
    assert len({a.id_number for a in apps}) == len({a.msisdn for a in apps}) == 700
    assert set(Counter(a.status for a in apps)) == {s.value for s in Status}
    pool = [a.msisdn for a in apps if a.number_source == "pool"]
    taken = {entry.number for entry in browse_pool(admin, fill.campaign, free_only=False) if not entry.free}
    assert pool and taken <= set(pool)
    moved_on = [a.id for a in apps if a.status not in ("draft", "withdrawn")]  # each needed both sides to move
    with admin.store.read() as session:
        with_copies = Counter(session.scalars(select(IdCopy.application_id)))
    assert all(with_copies[i] == 2 for i in moved_on)
    assert copies == fill.copies == sum(with_copies.values()) and len(with_copies) < len(moved_on) + 10
    image = view_id_copy(admin, 100, "front")  # a copy opens as an attached one does (decrypted, bound to its row)
    assert image.data[:2] == b"\xff\xd8"


def test_the_ticket_services_work_on_a_demo_year(admin: Context, clock: Clock) -> None:
    fill = fill_demo(admin, tickets=1500, applications=0, seed=5)
    clerk = make_staff(admin, "C900", "clerk")
    with admin.store.read() as session:
        sample = session.scalars(select(Ticket).order_by(Ticket.id.desc()).limit(40)).all()
        statuses = Counter(session.scalars(select(Ticket.status)))
        oldest = session.scalar(select(func.min(Ticket.received_at)))
    assert statuses["closed"] > 1000 and len(statuses) >= 4
    assert oldest is not None and (clock.now - oldest).days >= 360
    for ticket in sample[:10]:  # each found by its customer's number and by its own words, as a clerk searches
        assert ticket.id in {row.id for row in search_tickets(clerk, ticket.customer_number).hits}
        assert ticket.id in {row.id for row in search_tickets(clerk, ticket.content[:6]).hits}
    opened = tickets.open_ticket(clerk, tickets.TicketInput(
        category="consultation", channel="phone", window="hotline", area=None, customer_name="客户", customer_number="13803170001",
        content="演示之后的第一张工单"))
    assert opened.id == 1501  # ids go on after the demo's
    assert fill.staff[0] == "D101"


def test_a_store_holding_work_and_a_clerk_are_refused_and_nothing_changes(admin: Context) -> None:
    fill_demo(admin, tickets=50, applications=20, seed=1)
    before = _contents(admin.store)
    with pytest.raises(Refused) as refused:
        fill_demo(admin, tickets=50, applications=20, seed=2)
    assert "空数据库" in refused.value.reasons[0].zh and "empty store" in refused.value.reasons[0].en
    assert _contents(admin.store) == before
    clerk = make_staff(admin, "C901", "clerk")
    with pytest.raises(Forbidden):
        fill_demo(clerk, tickets=1, applications=0)


def test_stopping_keeps_what_was_written_whole(admin: Context) -> None:
    seen: list[int] = []

    def stop_after_first_batch(done: int, total: int) -> bool:
        seen.append(done)
        return False

    fill = fill_demo(admin, tickets=100, applications=12_000, seed=1, progress=stop_after_first_batch)
    assert fill.stopped and fill.tickets == 0 and 0 < fill.applications < 12_000
    assert seen == [fill.applications]
    with admin.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == fill.applications
        assert session.scalar(select(func.count()).select_from(Ticket)) == 0


def test_the_demo_numbers_have_a_year_of_bills_tiers_and_a_move_list(admin: Context) -> None:
    from kaccount_desk.services import customers
    from kaccount_desk.services import tiers as tier_service
    from kaccount_desk.store.archive_models import BillingMonthRow, NumberTier

    filled = fill_demo(admin, tickets=300, applications=100, seed=5)
    with admin.store.read() as session:
        months = list(session.scalars(select(BillingMonthRow.month).distinct().order_by(BillingMonthRow.month)))
        tiered = list(session.scalars(select(NumberTier.number).where(NumberTier.month == months[-1], NumberTier.tier.is_not(None))))
        billed = session.scalar(select(func.count(func.distinct(BillingMonthRow.number))))
    assert len(months) == 12 and billed == filled.billed_numbers > 100
    assert tiered
    card = customers.card(admin, tiered[0])
    assert card is not None and card.tier is not None and card.tier.tier is not None and len(card.history) == 12
    assert tier_service.moves(admin, months[-1])
