"""The applications table: a :class:`LazyTableModel` over the applications list service."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from kaccount_desk.domain.workflow import NUMBER_SOURCE_LABELS, status_label
from kaccount_desk.services import application_list
from kaccount_desk.services.application_list import ApplicationQuery, ApplicationRow
from kaccount_desk.services.context import Context
from kaccount_desk.ui.lazy_table import LazyTableModel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import worker_job
from kaccount_desk.ui.page_cache import PAGE_SIZE
from kaccount_desk.ui.palette import APPLICATION_STATUS_STATES, COLOURS
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui

APPLICATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Roles as plain ints, read once: reading ``Qt.ItemDataRole.X`` costs microseconds in PySide6, and
# data() runs for every role of every painted cell (issue 11).
DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole,
                                                            Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole))

COLUMNS: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("ApplicationsModel", "Department"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Name"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "ID number"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Number"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Kept/new"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Plan"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Copies"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Status"),
    QT_TRANSLATE_NOOP("ApplicationsModel", "Updated"),
))
COPIES_COLUMN = 6
STATUS_COLUMN = 7


def local_time(value: datetime) -> str:
    """The store keeps UTC; a clerk reads the computer's local time."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%Y-%m-%d %H:%M")


class ApplicationsModel(LazyTableModel[ApplicationRow]):
    """Rows of one :class:`ApplicationQuery`, fetched a page at a time, never all at once."""

    columns = COLUMNS
    translation_context = "ApplicationsModel"
    # The tooltip is the whole text: the narrow list cuts a plan name or a status ("Sent to …") at 1366 px.
    roles = frozenset({DISPLAY, FOREGROUND, ALIGNMENT, TOOLTIP, int(APPLICATION_ID_ROLE)})

    def __init__(self, ctx: Context, query: ApplicationQuery | None = None, parent: QtCore.QObject | None = None,
                 page_size: int = PAGE_SIZE) -> None:
        super().__init__(ctx, parent, page_size)
        self.query = query
        if query is not None:
            self._reset()

    @worker_job
    def _fetch_count(self) -> tuple[int, bool]:
        return (0 if self.query is None else application_list.count_applications(self.ctx, self.query)), False

    @worker_job
    def _fetch_page(self, offset: int, limit: int) -> list[ApplicationRow]:
        return [] if self.query is None else application_list.page_applications(self.ctx, self.query, offset, limit)

    @worker_job
    def _fetch_first(self, limit: int) -> tuple[tuple[int, bool], list[ApplicationRow]]:
        if self.query is None:
            return (0, False), []
        count, rows = application_list.first_page(self.ctx, self.query, limit)
        return (count, False), rows

    def set_query(self, query: ApplicationQuery | None) -> None:
        self.query = query
        self._reset()

    def application_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def _cell(self, row: ApplicationRow, column: int, role: int) -> Any:
        if role == APPLICATION_ID_ROLE:
            return row.id
        if role == FOREGROUND:
            state = APPLICATION_STATUS_STATES.get(row.status) if column == STATUS_COLUMN else None
            return QtGui.QColor(COLOURS[state]) if state else None
        if role == ALIGNMENT:
            return Qt.AlignmentFlag.AlignCenter if column == COPIES_COLUMN else None
        return self._text(row, column)

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
            return NUMBER_SOURCE_LABELS.text(row.number_source, current_lang())
        if column == 5:
            return row.plan_name or ""
        if column == 6:
            return f"{row.copies}/2"
        if column == 7:
            return status_label(row.status, current_lang())
        return local_time(row.updated_at)
