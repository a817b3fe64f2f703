"""Slow work (roster import and export) off the GUI thread, with progress and a Cancel button.

The clerk keeps a responsive window while thousands of rows are checked. The callable gets a
``progress(done, total) -> bool`` callback; it returns False once Cancel was pressed, and the
service stops on its own terms (for an import: rolls back, so nothing is written).
Services open their own session per call, so running one inside the worker thread is safe.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from kaccount_desk.services.errors import ServiceError, StoreUnavailable
from kaccount_desk.ui.messages import show_error
from kaccount_desk.ui.qt import QtCore, QtWidgets, Signal, Slot

log = logging.getLogger("kaccount_desk.ui.workers")

ProgressCallback = Callable[[int, int], bool]
Work = Callable[[ProgressCallback], Any]

# Running operations are kept here, not parented to a widget, so closing a window never destroys
# a QThread that is still running; each removes itself once its thread has stopped.
_running: set[Operation] = set()


class _Worker(QtCore.QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    error = Signal(object)

    def __init__(self, fn: Work, cancel: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except Exception as exc:  # handed to the GUI thread, which decides how to show it
            self.error.emit(exc)
        else:
            self.done.emit(result)


class Operation(QtCore.QObject):
    """One run of ``fn`` in its own thread; signals arrive in the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Work) -> None:
        super().__init__()
        self._cancel = threading.Event()
        self._thread = QtCore.QThread()
        self._worker = _Worker(fn, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.done.connect(self._on_done)
        self._worker.error.connect(self._on_error)
        self.running = False
        self.dialog: QtWidgets.QProgressDialog | None = None

    def start(self) -> None:
        _running.add(self)
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self) -> None:
        """Block until the work is over (at exit, so a store is not closed under it).

        The thread is told to end once the work returns: after the event loop has stopped, the
        queued "done" that would normally end it is never delivered, and the wait would be for ever.
        """
        self._thread.quit()
        self._thread.wait()
        self.running = False
        _running.discard(self)

    def stop(self) -> None:
        """Cancel, then wait: the work stops at its next progress call, rolling back what it started."""
        self.cancel()
        self.wait()

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.running = False
        _running.discard(self)

    @Slot(object)
    def _on_done(self, result: object) -> None:
        self._stop_thread()
        self.finished.emit(result)

    @Slot(object)
    def _on_error(self, exc: object) -> None:
        self._stop_thread()
        self.failed.emit(exc)


def stop_all() -> None:
    """At exit, stop every operation still running (a print job the clerk closed the window on).

    Qt aborts the whole process when a QThread is destroyed while its thread runs, which is what
    the interpreter's exit did to an unfinished job.
    """
    for operation in list(_running):
        operation.stop()


KEY_PUT_AWAY = "store.key.put_away"  # store/crypto.py: the data key was forgotten at a logout or the lock screen


def report_failure(parent: QtWidgets.QWidget | None, exc: BaseException) -> None:
    """A refusal is shown with its reasons; a store that cannot be used goes to the banner; anything else is a bug."""
    if isinstance(exc, ServiceError):
        show_error(parent, exc)
    elif isinstance(exc, StoreUnavailable) and exc.code == KEY_PUT_AWAY:
        log.info("a read while the lock screen or the login showed: asked again once a password unseals the key")
    elif isinstance(exc, StoreUnavailable):
        sys.excepthook(type(exc), exc, exc.__traceback__)  # the app's hook shows it on the banner, which retries
    else:
        log.error("operation failed", exc_info=exc)
        sys.excepthook(type(exc), exc, exc.__traceback__)


def run_with_progress(
    parent: QtWidgets.QWidget | None,
    title: str,
    fn: Work,
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], bool] | None = None,
) -> Operation:
    """Start ``fn`` with a progress dialog; ``on_failed`` may claim a failure by returning True."""
    dialog = QtWidgets.QProgressDialog(title, QtCore.QCoreApplication.translate("workers", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(400)
    operation = Operation(fn)

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def close() -> None:
        dialog.canceled.disconnect(operation.cancel)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def finished(result: object) -> None:
        close()
        on_done(result)

    def failed(exc: object) -> None:
        close()
        assert isinstance(exc, BaseException)
        if on_failed is not None and on_failed(exc):
            return
        report_failure(parent, exc)

    dialog.canceled.connect(operation.cancel)
    operation.progressed.connect(on_progress)
    operation.finished.connect(finished)
    operation.failed.connect(failed)
    operation.dialog = dialog
    operation.start()
    return operation
