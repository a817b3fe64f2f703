"""One ID-card copy at full size, to read the number and check that the scan is sharp and upright.

The thumbnail in the form is too small to read a card; a clerk who doubts a scan opens it here,
fitted to the screen or at its real size, and turns it when it was photographed sideways. Turning
is done by the service (so the stored and printed copy turn too); this dialog only paints.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets

# Asks the owner to turn the stored copy (clockwise?); the owner calls back once the service did it.
Turner = Callable[[bool, Callable[[], object]], None]


class CopyViewer(QtWidgets.QDialog):
    """A modal viewer over one image; ``turn`` is None when the copy may not be changed any more."""

    def __init__(self, parent: QtWidgets.QWidget, title: str, data: bytes, turn: Turner | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._turn = turn
        self._pixmap = QtGui.QPixmap()
        self._pixmap.loadFromData(data)
        self.fit = True
        self.picture = QtWidgets.QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QtWidgets.QScrollArea()
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area.setWidget(self.picture)
        self.area.setWidgetResizable(True)
        self.size_button = QtWidgets.QPushButton(self.tr("Actual size"))
        self.size_button.setToolTip(self.tr("Switch between fitting the window and the image's real size (Ctrl+0)"))
        self.size_button.setShortcut(QtGui.QKeySequence("Ctrl+0"))
        self.size_button.clicked.connect(self.toggle_size)
        self.left_button = QtWidgets.QPushButton(self.tr("Turn left"))
        self.left_button.setShortcut(QtGui.QKeySequence("Ctrl+L"))
        self.left_button.setToolTip(self.tr("Turn the copy a quarter to the left (Ctrl+L); the stored and printed copy turn too"))
        self.right_button = QtWidgets.QPushButton(self.tr("Turn right"))
        self.right_button.setShortcut(QtGui.QKeySequence("Ctrl+R"))
        self.right_button.setToolTip(self.tr("Turn the copy a quarter to the right (Ctrl+R); the stored and printed copy turn too"))
        self.left_button.clicked.connect(lambda: self.turn(clockwise=False))
        self.right_button.clicked.connect(lambda: self.turn(clockwise=True))
        for button in (self.left_button, self.right_button):
            button.setVisible(turn is not None)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QtWidgets.QHBoxLayout()
        for button in (self.size_button, self.left_button, self.right_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.area, 1)
        layout.addLayout(buttons)
        screen = (parent.screen() if parent else None) or QtGui.QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(int(area.width() * 0.8), int(area.height() * 0.85))
        self._paint()

    def toggle_size(self) -> None:
        self.fit = not self.fit
        self.size_button.setText(self.tr("Actual size") if self.fit else self.tr("Fit to window"))
        self._paint()

    def turn(self, clockwise: bool) -> None:
        """Turn the stored copy through the owner, then, once it is turned, the picture here without reading it again."""
        if self._turn is not None:
            self._turn(clockwise, lambda: self._turned(clockwise))

    def _turned(self, clockwise: bool) -> None:
        self._pixmap = self._pixmap.transformed(QtGui.QTransform().rotate(90 if clockwise else -90))
        self._paint()

    @property
    def shown_size(self) -> tuple[int, int]:
        pixmap = self.picture.pixmap()
        return (pixmap.width(), pixmap.height())

    @property
    def image_size(self) -> tuple[int, int]:
        return (self._pixmap.width(), self._pixmap.height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fit:
            self._paint()

    def _paint(self) -> None:
        if not self.fit:
            self.picture.setPixmap(self._pixmap)
            return
        room = self.area.viewport().size()
        if room.width() < 10 or room.height() < 10:
            return
        self.picture.setPixmap(
            self._pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        )
