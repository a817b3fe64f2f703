"""Answering Qt's own file dialog as a person would: the real dialog the app opens, read and then answered."""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtWidgets


def answer_file_dialog(answer: Path | None, seen: list[tuple[str, str]]) -> None:
    """When the next file dialog is up, note (its folder, its file name box) in ``seen``, then choose ``answer`` (None cancels)."""

    def respond() -> None:
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
