"""Fitting pages to a counter PC's screen (1366×768 less the taskbar, or 1280×720).

A part of a page whose height grows with the content (the intake form with its banners, a ticket's
actions and history) scrolls inside its own area instead of pushing the window taller than the screen;
combo boxes take their width from the layout, not from their longest item.
"""

from __future__ import annotations

from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

# Wide enough for a department or plan name to be recognised; the drop-down list shows names in full.
COMBO_CHARACTERS = 10


def scrolling(widget: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
    """``widget`` in a frameless area that scrolls when the window is shorter than its minimum."""
    area = QtWidgets.QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    return area


class FormArea(QtWidgets.QScrollArea):
    """A form's scroll area whose vertical bar is always there; it says when the form's minimum width may have changed.

    A bar that came with a banner or a field's note would narrow the form and shift every field
    sideways under the pointer (seen at 1366×768: the workflow buttons moved by the bar's width).
    """

    form_resized = Signal()

    def __init__(self, widget: QtWidgets.QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWidget(widget)

    def needed_width(self) -> int:
        """The form's minimum width with the bar beside it: less than this scrolls sideways."""
        inner = self.widget()
        form = inner.minimumSizeHint().width() if inner is not None else 0
        return form + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.LayoutRequest:
            self.form_resized.emit()  # the form's minimum may have grown (a timer filled the estimate, another campaign)
        return super().event(event)


def narrow_combo(combo: QtWidgets.QComboBox, characters: int = COMBO_CHARACTERS) -> None:
    """A combo box whose minimum width does not follow its longest item (the popup still shows it whole)."""
    combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)


def fit_to_screen(window: QtWidgets.QWidget) -> None:
    """Shrink (never grow) ``window`` to its screen's available area, and keep it on that screen."""
    screen = window.screen() or QtGui.QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    size = window.size().boundedTo(area.size()).expandedTo(window.minimumSizeHint().boundedTo(area.size()))
    window.resize(size)
    frame = window.frameGeometry()
    top_left = QtCore.QPoint(
        min(max(frame.left(), area.left()), area.right() - frame.width() + 1),
        min(max(frame.top(), area.top()), area.bottom() - frame.height() + 1),
    )
    window.move(top_left)
