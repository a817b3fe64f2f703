"""The main window's bars and what they open: the campaign toolbar, the File/View/Help menus, who is
logged in and where the data is in the status bar; settings, the language switch and About.

A mixin of :class:`~kaccount_desk.ui.main_window.MainWindow`, kept apart so the window's module
holds navigation and the campaign in use. Its ``tr`` context is this class's name; PySide6 finds it
along the window's class hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kaccount_desk.domain.roles import ROLE_LABELS, Permission
from kaccount_desk.services.context import Context
from kaccount_desk.ui import shortcuts
from kaccount_desk.ui.campaign_box import CampaignBox
from kaccount_desk.ui.i18n import LANGUAGES
from kaccount_desk.ui.idle_lock import IdleLock
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.settings import IDLE_LOCK_MINUTES, LANGUAGE, Settings
from kaccount_desk.ui.shortcuts import ShortcutsDialog

if TYPE_CHECKING:
    from kaccount_desk.ui.settings_dialog import SettingsDialog


class WindowMenus(QtWidgets.QMainWindow):
    """The bars of :class:`MainWindow` and the dialogs its menus open."""

    ctx: Context
    settings: Settings
    idle_lock: IdleLock
    language_changed: Signal

    # Provided by the window (its campaign, roster and unsaved-typing jobs).
    _campaign_switched: Callable[[], None]
    import_roster: Callable[[], None]
    export_roster: Callable[[], None]
    log_out: Callable[[], None]
    confirm_unsaved: Callable[..., bool]

    def _build_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Campaign"))
        bar.setObjectName("campaign_toolbar")
        bar.setMovable(False)
        bar.addWidget(QtWidgets.QLabel(self.tr("Campaign:") + " "))
        self.campaign_combo = CampaignBox()
        self.campaign_combo.currentIndexChanged.connect(self._campaign_switched)
        bar.addWidget(self.campaign_combo)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = file_menu.addAction(self.tr("&Import roster…"), self.import_roster)
        self.export_action = file_menu.addAction(self.tr("&Export roster…"), self.export_roster)
        self.export_action.setVisible(self.ctx.actor.may(Permission.EXPORT_ROSTER))
        self._build_handover_actions(file_menu)
        file_menu.addSeparator()
        self.settings_action = file_menu.addAction(self.tr("&Settings…"), self.open_settings)
        self.settings_action.setShortcut(shortcuts.keys("settings"))
        file_menu.addSeparator()
        lock_action = file_menu.addAction(self.tr("&Lock"), self.idle_lock.lock)
        lock_action.setShortcut(shortcuts.keys("lock"))
        file_menu.addAction(self.tr("Log out / switch &user…"), self.log_out)
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QtGui.QKeySequence.StandardKey.Quit)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
        group = self.language_group = QtGui.QActionGroup(self)
        for code, label in LANGUAGES.items():
            action = language_menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(code == current_lang())
            action.setData(code)
            group.addAction(action)
        group.triggered.connect(self._language_chosen)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("&Keyboard shortcuts"), lambda: ShortcutsDialog(self).open())
        help_menu.addAction(self.tr("&About"), self.about)

    def _build_handover_actions(self, file_menu: QtWidgets.QMenu) -> None:
        """The office imports a seat's package; a seat (known once the store answers) hands its own over."""
        from kaccount_desk.services.seat_info import seat_info

        self.handover_import_action = file_menu.addAction(self.tr("Import a department's &package…"), self.import_handover)
        self.handover_import_action.setVisible(self.ctx.actor.may(Permission.SUBMIT))
        self.make_pack_action = file_menu.addAction(self.tr("Campaign pack for a department's &seat…"), self.make_pack)
        self.make_pack_action.setVisible(self.ctx.actor.may(Permission.MANAGE_CAMPAIGNS))
        self.hand_over_action = file_menu.addAction(self.tr("&Hand over to the office…"), self.hand_over)
        self.hand_over_action.setVisible(False)
        self.sent_packages_action = file_menu.addAction(self.tr("Packages sent to the &office…"), self.sent_packages)
        self.sent_packages_action.setVisible(False)
        if self.ctx.actor.may(Permission.COLLECT):
            run_query(self, lambda: seat_info(self.ctx), self._seat_known)

    def _seat_known(self, seat: object) -> None:
        self.hand_over_action.setVisible(seat is not None)
        self.sent_packages_action.setVisible(seat is not None)

    @Slot()
    def import_handover(self) -> QtWidgets.QDialog:
        from kaccount_desk.ui.handover.import_dialog import HandoverImportDialog

        dialog = HandoverImportDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def make_pack(self) -> QtWidgets.QDialog | None:
        from kaccount_desk.ui.handover.pack_dialog import MakePackDialog

        code = getattr(self, "campaign_code", None)
        if not code:
            return None
        dialog = MakePackDialog(self.ctx, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def hand_over(self) -> None:
        from kaccount_desk.ui.handover.seat_send import hand_over

        hand_over(self, self.ctx)

    @Slot()
    def sent_packages(self) -> QtWidgets.QDialog:
        from kaccount_desk.ui.handover.sent_dialog import SentPackagesDialog

        dialog = SentPackagesDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _build_status_bar(self) -> None:
        actor = self.ctx.actor
        role = ROLE_LABELS.text(actor.role, current_lang())
        who = self.tr("%1 (%2, %3)").replace("%1", actor.name).replace("%2", actor.staff_no).replace("%3", role)
        self.staff_label = QtWidgets.QLabel(self.tr("Logged in: %1").replace("%1", who))
        where = self.ctx.store.shown_url.removeprefix("sqlite:///")  # a file's path; a server's URL with *** for its password
        self.store_label = QtWidgets.QLabel(self.tr("Database: %1").replace("%1", where))
        self.statusBar().addWidget(self.staff_label)
        self.statusBar().addPermanentWidget(self.store_label)

    @Slot()
    def open_settings(self) -> SettingsDialog:
        from kaccount_desk.ui.settings_dialog import SettingsDialog  # with Qt Print Support, at the first look

        dialog = SettingsDialog(self.settings, self, may_change_store=self.ctx.actor.may(Permission.MANAGE_STAFF))
        dialog.accepted.connect(self._settings_saved)
        dialog.open()
        return dialog

    @Slot()
    def _settings_saved(self) -> None:
        """What the dialog does not say "from the next start" about applies now: the idle lock, the language."""
        self.idle_lock.set_minutes(self.settings.get(IDLE_LOCK_MINUTES))
        code = self.settings.get(LANGUAGE)
        if code != current_lang():
            self.settings.set(LANGUAGE, current_lang())  # until the switch happens (typing may stop it)
            self._switch_language(code)

    @Slot(QtGui.QAction)
    def _language_chosen(self, action: QtGui.QAction) -> None:
        """Switch now: the window is built again in the new language once nothing typed can be lost."""
        self._switch_language(str(action.data()))

    def _switch_language(self, code: str) -> None:
        if code == current_lang():
            return
        if not self.confirm_unsaved(carried=("TicketDetail",)):  # unsent ticket text goes on into the rebuilt window
            for other in self.language_group.actions():
                other.setChecked(other.data() == current_lang())
            return
        self.settings.set(LANGUAGE, code)
        self.language_changed.emit(code)

    @Slot()
    def about(self) -> None:
        QtWidgets.QMessageBox.about(
            self, self.tr("About KAccount Desk"),
            self.tr("KAccount Desk: enrollment intake for a mobile operator's key-account calling group."),
        )

