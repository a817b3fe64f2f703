"""Keeping a form's typing as a draft in the store, and offering it back after a crash.

The keeper asks its form every few seconds, and shortly after each change, for what is typed; it
writes only when that changed, and deletes the draft once the form has nothing unsaved (saved or
discarded). Writing happens in a transaction of its own, never the form's save.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from kaccount_desk.services import drafts
from kaccount_desk.services.context import Context
from kaccount_desk.services.drafts import DraftKind, KeptDraft
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.ui.qt import QtCore, Slot

log = logging.getLogger("kaccount_desk.ui.drafts")

KEEP_EVERY_MS = 3000
AFTER_CHANGE_MS = 800


class DraftSource(Protocol):
    def draft_fields(self) -> dict[str, object] | None:
        """What is typed and not saved, as plain JSON values; None when there is nothing to keep."""

    def restore_draft(self, fields: dict[str, object]) -> None:
        """Put a kept draft back into the widgets, as unsaved typing."""


class DraftKeeper(QtCore.QObject):
    def __init__(self, ctx: Context, kind: DraftKind, source: Callable[[], DraftSource | None],
                 parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind, self.source = ctx, kind, source
        self._last: dict[str, object] | None = None
        self._watched: object | None = None
        self._kept = drafts.kept(ctx, kind) is not None
        self.timer = QtCore.QTimer(self)
        self.timer.setInterval(KEEP_EVERY_MS)
        self.timer.timeout.connect(self.keep_now)
        self.timer.start()
        self.soon = QtCore.QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_CHANGE_MS)
        self.soon.timeout.connect(self.keep_now)

    @Slot()
    def changed(self) -> None:
        self.soon.start()

    @Slot()
    def keep_now(self) -> None:
        form = self.source()
        typing = getattr(form, "typing", None)
        if form is not None and form is not self._watched and typing is not None:
            typing.connect(self.changed)
            self._watched = form
        fields = form.draft_fields() if form is not None else None
        try:
            if fields is None:
                if self._kept:
                    drafts.drop(self.ctx, self.kind)
                    self._kept, self._last = False, None
            elif fields != self._last:
                drafts.keep(self.ctx, self.kind, fields)
                self._kept, self._last = True, fields
        except StoreUnavailable as exc:  # the banner says the store is away; the typing is still on screen
            log.warning("draft not kept: %s", exc.code)

    def offered(self) -> KeptDraft | None:
        return drafts.kept(self.ctx, self.kind)

    def forget(self) -> None:
        drafts.drop(self.ctx, self.kind)
        self._kept, self._last = False, None
