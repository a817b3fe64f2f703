"""Answering Qt's own dialogs as a person would: the real dialog the app opens, read and then answered.

A modal dialog runs its own event loop, so a test cannot click it after the call that opened it
returns; these helpers answer from a timer that fires inside that loop. Nothing is replaced: the app
builds and shows the same QFileDialog and QMessageBox a clerk sees.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtWidgets

Button = QtWidgets.QMessageBox.StandardButton
KINDS = {
    QtWidgets.QMessageBox.Icon.Warning: "warning", QtWidgets.QMessageBox.Icon.Information: "information",
    QtWidgets.QMessageBox.Icon.Critical: "critical", QtWidgets.QMessageBox.Icon.Question: "question",
}


# Each test's answers wait for a dialog by polling; a test that ended without its dialog must not
# leave them polling into the next test, where they answered its dialog with the old test's file
# (seen in full runs: the package written into the previous test's folder, the test's own answer
# never called). tests/ui/conftest.py ends them after every test.
_round = [0]


def stop_answering() -> None:
    """End every answer still waiting for its dialog (called after each test)."""
    _round[0] += 1


def answer_file_dialog(answer: Path | None, seen: list[tuple[str, str]]) -> None:
    """When the next file dialog is up, note (its folder, its file name box) in ``seen``, then choose ``answer`` (None cancels)."""
    mine = _round[0]

    def respond() -> None:
        if _round[0] != mine:
            return
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, QtWidgets.QFileDialog):
            QtCore.QTimer.singleShot(20, respond)
            return
        name = dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit")
        seen.append((dialog.directory().absolutePath(), name.text() if name is not None else ""))
        if answer is None:
            dialog.reject()
            return
        dialog.selectFile(str(answer))
        dialog.accept()

    QtCore.QTimer.singleShot(0, respond)


class MessageBoxes:
    """Every real QMessageBox that comes up while this watches: recorded, then answered.

    ``asked`` holds (kind, text, buttons offered) in order. Each box is answered with the next
    button queued by :meth:`answer`, else with ``default`` (a button, or a function of what was
    asked so far), else with its own escape button: a box nobody answers would block the test.
    """

    def __init__(self, default: Button | Callable[[list[tuple[str, str, Button]]], Button] | None = None) -> None:
        self.asked: list[tuple[str, str, Button]] = []
        self.shown: list[tuple[str, str]] = []  # (kind, text), for tests that only read what was said
        self.texts: list[str] = []
        self._since: list[tuple[str, Button]] = []
        self.default = default
        self._queue: list[Button] = []
        self._timer = QtCore.QTimer()
        self._timer.timeout.connect(self._look)
        self._timer.start(15)

    def answer(self, *buttons: Button) -> MessageBoxes:
        self._queue.extend(buttons)
        return self

    def afresh(self, *buttons: Button) -> list[tuple[str, Button]]:
        """From now on answer with ``buttons`` in turn; the (text, buttons offered) of each box from now on."""
        self._queue = list(buttons)
        self._since = []
        return self._since

    def stop(self) -> None:
        self._timer.stop()

    def _look(self) -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(box, QtWidgets.QMessageBox) or not box.isVisible() or box.property("answered"):
            return
        box.setProperty("answered", True)
        self.asked.append((KINDS.get(box.icon(), "other"), box.text(), box.standardButtons()))
        self.shown.append(self.asked[-1][:2])
        self.texts.append(box.text())
        self._since.append((box.text(), box.standardButtons()))
        wanted = self._queue.pop(0) if self._queue else self.default(self.asked) if callable(self.default) else self.default
        button = box.button(wanted) if wanted is not None else None
        (button or box.escapeButton() or box.defaultButton() or box.buttons()[0]).click()
