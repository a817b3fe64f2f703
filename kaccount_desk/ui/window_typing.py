"""The main window's unsaved typing: asked about before it could be lost (closing, logging out, a
campaign or language switch), kept as drafts when the counter changes hands, offered back after a crash.

A mixin of :class:`~kaccount_desk.ui.main_window.MainWindow`; which editors exist is ``ui/unsaved.py``,
how a draft is kept is ``ui/drafts.py``. Its ``tr`` context is this class's name; PySide6 finds it
along the window's class hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from kaccount_desk.domain.operator_time import local
from kaccount_desk.services.context import Context
from kaccount_desk.services.drafts import KeptDraft
from kaccount_desk.ui.drafts import DraftKeeper
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.page import Page
from kaccount_desk.ui.qt import QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.settings import Settings
from kaccount_desk.ui.unsaved import editors_in, first_unsettled
from kaccount_desk.ui.window_state import save_layout

if TYPE_CHECKING:
    from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
    from kaccount_desk.ui.tickets.tickets_page import TicketsPage


def _is_a(obj: object, kinds: tuple[str, ...]) -> bool:
    """``obj`` is of a class named in ``kinds``: names, so that asking imports no page's module."""
    return any(cls.__name__ in kinds for cls in type(obj).__mro__)


class WindowTyping(QtWidgets.QMainWindow):
    """What :class:`MainWindow` does so that nothing typed is lost without the clerk's word."""

    ctx: Context
    settings: Settings
    ending: bool
    pages: list[tuple[str, QtWidgets.QWidget]]
    nav: QtWidgets.QListWidget
    draft_keepers: list[DraftKeeper]
    logged_out: Signal

    page_named: Callable[[str], Page | None]  # the window's own
    _show: Callable[[str], Page | None]

    def confirm_unsaved(self, only: tuple[str, ...] = (), carried: tuple[str, ...] = ()) -> bool:
        """True when nothing typed will be lost: nothing unsaved, saved now, or knowingly discarded.

        Every editor in the window takes part (``only`` narrows it to the kinds a campaign switch
        refills); ``carried`` are left out, since their typing goes on into the next window (both are
        class names: a page never shown holds no typing, and its module need not load). On Cancel,
        or a refused save, the editor is brought into view with its typing.
        """
        editors = [e for e in editors_in(self) if (not only or _is_a(e, only)) and not _is_a(e, carried)]
        stopped = first_unsettled(self, editors)
        if stopped is None:
            return True
        self._bring_forward(stopped)
        return False

    def _bring_forward(self, editor: object) -> None:
        """Show the page that holds ``editor``, and the editor itself when it is a window of its own."""
        if not isinstance(editor, QtWidgets.QWidget):
            return
        widget: QtWidgets.QWidget | None = editor
        while widget is not None:
            for row, (_, page) in enumerate(self.pages):
                if widget is page:
                    self.nav.setCurrentRow(row)
            widget = widget.parentWidget()
        if editor.isWindow():
            editor.show()
            editor.activateWindow()

    def offer_drafts(self) -> None:
        """After a crash or a power cut: offer back, per form, what was being typed and not saved.

        The drafts are looked for in a worker; the question comes when they are found.
        """
        keepers = list(self.draft_keepers)

        def offer(found: list[KeptDraft | None]) -> None:
            for keeper, kept in zip(keepers, found, strict=True):
                self._offer_draft(keeper, kept)

        run_query(self, lambda: [keeper.offered() for keeper in keepers], offer)

    def _offer_draft(self, keeper: DraftKeeper, kept: KeptDraft | None) -> None:
        if kept is None:
            return
        kinds = {"application": self.tr("an application"), "ticket": self.tr("a new ticket")}
        buttons = QtWidgets.QMessageBox.StandardButton
        answer = QtWidgets.QMessageBox.question(
            self, self.tr("Unsaved typing found"),
            self.tr("When the program last stopped, %1 was being typed and not saved (kept at %2). Restore it?")
            .replace("%1", kinds[kept.kind]).replace("%2", f"{local(kept.saved_at):%Y-%m-%d %H:%M}"),
            buttons.Yes | buttons.Discard, buttons.Yes)
        if answer != buttons.Yes:
            keeper.forget()
        elif kept.kind == "application":
            page = self._show("ApplicationsPage")  # built now if it was not: the draft goes into its form
            if page is not None and (form := cast("ApplicationsPage", page).form) is not None:
                form.restore_draft(kept.fields)
        elif (tickets_page := self._show("TicketsPage")) is not None:
            cast("TicketsPage", tickets_page).open_form().restore_draft(kept.fields)

    def keep_for_later(self) -> None:
        """Every form's typing kept now as this clerk's draft, and the layout as left: the counter changes
        hands or the session ends, and the clerk is not asked (they may not be there)."""
        for keeper in self.draft_keepers:
            keeper.keep_now()
        save_layout(self, self.settings, self.ctx.actor.staff_no)

    @Slot()
    def log_out(self) -> None:
        """File → Log out / switch user: as closing asks about typing, then the next clerk logs in."""
        if self.confirm_unsaved():
            save_layout(self, self.settings, self.ctx.actor.staff_no)
            for keeper in self.draft_keepers:
                keeper.forget()  # saved or knowingly discarded, as when the window closes
            self.logged_out.emit()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.ending:
            event.accept()  # kept by keep_for_later: the next start offers it back
        elif self.confirm_unsaved():
            save_layout(self, self.settings, self.ctx.actor.staff_no)
            for keeper in self.draft_keepers:
                # Every form was just asked about: what is left was saved or knowingly discarded, so the
                # next start offers nothing back (a draft is for a crash, not for a clear "Discard").
                keeper.forget()
            event.accept()
        else:
            event.ignore()

