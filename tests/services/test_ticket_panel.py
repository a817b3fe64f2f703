"""The ticket panel's one read (services/ticket_panel.py) on a real SQLite store: the lists it reads
beside the ticket in one UNION ALL are exactly what each list's own service answers, in the same
order, and the whole read is two statements however long the ticket's history. And a ticket just
received, shown without being read back (tickets.receive), is shown as a later read shows it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event
from support import Clock, make_staff

from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import answers, audit, outages, staff, ticket_settings
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Forbidden, NotFound
from kaccount_desk.services.ticket_panel import TicketPanel, panel
from kaccount_desk.services.ticket_queries import search_tickets


@dataclass(frozen=True)
class Desk:
    clerk: Context
    supervisor: Context
    fault: int  # received during planned work announced for its area, referred, with a long history
    complaint: int


@pytest.fixture
def desk(admin: Context, clock: Clock, tmp_path: Path) -> Desk:
    """Staff of every kind (one who left, one who handles no tickets), a department retired and one
    added, answers of two categories whose topics sort differently by case, and an announced outage."""
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    supervisor = make_staff(admin, "S001", "supervisor")
    make_staff(admin, "C002", "clerk")
    make_staff(admin, "K001", "collector", "铸造事业部")
    make_staff(admin, "C003", "clerk")
    staff.set_active(admin, "C003", False)
    ticket_settings.retire_department(admin, t.departments(admin)[0])
    ticket_settings.add_department(admin, "客户服务中心")
    for category, topic in (("fault", "信号"), ("fault", "Wifi"), ("fault", "apn"), ("complaint", "致歉")):
        answers.add_answer(admin, category, topic, f"{topic}的标准答复。")
    work = outages.add(admin, "基站设备升级", "交河镇", clock.now + timedelta(hours=73), 6)
    outages.print_notice(admin, work.id, tmp_path / "notice.pdf")
    clock.advance(hours=74)
    fault = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "张先生", "13803170001", "交河镇家里没有信号",
                                                area="rural")).id
    t.start(clerk, fault)
    for n in range(12):
        t.add_note(clerk, fault, f"回访记录{n}")
    t.refer(clerk, fault, t.departments(clerk)[0], "请核查基站")
    complaint = t.open_ticket(clerk, t.TicketInput("complaint", "face", "self_run_hall", "李女士", "13903170002", "扣费有误")).id
    return Desk(clerk, supervisor, fault, complaint)


def _apart(ctx: Context, ticket_id: int) -> TicketPanel:
    """The same panel as each list's own service answers it, one read per list."""
    view = t.show(ctx, ticket_id)
    owners = t.possible_owners(ctx) if ctx.actor.may(Permission.REASSIGN_TICKETS) else []
    outage = outages.ticket_outage(ctx, view.category, view.area, view.content, view.received_at)
    return TicketPanel(view, t.departments(ctx), owners, answers.offered(ctx, view.category), outage)


@pytest.mark.parametrize("who", ["clerk", "supervisor"])
def test_the_panel_is_what_each_list_s_own_service_answers(desk: Desk, who: str) -> None:
    ctx = getattr(desk, who)
    for ticket_id in (desk.fault, desk.complaint):
        assert panel(ctx, ticket_id) == _apart(ctx, ticket_id)
    shown = panel(ctx, desk.fault)
    assert shown.outage is not None and shown.outage.what == "基站设备升级"
    assert "客户服务中心" in shown.departments and [a.topic for a in shown.offered] == [a.topic for a in answers.offered(ctx, "fault")]
    assert panel(ctx, desk.complaint).outage is None
    assert [no for no, _ in shown.possible_owners] == (["A001", "C001", "C002", "S001"] if who == "supervisor" else [])


@contextmanager
def _statements(store: Store) -> Iterator[list[str]]:
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement)

    event.listen(store.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", note)


def test_two_statements_whatever_the_history_and_no_lazy_loads(desk: Desk) -> None:
    """The ticket with its referrals, then its history in one union with the lists: no statement per row."""
    with _statements(desk.supervisor.store) as sent:
        shown = panel(desk.supervisor, desk.fault)
    assert len(shown.view.history) > 12 and shown.view.referrals
    assert len([s for s in sent if s.lstrip().upper().startswith("SELECT")]) == 2


@pytest.mark.parametrize(("category", "area", "key_account"), [("fault", "rural", False), ("complaint", None, True)])
def test_a_ticket_just_received_shows_as_it_is_stored(desk: Desk, clock: Clock, category: str, area: str | None,
                                                      key_account: bool) -> None:
    """Receiving reads nothing back (the view is made from the rows it wrote): it must be the view a
    later read gives, with the ids the store gave the ticket and its history entry, found by search."""
    clock.advance(minutes=5)
    received = t.receive(desk.clerk, t.TicketInput(category, "phone", "hotline", "赵先生", "13803170003", "宽带报装咨询",
                                                   area=area, key_account=key_account))
    assert received.view == t.show(desk.clerk, received.view.id)
    assert received.view.id > desk.complaint and received.view.history[0].id > panel(desk.clerk, desk.complaint).view.history[-1].id
    assert [hit.id for hit in search_tickets(desk.clerk, "宽带报装").hits] == [received.view.id]
    assert audit.verify(desk.clerk.store).ok


def test_a_missing_ticket_or_a_person_without_tickets_is_told_in_words(desk: Desk, admin: Context) -> None:
    with pytest.raises(NotFound):
        panel(desk.clerk, 999_999)
    with pytest.raises(Forbidden):
        panel(make_staff(admin, "K002", "collector", "铸造事业部"), desk.fault)
