"""The ticket panel's typed text that is not yet sent: kept per ticket while the clerk looks at
another one, carried into the window rebuilt in another language, and asked about before it is lost.

A mixin of :class:`~kaccount_desk.ui.tickets.ticket_detail.TicketDetail`; ``has_unsaved_input``,
``unsaved_text``, ``can_save_input`` and ``save_input`` are what ``ui/unsaved.py`` asks of an editor.
Its ``tr`` context is this class's name; PySide6 finds it along the panel's class hierarchy.
"""

from __future__ import annotations

from kaccount_desk.domain.tickets import ticket_number
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.qt import QtWidgets


class TicketTyping(QtWidgets.QWidget):
    """Unsent text of :class:`TicketDetail`, for this ticket and others: (number, text, reason) per ticket id."""

    view: TicketView | None
    drafts: dict[int, tuple[str, str, str]]
    text: QtWidgets.QPlainTextEdit
    close_reason: QtWidgets.QLineEdit

    def _keep_draft(self, view: TicketView | None) -> None:
        """Put what was typed for ``view`` aside, so going back to that ticket shows it again."""
        if view is None:
            return
        text, reason = self.text.toPlainText(), self.close_reason.text()
        if text.strip() or reason.strip():
            self.drafts[view.id] = (ticket_number(view.id, view.received_at), text, reason)

    def carried(self) -> tuple[int | None, dict[int, tuple[str, str, str]]]:
        """The open ticket and every unsent text (its own included), for the window rebuilt in another language."""
        drafts = dict(self.drafts)
        if self.view is not None:
            text, reason = self.text.toPlainText(), self.close_reason.text()
            if text.strip() or reason.strip():
                drafts[self.view.id] = (ticket_number(self.view.id, self.view.received_at), text, reason)
        return (self.view.id if self.view is not None else None), drafts

    def has_unsaved_input(self) -> bool:
        """Text typed for this ticket or another one and not yet used in an action."""
        return bool(self.text.toPlainText().strip() or self.close_reason.text().strip() or self.drafts)

    def unsaved_text(self) -> str:
        numbers = [number for number, _, _ in self.drafts.values()]
        if self.view is not None and (self.text.toPlainText().strip() or self.close_reason.text().strip()):
            numbers.insert(0, ticket_number(self.view.id, self.view.received_at))
        return self.tr("Text typed for ticket(s) %1 has not been used in an action yet and would be lost.").replace(
            "%1", ", ".join(numbers))

    def can_save_input(self) -> bool:
        """Typing here is for an action (a reply, a referral), which a question cannot choose for the clerk."""
        return False

    def save_input(self) -> bool:
        return False

