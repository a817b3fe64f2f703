"""The note line under each field of the intake form, coloured by what it says."""

from __future__ import annotations

from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtWidgets


class FieldNote(QtWidgets.QLabel):
    """The line under a field. ``state`` says what it shows: "", calm, reason, warning or ok."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.state = ""
        self.hide()

    def put(self, state: str, text: str) -> None:
        """Restyle only when the state changes: a style sheet re-polish costs more than the check."""
        state = state if text else ""
        if state != self.state:
            self.state = state
            self.setStyleSheet(text_style(state))
        full = ("✓ " if state == "ok" else "") + text
        if full != self.text():
            self.setText(full)
        self.setVisible(bool(text))
