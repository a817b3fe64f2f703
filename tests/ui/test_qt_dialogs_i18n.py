"""Qt's own dialogs speak the interface language: the file dialog, the print dialog, message-box buttons,
the text boxes' context menus and the calendar popup, in Chinese and, after a switch, in English.

Each dialog is opened the way the app opens it (the static helpers the widgets call), read while it is
up, and closed. Seen in a real window before: "Look in:", "Files of type:", "Folder" and "December /
Mon Tue" in the Chinese interface.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6 import QtPrintSupport

from kaccount_desk.ui import unsaved
from kaccount_desk.ui.file_names import ask_save_path
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.settings import LAST_FOLDER, Settings
from kaccount_desk.ui.shortcuts import ShortcutsDialog
from kaccount_desk.ui.tickets.open_ticket_form import OpenTicketForm

LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# What may stay Latin in a Chinese dialog: the file filter we pass, key names, paper sizes Qt names in both.
ALLOWED = re.compile(r"\(\*\.pdf\)|PDF|Ctrl|JIS|ANSI|Letter|Legal|Executive|Envelope|Ledger|Tabloid|Folio|Architect|Note|Quarto|"
                     r"Statement|Super|Postcard|Fan-fold|Monarch|Personal|Invite|Italian|Double")


def words(widget: QtWidgets.QWidget) -> list[str]:
    """Every text a person reads in ``widget``: labels, buttons and their tips, lists, headers, the type column."""
    found = [widget.windowTitle()]
    for child in widget.findChildren(QtWidgets.QWidget):
        if isinstance(child, QtWidgets.QLabel):
            found.append(child.text())
        if isinstance(child, QtWidgets.QAbstractButton):
            found += [child.text(), child.toolTip()]
        if isinstance(child, QtWidgets.QGroupBox):
            found.append(child.title())
        if isinstance(child, QtWidgets.QAbstractItemView) and child.model() is not None:
            model, root = child.model(), child.rootIndex()
            found += [str(model.headerData(c, QtCore.Qt.Orientation.Horizontal) or "") for c in range(model.columnCount(root))]
            found += [str(model.index(r, 2, root).data() or "") for r in range(min(model.rowCount(root), 5))]
    return [text for text in found if text]


def english_in(texts: list[str]) -> list[str]:
    return [text for text in texts if LATIN_WORD.search(ALLOWED.sub("", text))]


def read_modal(qtbot, open_it: Callable[[], object], read: Callable[[QtWidgets.QWidget], object]) -> list[object]:
    """Open a blocking dialog with ``open_it``, read it with ``read`` once it is up, then cancel it."""
    seen: list[object] = []

    def grab() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None:
            QtCore.QTimer.singleShot(20, grab)
            return
        for _ in range(10):  # the file dialog fills its list from a thread
            QtWidgets.QApplication.processEvents()
            QtCore.QThread.msleep(20)
        seen.append(read(dialog))
        dialog.close() if isinstance(dialog, QtWidgets.QMessageBox) else dialog.reject()  # type: ignore[attr-defined]

    QtCore.QTimer.singleShot(0, grab)
    open_it()
    return seen


class Editor:
    """An editor holding typing, as unsaved.ask sees one."""

    def can_save_input(self) -> bool:
        return True

    def unsaved_text(self) -> str:
        return "x"


def buttons_of(dialog: QtWidgets.QWidget) -> list[str]:
    return sorted(b.text() for b in dialog.findChildren(QtWidgets.QAbstractButton) if b.text())


@pytest.mark.parametrize(("lang", "look_in", "save", "discard", "december"),
                         [("zh", "查找范围", "保存", "丢弃", "十二月"), ("en", "Look in", "Save", "Discard", "December")])
def test_qt_dialogs_in_the_chosen_language_also_after_a_switch(qtbot, qapp, tmp_path: Path, lang: str, look_in: str, save: str,
                                                              discard: str, december: str) -> None:
    install_translations(qapp, "en" if lang == "zh" else "zh")  # start in the other language: the switch must carry
    install_translations(qapp, lang)
    (tmp_path / "folder").mkdir()
    parent = QtWidgets.QWidget()
    qtbot.addWidget(parent)
    settings = Settings()  # KACCOUNT_HOME is a temporary folder in every test
    settings.set(LAST_FOLDER, str(tmp_path))
    file_texts = read_modal(qtbot, lambda: ask_save_path(parent, "t", "a.pdf", "PDF (*.pdf)", settings), words)
    box_buttons = read_modal(qtbot, lambda: unsaved.ask(parent, Editor()), buttons_of)  # type: ignore[arg-type]
    assert file_texts and box_buttons
    texts = file_texts[0]
    assert isinstance(texts, list)
    assert any(look_in in t for t in texts)
    assert box_buttons[0] == sorted([save, discard, QtCore.QCoreApplication.translate("QPlatformTheme", "Cancel")])
    edit = QtWidgets.QDateTimeEdit()
    edit.setCalendarPopup(True)
    qtbot.addWidget(edit)
    assert edit.calendarWidget().locale().monthName(12) == december
    if lang == "zh":
        assert english_in(texts) == [], texts
        assert "文件夹" in texts  # the type column of the folder we made


def test_the_print_dialog_and_the_context_menus_are_chinese(qtbot, qapp) -> None:
    install_translations(qapp, "zh")
    printer = QtPrintSupport.QPrinter()
    dialog = QtPrintSupport.QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert english_in(words(dialog)) == []
    for edit in (QtWidgets.QLineEdit(), QtWidgets.QPlainTextEdit()):
        menu = edit.createStandardContextMenu()
        shown = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
        assert shown[:2] == ["撤消(&U)", "重做(&R)"] and "剪切(&T)" in shown and "粘贴(&P)" in shown, shown
    box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
                                     | QtWidgets.QDialogButtonBox.StandardButton.Close)
    assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消", "关闭"])


def test_the_shortcuts_list_names_every_key_in_chinese(qtbot, qapp) -> None:
    """Seen in Help → 快捷键: "Ctrl+回车" beside a bare "Enter" for the application form's save."""
    install_translations(qapp, "zh")
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    keys = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert "回车" in keys and not [k for k in keys if "Enter" in k or "Return" in k], keys


def test_the_new_ticket_form_has_no_chinese_in_english(qtbot, qapp, admin) -> None:
    """Seen in the English form: "…until the customer confirms (首问负责)." (the data it holds may be Chinese, its words not)."""
    install_translations(qapp, "en")
    form = OpenTicketForm(admin)
    qtbot.addWidget(form)
    texts = [w.text() for w in form.findChildren(QtWidgets.QLabel)] + [w.text() for w in form.findChildren(QtWidgets.QAbstractButton)]
    texts += [w.placeholderText() for w in form.findChildren(QtWidgets.QLineEdit)] + [form.content.placeholderText()]
    assert [t for t in texts if re.search(r"[\u4e00-\u9fff]", t)] == []
