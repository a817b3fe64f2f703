"""The lazy ticket queue model: Qt's model tester, page-wise fetching, colours by deadline, sorting."""

from __future__ import annotations

import pytest
from support import Clock, make_staff

from kaccount_desk.domain.mobile import mask_mobile
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue, Sort, TicketQuery
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


def test_model_passes_qt_model_tester(qtmodeltester, clerk: Context) -> None:
    receive(clerk, 25)
    model = TicketsModel(clerk, TicketQuery(queue=Queue.ALL), page_size=10)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 25 and model.columnCount() == 9
    assert model.index(0, 4).data() == mask_mobile("13800130000") == "138****0000"


def test_model_fetches_pages_lazily(clerk: Context, clock: Clock) -> None:
    ids = []
    for _ in range(3):
        ids += receive(clerk, 100)
        clock.advance(minutes=1)
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE, sort=Sort.RECEIVED))
    assert model.rowCount() == 300 and model.cached_pages == 0
    assert model.index(0, 0).data(TICKET_ID_ROLE) == ids[0]
    assert model.index(299, 0).data(TICKET_ID_ROLE) == ids[-1]
    assert model.cached_pages == 2 and model.fetches == 2
    assert model.cached_pages * PAGE_SIZE < model.rowCount()


def test_capped_count_grows_only_when_the_view_reaches_the_end(clerk: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    from kaccount_desk.ui.tickets import tickets_model

    monkeypatch.setattr(tickets_model, "COUNT_CAP", 10)
    receive(clerk, 25)
    model = TicketsModel(clerk, TicketQuery(queue=Queue.ALL))
    assert (model.rowCount(), model.capped, model.canFetchMore()) == (10, True, True)
    model.fetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (25, False)


def test_overdue_rows_are_red_and_due_soon_amber(clerk: Context, clock: Clock) -> None:
    receive(clerk, 1)  # a consultation: due in 24 h
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE))
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(0, TIME_LEFT_COLUMN).data() == "1 d 0 h"
    clock.advance(hours=22, minutes=30)
    assert model.index(0, 0).data(URGENCY_ROLE) == "due_soon"
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["warning"])
    assert model.index(0, TIME_LEFT_COLUMN).data() == "1 h 30 min"
    clock.advance(hours=2)
    assert model.index(0, 0).data(URGENCY_ROLE) == "overdue"
    assert model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["reason"])
    assert model.index(0, TIME_LEFT_COLUMN).data() == "overdue 30 min"


def test_sorting_by_received_and_ignoring_unindexed_columns(clerk: Context, clock: Clock) -> None:
    first = receive(clerk, 1)[0]
    clock.advance(hours=1)
    second = receive(clerk, 1)[0]
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE))
    model.sort(RECEIVED_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.query is not None and (model.query.sort, model.query.descending) == (Sort.RECEIVED, True)
    assert model.index(0, 0).data(TICKET_ID_ROLE) == second
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.query.sort is Sort.RECEIVED and model.index(1, 0).data(TICKET_ID_ROLE) == first


def test_queue_dates_show_the_year_once_it_is_not_this_one(clerk: Context, clock: Clock) -> None:
    receive(clerk, 1)  # received 2012-02-25 09:30 (+08:00)
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE))
    assert model.index(0, RECEIVED_COLUMN).data() == "02-25 09:30"
    clock.advance(days=340)  # 2013-01-30: last February must not read as next February
    model.refresh()
    assert model.index(0, RECEIVED_COLUMN).data() == "2012-02-25 09:30"
