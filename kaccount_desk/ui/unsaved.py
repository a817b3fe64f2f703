"""One check for typing that has not been saved, whichever editor holds it.

The window asks before anything that would throw typing away (closing, a language switch that
builds the window again, a campaign switch that refills the forms). Every editor that holds typing
(the intake form, the new-ticket form, the ticket panel's action box, the notice text, the campaign
editor, the staff form) answers the same few questions, so none can be forgotten by the window:
it collects them with ``findChildren`` instead of naming them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, runtime_checkable

from kaccount_desk.ui.qt import QtCore, QtWidgets


@runtime_checkable
class HoldsTyping(Protocol):
    def has_unsaved_input(self) -> bool:
        """Something typed here would be lost if the widget went away now."""

    def unsaved_text(self) -> str:
        """The question to ask about it, in the interface language, naming what would be lost."""

    def can_save_input(self) -> bool:
        """Saving is a sensible answer (a draft, a text); False where it would be an action of its own."""

    def save_input(self) -> bool:
        """Save it now; False when the save was refused (the editor then shows why and keeps the typing)."""


def editors_in(root: QtWidgets.QWidget) -> list[HoldsTyping]:
    """Every editor under ``root``, hidden ones included: a closed new-ticket form keeps its typing."""
    found: list[HoldsTyping] = [root] if isinstance(root, HoldsTyping) else []
    found.extend(w for w in root.findChildren(QtWidgets.QWidget) if isinstance(w, HoldsTyping))
    return found


def ask(parent: QtWidgets.QWidget, editor: HoldsTyping) -> bool:
    """Ask about one editor: Save/Discard/Cancel where saving makes sense, else Discard/Cancel."""
    buttons = QtWidgets.QMessageBox.StandardButton
    if editor.can_save_input():
        choices, default = buttons.Save | buttons.Discard | buttons.Cancel, buttons.Save
    else:
        choices, default = buttons.Discard | buttons.Cancel, buttons.Cancel
    title = QtCore.QCoreApplication.translate("Unsaved", "Unsaved typing")
    answer = QtWidgets.QMessageBox.question(parent, title, editor.unsaved_text(), choices, default)
    if answer == buttons.Save:
        return editor.save_input()
    return answer == buttons.Discard


def first_unsettled(parent: QtWidgets.QWidget, editors: Iterable[HoldsTyping]) -> HoldsTyping | None:
    """Ask about each editor holding typing in turn; the one whose answer was Cancel (or a refused save).

    None means nothing typed will be lost: nothing was unsaved, it was saved, or knowingly discarded.
    """
    for editor in editors:
        if editor.has_unsaved_input() and not ask(parent, editor):
            return editor
    return None
