"""The one lazy table model behind every long list: a count, and the few pages the view is showing.

An office may hold thousands of applications and a hall a million tickets; scrolling must feel the
same as with ten. The model asks a service for a count (which may be capped: "1000+", with more
counted only when the view scrolls to the end), then fetches a page of rows through
:class:`PageCache` the first time the view needs one of them. A subclass says what its service
calls are (:meth:`LazyTableModel._fetch_count`, :meth:`LazyTableModel._fetch_page`) and what a cell
shows (:meth:`LazyTableModel._cell`); everything that makes it lazy, and the ``None`` guard of
``data()``/``headerData()`` (``ui/none_guard.py``), is here once.
"""

from __future__ import annotations

import logging
from typing import Any, Generic, TypeVar

from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.page_cache import PAGE_SIZE, PageCache
from kaccount_desk.ui.qt import Qt, QtCore

log = logging.getLogger("kaccount_desk.ui")

R = TypeVar("R")
AnyIndex = QtCore.QModelIndex | QtCore.QPersistentModelIndex
ROOT = QtCore.QModelIndex()  # the invisible root: a table's rows have no other parent


class LazyTableModel(QtCore.QAbstractTableModel, Generic[R]):
    """Rows fetched a page at a time, never all at once; the base of the applications and ticket tables.

    Class attributes a subclass sets: ``columns`` (header texts marked with ``QT_TRANSLATE_NOOP``),
    ``translation_context`` (the context they were marked in) and ``roles`` (the roles ``_cell`` answers,
    as plain ints read once, since reading ``Qt.ItemDataRole.X`` per painted cell is slow in PySide6;
    any other role is ``None`` without touching the rows).
    """

    columns: tuple[str, ...] = ()
    translation_context = "LazyTableModel"
    roles: frozenset[int] = frozenset({int(Qt.ItemDataRole.DisplayRole)})

    def __init__(self, ctx: Context, parent: QtCore.QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._count = 0
        self._capped = False
        self._pages: PageCache[R] = PageCache(self._read_page, page_size)

    # ----- what a subclass provides -----

    def _fetch_count(self) -> tuple[int, bool]:
        """(rows, whether there are more than that) from the service; a model with no query has none."""
        return 0, False

    def _fetch_page(self, offset: int, limit: int) -> list[R]:
        """Rows ``offset`` to ``offset + limit`` from the service, in the list's order."""
        return []

    def _cell(self, row: R, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (one of :attr:`roles`), or ``None``."""
        return None

    # ----- the lazy part -----

    def _count_rows(self) -> tuple[int, bool]:
        try:
            return self._fetch_count()
        except ServiceError as exc:
            log.warning("%s cannot count its rows: %s", type(self).__name__, exc)
            return 0, False

    def _read_page(self, offset: int, limit: int) -> list[R]:
        try:
            return self._fetch_page(offset, limit)
        except ServiceError as exc:
            log.warning("%s cannot read rows at %d: %s", type(self).__name__, offset, exc)
            return []

    @property
    def capped(self) -> bool:
        """Whether there are more rows than counted so far (a count label shows "1000+")."""
        return self._capped

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def fetches(self) -> int:
        return self._pages.fetches

    def _reset(self) -> None:
        """Count again from nothing (a new query): the view forgets rows and selection."""
        self.beginResetModel()
        self._pages.clear()
        self._count, self._capped = self._count_rows()
        self.endResetModel()

    def refresh(self) -> None:
        """After a save, an action or a minute: drop the cache; keep the selection when the count holds."""
        count, capped = self._count_rows()
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
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def row_at(self, row: int) -> R | None:
        return self._pages.row(row) if 0 <= row < self._count else None

    # ----- QAbstractTableModel -----

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    @none_safe
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QtCore.QCoreApplication.translate(self.translation_context, self.columns[section])
        return None

    @none_safe
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self.columns) or role not in self.roles:
            return None
        row = self.row_at(index.row())
        return None if row is None else self._cell(row, index.column(), role)
