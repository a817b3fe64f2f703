"""Keeping a form's typing as a draft in the store, and offering it back after a crash.

The keeper asks its form every few seconds, and shortly after each change, for what is typed; it
writes only when that changed, and deletes the draft once the form has nothing unsaved (saved or
discarded). Writing happens in a transaction of its own, never the form's save, and in the
background: a draft is private to its clerk, so it announces no change to other views.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from kaccount_desk.services import drafts
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.drafts import DraftKind, KeptDraft
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.ui.operations import run_change, worker_job
from kaccount_desk.ui.qt import QtCore, QtWidgets, Slot

log = logging.getLogger("kaccount_desk.ui.drafts")

KEEP_EVERY_MS = 3000
AFTER_CHANGE_MS = 800


class DraftSource(Protocol):
    def draft_fields(self) -> dict[str, object] | None:
        """What is typed and not saved, as plain JSON values; None when there is nothing to keep."""

    def restore_draft(self, fields: dict[str, object]) -> None:
        """Put a kept draft back into the widgets, as unsaved typing."""


class DraftKeeper(QtCore.QObject):
    """Keeps one form's typing as this clerk's draft of ``kind``, written in the background."""

    def __init__(self, ctx: Context, kind: DraftKind, source: Callable[[], DraftSource | None],
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.source = ctx, kind, source
        self._last: dict[str, object] | None = None
        self._watched: object | None = None
        # A draft may be left from a crash (offered back by the window): the first look with nothing
        # typed drops it, as the store's answer would have said, without asking the store first.
        self._kept = True
        # The writes' own queue (``ui/operations``): never shown, so no busy cursor every few seconds,
        # and a write never waits behind a click on the window.
        self._writer = QtWidgets.QWidget()
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep_soon)
        self.timer.start()
        self.soon = QtCore.QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.keep_soon)

    @Slot()
    def changed(self) -> None:
        self.soon.start()

    def _due(self) -> tuple[bool, dict[str, object] | None]:
        """Whether the store must be written now, and with what: the typing to keep, or None to drop the draft."""
        form = self.source()
        typing = getattr(form, "typing", None)
        if form is not None and form is not self._watched and typing is not None:
            typing.connect(self.changed)
            self._watched = form
        fields = form.draft_fields() if form is not None else None
        return (self._kept if fields is None else fields != self._last), fields

    def _wrote(self, fields: dict[str, object] | None) -> None:
        self._kept, self._last = fields is not None, fields

    @Slot()
    def keep_soon(self) -> None:
        """The timers' look: the write, if any, runs off the GUI thread (typing never waits for it)."""
        due, fields = self._due()
        if not due:
            return
        self._wrote(fields)  # at once, so the next look does not write the same again while this one runs

        def failed(exc: BaseException) -> bool:
            self._last = None  # written next time
            if isinstance(exc, StoreUnavailable):  # the banner says the store is away; the typing is still on screen
                log.warning("draft not kept: %s", exc.code)
                return True
            return False

        if fields is None:
            run_change(self._writer, lambda: drafts.drop(self.ctx, self.kind), Changes(), None, failed)
        else:
            run_change(self._writer, lambda: drafts.keep(self.ctx, self.kind, fields), Changes(), None, failed)

    def keep_now(self) -> None:
        """The session ends (SIGTERM, the counter changing hands): written at once, on this thread.

        Deliberately synchronous: the event loop is ending, so a write handed to a worker could be
        cut off, and this is the last chance to keep the typing.
        """
        due, fields = self._due()
        if not due:
            return
        try:
            if fields is None:
                drafts.drop(self.ctx, self.kind)
            else:
                drafts.keep(self.ctx, self.kind, fields)
        except StoreUnavailable as exc:
            log.warning("draft not kept: %s", exc.code)
            return
        self._wrote(fields)

    @worker_job
    def offered(self) -> KeptDraft | None:
        """Asked once as the window opens, in a worker (the window offers it back when it comes)."""
        return drafts.kept(self.ctx, self.kind)

    def forget(self) -> None:
        """At the session's end (closing, logging out), after the typing was saved or discarded: on this
        thread like ``keep_now``, since a write queued behind a running one would not run once the loop ends."""
        drafts.drop(self.ctx, self.kind)
        self._kept, self._last = False, None
