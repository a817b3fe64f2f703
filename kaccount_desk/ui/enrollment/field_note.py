"""The look shared by the intake form's notes and panels, and the note line under each field.

One palette, so a warning is the same amber under a field, in the confirmations and in the
banners, and a clerk learns one meaning per colour.
"""

from __future__ import annotations

from kaccount_desk.ui.qt import QtWidgets

COLORS = {"reason": "#b3261e", "warning": "#9a6700", "ok": "#1b7a36", "calm": "#6b6b6b", "": "#000000"}


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
            self.setStyleSheet(f"color: {COLORS[state]};")
        full = ("✓ " if state == "ok" else "") + text
        if full != self.text():
            self.setText(full)
        self.setVisible(bool(text))
