"""Every keyboard shortcut of the app in one table: bound to its button or action, shown in its
tooltip, and listed in Help → Keyboard shortcuts, so the three can never disagree.

A hotline clerk works with a headset and both hands on the keyboard; every ticket action has a key.
Alt+letter keys avoid the menu bar's own (F, V, H).
"""

from __future__ import annotations

from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore, QtGui, QtWidgets

CONTEXT = "shortcuts"

# name: (keys, what it does)
SHORTCUTS: dict[str, tuple[str, str]] = {
    "page_1": ("Ctrl+1", str(QT_TRANSLATE_NOOP("shortcuts", "First page (Enrollment)"))),
    "page_2": ("Ctrl+2", str(QT_TRANSLATE_NOOP("shortcuts", "Second page (Tickets)"))),
    "page_3": ("Ctrl+3", str(QT_TRANSLATE_NOOP("shortcuts", "Third page (Print)"))),
    "page_4": ("Ctrl+4", str(QT_TRANSLATE_NOOP("shortcuts", "Fourth page (Admin)"))),
    "search": ("Ctrl+F", str(QT_TRANSLATE_NOOP("shortcuts", "Search on this page"))),
    "refresh": ("F5", str(QT_TRANSLATE_NOOP("shortcuts", "Reload campaigns, staff and lists"))),
    "print": ("Ctrl+P", str(QT_TRANSLATE_NOOP("shortcuts", "Print (on the Print page; elsewhere, go there)"))),
    "settings": ("Ctrl+,", str(QT_TRANSLATE_NOOP("shortcuts", "Settings"))),
    "lock": ("Ctrl+Shift+L", str(QT_TRANSLATE_NOOP("shortcuts", "Lock the window (the password, or another clerk's login, opens it)"))),
    "new_ticket": ("Ctrl+T", str(QT_TRANSLATE_NOOP("shortcuts", "New ticket"))),
    "save_ticket": ("Ctrl+Return", str(QT_TRANSLATE_NOOP("shortcuts", "Save the new ticket (in its form)"))),
    "start": ("Alt+T", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: start handling"))),
    "reply": ("Alt+R", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: reply to the customer"))),
    "note": ("Alt+N", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: add a note"))),
    "refer": ("Alt+D", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: refer to a department"))),
    "answer": ("Alt+A", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: record the department's answer"))),
    "satisfied": ("Alt+S", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: callback, satisfied"))),
    "unsatisfied": ("Alt+U", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: callback, not satisfied"))),
    "unreachable": ("Alt+K", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: callback, not reachable"))),
    "handset": ("Alt+J", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: the handset caused the fault"))),
    "notice": ("Alt+O", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: customer told it is overdue"))),
    "close": ("Alt+C", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: close"))),
    "wait": ("Alt+W", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: wait on the customer (the clock stops)"))),
    "resume": ("Alt+G", str(QT_TRANSLATE_NOOP("shortcuts", "Ticket: resume after waiting (the clock runs again)"))),
    "save_application": ("Enter", str(QT_TRANSLATE_NOOP("shortcuts", "Application form: save"))),
    "next_application": ("Ctrl+N", str(QT_TRANSLATE_NOOP("shortcuts", "Application form: save and start the next"))),
    "pool": ("F4", str(QT_TRANSLATE_NOOP("shortcuts", "Application form: choose a reserved number"))),
}


def keys(name: str) -> QtGui.QKeySequence:
    return QtGui.QKeySequence(SHORTCUTS[name][0])


def shown(name: str) -> str:
    """The keys as this platform writes them (Ctrl+P; ⌘P on a Mac)."""
    return keys(name).toString(QtGui.QKeySequence.SequenceFormat.NativeText)


def bind(button: QtWidgets.QAbstractButton, name: str) -> None:
    """The key works while the button is visible and enabled, and its tooltip says which key it is."""
    button.setShortcut(keys(name))
    tip = button.toolTip()
    button.setToolTip(f"{tip} ({shown(name)})" if tip else shown(name))


class ShortcutsDialog(QtWidgets.QDialog):
    """Help → Keyboard shortcuts: the same table the buttons are bound from."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QtCore.QCoreApplication.translate("shortcuts", "Keyboard shortcuts"))
        table = QtWidgets.QTableWidget(len(SHORTCUTS), 2)
        table.setHorizontalHeaderLabels([QtCore.QCoreApplication.translate("shortcuts", "Keys"),
                                         QtCore.QCoreApplication.translate("shortcuts", "What it does")])
        for row, name in enumerate(SHORTCUTS):
            table.setItem(row, 0, QtWidgets.QTableWidgetItem(shown(name)))  # "回车" in Chinese, as Ctrl+回车 is
            table.setItem(row, 1, QtWidgets.QTableWidgetItem(QtCore.QCoreApplication.translate(CONTEXT, SHORTCUTS[name][1])))
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnToContents(0)
        self.table = table
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(520, 560)
