"""Store calls from a widget, and the one app-wide "what changed" signal that keeps every view current.

Modelled on Anki's ``CollectionOp`` / ``QueryOp`` (qt/aqt/operations): ``run_query`` reads,
``run_change`` writes and then tells every open page what changed (``Changes``), so the open
application, the open ticket and every list re-read what they show, whoever made the change:
this panel, another page, or (on F5) another desk sharing the store and the command line.

Both run the store call in a worker thread (``ui/workers.Operation``), put a busy cursor on the
widget meanwhile, and deliver the result on the GUI thread. A second call from the same widget
while one runs waits its turn (a click is queued, never lost), so two actions on one ticket
cannot overtake each other. A refusal (``ServiceError``) goes to ``on_failed`` or, by default, to
the usual error box; a store that cannot be used goes to the banner.

A change made on the GUI thread by a caller that needs its answer at once calls :func:`announce`
itself afterwards. (The intake form's save for the "unsaved typing" question runs here like any
other, and waits in a local event loop: ``IntakeStore.save_input``.)
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kaccount_desk.services.changes import Changes
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets, Signal, alive
from kaccount_desk.ui.workers import Operation, report_failure

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])


def worker_job(fn: F) -> F:
    """Marks a function that calls the store and is meant to run only inside ``run_query``/``run_change``.

    It lets a widget's store calls live in a named function (a lazy table's page read, the ticket
    panel's one read of a ticket) instead of a lambda. The CI check
    (``tests/test_store_calls_off_gui_thread.py``) treats the marked body as a worker's, and any call
    of the marked function outside a worker as a store call on the GUI thread.
    """
    return fn


class ChangeHub(QtCore.QObject):
    """``changed(Changes, origin)``: emitted once after every change; ``origin`` is the widget that made it (or None)."""

    changed = Signal(object, object)


_hub: ChangeHub | None = None


def change_hub() -> ChangeHub:
    """The one hub of the application (every window and page of this process listens to it)."""
    global _hub
    if _hub is None:
        _hub = ChangeHub(QtCore.QCoreApplication.instance())
    return _hub


def announce(changes: Changes, origin: object = None) -> None:
    """Tell every open view that ``changes`` happened (after a change, or on F5 with ``EVERYTHING``)."""
    if changes.any():
        change_hub().changed.emit(changes, origin)


@dataclass
class _Queued:
    fn: Callable[[], Any]
    changes: Changes | None
    on_done: Callable[[Any], None] | None
    on_failed: Callable[[BaseException], bool] | None


@dataclass
class _WidgetQueue:
    """The calls of one widget, run one after the other; the busy cursor stays while any is left."""

    waiting: deque[_Queued] = field(default_factory=deque)
    running: Operation | None = None


_queues: dict[int, _WidgetQueue] = {}


def run_query(parent: QtCore.QObject, fn: Callable[[], T], on_done: Callable[[T], None],
              on_failed: Callable[[BaseException], bool] | None = None) -> None:
    """Read through ``fn`` off the GUI thread; ``on_done(result)`` runs on the GUI thread.

    ``parent`` may be a model rather than a widget (a lazy table's pages): its calls queue the same
    way, and only a widget gets the busy cursor.
    """
    _enqueue(parent, _Queued(fn, None, on_done, on_failed))


def run_change(parent: QtWidgets.QWidget, fn: Callable[[], T], changes: Changes, on_done: Callable[[T], None] | None = None,
               on_failed: Callable[[BaseException], bool] | None = None) -> None:
    """Write through ``fn`` off the GUI thread; then ``on_done(result)``, then ``changes`` announced with ``parent`` as origin.

    ``on_failed`` may claim a refusal by returning True (a panel that says it inline); nothing is
    announced after a failure, since nothing was written.
    """
    _enqueue(parent, _Queued(fn, changes, on_done, on_failed))


def busy(parent: QtCore.QObject) -> bool:
    """True while a call of ``parent`` runs or waits (tests and a closing window wait for it)."""
    queue = _queues.get(id(parent))
    return queue is not None and (queue.running is not None or bool(queue.waiting))


def idle() -> bool:
    """True when no widget has a store call running or waiting (a test waits for it after a click)."""
    return not _queues


def _enqueue(parent: QtCore.QObject, item: _Queued) -> None:
    queue = _queues.setdefault(id(parent), _WidgetQueue())
    queue.waiting.append(item)
    if queue.running is None:
        if isinstance(parent, QtWidgets.QWidget):
            parent.setCursor(Qt.CursorShape.BusyCursor)
        _next(parent, queue)


def _next(parent: QtCore.QObject, queue: _WidgetQueue) -> None:
    if not queue.waiting:
        queue.running = None
        _queues.pop(id(parent), None)
        if isinstance(parent, QtWidgets.QWidget) and alive(parent):
            parent.unsetCursor()
        return
    item = queue.waiting.popleft()
    operation = Operation(lambda _progress: item.fn())
    queue.running = operation

    def finished(result: object) -> None:
        try:
            if item.on_done is not None and alive(parent):  # a window rebuilt meanwhile has nothing to paint on
                item.on_done(result)
            if item.changes is not None:
                announce(item.changes, parent)
        finally:
            _next(parent, queue)

    def failed(exc: object) -> None:
        try:
            assert isinstance(exc, BaseException)
            if not alive(parent):
                report_failure(None, exc)
            elif item.on_failed is None or not item.on_failed(exc):
                report_failure(parent if isinstance(parent, QtWidgets.QWidget) else None, exc)
        finally:
            _next(parent, queue)

    operation.finished.connect(finished)
    operation.failed.connect(failed)
    operation.start()
