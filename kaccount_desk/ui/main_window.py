"""The main window: navigation between the jobs' pages, the campaign in use, who is logged in.

Pages come from ``ui/pages.py``. Every page is a :class:`~kaccount_desk.ui.page.Page`:
``set_campaign(code)`` is called whenever the campaign changes and ``refresh()`` after a roster
import; the Admin page's ``campaigns_changed`` signal makes the window re-read the campaign list.
Its bars and what their menus open are ``ui/window_menus.py``; its unsaved typing (asked about,
kept as drafts, offered back) is ``ui/window_typing.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, TypeVar, cast

from kaccount_desk.services import campaigns
from kaccount_desk.services.campaigns import CampaignSummary
from kaccount_desk.services.changes import EVERYTHING, ROSTER_IMPORTED, Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui import shortcuts
from kaccount_desk.ui.drafts import DraftKeeper, DraftSource
from kaccount_desk.ui.fit import fit_to_screen
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.idle_lock import IdleLock
from kaccount_desk.ui.messages import show_error
from kaccount_desk.ui.operations import announce, change_hub, run_query
from kaccount_desk.ui.page import Page
from kaccount_desk.ui.pages import LANDING_PAGES, PageSpec, pages_for
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.settings import IDLE_LOCK_MINUTES, LAST_CAMPAIGN, Settings
from kaccount_desk.ui.store_banner import StoreBanner
from kaccount_desk.ui.window_menus import WindowMenus
from kaccount_desk.ui.window_state import restore_layout, restore_part, save_layout
from kaccount_desk.ui.window_typing import WindowTyping

if TYPE_CHECKING:
    from kaccount_desk.ui.admin.admin_page import AdminPage
    from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
    from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog
    from kaccount_desk.ui.outages.outages_page import OutagesPage
    from kaccount_desk.ui.printing.print_page import PrintPage
    from kaccount_desk.ui.tickets.tickets_page import TicketsPage

W = TypeVar("W", bound=QtWidgets.QWidget)



class MainWindow(WindowTyping, WindowMenus, QtWidgets.QMainWindow):
    """``language_changed(code)`` asks the application to build the window again in that language;
    ``clerk_changed(actor)`` (another clerk logged in at the lock screen), ``logged_out`` and
    ``end_requested`` (the lock screen closed) ask it to hand the counter on (``ui/counter_session.py``)."""

    language_changed = Signal(str)
    clerk_changed = Signal(object)
    logged_out = Signal()
    end_requested = Signal()

    def __init__(self, ctx: Context, settings: Settings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or Settings()
        self.ending = False  # the session ends (a shutdown, a logoff): typing is kept as drafts, nothing is asked
        self.idle_lock = IdleLock(self, ctx, self.settings.get(IDLE_LOCK_MINUTES))
        self.idle_lock.switched.connect(self.clerk_changed)
        self.idle_lock.end_requested.connect(self.end_requested)
        self.idle_lock.locking.connect(self.keep_for_later)
        self.setWindowTitle(self.tr("KAccount Desk — key-account intake"))
        self.resize(1366, 728)  # a 1366×768 counter screen less the taskbar; fitted to smaller screens below
        self.specs: list[tuple[str, PageSpec]] = pages_for(ctx)
        # (title, widget) per row: a placeholder until the page is first shown, then the page.
        self.pages: list[tuple[str, QtWidgets.QWidget]] = []
        self._built: dict[int, Page] = {}
        self.laid_out = False
        self.nav = QtWidgets.QListWidget()
        self.nav.setFixedWidth(88)
        self.nav.setIconSize(QtCore.QSize(0, 0))
        font = self.nav.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.nav.setFont(font)
        self.stack = QtWidgets.QStackedWidget()
        for title, _spec in self.specs:
            item = QtWidgets.QListWidgetItem(title)
            item.setSizeHint(QtCore.QSize(80, 40))
            self.nav.addItem(item)
            placeholder = QtWidgets.QWidget()
            self.pages.append((title, placeholder))
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._show_row)
        central = QtWidgets.QWidget()
        self.store_banner = StoreBanner(ctx.store)
        outer = QtWidgets.QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.store_banner)
        layout = QtWidgets.QHBoxLayout()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self.reload_campaigns()
        self.nav.setCurrentRow(self._first_row())
        self.nav.currentRowChanged.connect(self._remember_page)
        self._bind_keys()
        self.placed_before = restore_layout(self, self.settings, ctx.actor.staff_no)
        self.laid_out = True
        self.draft_keepers = [DraftKeeper(ctx, "application", self._intake_form, self),
                              DraftKeeper(ctx, "ticket", self._ticket_form, self)]
        change_hub().changed.connect(self.apply_changes)
        fit_to_screen(self)
        self.idle_lock.watch_input()

    def show_on_screen(self) -> None:
        """Maximised within the screen's free area the first time; after, as the clerk left it, but never
        beyond that area (a size kept on a larger screen, a place that drifted under the taskbar)."""
        if not self.placed_before:
            self.showMaximized()
            return
        self.show()
        if not self.isMaximized():
            fit_to_screen(self)  # now that it is shown, its frame counts too

    def _first_row(self) -> int:
        """The page this person used last, else the one their role uses most (a hotline clerk: Tickets)."""
        kinds = [spec.kind for _, spec in self.specs]
        last = self.settings.last_page(self.ctx.actor.staff_no)
        if last in kinds:
            return kinds.index(last)
        landing = LANDING_PAGES.get(self.ctx.actor.role, "ApplicationsPage")
        return kinds.index(landing) if landing in kinds else 0

    @Slot(int)
    def _show_row(self, row: int) -> None:
        """A page is built the first time it is shown; a click on one whose module is not loaded yet
        imports it off the GUI thread first (the Print page's reportlab, the Reports page's charts:
        up to 0.45 s that the window stood frozen), its blank placeholder and the busy cursor meanwhile."""
        if not 0 <= row < len(self.specs):
            return
        module = self.specs[row][1].module_path
        self.stack.setCurrentIndex(row)
        if row in self._built or not self.laid_out or module in sys.modules:
            self._build(row)
            self.stack.setCurrentIndex(row)
            return
        run_query(self.nav, lambda: import_module(module), lambda _module: self._imported(row))

    def _imported(self, row: int) -> None:
        self._build(row)
        if self.nav.currentRow() == row:  # the clerk may have moved on meanwhile: built, not brought forward
            self.stack.setCurrentIndex(row)

    @Slot(int)
    def _remember_page(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.settings.set_last_page(self.ctx.actor.staff_no, self.specs[row][1].kind)

    def _build(self, row: int) -> Page:
        """The page of ``row``, built now if it was not yet: its module imported, wired to the window,
        told the campaign in use and given back the layout this clerk left it in."""
        if row in self._built:
            return self._built[row]
        title, spec = self.specs[row]
        page = spec.build(self.ctx)
        if not isinstance(page, QtWidgets.QWidget):
            raise TypeError(f"{type(page).__name__} is not a widget")
        placeholder = self.pages[row][1]
        showing = self.stack.currentWidget() is placeholder  # a click ahead of its module: the page takes its place
        self.stack.insertWidget(row, page)
        self.stack.removeWidget(placeholder)
        if showing:
            self.stack.setCurrentWidget(page)
        placeholder.deleteLater()
        self.pages[row] = (title, page)
        self._built[row] = page
        self._wire(spec.kind, page)
        page.set_campaign(self.campaign_code)
        if self.laid_out:  # the first page took its layout with the window's
            restore_part(self, page, self.settings, self.ctx.actor.staff_no)
        return page

    def _wire(self, kind: str, page: QtWidgets.QWidget) -> None:
        """What a page asks of the window: printing goes to the Print page, a new campaign to the list."""
        may_print = "PrintPage" in (spec.kind for _, spec in self.specs)
        if kind == "AdminPage":
            cast("AdminPage", page).campaigns_changed.connect(self.campaigns_changed)
        elif kind == "ApplicationsPage" and may_print:
            cast("ApplicationsPage", page).print_requested.connect(self._print_selection)
            cast("ApplicationsPage", page).set_printing_available(True)
        elif kind == "TicketsPage" and may_print:
            cast("TicketsPage", page).print_requested.connect(self._print_ticket)
        if kind == "TicketsPage":  # its Reports tab, built at the first look, takes the layout kept then
            cast("TicketsPage", page).part_built.connect(
                lambda part: restore_part(self, part, self.settings, self.ctx.actor.staff_no))
        elif kind == "OutagesPage" and may_print:
            cast("OutagesPage", page).print_requested.connect(self._print_ticket)

    def _intake_form(self) -> DraftSource | None:
        page = self.built("ApplicationsPage")
        return cast("ApplicationsPage", page).form if page is not None else None

    def _ticket_form(self) -> DraftSource | None:
        page = self.built("TicketsPage")
        return cast("TicketsPage", page).form if page is not None else None

    def _bind_keys(self) -> None:
        for n in range(min(4, len(self.pages))):
            action = QtGui.QAction(self)
            action.setShortcut(shortcuts.keys(f"page_{n + 1}"))
            action.triggered.connect(lambda _=False, row=n: self.nav.setCurrentRow(row))
            self.addAction(action)
        for name, slot in (("search", self.focus_search), ("refresh", self.reload_everything), ("print", self.print_current)):
            action = QtGui.QAction(self)
            action.setShortcut(shortcuts.keys(name))
            action.triggered.connect(slot)
            self.addAction(action)

    def current_page(self) -> Page:
        return self._build(self.stack.currentIndex())

    @Slot()
    def focus_search(self) -> None:
        self.current_page().focus_search()

    @Slot()
    def reload_everything(self) -> None:
        """F5: anything may have been written elsewhere (another desk, the CLI): every view reads again."""
        announce(EVERYTHING)

    @Slot(object, object)
    def apply_changes(self, changes: Changes, origin: object) -> None:
        """The one "what changed" signal: the campaign list again (each page listens for itself)."""
        if changes.campaigns:
            self.reload_campaigns()

    @Slot()
    def print_current(self) -> None:
        """Ctrl+P: print what the Print page shows, or go to it from another page."""
        if self.stack.currentIndex() == self._row("PrintPage"):
            cast("PrintPage", self.current_page()).print_document()
        else:
            self._show("PrintPage")

    @Slot(str, list)
    def _print_selection(self, kind: str, ids: list[int]) -> None:
        """A batch picked in the applications list goes to the Print page, which generates it at once."""
        if (printing := self._show("PrintPage")) is not None:
            cast("PrintPage", printing).take_selection(kind, ids)

    @Slot(str, int, str)
    def _print_ticket(self, kind: str, ticket_id: int, number: str) -> None:
        """A ticket's receipt or record, or a planned work's notice: the Print page shows it and opens the print dialog."""
        if (printing := self._show("PrintPage")) is not None:
            cast("PrintPage", printing).take_ticket(kind, ticket_id, number)

    def _row(self, kind: str) -> int:
        """The row of the page of class ``kind``; -1 when this person does not have it."""
        return next((row for row, (_, spec) in enumerate(self.specs) if spec.kind == kind), -1)

    def built(self, kind: str) -> Page | None:
        """The page of class ``kind`` if it was built (shown) already: nothing else can hold typing or rows."""
        return self._built.get(self._row(kind))

    def page_named(self, kind: str) -> Page | None:
        """The page of class ``kind``, built first if it was not yet (a shortcut or a menu reaching into it)."""
        row = self._row(kind)
        return self._build(row) if row >= 0 else None

    def page(self, kind: type[W]) -> W | None:
        page = self.page_named(kind.__name__)
        return page if isinstance(page, kind) else None

    def _show(self, kind: str) -> Page | None:
        row = self._row(kind)
        if row < 0:
            return None
        self.nav.setCurrentRow(row)
        return self._build(row)

    def show_page(self, kind: type[W]) -> W | None:
        """Bring the page of ``kind`` to the front (for work asked for on another page) and return it."""
        page = self._show(kind.__name__)
        return page if isinstance(page, kind) else None

    @property
    def campaign_code(self) -> str | None:
        return self.campaign_combo.code

    @Slot()
    def reload_campaigns(self, then: Callable[[], None] | None = None) -> None:
        """Re-read the list (after a campaign was loaded or edited) and keep the choice if it exists; then ``then``."""
        ctx = self.ctx

        def fill(found: list[CampaignSummary]) -> None:
            opening = self.campaign_code is None
            self.campaign_combo.fill(found, self.campaign_code or self.settings.get(LAST_CAMPAIGN), opening)
            self._campaign_chosen()
            if then is not None:
                then()

        def refused(exc: BaseException) -> bool:
            if isinstance(exc, ServiceError):
                show_error(self, exc)
                fill([])
                return True
            return False

        run_query(self, lambda: campaigns.list_campaigns(ctx), fill, refused)

    @Slot(str)
    def campaigns_changed(self, added: str) -> None:
        """After a load or an edit; a campaign just added is taken up when the one shown has closed.

        Whoever loads a new campaign file while the last one is past its deadline means to work on
        the new one; a live campaign in use stays, since its applications are still coming in.
        """
        def take_up() -> None:
            box = self.campaign_combo
            if added and added != self.campaign_code and box.is_closed(box.currentIndex()) and box.live_index(added) >= 0:
                box.setCurrentIndex(box.live_index(added))  # through _campaign_switched: unsaved typing is settled first

        self.reload_campaigns(take_up)

    @Slot()
    def _campaign_switched(self) -> None:
        """The person picked another campaign: the form starts afresh, so unsaved typing is settled first."""
        if self.confirm_unsaved(only=("IntakeForm", "PrintPage")):
            self._campaign_chosen()
            return
        kept = self.settings.get(LAST_CAMPAIGN)
        self.campaign_combo.blockSignals(True)
        self.campaign_combo.setCurrentIndex(self.campaign_combo.findData(kept))
        self.campaign_combo.blockSignals(False)

    @Slot()
    def _campaign_chosen(self) -> None:
        code = self.campaign_code
        if code and code != self.settings.get(LAST_CAMPAIGN):
            # Written only when it changed: each write rereads and rewrites the settings file on the GUI
            # thread (7-11 ms), and at window-up, when the campaign list arrives, it is the one kept already.
            self.settings.set(LAST_CAMPAIGN, code)
        self.import_action.setEnabled(bool(code))
        self.export_action.setEnabled(bool(code))
        for page in self._built.values():
            page.set_campaign(code)

    def open_import_dialog(self) -> ImportRosterDialog | None:
        """The import dialog, not yet shown; the menu action shows it, tests drive it."""
        from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog

        if not self.campaign_code:
            return None
        dialog = ImportRosterDialog(self.ctx, self.campaign_code, self)
        dialog.imported.connect(lambda *_: announce(ROSTER_IMPORTED, dialog))
        return dialog

    @Slot()
    def import_roster(self) -> None:
        dialog = self.open_import_dialog()
        if dialog is not None:
            dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.show()

    @Slot()
    def export_roster(self) -> None:
        from kaccount_desk.ui.enrollment.roster_dialogs import export_roster

        if self.campaign_code:
            export_roster(self, self.ctx, self.campaign_code)


def rebuild_in_language(old: MainWindow, code: str) -> MainWindow:
    """The same person's window again, in ``code``; the old one goes without asking (it has asked).

    Widgets take their texts when they are built, so a new window is the one way every label,
    tooltip and table header changes at once. What was saved is in the store, so nothing is lost.
    """
    app = QtWidgets.QApplication.instance()
    assert app is not None
    save_layout(old, old.settings, old.ctx.actor.staff_no)
    lang = install_translations(app, code)
    new = MainWindow(Context(old.ctx.store, old.ctx.actor, "en" if lang == "en" else "zh"), old.settings)
    new.setGeometry(old.geometry())
    new.nav.setCurrentRow(old.nav.currentRow())  # the same page, now in the other language
    tabs = QtWidgets.QTabWidget
    shown_before, shown_now = old.pages[old.stack.currentIndex()][1], new.pages[new.stack.currentIndex()][1]
    for before, after in zip(shown_before.findChildren(tabs), shown_now.findChildren(tabs), strict=False):
        after.setCurrentIndex(before.currentIndex())  # and the same tab on it (Tickets: Queue or Reports)
    if (old_tickets := old.built("TicketsPage")) is not None and (new_tickets := new.page_named("TicketsPage")) is not None:
        cast("TicketsPage", new_tickets).carry_over(cast("TicketsPage", old_tickets))  # the ticket chosen and its unsent text
    if old.isMaximized():
        new.showMaximized()
    else:
        new.show()
        fit_to_screen(new)
    old.hide()
    old.deleteLater()
    return new
