"""Warnings the clerk must confirm before an application can move on, one tick box each.

A warning (a number of another carrier, a document that looks unusual) does not refuse the
application; it asks a person to look. The panel only shows and reports ticks: the form decides
whether a tick is sent with the next save or recorded at once.
"""

from __future__ import annotations

from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtWidgets, Signal


class ConfirmList(QtWidgets.QWidget):
    """Warnings the clerk must confirm, each with its own "I have checked" box."""

    toggled = Signal(str, bool)

    def __init__(self) -> None:
        super().__init__()
        self.boxes: dict[str, QtWidgets.QCheckBox] = {}
        self._shown: tuple[tuple[str, str, bool, bool], ...] = ()
        self._layout = QtWidgets.QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def set_items(self, items: list[tuple[str, str, bool, bool]]) -> None:
        """(code, text, checked, locked) rows; rebuilt only when they change, so typing stays cheap."""
        if tuple(items) == self._shown:
            return
        self._shown = tuple(items)
        while self._layout.count():
            taken = self._layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.boxes = {}
        for code, text, checked, locked in items:
            label = QtWidgets.QLabel(text)
            label.setWordWrap(True)
            label.setStyleSheet(text_style("warning"))
            box = QtWidgets.QCheckBox(self.tr("I have checked"))
            box.setChecked(checked)
            box.setEnabled(not locked)
            box.toggled.connect(lambda on, c=code: self.toggled.emit(c, on))
            self.boxes[code] = box
            self._layout.addWidget(label)
            self._layout.addWidget(box)
        self.setVisible(bool(items))
