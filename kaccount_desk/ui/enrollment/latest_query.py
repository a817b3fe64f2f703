"""Questions to the store where only the answer to the latest one matters: a preview, a filtered list.

Asked on every keystroke (after a debounce), such a question must never make typing wait, and an
answer about older typing must never paint over newer. ``LatestQuery`` runs one question at a
time (each started by the caller through ``ui/operations.run_query``, where the store call is
written); asked again while one runs, the running one's answer is dropped when it comes and only
the last question asked meanwhile is asked next, so a burst of keys costs at most two store calls.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Failed = Callable[[BaseException], bool]
# Starts one question: given the answer's and the refusal's callbacks, calls ``run_query`` with them.
Start = Callable[[Callable[[Any], None], Failed], None]


class LatestQuery:
    """The questions of one widget, one at a time."""

    def __init__(self) -> None:
        self._running = False
        self._next: tuple[Start, Callable[[Any], None], Failed | None] | None = None

    @property
    def settled(self) -> bool:
        """No question is running or waiting: what is painted answers what was last asked."""
        return not self._running

    def ask(self, start: Start, on_done: Callable[[Any], None], on_failed: Failed | None = None) -> None:
        """Ask through ``start`` (a ``run_query``); ``on_done(answer)`` runs unless a newer question was asked meanwhile."""
        if self._running:
            self._next = (start, on_done, on_failed)
            return
        self._running = True
        start(lambda answer: self._answered(answer, on_done), lambda exc: self._failed(exc, on_failed))

    def _ask_next(self) -> bool:
        if self._next is None:
            return False
        start, on_done, on_failed = self._next
        self._next = None
        self.ask(start, on_done, on_failed)
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
