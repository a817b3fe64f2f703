"""The note line under each field of the intake form, coloured by what it says.

Its line is kept free while it says nothing: a note appearing as the clerk types (the ID's
"还差 N 位", the number's carrier) would otherwise push every field below it down, under the pointer.
"""

from __future__ import annotations

from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtWidgets


class FieldNote(QtWidgets.QLabel):
    """The line under a field. ``state`` says what it shows: "", calm, reason, warning or ok."""

    def __init__(self) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.state = ""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setText("国Ag")  # Chinese comes from a fallback font, taller than the UI font's line
        self.setMinimumHeight(self.sizeHint().height())
        self.setText("")
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
