"""One ticket beside the queue: its facts, its history, and the actions its status allows.

The owner works the ticket with the customer still at the desk or on the phone, so a refusal
(closing without a callback, an answer from the wrong department) is written under the buttons
and everything typed stays where it was; only a successful action clears its own fields. Which
buttons are live is what the service returned in ``TicketView.allowed`` (the domain's ``allowed_actions``
for this person now), the same rule the service obeys when the button is pressed.
The action area is ``ticket_actions.py``; text typed and not yet sent is ``ticket_typing.py``.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.domain.operator_time import local
from kaccount_desk.domain.ticket_deadlines import referral_due
from kaccount_desk.domain.tickets import Action, CallbackResult, label, ticket_number
from kaccount_desk.services import appointments, ticket_contacts, ticket_waits, tickets
from kaccount_desk.services.answers import AnswerView, HeldReply
from kaccount_desk.services.changes import TICKET_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.outages import OutageNote
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.fit import scrolling
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtWidgets, Signal
from kaccount_desk.ui.tickets.appointment_dialog import AppointmentDialog
from kaccount_desk.ui.tickets.reply_marks import mark_phrases
from kaccount_desk.ui.tickets.ticket_actions import TicketActions, from_qdatetime, to_qdatetime
from kaccount_desk.ui.tickets.ticket_facts_form import TicketFactsForm, history_line
from kaccount_desk.ui.tickets.ticket_reading import LoadedTicket, read_ticket
from kaccount_desk.ui.tickets.ticket_typing import TicketTyping
from kaccount_desk.ui.wrapped_lines import WrappedLinesDelegate


class TicketDetail(TicketTyping, TicketActions, QtWidgets.QWidget):
    """Shows one ticket; after every action the app-wide change signal makes the queue re-read its rows."""

    # ("receipt" or "ticket", id, ticket number): the Print page prints it (the window connects them).
    print_requested = Signal(str, int, str)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: TicketView | None = None
        self.departments: list[str] = []
        self.owners: list[tuple[str, str]] = []  # whom the ticket may be handed to, read with it
        self._wanted: int | None = None  # the ticket last asked for: an answer for another one is dropped
        # What was typed for other tickets, kept while the clerk looks at another one: (number, text, reason).
        self.drafts: dict[int, tuple[str, str, str]] = {}
        self.offered: list[AnswerView] = []  # the standard answers the reply box offers, read with the ticket
        self.chosen_answer: int | None = None  # the standard answer put in the reply box, recorded with the reply
        self._build()
        self.set_view(None)

    def _build(self) -> None:
        """The ticket's facts and history share what height is left; the actions never scroll.

        At 1366×728 (with the overdue banner showing) an action box inside the scrolling part put
        回访, 故障申告 and 办结 below the fold, and a refusal under them out of sight.
        """
        self.title = QtWidgets.QLabel()
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.facts = TicketFactsForm()
        self.outage_line = QtWidgets.QLabel()  # "计划停机中:…", for a fault received during an announced outage
        self.outage_line.setWordWrap(True)
        self.outage_line.setStyleSheet(text_style("warning"))
        self.outage_line.hide()
        self.fields = self.facts.fields
        self.history = QtWidgets.QListWidget()
        self.history.setWordWrap(True)
        self.history.setItemDelegate(WrappedLinesDelegate(self.history))  # no "…" on a wrapped line, no gap after a short one
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        history_box = QtWidgets.QGroupBox(self.tr("History"))
        QtWidgets.QVBoxLayout(history_box).addWidget(self.history)
        self.receipt_button = self._button(self.tr("Print receipt…"), lambda: self._print("receipt"))
        self.receipt_button.setToolTip(self.tr("The customer's receipt again, to print or save as PDF"))
        self.record_button = self._button(self.tr("Print ticket…"), lambda: self._print("ticket"))
        self.record_button.setToolTip(self.tr("The whole ticket with its history, to print or save as PDF"))
        header = QtWidgets.QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.receipt_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignTop)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scrolling(self.facts))
        self.splitter.addWidget(history_box)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.outage_line)
        layout.addWidget(self.splitter, 1)
        self.action_box = self._build_actions()
        layout.addWidget(self.action_box)

    # ----- showing -----

    def load(self, ticket_id: int | None) -> None:
        """Read the ticket afresh in the background (its history may have grown since the queue was read).

        Everything the panel needs for one ticket comes in one worker job (``read_ticket``). The
        ticket on show stays, with its typing, until the answer is here; its actions are held
        meanwhile, so a click meant for the new ticket cannot land on the old one. An answer for a
        ticket the clerk has already left is dropped.
        """
        self._wanted = ticket_id
        if ticket_id is None:
            self.set_view(None)
            self._show_outage(None)
            return
        if self.view is not None and self.view.id != ticket_id:
            self.action_box.setEnabled(False)
        run_query(self, lambda: read_ticket(self.ctx, ticket_id), lambda loaded: self._loaded(ticket_id, loaded))

    @property
    def wanted(self) -> int | None:
        """The ticket shown or on its way (the last one asked for)."""
        return self._wanted

    def _loaded(self, ticket_id: int, loaded: LoadedTicket) -> None:
        if ticket_id != self._wanted:
            return  # another ticket was chosen meanwhile: its answer follows
        self.action_box.setEnabled(True)
        if loaded.departments is not None and loaded.departments != self.departments:
            self.departments = loaded.departments
            self.refer_department.clear()
            self.refer_department.addItems(loaded.departments)
        self.owners = loaded.owners
        if loaded.view is not None:
            self._show_answers(loaded.offered)
        self.set_view(loaded.view)
        self._show_outage(loaded.outage)
        if loaded.refusal is not None:
            self._say("reason", error_text(loaded.refusal))

    def set_view(self, view: TicketView | None) -> None:
        previous = self.view
        self.view = view
        if view is None or previous is None or view.id != previous.id:
            self.message.hide()
            self._keep_draft(previous)
            _, text, reason = self.drafts.pop(view.id, ("", "", "")) if view is not None else ("", "", "")
            self.text.setPlainText(text)
            self.text.setExtraSelections([])
            self.chosen_answer = None
            self.close_reason.setText(reason)
        self.setEnabled(view is not None)
        self._show_fields(view)
        self._enable(view)
        self.history.clear()
        if view is not None:
            for event in view.history:
                line = history_line(event)
                self.history.addItem(line)
                # A very long line may still outgrow a short history pane; the pointer on it shows it whole.
                self.history.item(self.history.count() - 1).setToolTip(line)
            self.history.scrollToBottom()
            self.refer_due.setDateTime(to_qdatetime(referral_due(self.ctx.now(), view.due_at)))

    def _show_outage(self, note: OutageNote | None) -> None:
        """Tell the owner the fault may be the planned work announced for its area, not a new fault."""
        self.outage_line.setVisible(note is not None)
        if note is not None:
            span = f"{local(note.start):%m-%d %H:%M}–{local(note.end):%m-%d %H:%M}"
            self.outage_line.setText(self.tr("Planned work under way: %1, %2 (%3)").replace("%1", note.area)
                                     .replace("%2", note.what).replace("%3", span))

    def _show_answers(self, offered: list[AnswerView]) -> None:
        """The reply box's standard answers, read with the ticket; the same list again keeps the one chosen."""
        if offered == self.offered:
            return
        self.offered = offered
        self.answer_choice.clear()
        for answer in offered:
            # The topic names it (a whole answer would not fit the action row); the pointer shows the words.
            self.answer_choice.addItem(answer.topic, answer)
            self.answer_choice.setItemData(self.answer_choice.count() - 1, answer.text, Qt.ItemDataRole.ToolTipRole)

    def _print(self, kind: str) -> None:
        if self.view is not None:
            self.print_requested.emit(kind, self.view.id, ticket_number(self.view.id, self.view.received_at))

    def _show_fields(self, view: TicketView | None) -> None:
        self.facts.show_view(view, self.ctx.now())
        if view is None:
            self.title.setText(self.tr("Select a ticket in the queue"))
            return
        number = ticket_number(view.id, view.received_at)
        self.title.setText(self.tr("Ticket %1 · %2").replace("%1", number).replace("%2", label(view.status, current_lang())))

    # ----- acting -----

    def _say(self, state: str, text: str) -> None:
        self.message.setStyleSheet(text_style(state))
        self.message.setText(text)
        self.message.show()

    def _act(self, action: Action, work: Callable[[int], TicketView], *typed: QtWidgets.QPlainTextEdit | QtWidgets.QLineEdit) -> bool:
        """Start one action off the GUI thread; on refusal say why and keep every field, on success clear ``typed``.

        ``work`` must not read a widget (it runs in the worker): each action reads its fields first.
        Every open view re-reads the ticket through the change signal that follows (``ui/operations.py``).
        """
        if self.view is None:
            return False
        sent = [widget.toPlainText() if isinstance(widget, QtWidgets.QPlainTextEdit) else widget.text() for widget in typed]
        ticket_id = self.view.id

        def done(view: TicketView) -> None:
            for widget, text in zip(typed, sent, strict=True):
                now = widget.toPlainText() if isinstance(widget, QtWidgets.QPlainTextEdit) else widget.text()
                if now == text and (self.view is None or self.view.id == ticket_id):
                    widget.clear()  # what was sent; anything typed meanwhile stays
            if self.view is None or self.view.id == ticket_id:
                if self.text in typed:
                    self.text.setExtraSelections([])  # sent: no phrase is held any more
                if action is Action.REPLY:
                    self.chosen_answer = None
                self.set_view(view)
                self._say("ok", self.tr("Done: %1").replace("%1", label(action, current_lang())))

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, ServiceError):
                return False
            self._say("reason", error_text(exc))
            if isinstance(exc, HeldReply) and self.text in typed and self.text.toPlainText() == sent[typed.index(self.text)]:
                mark_phrases(self.text, exc.hits)  # what to rewrite, marked where it was typed; nothing is removed
            return True

        run_change(self, lambda: work(ticket_id), TICKET_CHANGED, done, refused)
        return True

    def reread(self) -> None:
        """Another view or desk changed tickets (or F5): show this ticket as stored now; typed text stays."""
        if self._wanted is not None:
            self.load(self._wanted)  # the ticket on show, or the one on its way: never an older one over it

    def _typed(self) -> str:
        return self.text.toPlainText()

    def start(self) -> bool:
        return self._act(Action.START, lambda i: tickets.start(self.ctx, i))

    def reply(self) -> bool:
        text, chosen = self._typed(), self.chosen_answer
        return self._act(Action.REPLY, lambda i: tickets.reply(self.ctx, i, text, chosen), self.text)

    def use_answer(self) -> bool:
        """Put the chosen standard answer where the cursor is (an empty box gets it whole); remember it for the reply."""
        chosen = self.answer_choice.currentData()
        if not isinstance(chosen, AnswerView) or self.view is None:
            return False
        self.text.insertPlainText(chosen.text)
        self.text.setFocus()
        self.chosen_answer = chosen.id
        return True

    def appoint(self) -> bool:
        """Book (or move) the fault's repair visit through the dialog; the service checks the window and the reason."""
        if self.view is None:
            return False
        booking = AppointmentDialog.ask(self.view.appointment, self.ctx.now(), self)
        if booking is None:
            return False
        return self._act(Action.APPOINT, lambda i: appointments.appoint(
            self.ctx, i, booking.start, booking.end, booking.visitor, booking.reason))

    def visited(self) -> bool:
        text = self._typed()
        return self._act(Action.VISITED, lambda i: appointments.visited(self.ctx, i, text), self.text)

    def note(self) -> bool:
        text = self._typed()
        return self._act(Action.NOTE, lambda i: tickets.add_note(self.ctx, i, text), self.text)

    def refer(self) -> bool:
        department, text = self.refer_department.currentText(), self._typed()
        due = from_qdatetime(self.refer_due.dateTime())
        return self._act(Action.REFER, lambda i: tickets.refer(self.ctx, i, department, text, due), self.text)

    def answer(self) -> bool:
        department, text = self.answer_department.currentText(), self._typed()
        return self._act(Action.ANSWER, lambda i: tickets.answer(self.ctx, i, department, text), self.text)

    def callback(self, result: CallbackResult) -> bool:
        text = self._typed()
        return self._act(Action.CALLBACK, lambda i: tickets.callback(self.ctx, i, result.value, text), self.text)

    def handset_cause(self) -> bool:
        text = self._typed()
        return self._act(Action.HANDSET_CAUSE, lambda i: tickets.record_handset_cause(self.ctx, i, text), self.text)

    def overdue_notice(self) -> bool:
        text = self._typed()
        return self._act(Action.OVERDUE_NOTICE, lambda i: tickets.record_overdue_notice(self.ctx, i, text), self.text)

    def close_ticket(self) -> bool:
        reason = self.close_reason.text() or None
        return self._act(Action.CLOSE, lambda i: tickets.close(self.ctx, i, reason), self.close_reason)

    def reassign(self) -> bool:
        new_owner, text = str(self.reassign_owner.currentData() or ""), self._typed()
        return self._act(Action.REASSIGN, lambda i: tickets.reassign(self.ctx, i, new_owner, text), self.text)

    def wait(self) -> bool:
        text = self._typed()
        return self._act(Action.WAIT, lambda i: ticket_waits.wait(self.ctx, i, text), self.text)

    def resume(self) -> bool:
        text = self._typed()
        return self._act(Action.RESUME, lambda i: ticket_waits.resume(self.ctx, i, text), self.text)

    def add_contact(self) -> bool:
        text = self._typed()
        return self._act(Action.CONTACT, lambda i: ticket_contacts.add_contact(self.ctx, i, text), self.text)
