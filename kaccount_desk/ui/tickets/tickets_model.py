"""The ticket queue as a lazy model: a capped count, and the few pages the view is showing.

A hall may hold a million tickets; the service counts at most :data:`COUNT_CAP` of them, so the
first page is instant, and the model asks for the next thousand (``fetchMore``) only when the view
scrolls to the end. Rows are fetched a page at a time and only the most recently used pages stay.
Colours and time left are computed from the store's clock when painted, not when fetched, so a
row turns amber and then red while the clerk watches, without a refetch.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from kaccount_desk.domain.ticket_deadlines import urgency
from kaccount_desk.domain.tickets import TicketStatus, label
from kaccount_desk.services import ticket_queries
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.ticket_queries import COUNT_CAP, Sort, TicketQuery, TicketRow
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.page_cache import PAGE_SIZE, PageCache
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui

log = logging.getLogger("kaccount_desk.ui.tickets")

TICKET_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
# Roles as plain ints, read once: reading ``Qt.ItemDataRole.X`` costs microseconds in PySide6, and
# data() runs for every role of every painted cell (issue 11: a search's repaint took 20 ms).
DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole))
ANSWERED_ROLES = frozenset({DISPLAY, TOOLTIP, BACKGROUND, FOREGROUND, int(TICKET_ID_ROLE), int(URGENCY_ROLE)})

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TicketsModel", "No."),
    QT_TRANSLATE_NOOP("TicketsModel", "Received"),
    QT_TRANSLATE_NOOP("TicketsModel", "Category"),
    QT_TRANSLATE_NOOP("TicketsModel", "Customer"),
    QT_TRANSLATE_NOOP("TicketsModel", "Number"),
    QT_TRANSLATE_NOOP("TicketsModel", "Owner"),
    QT_TRANSLATE_NOOP("TicketsModel", "Status"),
    QT_TRANSLATE_NOOP("TicketsModel", "Due"),
    QT_TRANSLATE_NOOP("TicketsModel", "Time left"),
)
RECEIVED_COLUMN = 1
DUE_COLUMN = 7
TIME_LEFT_COLUMN = 8
# Only these orders have an index behind them; other headers keep the current order.
SORT_OF_COLUMN = {RECEIVED_COLUMN: Sort.RECEIVED, DUE_COLUMN: Sort.DUE, TIME_LEFT_COLUMN: Sort.DUE}
BACKGROUNDS = {"overdue": "#f6c6c6", "due_soon": "#ffe1a6"}
TIME_LEFT_COLOURS = {"overdue": "#a4161a", "due_soon": "#8a5a00", "done": "#6b6b6b"}


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("TicketsModel", text)


def ticket_number(ticket_id: int, received_at: datetime) -> str:
    """The number the customer's receipt carries (date of receipt and id), so both say the same."""
    return f"{received_at:%Y%m%d}-{ticket_id:04d}"


def masked_number(number: str) -> str:
    """The queue is on a counter screen the next customer can see: show only the ends."""
    return number[:3] + "****" + number[-4:] if len(number) >= 11 else number


def time_left_text(left: timedelta) -> str:
    """"1 d 4 h", "3 h 20 min" or "45 min"; a negative span reads "overdue …"."""
    minutes = int(abs(left).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        span = _tr(QT_TRANSLATE_NOOP("TicketsModel", "%1 d %2 h")).replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        span = _tr(QT_TRANSLATE_NOOP("TicketsModel", "%1 h %2 min")).replace("%1", str(hours)).replace("%2", str(mins))
    else:
        span = _tr(QT_TRANSLATE_NOOP("TicketsModel", "%1 min")).replace("%1", str(mins))
    return _tr(QT_TRANSLATE_NOOP("TicketsModel", "overdue %1")).replace("%1", span) if left < timedelta(0) else span


def queue_time(value: datetime, now: datetime) -> str:
    """Month, day and time; the year too when it is not this year's, or last December reads as next."""
    return f"{value:%m-%d %H:%M}" if value.year == now.year else f"{value:%Y-%m-%d %H:%M}"


class TicketsModel(QtCore.QAbstractTableModel):
    """Rows of one :class:`TicketQuery`, or a short list of search hits, never all tickets at once."""

    def __init__(self, ctx: Context, query: TicketQuery | None = None, parent: QtCore.QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self._cap = COUNT_CAP
        self._count = 0
        self._capped = False
        self._hits: tuple[TicketRow, ...] | None = None
        self._pages: PageCache[TicketRow] = PageCache(self._fetch_page, page_size)
        if query is not None:
            self._count, self._capped = self._fetch_count()

    def _fetch_count(self) -> tuple[int, bool]:
        if self.query is None:
            return 0, False
        try:
            found = ticket_queries.count_tickets(self.ctx, self.query, self._cap)
        except ServiceError as exc:
            log.warning("cannot count tickets: %s", exc)
            return 0, False
        return found.value, found.capped

    @property
    def capped(self) -> bool:
        """Whether there are more tickets than rows so far (the count label shows "1000+")."""
        return self._capped

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def fetches(self) -> int:
        return self._pages.fetches

    def set_query(self, query: TicketQuery | None) -> None:
        self.beginResetModel()
        self.query = query
        self._hits = None
        self._cap = COUNT_CAP
        self._pages.clear()
        self._count, self._capped = self._fetch_count()
        self.endResetModel()

    def set_hits(self, hits: tuple[TicketRow, ...]) -> None:
        """Show search hits instead of the queue; the service already limits them to a short list."""
        self.beginResetModel()
        self._hits = hits
        self._pages.clear()
        self._count, self._capped = len(hits), False
        self.endResetModel()

    def refresh(self) -> None:
        """After an action or a minute: drop the cache; keep the selection when the count holds."""
        if self._hits is not None:
            self._emit_all_changed()
            return
        count, capped = self._fetch_count()
        self._pages.clear()
        self._capped = capped
        if count != self._count:
            self.beginResetModel()
            self._count = count
            self.endResetModel()
        else:
            self._emit_all_changed()

    def _emit_all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(COLUMNS) - 1))

    def canFetchMore(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> bool:
        return not parent.isValid() and self._capped and self._hits is None

    def fetchMore(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> None:
        """The view reached the end of a capped count: count the next thousand, not the whole queue."""
        if not self.canFetchMore(parent):
            return
        self._cap += COUNT_CAP
        count, capped = self._fetch_count()
        if count > self._count:
            self.beginInsertRows(QtCore.QModelIndex(), self._count, count - 1)
            self._count = count
            self._capped = capped
            self.endInsertRows()
        else:
            self._capped = False

    def _fetch_page(self, offset: int, limit: int) -> list[TicketRow]:
        if self.query is None:
            return []
        try:
            return ticket_queries.page_tickets(self.ctx, self.query, offset, limit)
        except ServiceError as exc:
            log.warning("cannot read tickets at %d: %s", offset, exc)
            return []

    def row_at(self, row: int) -> TicketRow | None:
        if not 0 <= row < self._count:
            return None
        if self._hits is not None:
            return self._hits[row]
        return self._pages.row(row)

    def ticket_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

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

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    def urgency_of(self, row: TicketRow) -> str:
        return urgency(row.due_at, self.ctx.now(), row.status == TicketStatus.CLOSED)

    @none_safe
    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        if role not in ANSWERED_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == TICKET_ID_ROLE:
            return row.id
        state = self.urgency_of(row)
        if role == URGENCY_ROLE:
            return state
        if role == BACKGROUND:
            colour = BACKGROUNDS.get(state)
            return QtGui.QColor(colour) if colour else None
        if role == FOREGROUND:
            colour = TIME_LEFT_COLOURS.get(state) if index.column() == TIME_LEFT_COLUMN else None
            return QtGui.QColor(colour) if colour else None
        if role == TOOLTIP:
            return row.summary
        return self._text(row, index.column(), state)

    def _text(self, row: TicketRow, column: int, state: str) -> str:
        lang = current_lang()
        now = self.ctx.now()
        texts = (
            lambda: ticket_number(row.id, row.received_at),
            lambda: queue_time(row.received_at, now),
            lambda: label(row.category, lang),
            lambda: row.customer_name,
            lambda: masked_number(row.customer_number),
            lambda: row.owner,
            lambda: label(row.status, lang),
            lambda: queue_time(row.due_at, now),
            lambda: "—" if state == "done" else time_left_text(row.due_at - self.ctx.now()),
        )
        return texts[column]()
