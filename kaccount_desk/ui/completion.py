"""Typing part of a name in an editable combo box, as a clerk does: "机加工" and Enter means 机加工事业部.

Qt's completer lists the items that contain the typed text, but Enter or Tab with no row chosen
closes the list and keeps the fragment, which is then refused as "not a department of this
campaign". When exactly one item contains the fragment there is nothing to choose, so Enter, Tab
or leaving the field takes that item. With several matches the list stays a choice.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.ui.qt import QtCore, QtWidgets


def only_match(combo: QtWidgets.QComboBox, text: str) -> str | None:
    """The one item that contains ``text`` (case aside), or None when none or several do or it is whole already."""
    typed = text.strip().casefold()
    items = [combo.itemText(i) for i in range(combo.count())]
    if not typed or any(item.casefold() == typed for item in items):
        return None
    found = [item for item in items if typed in item.casefold()]
    return found[0] if len(found) == 1 else None


def complete_unique(combo: QtWidgets.QComboBox, changed: Callable[[], None]) -> None:
    """Make Enter/Tab in the completion list, and leaving the field, take the only matching item.

    ``changed`` is called after the field was completed on leaving it (the completer's own
    activation already goes through the combo box's signals).
    """
    line = combo.lineEdit()
    completer = combo.completer()
    assert line is not None and completer is not None  # an editable combo has both

    def point_at_only_row() -> None:
        # Current without selecting: selecting would write the item into the field while the clerk still types.
        popup = completer.popup()
        selection = popup.selectionModel() if popup is not None else None
        if popup is not None and selection is not None and completer.completionCount() == 1 and popup.isVisible():
            selection.setCurrentIndex(completer.completionModel().index(0, 0),
                                                   QtCore.QItemSelectionModel.SelectionFlag.NoUpdate)

    def on_leaving() -> None:
        match = only_match(combo, line.text())
        if match is not None:
            combo.setEditText(match)
            changed()

    # The completer fills its list after textEdited is emitted: look once it has.
    line.textEdited.connect(lambda _text: QtCore.QTimer.singleShot(0, point_at_only_row))
    line.editingFinished.connect(on_leaving)
