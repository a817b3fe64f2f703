"""The lazy ticket queue model: Qt's model tester, page-wise fetching in the background, colours by deadline, sorting."""

from __future__ import annotations

import pytest
from support import Clock, make_staff

from kaccount_desk.domain.mobile import mask_mobile
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue, Sort, TicketQuery
from kaccount_desk.ui import operations
from kaccount_desk.ui.lazy_table import PLACEHOLDER
from kaccount_desk.ui.page_cache import PAGE_SIZE
from kaccount_desk.ui.palette import ROW_BACKGROUNDS
from kaccount_desk.ui.qt import Qt, QtGui
from kaccount_desk.ui.tickets.tickets_model import (
    RECEIVED_COLUMN,
    TICKET_ID_ROLE,
    TIME_LEFT_COLUMN,
    URGENCY_ROLE,
    TicketsModel,
)

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def receive(ctx: Context, count: int, category: str = "consultation") -> list[int]:
    return [
        t.open_ticket(ctx, t.TicketInput(category, "phone", "hotline", f"客户{i:03d}", f"1380013{i:04d}", f"话费查询第{i}次")).id
        for i in range(count)
    ]


def cell(qtbot, model: TicketsModel, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    """A cell once its page is here: the first read asks for the page, which comes from a worker thread."""
    model.index(row, column).data(role)
    qtbot.waitUntil(operations.idle)
    return model.index(row, column).data(role)


def counted(qtbot, model: TicketsModel) -> TicketsModel:
    qtbot.waitUntil(operations.idle)
    return model


def test_model_passes_qt_model_tester(qtbot, qtmodeltester, clerk: Context) -> None:
    receive(clerk, 25)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.ALL), page_size=10))
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(operations.idle)
    assert model.rowCount() == 25 and model.columnCount() == 9
    assert cell(qtbot, model, 0, 4) == mask_mobile("13800130000") == "138****0000"


def test_model_fetches_pages_lazily(qtbot, clerk: Context, clock: Clock) -> None:
    ids = []
    for _ in range(3):
        ids += receive(clerk, 100)
        clock.advance(minutes=1)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED)))
    assert model.rowCount() == 300 and model.cached_pages == 0
    assert cell(qtbot, model, 0, 0, TICKET_ID_ROLE) == ids[0]
    assert cell(qtbot, model, 299, 0, TICKET_ID_ROLE) == ids[-1]
    assert model.cached_pages == 2 and model.fetches == 2
    assert model.cached_pages * PAGE_SIZE < model.rowCount()


def test_the_count_comes_first_and_rows_show_placeholders_until_their_page_is_here(qtbot, clerk: Context) -> None:
    ids = receive(clerk, 30)
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED), page_size=10)
    assert model.counting and model.rowCount() == 0  # nothing read on the GUI thread: the count is on its way
    qtbot.waitSignal(model.counted).wait()
    assert not model.counting and model.rowCount() == 30
    assert model.index(12, 0).data() == PLACEHOLDER
    assert model.index(12, 0).data(Qt.ItemDataRole.ToolTipRole) == "Loading…"
    assert model.index(12, 0).data(TICKET_ID_ROLE) is None
    arrived = qtbot.waitSignal(model.dataChanged)
    arrived.wait()
    first, last = arrived.args[0], arrived.args[1]
    assert (first.row(), last.row(), last.column()) == (10, 19, 8)  # the page's rows only
    assert model.index(12, 0).data(TICKET_ID_ROLE) == ids[12]


def test_a_page_is_fetched_once_however_often_it_is_asked_for_while_on_its_way(qtbot, clerk: Context) -> None:
    receive(clerk, 30)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.ALL), page_size=10))
    for row in range(10, 20):
        for column in range(9):
            model.index(row, column).data()
    assert model.fetches == 1
    qtbot.waitUntil(operations.idle)
    model.index(15, 0).data()
    assert model.fetches == 1 and model.cached_pages == 1


def test_a_page_of_an_older_query_is_dropped(qtbot, clerk: Context) -> None:
    ids = receive(clerk, 3)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED)))
    model.index(0, 0).data()  # the page of the oldest-first query is on its way ...
    model.set_query(TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED, descending=True))  # ... when the clerk switches
    qtbot.waitUntil(operations.idle)
    assert model.cached_pages == 0  # its answer was not kept for the new query
    assert cell(qtbot, model, 0, 0, TICKET_ID_ROLE) == ids[-1]  # newest first: the older rows were never painted
    assert model.fetches == 2


def test_a_refresh_keeps_the_rows_on_show_until_the_fresh_page_arrives(qtbot, clerk: Context) -> None:
    ids = receive(clerk, 3)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED)))
    assert cell(qtbot, model, 0, 0, TICKET_ID_ROLE) == ids[0]
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.refresh()
    assert model.index(0, 0).data(TICKET_ID_ROLE) == ids[0]
    qtbot.waitUntil(operations.idle)
    assert model.index(0, 0).data(TICKET_ID_ROLE) == ids[0]  # stale, shown, and asked for again
    qtbot.waitUntil(operations.idle)
    assert model.fetches == 2 and not resets  # the same count: no reset, so the view keeps its selection


def test_capped_count_grows_only_when_the_view_reaches_the_end(qtbot, clerk: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    from kaccount_desk.ui.tickets import tickets_model

    monkeypatch.setattr(tickets_model, "COUNT_CAP", 10)
    receive(clerk, 25)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.ALL)))
    assert (model.rowCount(), model.capped, model.canFetchMore()) == (10, True, True)
    model.fetchMore()
    assert not model.canFetchMore()  # the next thousand is being counted: asked once
    qtbot.waitUntil(operations.idle)
    model.fetchMore()
    qtbot.waitUntil(operations.idle)
    assert (model.rowCount(), model.canFetchMore()) == (25, False)


def test_overdue_rows_are_red_and_due_soon_amber(qtbot, clerk: Context, clock: Clock) -> None:
    receive(clerk, 1)  # a consultation: due in 24 h
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE)))
    assert cell(qtbot, model, 0, 0, Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, TIME_LEFT_COLUMN).data() == "1 d 0 h"
    clock.advance(hours=22, minutes=30)
    assert model.index(0, 0).data(URGENCY_ROLE) == "due_soon"
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["warning"])
    assert model.index(0, TIME_LEFT_COLUMN).data() == "1 h 30 min"
    clock.advance(hours=2)
    assert model.index(0, 0).data(URGENCY_ROLE) == "overdue"
    assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["reason"])
    assert model.index(0, TIME_LEFT_COLUMN).data() == "overdue 30 min"


def test_sorting_by_received_and_ignoring_unindexed_columns(qtbot, clerk: Context, clock: Clock) -> None:
    first = receive(clerk, 1)[0]
    clock.advance(hours=1)
    second = receive(clerk, 1)[0]
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE)))
    model.sort(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(operations.idle)
    assert model.query is not None and (model.query.sort, model.query.descending) == (Sort.RECEIVED, True)
    assert cell(qtbot, model, 0, 0, TICKET_ID_ROLE) == second
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.query.sort is Sort.RECEIVED and cell(qtbot, model, 1, 0, TICKET_ID_ROLE) == first


def test_queue_dates_show_the_year_once_it_is_not_this_one(qtbot, clerk: Context, clock: Clock) -> None:
    receive(clerk, 1)  # received 2012-02-25 09:30 (+08:00)
    model = counted(qtbot, TicketsModel(clerk, TicketQuery(queue=Queue.MINE)))
    assert cell(qtbot, model, 0, RECEIVED_COLUMN) == "02-25 09:30"
    clock.advance(days=340)  # 2013-01-30: last February must not read as next February
    model.refresh()
    qtbot.waitUntil(operations.idle)
    assert cell(qtbot, model, 0, RECEIVED_COLUMN) == "2012-02-25 09:30"
