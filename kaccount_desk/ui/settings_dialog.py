"""Settings… (设置): what the first-run wizard chose, changed later, and the counter's preferences.

What applies at once says nothing (language, printer, paper, idle lock: the window applies them
when the dialog is saved); what cannot says when beside its field: the store from the next start
(the open window keeps the store it was opened on), the backups from the next start's daily
backup. Each field edits one declared setting.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.services import store_setup
from kaccount_desk.services.store_setup import StoreCheck
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import busy, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtPrintSupport, QtWidgets, Slot
from kaccount_desk.ui.settings import (
    BACKUP_FOLDER,
    BACKUP_KEEP,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    PAPER,
    PAPER_SIZES,
    PRINTER,
    STORE,
    Settings,
)

LANGUAGES = (("zh", "中文"), ("en", "English"))


def _when(text: str) -> QtWidgets.QLabel:
    """Beside a setting that cannot apply at once: when it will."""
    note = QtWidgets.QLabel(text)
    note.setWordWrap(True)
    note.setStyleSheet(text_style("calm"))
    return note


class SettingsDialog(QtWidgets.QDialog):
    def __init__(self, settings: Settings, parent: QtWidgets.QWidget | None = None, may_change_store: bool = True) -> None:
        """Only an administrator moves the whole office to another database."""
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.store = QtWidgets.QLineEdit(settings.get(STORE))
        self.store.setPlaceholderText(self.tr("(this computer's own database)"))
        self.test = QtWidgets.QPushButton(self.tr("&Test"))
        self.test.clicked.connect(self.test_store)
        self.store_result = QtWidgets.QLabel()
        self.store_result.setWordWrap(True)
        self.language = QtWidgets.QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(LANGUAGE))))
        self.printer = QtWidgets.QComboBox()
        self.printer.addItem(self.tr("(the system's default printer)"), "")
        for name in QtPrintSupport.QPrinterInfo.availablePrinterNames():
            self.printer.addItem(name, name)
        kept = settings.get(PRINTER)
        if kept and self.printer.findData(kept) < 0:
            self.printer.addItem(self.tr("%1 (not found now)").replace("%1", kept), kept)
        self.printer.setCurrentIndex(max(0, self.printer.findData(kept)))
        self.paper = QtWidgets.QComboBox()
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.get(PAPER))))
        self.idle_lock = QtWidgets.QSpinBox()
        self.idle_lock.setRange(0, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setSpecialValueText(self.tr("never"))
        self.idle_lock.setValue(settings.get(IDLE_LOCK_MINUTES))
        self.backup_folder = QtWidgets.QLineEdit(settings.get(BACKUP_FOLDER))
        self.backup_folder.setPlaceholderText(self.tr("(beside the database)"))
        self.backup_keep = QtWidgets.QSpinBox()
        self.backup_keep.setRange(1, 365)
        self.backup_keep.setValue(settings.get(BACKUP_KEEP))
        for widget in (self.store, self.test, self.backup_folder, self.backup_keep):
            widget.setEnabled(may_change_store)
        store_row = QtWidgets.QHBoxLayout()
        store_row.addWidget(self.store, 1)
        store_row.addWidget(self.test)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Database"), store_row)
        form.addRow("", _when(self.tr("A new database is used from the next start.")))
        form.addRow("", self.store_result)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Default printer"), self.printer)
        form.addRow(self.tr("Paper size"), self.paper)
        form.addRow(self.tr("Lock after idle"), self.idle_lock)
        form.addRow(self.tr("Backup folder"), self.backup_folder)
        form.addRow(self.tr("Backups kept"), self.backup_keep)
        form.addRow("", _when(self.tr("Backups follow these from the next start's daily backup.")))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Save
                                             | QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.store_result.hide()

    @Slot()
    def test_store(self) -> None:
        self._check_store(None)

    def _check_store(self, then: Callable[[], None] | None) -> None:
        """Open the typed store off the GUI thread (a server may take seconds to answer), then ``then()`` if it works."""
        url = self.store.text().strip()
        if not url:
            if then is not None:
                then()
            return
        if busy(self):
            return  # Test or Save pressed again while the store is being tried
        full = url if "://" in url else f"sqlite:///{url}"
        self.store_result.setStyleSheet(text_style("calm"))
        self.store_result.setText(self.tr("Trying the database…"))
        self.store_result.show()
        run_query(self, lambda: store_setup.check_store(full), lambda check: self._store_checked(url, check, then))

    def _store_checked(self, url: str, check: StoreCheck, then: Callable[[], None] | None) -> None:
        if self.store.text().strip() != url:
            self.store_result.hide()  # another store was typed meanwhile: this answer is not about it
            return
        self.store_result.setStyleSheet(text_style("ok" if check.ok else "reason"))
        self.store_result.setText(check.reason.text(current_lang()))
        if check.ok and then is not None:
            then()

    def accept(self) -> None:
        """A store that cannot be used is not saved: the next start would otherwise fail."""
        self._check_store(self._save)

    def _save(self) -> None:
        self.settings.set(STORE, self.store.text().strip())
        self.settings.set(LANGUAGE, str(self.language.currentData()))
        self.settings.set(PRINTER, str(self.printer.currentData()))
        self.settings.set(PAPER, str(self.paper.currentData()))
        self.settings.set(IDLE_LOCK_MINUTES, self.idle_lock.value())
        self.settings.set(BACKUP_FOLDER, self.backup_folder.text().strip())
        self.settings.set(BACKUP_KEEP, self.backup_keep.value())
        super().accept()
