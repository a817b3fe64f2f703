"""The one lazy table model behind every long list: a count, and the few pages the view is showing.

An office may hold thousands of applications and a hall a million tickets, on a server across
the network; scrolling must feel the same as with ten, and the window must never wait for the
store. The model asks a service for a count in the background (which may be capped: "1000+",
with more counted only when the view scrolls to the end), then a page of rows, also in the
background (``ui/operations.run_query``), the first time the view paints one of them. Until a
page is here its rows show a greyed "…" with a "loading" tooltip; when it arrives only its rows
are repainted. Every answer carries the generation of the query it was asked for: one that comes
back after the person chose another queue or filter, or after a refresh, is dropped.

A subclass says what its service calls are (:meth:`LazyTableModel._fetch_count`,
:meth:`LazyTableModel._fetch_page`, and where its service can read the count with the first page
in one statement :meth:`LazyTableModel._fetch_first`; they run in a worker thread and so must not
read a widget)
and what a cell shows (:meth:`LazyTableModel._cell`); everything that makes it lazy, and the
``None`` guard of ``data()``/``headerData()`` (``ui/none_guard.py``), is here once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.none_guard import none_safe
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.page_cache import PAGE_SIZE, PageCache
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui, Signal

log = logging.getLogger("kaccount_desk.ui")

R = TypeVar("R")
AnyIndex = QtCore.QModelIndex | QtCore.QPersistentModelIndex
ROOT = QtCore.QModelIndex()  # the invisible root: a table's rows have no other parent
PLACEHOLDER = "…"
LOADING = str(QT_TRANSLATE_NOOP("LazyTableModel", "Loading…"))
DISPLAY, TOOLTIP, FOREGROUND = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                 Qt.ItemDataRole.ForegroundRole))
PLACEHOLDER_ROLES = frozenset({DISPLAY, TOOLTIP, FOREGROUND})


class LazyTableModel(QtCore.QAbstractTableModel, Generic[R]):
    """Rows fetched a page at a time in the background, never all at once; the base of every long list.

    Class attributes a subclass sets: ``columns`` (header texts marked with ``QT_TRANSLATE_NOOP``),
    ``translation_context`` (the context they were marked in) and ``roles`` (the roles ``_cell`` answers,
    as plain ints read once, since reading ``Qt.ItemDataRole.X`` per painted cell is slow in PySide6;
    any other role is ``None`` without touching the rows).

    ``counted`` is emitted when a count arrives (the page's count label shows it; ``counting`` is
    True until then); ``rows_arrived(first, last)`` when a page's rows are painted with their data.
    """

    columns: tuple[str, ...] = ()
    translation_context = "LazyTableModel"
    roles: frozenset[int] = frozenset({DISPLAY})
    counted = Signal()
    rows_arrived = Signal(int, int)

    def __init__(self, ctx: Context, parent: QtCore.QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._count = 0
        self._capped = False
        self._counting = False
        self._generation = 0  # moves on with every new query, refresh answer or search: older answers are dropped
        self._pages: PageCache[R] = PageCache(page_size)
        self._grey = QtGui.QColor(COLOURS["calm"])

    # ----- what a subclass provides (both fetches run in a worker thread) -----

    @worker_job
    def _fetch_count(self) -> tuple[int, bool]:
        """(rows, whether there are more than that) from the service; a model with no query has none."""
        return 0, False

    @worker_job
    def _fetch_page(self, offset: int, limit: int) -> list[R]:
        """Rows ``offset`` to ``offset + limit`` from the service, in the list's order."""
        return []

    @worker_job
    def _fetch_first(self, limit: int) -> tuple[tuple[int, bool], list[R]] | None:
        """The count with the first ``limit`` rows, where the service reads both in one statement (one
        round trip, not two, when a list opens or its query changes); None: counted alone."""
        return None

    def _cell(self, row: R, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role`` (one of :attr:`roles`), or ``None``."""
        return None

    # ----- the lazy part -----

    @worker_job
    def _count_rows(self) -> tuple[int, bool]:
        try:
            return self._fetch_count()
        except ServiceError as exc:
            log.warning("%s cannot count its rows: %s", type(self).__name__, exc)
            return 0, False

    @worker_job
    def _read_page(self, offset: int, limit: int) -> list[R]:
        try:
            return self._fetch_page(offset, limit)
        except ServiceError as exc:
            log.warning("%s cannot read rows at %d: %s", type(self).__name__, offset, exc)
            return []

    @worker_job
    def _count_first(self, limit: int) -> tuple[tuple[int, bool], list[R] | None]:
        """The count, with the first page when the subclass reads both at once (failing: none, as a count does)."""
        try:
            both = self._fetch_first(limit)
        except ServiceError as exc:
            log.warning("%s cannot count its rows: %s", type(self).__name__, exc)
            return (0, False), None
        return (self._count_rows(), None) if both is None else both

    def _current(self, generation: int, work: Callable[[], Any]) -> Callable[[], Any]:
        """``work`` for the worker, skipped (None) when the query moved on while it waited its turn."""
        return lambda: work() if generation == self._generation else None

    @property
    def capped(self) -> bool:
        """Whether there are more rows than counted so far (a count label shows "1000+")."""
        return self._capped

    @property
    def counting(self) -> bool:
        """True from a new query until its count arrives (a count label shows "…")."""
        return self._counting

    @property
    def loading(self) -> bool:
        """A count or a page is on its way."""
        return self._counting or self._pages.loading()

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def fetches(self) -> int:
        return self._pages.fetches

    def _reset(self) -> None:
        """Count again from nothing (a new query): the view forgets rows and selection, and shows none until counted."""
        self.beginResetModel()
        self._generation += 1
        self._pages.clear()
        self._count, self._capped, self._counting = 0, False, True
        self.endResetModel()
        generation, size = self._generation, self._pages.page_size
        run_query(self, self._current(generation, lambda: self._count_first(size)), lambda found: self._counted(generation, found))

    def _counted(self, generation: int, found: tuple[tuple[int, bool], list[R] | None] | None) -> None:
        if generation != self._generation or found is None:
            return  # another query was chosen meanwhile: its own count follows
        (count, capped), first = found
        self.beginResetModel()
        self._count, self._capped = count, capped
        if first is not None:
            self._pages.put(0, first)  # came with the count: the view's first paint asks for nothing more
        self._counting = False
        self.endResetModel()
        self.counted.emit()

    def refresh(self) -> None:
        """After a save, an action or a minute: count again; keep the selection when the count holds.

        The rows on show stay until the count is back; then each page is read again as it is shown.
        """
        generation = self._generation
        run_query(self, self._current(generation, self._count_rows), lambda found: self._recounted(generation, found))

    def _recounted(self, generation: int, found: tuple[int, bool] | None) -> None:
        if generation != self._generation or found is None:
            return
        count, capped = found
        self._generation += 1  # pages asked for before this count may show rows that moved since
        self._capped = capped
        if count != self._count:
            self.beginResetModel()
            self._pages.clear()
            self._count = count
            self.endResetModel()
        else:
            self._pages.mark_stale()
            self._emit_all_changed()
        self.counted.emit()

    def _emit_all_changed(self) -> None:
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(self.columns) - 1))

    def _ask_page(self, index: int) -> None:
        """Fetch the page of row ``index`` in the background, unless it is here or already on its way."""
        number = self._pages.wanted(index)
        if number is None:
            return
        size, generation = self._pages.page_size, self._generation
        run_query(self, self._current(generation, lambda: self._read_page(number * size, size)),
                  lambda rows: self._page_arrived(generation, number, rows))

    def _page_arrived(self, generation: int, number: int, rows: list[R] | None) -> None:
        if generation != self._generation or rows is None:
            return  # asked for an older query (or before a refresh): the rows shown now are not from it
        self._pages.put(number, rows)
        first = number * self._pages.page_size
        last = min(first + self._pages.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
            self.rows_arrived.emit(first, last)

    def rows_at(self, rows: list[int], then: Callable[[list[R]], None]) -> None:
        """``then(rows)`` with the rows at these indices, for a batch over a selection longer than the pages kept.

        At once when every page is at hand; otherwise the missing pages are read together in one
        background job. Dropped when the query changes meanwhile (the selection went with it).
        """
        size, generation = self._pages.page_size, self._generation
        known = self._pages.fresh()
        missing = sorted({row // size for row in rows if 0 <= row < self._count} - set(known))

        def pick(pages: dict[int, list[R]]) -> list[R]:
            found = (pages[row // size][row % size:row % size + 1] for row in rows if row // size in pages)
            return [item for part in found for item in part]

        if not missing:
            then(pick(known))
            return

        def arrived(read: dict[int, list[R]] | None) -> None:
            if read is not None and generation == self._generation:
                then(pick(known | read))

        run_query(self, self._current(generation, lambda: {n: self._read_page(n * size, size) for n in missing}), arrived)

    def row_at(self, row: int) -> R | None:
        """The row when its page is here; otherwise None, and the page is asked for."""
        if not 0 <= row < self._count:
            return None
        self._ask_page(row)
        return self._pages.row(row)

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
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        answered = role in self.roles
        if not answered and role not in PLACEHOLDER_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return self._placeholder(role)
        return self._cell(row, index.column(), role) if answered else None

    def _placeholder(self, role: int) -> Any:
        """A row not yet here: a greyed "…", and "Loading…" under the pointer."""
        if role == DISPLAY:
            return PLACEHOLDER
        if role == FOREGROUND:
            return self._grey
        if role == TOOLTIP:
            return QtCore.QCoreApplication.translate("LazyTableModel", LOADING)
        return None
