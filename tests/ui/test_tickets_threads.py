"""The Tickets page never runs a statement on the GUI thread: the queue, its pages, a ticket, the reminder, the form.

Every statement is seen where SQLAlchemy sends it (``before_cursor_execute`` on the store's real
engine), with the thread it runs on; a clerk's click that reads the store on the GUI thread
freezes the window for a round trip, which across an office network is what issue 21 measured.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import event
from support import make_staff

from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue
from kaccount_desk.ui import operations
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.tickets.tickets_model import TICKET_ID_ROLE
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


@pytest.fixture
def on_gui_thread(clerk: Context) -> Iterator[list[str]]:
    """The statements sent from the GUI thread while the test runs (their first words: no customer data)."""
    seen: list[str] = []

    def record(_conn, _cursor, statement: str, *_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            seen.append(" ".join(statement.split()[:4]))

    event.listen(clerk.store.engine, "before_cursor_execute", record)
    yield seen
    event.remove(clerk.store.engine, "before_cursor_execute", record)


def settle(qtbot) -> None:
    """Every store call done, then the pages a repaint asks for after them."""
    qtbot.waitUntil(operations.idle)
    QtWidgets.QApplication.processEvents()
    qtbot.waitUntil(operations.idle)


def test_selecting_switching_scrolling_and_opening_read_the_store_off_the_gui_thread(
    qtbot, clerk: Context, on_gui_thread: list[str],
) -> None:
    for i in range(130):  # more than one page of the queue
        t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", f"客户{i:03d}", f"1380013{i:04d}", f"话费查询第{i}次"))
    on_gui_thread.clear()
    page = TicketsPage(clerk)
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    settle(qtbot)
    assert on_gui_thread == [], "showing the page"
    for queue in (Queue.ALL, Queue.WINDOW, Queue.OVERDUE, Queue.MINE):
        page.queue.setCurrentIndex(page.queue.findData(queue.value))
        settle(qtbot)
    assert page.model.rowCount() == 130 and page.count_label.text() == "130 ticket(s)"
    assert on_gui_thread == [], "switching queues"
    for row in (0, 5):
        page.table.selectRow(row)
        settle(qtbot)
        assert page.detail.view is not None and page.detail.view.id == page.model.index(row, 0).data(TICKET_ID_ROLE)
    assert on_gui_thread == [], "selecting a ticket"
    page.table.scrollToBottom()
    settle(qtbot)
    assert page.model.index(129, 0).data(TICKET_ID_ROLE) is not None
    assert on_gui_thread == [], "scrolling"
    with qtbot.waitSignal(page.reminder.checked):
        page.reminder.check()
    assert on_gui_thread == [], "the reminder"
    form = page.open_form()
    settle(qtbot)
    form.name.setText("李明")
    form.number.setText("13800138000")
    form.content.setPlainText("上月话费多扣了20元")
    form.save()
    settle(qtbot)
    assert form.opened is not None and page.detail.view is not None and page.detail.view.id == form.opened.id
    assert on_gui_thread == [], "opening a ticket"
    page.tabs.setCurrentWidget(page.reports)
    qtbot.waitUntil(lambda: page.reports.report is not None)
    settle(qtbot)
    assert on_gui_thread == [], "the reports"
