"""The ticket queue: a :class:`LazyTableModel` over the ticket queries, with a capped count.

A hall may hold a million tickets; the service counts at most :data:`COUNT_CAP` of them, so the
first page is instant, and the model asks for the next thousand (``fetchMore``) only when the view
scrolls to the end.
Colours and time left are computed from the store's clock when painted, not when fetched, so a
row turns amber and then red while the clerk watches, without a refetch.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from kaccount_desk.domain.mobile import mask_mobile
from kaccount_desk.domain.ticket_pauses import queue_state
from kaccount_desk.domain.tickets import TicketStatus, label, ticket_number
from kaccount_desk.services import ticket_queries
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import COUNT_CAP, Sort, TicketQuery, TicketRow
from kaccount_desk.ui.lazy_table import ROOT, LazyTableModel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.page_cache import PAGE_SIZE
from kaccount_desk.ui.palette import COLOURS, ROW_BACKGROUNDS, URGENCY_STATES
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui

TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
# Roles as plain ints, read once: reading ``Qt.ItemDataRole.X`` costs microseconds in PySide6, and
# data() runs for every role of every painted cell (issue 11: a search's repaint took 20 ms).
DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))

COLUMNS: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("TicketsModel", "No."),
    QT_TRANSLATE_NOOP("TicketsModel", "Received"),
    QT_TRANSLATE_NOOP("TicketsModel", "Category"),
    QT_TRANSLATE_NOOP("TicketsModel", "Customer"),
    QT_TRANSLATE_NOOP("TicketsModel", "Number"),
    QT_TRANSLATE_NOOP("TicketsModel", "Owner"),
    QT_TRANSLATE_NOOP("TicketsModel", "Status"),
    QT_TRANSLATE_NOOP("TicketsModel", "Due"),
    QT_TRANSLATE_NOOP("TicketsModel", "Time left"),
))
RECEIVED_COLUMN = 1
DUE_COLUMN = 7
TIME_LEFT_COLUMN = 8
CUSTOMER_COLUMN = 3
# Before a key-account customer's name (绿色通道): a sign that reads the same in both languages; the tooltip says it in words.
KEY_ACCOUNT_MARK = "★ "
# Only these orders have an index behind them; other headers keep the current order.
SORT_OF_COLUMN = {RECEIVED_COLUMN: Sort.RECEIVED, DUE_COLUMN: Sort.DUE, TIME_LEFT_COLUMN: Sort.DUE}


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("TicketsModel", text)


def time_left_text(left: timedelta) -> str:
    """"1 d 4 h", "3 h 20 min" or "45 min"; a negative span reads "overdue …"."""
    minutes = int(abs(left).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        span = _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "%1 d %2 h"))).replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        span = _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "%1 h %2 min"))).replace("%1", str(hours)).replace("%2", str(mins))
    else:
        span = _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "%1 min"))).replace("%1", str(mins))
    return _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "overdue %1"))).replace("%1", span) if left < timedelta(0) else span


def queue_time(value: datetime, now: datetime) -> str:
    """Month, day and time; the year too when it is not this year's, or last December reads as next."""
    return f"{value:%m-%d %H:%M}" if value.year == now.year else f"{value:%Y-%m-%d %H:%M}"


class TicketsModel(LazyTableModel[TicketRow]):
    """Rows of one :class:`TicketQuery`, or a short list of search hits, never all tickets at once."""

    columns = COLUMNS
    translation_context = "TicketsModel"
    roles = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, int(TICKET_ID_ROLE), int(URGENCY_ROLE)})

    def __init__(self, ctx: Context, query: TicketQuery | None = None, parent: QtCore.QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(ctx, parent, page_size)
        self.query = query
        self._cap = COUNT_CAP
        self._hits: tuple[TicketRow, ...] | None = None
        self._more_asked: int | None = None  # the generation a "count the next thousand" was asked in
        if query is not None:
            self._reset()

    @worker_job
    def _fetch_count(self) -> tuple[int, bool]:
        if self.query is None:
            return 0, False
        found = ticket_queries.count_tickets(self.ctx, self.query, self._cap)
        return found.value, found.capped

    @worker_job
    def _fetch_page(self, offset: int, limit: int) -> list[TicketRow]:
        return [] if self.query is None else ticket_queries.page_tickets(self.ctx, self.query, offset, limit)

    def set_query(self, query: TicketQuery | None) -> None:
        self.query = query
        self._hits = None
        self._cap = COUNT_CAP
        self._reset()

    def set_hits(self, hits: tuple[TicketRow, ...]) -> None:
        """Show search hits instead of the queue; the service already limits them to a short list."""
        self.beginResetModel()
        self._generation += 1  # a count or page of the queue still on its way is not for this list
        self._hits = hits
        self._pages.clear()
        self._count, self._capped, self._counting = len(hits), False, False
        self.endResetModel()

    def refresh(self) -> None:
        """After an action or a minute; search hits stay as they are (only their colours move on)."""
        if self._hits is not None:
            self._emit_all_changed()
        else:
            super().refresh()

    def canFetchMore(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = ROOT) -> bool:
        return not parent.isValid() and self._capped and self._hits is None and self._more_asked != self._generation

    def fetchMore(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = ROOT) -> None:
        """The view reached the end of a capped count: count the next thousand in the background, not the whole queue."""
        if not self.canFetchMore(parent):
            return
        self._cap += COUNT_CAP
        generation = self._more_asked = self._generation
        run_query(self, self._current(generation, self._count_rows), lambda found: self._counted_more(generation, found))

    def _counted_more(self, generation: int, found: tuple[int, bool] | None) -> None:
        if self._more_asked == generation:
            self._more_asked = None
        if generation != self._generation or found is None:
            return
        count, capped = found
        if count > self._count:
            self.beginInsertRows(QtCore.QModelIndex(), self._count, count - 1)
            self._count = count
            self._capped = capped
            self.endInsertRows()
        else:
            self._capped = False
        self.counted.emit()

    def row_at(self, row: int) -> TicketRow | None:
        if self._hits is not None:
            return self._hits[row] if 0 <= row < self._count else None
        return super().row_at(row)

    def ticket_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def is_search(self) -> bool:
        """Showing search hits (a short, complete list) rather than a query's rows."""
        return self._hits is not None

    def row_of(self, ticket_id: int) -> int | None:
        """Where a ticket sits among the rows already fetched (a just-opened one is near the top)."""
        if self._hits is not None:
            return next((i for i, r in enumerate(self._hits) if r.id == ticket_id), None)
        return next((index for index, row in self._pages.cached() if row.id == ticket_id), None)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.query is None or column not in SORT_OF_COLUMN:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = SORT_OF_COLUMN[column]
        if (self.query.sort, self.query.descending) != (wanted, descending):
            self.set_query(replace(self.query, sort=wanted, descending=descending))

    def urgency_of(self, row: TicketRow) -> str:
        """The row's colour word; a repair visit missed paints it red whatever its due time (standard 2.4)."""
        state = queue_state(row.due_at, self.ctx.now(), row.status, row.category, row.received_at)
        return "missed_visit" if row.missed_visit and state != "done" else state

    def _cell(self, row: TicketRow, column: int, role: int) -> Any:
        if role == TICKET_ID_ROLE:
            return row.id
        if role == TOOLTIP:
            if column == CUSTOMER_COLUMN and row.key_account:
                return _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "Key-account customer: first among tickets due at the same time")))
            return row.summary
        state = self.urgency_of(row)
        if role == URGENCY_ROLE:
            return state
        if role == BACKGROUND:
            colour = ROW_BACKGROUNDS.get(URGENCY_STATES.get(state, ""))
            return QtGui.QColor(colour) if colour else None
        if role == FOREGROUND:
            shade = URGENCY_STATES.get(state) if column == TIME_LEFT_COLUMN else None
            return QtGui.QColor(COLOURS[shade]) if shade else None
        return self._text(row, column, state)

    def _time_left(self, row: TicketRow, state: str) -> str:
        """What is left on the operator's clock; a waiting ticket's is stopped, so it says so instead."""
        if state == "done":
            return "—"
        if row.status == TicketStatus.WAITING:
            return _tr(str(QT_TRANSLATE_NOOP("TicketsModel", "clock stopped")))
        return time_left_text(row.due_at - self.ctx.now())

    def _text(self, row: TicketRow, column: int, state: str) -> str:
        lang = current_lang()
        now = self.ctx.now()
        texts = (
            lambda: ticket_number(row.id, row.received_at),
            lambda: queue_time(row.received_at, now),
            lambda: label(row.category, lang),
            lambda: f"{KEY_ACCOUNT_MARK}{row.customer_name}" if row.key_account else row.customer_name,
            lambda: mask_mobile(row.customer_number),
            lambda: row.owner,
            lambda: label(row.status, lang),
            lambda: queue_time(row.due_at, now),
            lambda: self._time_left(row, state),
        )
        return texts[column]()
