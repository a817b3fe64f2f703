"""Questions to the store where only the answer to the latest one matters: a preview, a filtered list.

Asked on every keystroke (after a debounce), such a question must never make typing wait, and an
answer about older typing must never paint over newer. ``LatestQuery`` runs one question at a
time through ``ui/operations.run_query``; asked again while one runs, the running one's answer is
dropped when it comes and only the last question asked meanwhile is asked next, so a burst of
keys costs at most two store calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.qt import QtWidgets

Failed = Callable[[BaseException], bool]


class LatestQuery:
    """The questions of one widget (its busy cursor shows while one runs)."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self._parent = parent
        self._running = False
        self._next: tuple[Callable[[], Any], Callable[[Any], None], Failed | None] | None = None

    @property
    def settled(self) -> bool:
        """No question is running or waiting: what is painted answers what was last asked."""
        return not self._running

    def ask(self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Failed | None = None) -> None:
        """Ask ``fn`` off the GUI thread; ``on_done(answer)`` runs unless a newer question was asked meanwhile."""
        if self._running:
            self._next = (fn, on_done, on_failed)
            return
        self._running = True
        run_query(self._parent, fn, lambda answer: self._answered(answer, on_done), lambda exc: self._failed(exc, on_failed))

    def _ask_next(self) -> bool:
        if self._next is None:
            return False
        fn, on_done, on_failed = self._next
        self._next = None
        self.ask(fn, on_done, on_failed)
        return True

    def _answered(self, answer: Any, on_done: Callable[[Any], None]) -> None:
        self._running = False
        if not self._ask_next():
            on_done(answer)

    def _failed(self, exc: BaseException, on_failed: Failed | None) -> bool:
        self._running = False
        if self._ask_next():
            return True  # about older typing: the newer question answers instead
        return on_failed(exc) if on_failed is not None else False
