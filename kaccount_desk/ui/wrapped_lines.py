"""A list delegate whose rows are tall enough for every wrapped line, CJK and Latin mixed.

Qt sizes a wrapped row by adding each line's own height (a line with 李娜 is taller than one of
Latin text only), then paints with every line as tall as the tallest, so a two-line history entry
was cut to one line ending in "…" at 1366x768. Sizing each row as lines × tallest line paints whole.
"""

from __future__ import annotations

import math

from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets

TEXT_MARGIN = 4  # the style's text margins around the row (PM_FocusFrameHMargin + 1, each side)


def wrapped_height(text: str, font: QtGui.QFont, width: int) -> int:
    """Lines × the tallest line of ``text`` wrapped at ``width`` pixels, as the painter will lay it out."""
    layout = QtGui.QTextLayout(text, font)
    option = QtGui.QTextOption()
    option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines, tallest = 0, 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        lines, tallest = lines + 1, max(tallest, line.height())
    layout.endLayout()
    return math.ceil(lines * tallest)


class WrappedLinesDelegate(QtWidgets.QStyledItemDelegate):
    """For a QListView in list mode with word wrap, which paints each row the viewport's width.

    The width is the viewport's, not the option's: Qt hands ``sizeHint`` a narrower rect than the
    row it then paints, which wrapped short lines in two and left gaps. The view re-lays its rows
    out on a resize (``ResizeMode.Adjust``, set here), so heights follow the width.
    """

    def __init__(self, view: QtWidgets.QListView) -> None:
        super().__init__(view)
        self.view = view
        view.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: QtCore.QModelIndex | QtCore.QPersistentModelIndex) -> QtCore.QSize:
        size = super().sizeHint(option, index)
        width = self.view.viewport().width() - 2 * self.view.spacing() - 2 * TEXT_MARGIN
        lines = wrapped_height(str(index.data() or ""), option.font, max(width, 1))
        return QtCore.QSize(size.width(), lines + TEXT_MARGIN)
