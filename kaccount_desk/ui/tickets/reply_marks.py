"""Marking forbidden service phrases in the reply box where the clerk typed them.

The reply is held, not changed: the marks are extra selections (a coloured background under the
phrase, not an edit), so every character stays, undo still works, and the marks move with the
text as the clerk rewrites around them. Python counts characters, Qt UTF-16 units: a reply with an
emoji before the phrase must still have the phrase marked, not a character beside it.
"""

from __future__ import annotations

from kaccount_desk.domain.service_phrases import PhraseHit
from kaccount_desk.ui.palette import COLOURS, ROW_BACKGROUNDS
from kaccount_desk.ui.qt import QtGui, QtWidgets


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def mark_phrases(box: QtWidgets.QPlainTextEdit, hits: tuple[PhraseHit, ...]) -> None:
    """Mark each hit (indexes into the box's text as sent), replacing any earlier marks."""
    text = box.toPlainText()
    marked_format = QtGui.QTextCharFormat()
    marked_format.setBackground(QtGui.QColor(ROW_BACKGROUNDS["reason"]))
    marked_format.setForeground(QtGui.QColor(COLOURS["reason"]))
    marked_format.setFontUnderline(True)
    selections = []
    for hit in hits:
        selection = QtWidgets.QTextEdit.ExtraSelection()
        cursor = box.textCursor()
        cursor.setPosition(_utf16(text, hit.start))
        cursor.setPosition(_utf16(text, hit.end), QtGui.QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = marked_format
        selections.append(selection)
    box.setExtraSelections(selections)


def marked_texts(box: QtWidgets.QPlainTextEdit) -> list[str]:
    """What is marked in ``box`` now."""
    return [s.cursor.selectedText() for s in box.extraSelections()]
