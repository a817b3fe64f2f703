"""Typing as a clerk does: ASCII as key presses, Chinese as an input-method commit.

``QTest.keyClicks`` cannot send Chinese (Qt aborts on a non-ASCII key); a pinyin input method
delivers a word as one ``QInputMethodEvent`` commit, which the widgets and Qt's completer answer
like typing.
"""

from __future__ import annotations

from kaccount_desk.ui.qt import QtGui, QtWidgets


def commit(widget: QtWidgets.QWidget, text: str) -> None:
    widget.setFocus()
    event = QtGui.QInputMethodEvent("", [])
    event.setCommitString(text)
    QtWidgets.QApplication.sendEvent(widget, event)


def type_text(qtbot, widget: QtWidgets.QWidget, text: str) -> None:
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit(widget, text)
