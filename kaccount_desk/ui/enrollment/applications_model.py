"""The applications table as a lazy model: a count, and the few pages the view is showing.

An office may hold thousands of applications; scrolling must feel the same as with ten. The
model asks the service for the count, then fetches a page of rows the first time the view
needs one of them, and keeps only the most recently used pages.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from kaccount_desk.domain.workflow import Status, status_label
from kaccount_desk.services import application_list
from kaccount_desk.services.application_list import ApplicationQuery, ApplicationRow
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.page_cache import PAGE_SIZE, PageCache
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui

log = logging.getLogger("kaccount_desk.ui.enrollment")

APPLICATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Roles as plain ints, read once: reading ``Qt.ItemDataRole.X`` costs microseconds in PySide6, and
# data() runs for every role of every painted cell (issue 11).
DISPLAY, FOREGROUND, ALIGNMENT = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                                   Qt.ItemDataRole.TextAlignmentRole))
ANSWERED_ROLES = frozenset({DISPLAY, FOREGROUND, ALIGNMENT, int(APPLICATION_ID_ROLE)})

COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ApplicationsModel", "Department"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Name"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "ID number"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Number"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Kept/new"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Plan"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Copies"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Status"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Updated"),
)
COPIES_COLUMN = 6
STATUS_COLUMN = 7
SOURCE_LABELS = {
    "existing": QT_TRANSLATE_NOOP("ApplicationsModel", "Kept"),
    "pool": QT_TRANSLATE_NOOP("ApplicationsModel", "New"),
}
STATUS_COLOURS = {Status.REJECTED: "#b00020", Status.WITHDRAWN: "#808080", Status.ACTIVATED: "#1b7f3b"}


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ApplicationsModel", text)


def local_time(value: datetime) -> str:
    """The store keeps UTC; a clerk reads the computer's local time."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


class ApplicationsModel(QtCore.QAbstractTableModel):
    """Rows of one :class:`ApplicationQuery`, fetched a page at a time, never all at once."""

    def __init__(self, ctx: Context, query: ApplicationQuery | None = None, parent: QtCore.QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = query
        self._count = 0
        self._pages: PageCache[ApplicationRow] = PageCache(self._fetch_page, page_size)
        if query is not None:
            self._count = self._fetch_count()

    def _fetch_count(self) -> int:
        if self.query is None:
            return 0
        try:
            return application_list.count_applications(self.ctx, self.query)
        except ServiceError as exc:
            log.warning("cannot count applications: %s", exc)
            return 0

    def set_query(self, query: ApplicationQuery | None) -> None:
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self._count = self._fetch_count()
        self.endResetModel()

    def refresh(self) -> None:
        """After a save: same rows count means update in place (keeps selection), else reset."""
        count = self._fetch_count()
        self._pages.clear()
        if count != self._count:
            self.beginResetModel()
            self._count = count
            self.endResetModel()
        elif count:
            self.dataChanged.emit(self.index(0, 0), self.index(count - 1, len(COLUMNS) - 1))

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def fetches(self) -> int:
        return self._pages.fetches

    def _fetch_page(self, offset: int, limit: int) -> list[ApplicationRow]:
        if self.query is None:
            return []
        try:
            return application_list.page_applications(self.ctx, self.query, offset, limit)
        except ServiceError as exc:
            log.warning("cannot read applications at %d: %s", offset, exc)
            return []

    def row_at(self, row: int) -> ApplicationRow | None:
        return self._pages.row(row) if 0 <= row < self._count else None

    def application_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def rowCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QtCore.QModelIndex | QtCore.QPersistentModelIndex = QtCore.QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return _tr(COLUMNS[section])
        return None

    @none_safe
    def data(self, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(COLUMNS):
            return None
        if role not in ANSWERED_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == APPLICATION_ID_ROLE:
            return row.id
        if role == FOREGROUND:
            colour = STATUS_COLOURS.get(Status(row.status)) if index.column() == STATUS_COLUMN else None
            return QtGui.QColor(colour) if colour else None
        if role == ALIGNMENT:
            return Qt.AlignmentFlag.AlignCenter if index.column() == COPIES_COLUMN else None
        return self._text(row, index.column())

    def _text(self, row: ApplicationRow, column: int) -> str:
        if column == 0:
            return row.department
        if column == 1:
            return row.name
        if column == 2:
            return row.id_number
        if column == 3:
            return row.msisdn or ""
        if column == 4:
            return _tr(SOURCE_LABELS[row.number_source]) if row.number_source in SOURCE_LABELS else row.number_source
        if column == 5:
            return row.plan_name or ""
        if column == 6:
            return f"{row.copies}/2"
        if column == 7:
            return status_label(row.status, current_lang())
        return local_time(row.updated_at)
