"""The window as each clerk left it: size and place, splitter positions, column widths, chosen views.

Counter PCs are shared, and two clerks set their columns differently, so the layout is kept per
staff member, and per language: columns set for Chinese headers cut the English ones ("Staff ID"
is twice as wide as "工号"), so each language keeps its own widths and splitters.

Every splitter and table header under the window is found by its place in the widget tree (class
names and positions), so a new panel takes part without registering; after a change of layout Qt
refuses a state that no longer fits, and the default stays. A combo box marked with
:func:`keep_choice` (the ticket queue: a department's staff work from 转派本部门, not 我的工单)
keeps its chosen item by its data, which is the same in both languages.
"""

from __future__ import annotations

from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.settings import Settings

KEPT = "kept_choice"


def keep_choice(combo: QtWidgets.QComboBox) -> None:
    combo.setProperty(KEPT, True)


def _kept_combos(root: QtWidgets.QWidget) -> list[tuple[str, QtWidgets.QComboBox]]:
    return [(_key(combo, root), combo) for combo in root.findChildren(QtWidgets.QComboBox) if combo.property(KEPT)]


def _key(widget: QtWidgets.QWidget, root: QtWidgets.QWidget) -> str:
    parts: list[str] = []
    current: QtCore.QObject | None = widget
    while current is not None and current is not root:
        parent = current.parent()
        siblings = [c for c in parent.children() if type(c) is type(current)] if parent is not None else [current]
        parts.append(f"{type(current).__name__}{siblings.index(current)}")
        current = parent
    return "/".join(reversed(parts))


def _states(root: QtWidgets.QWidget) -> list[tuple[str, QtWidgets.QSplitter | QtWidgets.QHeaderView]]:
    found: list[tuple[str, QtWidgets.QSplitter | QtWidgets.QHeaderView]] = []
    for splitter in root.findChildren(QtWidgets.QSplitter):
        found.append((_key(splitter, root), splitter))
    for header in root.findChildren(QtWidgets.QHeaderView):
        if header.orientation() == QtCore.Qt.Orientation.Horizontal:
            found.append((_key(header, root), header))
    return found


def save_layout(window: QtWidgets.QMainWindow, settings: Settings, staff_no: str) -> None:
    settings.set_layout(staff_no, "window", window.saveGeometry())
    for key, widget in _states(window):
        settings.set_layout(staff_no, f"{current_lang()}/{key}", widget.saveState())
    for key, combo in _kept_combos(window):
        settings.set_layout(staff_no, f"choice/{key}", QtCore.QByteArray(str(combo.currentData()).encode()))


def restore_layout(window: QtWidgets.QMainWindow, settings: Settings, staff_no: str) -> bool:
    """The clerk's layout as left; False when their window has no kept size and place (their first start)."""
    geometry = settings.layout(staff_no, "window")
    placed = geometry is not None and window.restoreGeometry(geometry)
    restore_part(window, window, settings, staff_no)
    return placed


def restore_part(window: QtWidgets.QMainWindow, part: QtWidgets.QWidget, settings: Settings, staff_no: str) -> None:
    """The splitters, columns and kept choices under ``part`` as left: a page built after the window
    (on first showing it) takes them then. Keys stay the window's, so the same ones are saved."""
    for key, widget in _states(window):
        state = settings.layout(staff_no, f"{current_lang()}/{key}")
        if state is not None and (widget is part or part.isAncestorOf(widget)):
            widget.restoreState(state)
    for key, combo in _kept_combos(window):
        chosen = settings.layout(staff_no, f"choice/{key}")
        row = combo.findData(bytes(chosen.data()).decode(errors="replace")) if chosen is not None else -1
        if row >= 0 and (combo is part or part.isAncestorOf(combo)):
            combo.setCurrentIndex(row)
