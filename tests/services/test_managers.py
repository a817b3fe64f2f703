"""Account managers: a supervisor assigns companies and numbers and makes tasks; a manager works their own
day; the month's drops become one follow-up each; their customers' open tickets make a queue of their own."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from support import Clock, make_staff
from test_billing import extract, months
from test_customers import NUMBER, enrolled

from kaccount_desk.domain.manager_tasks import followup_due
from kaccount_desk.services import billing, companies, manager_tasks, managers, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, NotFound, Refused
from kaccount_desk.services.ticket_queries import Queue, TicketQuery, page_tickets
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.store.manager_models import ManagerTask

DROPS, LEAVES, STEADY, NOBODYS = "13803170001", "13803170002", "13803170003", "13803170004"
MORNING = datetime(2026, 3, 5, 1, 0, tzinfo=UTC)  # 09:00 in the hall


@pytest.fixture
def boss(admin: Context) -> Context:
    return make_staff(admin, "S001", "supervisor", "客户服务中心")


@pytest.fixture
def manager(admin: Context) -> Context:
    return make_staff(admin, "M001", "account_manager")


@pytest.fixture
def other(admin: Context) -> Context:
    return make_staff(admin, "M002", "account_manager")


def test_a_supervisor_assigns_a_company_and_a_number_and_a_manager_sees_the_portfolio(
        boss: Context, manager: Context, other: Context) -> None:
    companies.add_company(boss, "泊头铸造有限公司", "B")
    first = managers.assign_company(boss, "泊头铸造有限公司", "M002")
    moved = managers.assign_company(boss, "泊头铸造有限公司", "M001")
    assert (first.previous_manager, moved.previous_manager, moved.manager) == (None, "M002", "M001")
    assert managers.assign_number(boss, " 13803170001 ", "M001").number == "13803170001"
    shown = managers.portfolio(manager)
    assert (shown.companies, shown.numbers) == (["泊头铸造有限公司"], ["13803170001"])
    assert companies.show_company(manager, "泊头铸造有限公司").manager == "M001"
    assert [m.staff_no for m in managers.list_managers(boss)] == ["M001", "M002", "A001"]
    with pytest.raises(Forbidden):
        managers.portfolio(manager, "M002")


def test_assigning_is_a_supervisors_and_only_to_someone_who_may_keep_customers(
        admin: Context, boss: Context, manager: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    companies.add_company(boss, "沧州市政府", "A")
    with pytest.raises(Forbidden):
        managers.assign_company(manager, "沧州市政府", "M001")
    with pytest.raises(Refused) as refused:
        managers.assign_company(boss, "沧州市政府", "C001")
    assert refused.value.reasons[0].code == "manager.role" and "营业员" in refused.value.text("zh")
    with pytest.raises(Refused) as refused:
        managers.assign_number(boss, "0317-1234567", "M001")
    assert refused.value.reasons[0].code == "manager.number"
    with pytest.raises(NotFound):
        managers.assign_number(boss, DROPS, "M404")
    assert companies.show_company(boss, "沧州市政府").manager is None
    assert clerk.actor.role == "clerk"


def test_my_day_puts_overdue_first_then_today_then_the_week_and_done_tasks_leave_it(
        boss: Context, manager: Context, clock: Clock) -> None:
    clock.now = MORNING
    for title, due in (("下周的", "2026-03-12"), ("今天走访", "2026-03-05"), ("昨天的回访", "2026-03-04"),
                       ("月底续约", "2026-03-31")):
        manager_tasks.add_task(manager, title, due, "visit")
    from_boss = manager_tasks.add_task(boss, "主管派的", "2026-03-05", "call", manager="M001", number=DROPS)
    assert (from_boss.source, from_boss.manager, from_boss.created_by) == ("supervisor", "M001", "S001")
    day = manager_tasks.my_day(manager)
    assert [(t.title, t.part) for t in day] == [("昨天的回访", "overdue"), ("今天走访", "today"), ("主管派的", "today"),
                                               ("下周的", "upcoming")]
    clock.now = MORNING.replace(hour=15, minute=59, second=59)  # 23:59:59 in the hall: still today
    assert manager_tasks.my_day(manager)[1].part == "today"
    clock.now += timedelta(seconds=1)
    assert [t.part for t in manager_tasks.my_day(manager)][:3] == ["overdue", "overdue", "overdue"]
    done = manager_tasks.complete_task(manager, day[0].id)
    again = manager_tasks.complete_task(manager, day[0].id)
    assert done.done_at == again.done_at == clock.now and done.part == ""
    assert day[0].id not in [t.id for t in manager_tasks.my_day(manager)]
    listed = manager_tasks.list_tasks(manager)
    assert (listed[-1].id, [t.title for t in manager_tasks.list_tasks(manager, open_only=True)][-1]) == (day[0].id, "月底续约")


def test_a_manager_keeps_to_their_own_tasks(boss: Context, manager: Context, other: Context) -> None:
    theirs = manager_tasks.add_task(other, "别人的", "2026-03-05")
    assert manager_tasks.add_task(manager, "我的", "2026-03-05").source == "hand"
    for attempt in (lambda: manager_tasks.complete_task(manager, theirs.id),
                    lambda: manager_tasks.add_task(manager, "替别人", "2026-03-05", manager="M002"),
                    lambda: manager_tasks.list_tasks(manager, "M002"), lambda: manager_tasks.my_day(manager, "M002")):
        with pytest.raises(Forbidden):
            attempt()
    assert [t.title for t in manager_tasks.list_tasks(manager)] == ["我的"]
    assert sorted(t.title for t in manager_tasks.list_tasks(boss)) == ["别人的", "我的"]
    assert manager_tasks.complete_task(boss, theirs.id).done_at is not None
    with pytest.raises(Refused) as refused:
        manager_tasks.add_task(boss, "主管自己没有客户", "2026-03-05")
    assert refused.value.reasons[0].code == "manager.role"


def test_a_task_typed_wrong_is_refused_in_words_and_nothing_is_kept(manager: Context) -> None:
    with pytest.raises(Refused) as refused:
        manager_tasks.add_task(manager, "", "3月5日", "lunch")
    assert [r.code for r in refused.value.reasons] == ["task.title_empty", "task.due", "task.kind"]
    with pytest.raises(NotFound):
        manager_tasks.add_task(manager, "走访", "2026-03-05", company="没有这家")
    with pytest.raises(NotFound):
        manager_tasks.complete_task(manager, 404)
    assert manager_tasks.list_tasks(manager) == []


def _drops_in_april(admin: Context, folder: Path) -> None:
    """Gold for three months, then DROPS spends less and LEAVES falls into arrears in April."""
    for month in months(2026, 1, 3):
        billing.import_billing(admin, extract(folder, month, {n: "600" for n in (DROPS, LEAVES, STEADY, NOBODYS)}), month)
    billing.import_billing(admin, extract(folder, "2026-04", {DROPS: "0", LEAVES: "600", STEADY: "600", NOBODYS: "0"},
                                          {LEAVES: "80"}), "2026-04")


def test_the_months_drops_make_one_follow_up_each_for_the_numbers_manager(
        admin: Context, boss: Context, manager: Context, other: Context, tmp_path: Path, clock: Clock) -> None:
    _drops_in_april(admin, tmp_path)
    managers.assign_number(boss, DROPS, "M001")
    managers.assign_number(boss, LEAVES, "M002")
    managers.assign_number(boss, STEADY, "M001")
    clock.now = datetime(2026, 5, 3, 2, 0, tzinfo=UTC)
    mine = manager_tasks.from_changes(manager, "2026-04")
    assert [(t.number, t.kind, t.source, t.due_on) for t in mine.created] == [(DROPS, "downgrade", "change", date(2026, 5, 31))]
    assert "金卡" in mine.created[0].title and mine.without_manager == []
    made = manager_tasks.from_changes(boss, "2026/4")
    assert ([(t.number, t.manager) for t in made.created], made.already, made.without_manager) == (
        [(LEAVES, "M002")], 1, [NOBODYS])
    again = manager_tasks.from_changes(boss, "2026-04")
    assert (again.created, again.already) == ([], 2)
    assert len(manager_tasks.list_tasks(boss)) == 2
    with pytest.raises(Refused):
        manager_tasks.from_changes(boss, "2026-05")  # not imported yet


def _ticket(admin: Context, number: str, content: str) -> int:
    return tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "张三", number, content)).id


def test_my_customers_queue_holds_the_open_tickets_of_the_managers_numbers_and_companies(
        admin: Context, boss: Context, manager: Context, campaign: str) -> None:
    enrolled(admin, campaign)  # NUMBER: a member of the company that organised the campaign
    companies.add_company(boss, "泊头铸造有限公司", "B", manager="M001", campaigns=[campaign])
    managers.assign_number(boss, DROPS, "M001")
    theirs = [_ticket(admin, DROPS, "问套餐"), _ticket(admin, NUMBER, "集团成员问流量")]
    _ticket(admin, STEADY, "别人的客户")
    closed = _ticket(admin, DROPS, "已解决")
    tickets.close(admin, closed, "当场解答")
    assert sorted(r.id for r in page_tickets(manager, TicketQuery(queue=Queue.MY_CUSTOMERS), 0, 10)) == theirs
    assert page_tickets(boss, TicketQuery(queue=Queue.MY_CUSTOMERS), 0, 10) == []


def test_the_store_itself_keeps_one_follow_up_per_number_and_month(admin: Context, manager: Context) -> None:
    """Two desks making a month's follow-ups at one moment both find none made yet; the store keeps one."""
    def follow_up(source: str) -> ManagerTask:
        return ManagerTask(manager_id=manager.actor.id, number=DROPS, kind="downgrade", title="降级跟进", source=source,
                           due_on=followup_due("2026-04"), created_by=admin.actor.id, created_at=admin.now())

    with admin.transaction() as session:
        session.add_all([follow_up("change"), follow_up("hand"), follow_up("supervisor")])  # by hand: as many as wanted
    with pytest.raises(IntegrityError), admin.transaction() as session:
        session.add(follow_up("change"))
