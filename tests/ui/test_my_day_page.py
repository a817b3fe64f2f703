"""The manager's day driven through its real widgets: an overdue task red and first, a task added, one marked done,
the customers' open tickets below; a supervisor looks at a manager's day and adds a task for them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from support import make_staff
from typing_input import type_text

from kaccount_desk.services import billing, manager_tasks, managers, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.managers.my_day_page import MyDayPage
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")

NUMBER = "13803170001"


@pytest.fixture
def manager(admin: Context) -> Context:
    return make_staff(admin, "M001", "account_manager")


def _page(qtbot, ctx: Context) -> MyDayPage:
    page = MyDayPage(replace(ctx, lang="en"))  # the window's context carries the language chosen at login
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    qtbot.waitUntil(operations.idle)
    return page


def _titles(page: MyDayPage) -> list[str]:
    return [page.tasks.item(r, 3).text() for r in range(page.tasks.rowCount())]


def test_the_managers_day_shows_an_overdue_task_red_first_adds_one_and_marks_one_done(
        qtbot, admin: Context, manager: Context) -> None:
    managers.assign_number(admin, NUMBER, "M001")
    tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "张三", NUMBER, "问国际漫游"))
    manager_tasks.add_task(manager, "今天回访", "2012-02-25", "call")
    manager_tasks.add_task(manager, "昨天该走访", "2012-02-24", "visit")  # the clock stands at 2012-02-25 09:30 in the hall
    page = _page(qtbot, manager)
    assert not page.manager_box.isVisible()
    assert _titles(page) == ["昨天该走访", "今天回访"]
    overdue, today = page.tasks.item(0, 0), page.tasks.item(1, 0)
    assert (overdue.text(), today.text()) == ("Overdue", "Today")
    assert overdue.foreground().color().name() == COLOURS["reason"] and today.foreground().color().name() != COLOURS["reason"]
    assert page.banner.isVisible() and page.banner.text() == "Reminder: 1 task(s) overdue, 1 task(s) due today"
    assert page.tickets_box.isVisible() and page.tickets.rowCount() == 1 and page.tickets.item(0, 6).text() == "问国际漫游"

    type_text(qtbot, page.title, "续约谈判")
    page.kind.setCurrentIndex(page.kind.findData("renewal"))
    qtbot.keyClicks(page.number, NUMBER)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_titles(page)) == 3)
    assert _titles(page) == ["昨天该走访", "今天回访", "续约谈判"] and page.title.text() == ""
    assert page.tasks.item(2, 2).text() == "Renewal" and page.tasks.item(2, 4).text() == NUMBER

    assert not page.done_button.isEnabled()
    page.tasks.selectRow(0)
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_titles(page)) == 2)
    qtbot.waitUntil(operations.idle)
    assert _titles(page) == ["今天回访", "续约谈判"]
    assert [t.title for t in manager_tasks.list_tasks(manager) if t.done_at] == ["昨天该走访"]


def test_a_task_typed_wrong_is_refused_in_words_and_the_list_stays(qtbot, manager: Context, message_boxes) -> None:
    page = _page(qtbot, manager)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_boxes))
    qtbot.waitUntil(operations.idle)
    assert "Write what the task is" in message_boxes[0][1]
    assert page.tasks.rowCount() == 0 and manager_tasks.list_tasks(manager) == []


def test_a_supervisor_picks_a_managers_day_and_adds_a_task_for_them(qtbot, admin: Context, manager: Context) -> None:
    boss = make_staff(admin, "S001", "supervisor")
    manager_tasks.add_task(manager, "经理自己的", "2012-02-26")
    page = _page(qtbot, boss)
    assert page.manager_box.isVisible()
    page.manager_box.setCurrentIndex(page.manager_box.findData("M001"))
    qtbot.waitUntil(lambda: _titles(page) == ["经理自己的"])
    assert not page.tickets_box.isVisible()  # the tickets below are one's own customers'; a supervisor has none
    type_text(qtbot, page.title, "主管交办:走访沧州市政府")
    qtbot.keyClick(page.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(_titles(page)) == 2)
    qtbot.waitUntil(operations.idle)
    assert [(t.title, t.source) for t in manager_tasks.my_day(manager)] == [("主管交办:走访沧州市政府", "supervisor"),
                                                                         ("经理自己的", "hand")]


def test_an_account_manager_lands_on_my_day_and_has_no_admin_or_print_page(qtbot, manager: Context) -> None:
    window = MainWindow(manager)
    qtbot.addWidget(window)
    qtbot.waitUntil(operations.idle)
    assert [title for title, _ in window.pages] == ["Enrollment", "Tickets", "Customers", "My day"]
    assert isinstance(window.current_page(), MyDayPage)


def test_the_months_drops_become_follow_ups_from_the_page(qtbot, admin: Context, manager: Context, tmp_path: Path) -> None:
    for month, amount in (("2011-10", "600"), ("2011-11", "600"), ("2011-12", "600"), ("2012-01", "0")):
        path = tmp_path / f"{month}.csv"
        path.write_text(f"手机号码,月份,消费金额\n{NUMBER},{month},{amount}\n", encoding="utf-8")
        billing.import_billing(admin, path, month)
    managers.assign_number(admin, NUMBER, "M001")
    page = _page(qtbot, manager)
    assert page.month.text() == "2012-01"  # the month before the hall's today: its bills came in this month
    for _ in range(2):
        qtbot.mouseClick(page.followup_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.followup_label.text() != "")
        qtbot.waitUntil(operations.idle)
    assert page.followup_label.text() == "2012-01: 0 follow-up task(s) made, 1 there already, 0 number(s) without a manager"
    assert _titles(page) == [f"降级跟进 {NUMBER}:金卡 → 银卡"]  # due at February's end, within the week ahead
    assert (page.tasks.item(0, 0).text(), page.tasks.item(0, 2).text()) == ("Next 7 days", "Downgrade follow-up")
    assert [(t.kind, t.number, t.due_on.isoformat()) for t in manager_tasks.list_tasks(manager)] == [
        ("downgrade", NUMBER, "2012-02-29")]


def test_the_months_tier_moves_are_listed_beside_the_follow_ups(qtbot, admin: Context, manager: Context, tmp_path: Path) -> None:
    """The 异动 list itself, not only the tasks made from it: which number moved, from which tier to which."""
    for month, amounts in (("2011-10", ("600", "200")), ("2011-11", ("600", "200")), ("2011-12", ("600", "200")),
                           ("2012-01", ("0", "2000"))):
        path = tmp_path / f"{month}.csv"
        lines = "".join(f"{n},{month},{a}\n" for n, a in zip((NUMBER, "13803170009"), amounts, strict=True))
        path.write_text("手机号码,月份,消费金额\n" + lines, encoding="utf-8")
        billing.import_billing(admin, path, month)
    page = _page(qtbot, manager)
    qtbot.waitUntil(lambda: page.moves.table.rowCount() == 2)
    rows = [[page.moves.table.item(r, c).text() for c in range(5)] for r in range(2)]
    assert rows == [["13803170009", "Upgraded", "High-value", "Gold", "650.00"], [NUMBER, "Downgraded", "Gold", "Silver", "450.00"]]
    assert page.moves.summary.text() == "2012-01: 2 tier move(s), 1 of them down or out"
    page.month.setText("2011-09")
    page.month.editingFinished.emit()
    qtbot.waitUntil(lambda: page.moves.table.rowCount() == 0)
    assert "No bills imported for 2011-09" in page.moves.summary.text()


def test_the_tickets_page_offers_my_customers_to_a_manager_only(qtbot, admin: Context, manager: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    offered = {}
    for ctx in (manager, clerk):
        page = TicketsPage(ctx)
        qtbot.addWidget(page)
        qtbot.waitUntil(operations.idle)
        offered[ctx.actor.staff_no] = [page.queue.itemData(i) for i in range(page.queue.count())]
    assert "my_customers" in offered["M001"] and "my_customers" not in offered["C001"]
