"""The note line under each field of the intake form, coloured by what it says.

Its lines are kept free while it says nothing, and it never takes more than them: a note appearing
or growing as the clerk types (the ID's "还差 N 位", a wrong check digit, the number's carrier) would
otherwise push every field below it down, under the pointer. A note longer than its lines is
shortened with "…", and the whole of it is the tooltip.
"""

from __future__ import annotations

from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets

ELLIPSIS = "…"


class FieldNote(QtWidgets.QLabel):
    """The line(s) under a field. ``state`` says what it shows: "", calm, reason, warning or ok."""

    def __init__(self, lines: int = 1) -> None:
        super().__init__()
        self.setWordWrap(True)
        self.state = ""
        self._lines = lines
        self._full = ""
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QtWidgets.QSizePolicy.Policy.Ignored)  # the field's width, not the note's, sets the column
        self.setSizePolicy(policy)
        self.setText("\n".join(["国Ag"] * lines))  # Chinese comes from a fallback font, taller than the UI font's line
        self.setFixedHeight(self.sizeHint().height())
        self.setText("")
        self.hide()

    def put(self, state: str, text: str) -> None:
        """Restyle only when the state changes: a style sheet re-polish costs more than the check."""
        state = state if text else ""
        if state != self.state:
            self.state = state
            self.setStyleSheet(text_style(state))
        full = ("✓ " if state == "ok" else "") + text
        if full != self._full:
            self._full = full
            self._fit()
        self.setVisible(bool(text))

    def full_text(self) -> str:
        """The whole note, as the tooltip has it (the label may show it shortened)."""
        return self._full

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fits(self, text: str, width: int) -> bool:
        metrics = self.fontMetrics()
        flags = int(QtCore.Qt.TextFlag.TextWordWrap.value)
        area = QtCore.QRect(0, 0, width, 10_000)
        # Measured against the same number of lines of Chinese, whose fallback font is taller than the UI font.
        room = metrics.boundingRect(area, flags, "\n".join(["国Ag"] * self._lines)).height()
        return metrics.boundingRect(area, flags, text).height() <= room

    def _fit(self) -> None:
        """Show as much of the note as its lines hold."""
        text, width = self._full, self.contentsRect().width()
        if width <= 0 or self._fits(text, width):
            shown = text
        else:
            low, high = 0, len(text)  # the longest prefix that fits with the ellipsis
            while low < high:
                middle = (low + high + 1) // 2
                low, high = (middle, high) if self._fits(text[:middle] + ELLIPSIS, width) else (low, middle - 1)
            shown = text[:low].rstrip() + ELLIPSIS
        if shown != self.text():
            self.setText(shown)
            self.setToolTip("" if shown == text else text)
