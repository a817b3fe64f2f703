"""The store opened in a worker thread while the person types the password.

Opening a store is the slow part of a start: SQLAlchemy's import, the engine, SQLite's quick
check, Alembic's look at the schema and the data key. None of it needs the person, so the login
dialog shows first and this runs behind it; the login button waits for it only when the person is
quicker. Nothing here imports SQLAlchemy on the GUI thread: the services load inside the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kaccount_desk.ui.operations import worker_job
from kaccount_desk.ui.qt import QtCore, Signal, Slot
from kaccount_desk.ui.workers import Operation, ProgressCallback

if TYPE_CHECKING:
    from kaccount_desk.domain.reasons import Reason
    from kaccount_desk.services.context import Store


@dataclass(frozen=True)
class OpenedStore:
    """What the worker found: the open store and whether anyone can log in to it, or how the file is damaged."""

    store: Store | None
    has_staff: bool = False
    damage: Reason | None = None


@worker_job
def open_in_worker(url: str, closed_as: str = "") -> OpenedStore:
    """Open ``url`` as the GUI's start did on its own thread; a damaged file is reported, not opened.

    ``closed_as`` is the file as the last normal session left it: found so, it is not read through again.
    The child that will check the password (argon2, kaccount_desk/password_child.py) starts first.
    """
    from kaccount_desk import password_child
    from kaccount_desk.services import backup, staff

    password_child.prepare()
    from kaccount_desk.services.context import Store
    from kaccount_desk.services.errors import StoreUnavailable

    problem = backup.damage(url, closed_as)
    if problem is not None:
        return OpenedStore(None, damage=problem)
    try:
        store = Store(url)
    except StoreUnavailable as exc:
        if exc.code in backup.DAMAGED:
            return OpenedStore(None, damage=exc.reasons[0])
        raise
    try:
        return OpenedStore(store, has_staff=staff.has_staff(store))
    except BaseException:
        store.close()
        raise


class StoreOpening(QtCore.QObject):
    """One store being opened; ``done`` fires on the GUI thread with ``result`` or ``error`` set."""

    done = Signal()

    def __init__(self, url: str, closed_as: str = "") -> None:
        super().__init__()
        self.url = url
        self.closed_as = closed_as
        self.result: OpenedStore | None = None
        self.error: BaseException | None = None
        self.started = False
        self._opened: OpenedStore | None = None  # set by the worker itself, for wait() after the event loop
        self._operation = Operation(self._work)
        self._operation.finished.connect(self._finished)
        self._operation.failed.connect(self._failed)

    def start(self) -> None:
        if not self.started:
            self.started = True
            self._operation.start()

    @property
    def ready(self) -> bool:
        return self.result is not None or self.error is not None

    @property
    def store(self) -> Store | None:
        """The store once it is open and has someone to log in as; None before, or when it cannot be used."""
        return self.result.store if self.result is not None and self.result.has_staff else None

    def wait(self) -> OpenedStore | None:
        """Block until the worker is done (the person left before it was): the store, if any, is then the caller's."""
        self._operation.wait()
        return self._opened

    def _work(self, _progress: ProgressCallback) -> OpenedStore:
        self._opened = open_in_worker(self.url, self.closed_as)
        return self._opened

    @Slot(object)
    def _finished(self, result: object) -> None:
        assert isinstance(result, OpenedStore)
        self.result = result
        self.done.emit()

    @Slot(object)
    def _failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self.error = exc
        self.done.emit()
