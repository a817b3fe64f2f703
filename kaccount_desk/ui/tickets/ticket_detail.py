"""One ticket beside the queue: its facts, its history, and the actions its status allows.

The owner works the ticket with the customer still at the desk or on the phone, so a refusal
(closing without a callback, an answer from the wrong department) is written under the buttons
and everything typed stays where it was; only a successful action clears its own fields. Which
buttons are live is what the service returned in ``TicketView.allowed`` (the domain's ``allowed_actions``
for this person now), the same rule the service obeys when the button is pressed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.ticket_deadlines import DEFAULT_REFERRAL_HOURS, referral_due
from kaccount_desk.domain.tickets import Action, CallbackResult, label, ticket_number
from kaccount_desk.services import tickets
from kaccount_desk.services.changes import TICKET_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.fit import scrolling
from kaccount_desk.ui.flow_layout import FlowLayout
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_change
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from kaccount_desk.ui.shortcuts import bind, keys
from kaccount_desk.ui.tickets.ticket_facts_form import TicketFactsForm, history_line
from kaccount_desk.ui.wrapped_lines import WrappedLinesDelegate

log = logging.getLogger("kaccount_desk.ui.tickets")



def to_qdatetime(value: datetime) -> QtCore.QDateTime:
    """Shown in +08:00, the zone every ticket time is kept in, whatever the computer's zone."""
    local = value.astimezone(OPERATOR_TZ)
    return QtCore.QDateTime(QtCore.QDate(local.year, local.month, local.day), QtCore.QTime(local.hour, local.minute))


def from_qdatetime(value: QtCore.QDateTime) -> datetime:
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute(), tzinfo=OPERATOR_TZ)


def _group(*widgets: QtWidgets.QWidget, stretched: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """Widgets kept on one line together (a label and its buttons), placed as one by the flow."""
    group = QtWidgets.QWidget()
    line = QtWidgets.QHBoxLayout(group)
    line.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        line.addWidget(widget, 1 if widget is stretched else 0)
    return group


class TicketDetail(QtWidgets.QWidget):
    """Shows one ticket; after every action the app-wide change signal makes the queue re-read its rows."""

    # ("receipt" or "ticket", id, ticket number): the Print page prints it (the window connects them).
    print_requested = Signal(str, int, str)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: TicketView | None = None
        self.departments: list[str] = []
        # What was typed for other tickets, kept while the clerk looks at another one: (number, text, reason).
        self.drafts: dict[int, tuple[str, str, str]] = {}
        self._build()
        self._read_departments()
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
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self._build_actions())

    def _button(self, text: str, slot: Callable[[], object]) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build_actions(self) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What is asked of the department, its answer, the reply to the customer, or a note"))
        self.text.setMaximumHeight(self.fontMetrics().height() * 3 + 2 * self.text.frameWidth() + 8)
        self.start_button = self._button(self.tr("Start"), self.start)
        self.reply_button = self._button(self.tr("Reply to customer"), self.reply)
        self.note_button = self._button(self.tr("Add note"), self.note)
        self.refer_department = QtWidgets.QComboBox()
        self.refer_due = QtWidgets.QDateTimeEdit()
        self.refer_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.refer_due.setCalendarPopup(True)
        # Never the widget's own 2000-01-01 00:00: before a ticket is shown it reads as the default answer time.
        self.refer_due.setDateTime(to_qdatetime(self.ctx.now() + timedelta(hours=DEFAULT_REFERRAL_HOURS)))
        self.refer_button = self._button(self.tr("Refer"), self.refer)
        self.answer_department = QtWidgets.QComboBox()
        self.answer_button = self._button(self.tr("Record department answer"), self.answer)
        self.callback_buttons = {
            CallbackResult.SATISFIED: self._button(self.tr("Satisfied"), lambda: self.callback(CallbackResult.SATISFIED)),
            CallbackResult.UNSATISFIED: self._button(self.tr("Not satisfied"), lambda: self.callback(CallbackResult.UNSATISFIED)),
            CallbackResult.UNREACHABLE: self._button(self.tr("Not reachable"), lambda: self.callback(CallbackResult.UNREACHABLE)),
        }
        self.handset_button = self._button(self.tr("Handset caused it"), self.handset_cause)
        self.notice_button = self._button(self.tr("Customer told it is overdue"), self.overdue_notice)
        self.reassign_owner = QtWidgets.QComboBox()
        self.reassign_button = self._button(self.tr("Hand to new owner"), self.reassign)
        self.reassign_button.setToolTip(self.tr("Only when the owner has left; the reason goes in the box above"))
        self.close_reason = QtWidgets.QLineEdit()
        self.close_reason.setPlaceholderText(self.tr("Reason for closing without a reply or callback"))
        self.close_button = self._button(self.tr("Close ticket"), self.close_ticket)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.reassign_row = _group(QtWidgets.QLabel(self.tr("Owner left")), self.reassign_owner, self.reassign_button)
        closing = _group(self.close_reason, self.close_button, stretched=self.close_reason)
        # Groups flow into as many rows as the panel's width needs, in either language; a group with
        # nothing this person may do now is left out (_enable), so what may be done is never below the fold.
        self.action_groups = [
            _group(self.start_button, self.reply_button, self.note_button),
            _group(QtWidgets.QLabel(self.tr("Callback")), *self.callback_buttons.values()),
            _group(QtWidgets.QLabel(self.tr("Fault")), self.handset_button, self.notice_button),
            _group(QtWidgets.QLabel(self.tr("Refer to")), self.refer_department, QtWidgets.QLabel(self.tr("answer by")),
                   self.refer_due, self.refer_button),
            _group(QtWidgets.QLabel(self.tr("Answer from")), self.answer_department, self.answer_button),
            self.reassign_row,
        ]
        flow = QtWidgets.QWidget()
        groups = FlowLayout(flow)
        for group in self.action_groups:
            groups.addWidget(group)
        self.action_groups.append(closing)
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.message, self.text, flow, closing):
            layout.addWidget(widget)
        self._bind_keys()
        return box

    def _bind_keys(self) -> None:
        """Each action's key; while its button is off, the key asks the service anyway and shows why not.

        A key that did nothing (Alt+C on a ticket that may not close) left the clerk guessing; the
        service refuses exactly the actions its ``allowed`` leaves out, with the domain's reason.
        """
        satisfied, unsatisfied, unreachable = CallbackResult.SATISFIED, CallbackResult.UNSATISFIED, CallbackResult.UNREACHABLE
        keyed: tuple[tuple[str, QtWidgets.QPushButton, Callable[[], object]], ...] = (
            ("start", self.start_button, self.start), ("reply", self.reply_button, self.reply),
            ("note", self.note_button, self.note), ("refer", self.refer_button, self.refer),
            ("answer", self.answer_button, self.answer),
            ("satisfied", self.callback_buttons[satisfied], lambda: self.callback(satisfied)),
            ("unsatisfied", self.callback_buttons[unsatisfied], lambda: self.callback(unsatisfied)),
            ("unreachable", self.callback_buttons[unreachable], lambda: self.callback(unreachable)),
            ("handset", self.handset_button, self.handset_cause), ("notice", self.notice_button, self.overdue_notice),
            ("close", self.close_button, self.close_ticket),
        )
        self.why_not: list[tuple[QtWidgets.QPushButton, QtGui.QShortcut]] = []
        for name, button, slot in keyed:
            bind(button, name)
            shortcut = QtGui.QShortcut(keys(name), self)
            shortcut.activated.connect(slot)
            self.why_not.append((button, shortcut))

    # ----- showing -----

    def load(self, ticket_id: int | None) -> None:
        """Read the ticket afresh (its history may have grown since the queue was read)."""
        self._read_departments()
        if ticket_id is None:
            self.set_view(None)
            return
        try:
            self.set_view(tickets.show(self.ctx, ticket_id))
        except ServiceError as exc:
            self.set_view(None)
            self._say("reason", error_text(exc))

    def _read_departments(self) -> None:
        """The list may have changed on the Admin page since the last ticket was shown."""
        try:
            departments = tickets.departments(self.ctx)
        except ServiceError as exc:
            log.warning("cannot read departments: %s", exc)
            return
        if departments != self.departments:
            self.departments = departments
            self.refer_department.clear()
            self.refer_department.addItems(departments)

    def set_view(self, view: TicketView | None) -> None:
        previous = self.view
        self.view = view
        if view is None or previous is None or view.id != previous.id:
            self.message.hide()
            self._keep_draft(previous)
            _, text, reason = self.drafts.pop(view.id, ("", "", "")) if view is not None else ("", "", "")
            self.text.setPlainText(text)
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

    def _print(self, kind: str) -> None:
        if self.view is not None:
            self.print_requested.emit(kind, self.view.id, ticket_number(self.view.id, self.view.received_at))

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

    def _show_fields(self, view: TicketView | None) -> None:
        self.facts.show_view(view, self.ctx.now())
        if view is None:
            self.title.setText(self.tr("Select a ticket in the queue"))
            return
        number = ticket_number(view.id, view.received_at)
        self.title.setText(self.tr("Ticket %1 · %2").replace("%1", number).replace("%2", label(view.status, current_lang())))

    def _enable(self, view: TicketView | None) -> None:
        """Paint what the service decided: ``view.allowed`` holds the actions this person may take now."""
        allowed = view.allowed if view is not None else frozenset()
        self.start_button.setEnabled(Action.START in allowed)
        self.reply_button.setEnabled(Action.REPLY in allowed)
        self.note_button.setEnabled(Action.NOTE in allowed)
        for widget in (self.refer_department, self.refer_due, self.refer_button):
            widget.setEnabled(Action.REFER in allowed and bool(self.departments))
        pending = [r.department for r in view.referrals if r.answered_at is None] if view else []
        self.answer_department.clear()
        self.answer_department.addItems(list(dict.fromkeys(pending)))
        for widget in (self.answer_department, self.answer_button):
            widget.setEnabled(Action.ANSWER in allowed)
        for button in self.callback_buttons.values():
            button.setEnabled(Action.CALLBACK in allowed)
        self.handset_button.setEnabled(Action.HANDSET_CAUSE in allowed)
        self.notice_button.setEnabled(Action.OVERDUE_NOTICE in allowed)
        self.close_button.setEnabled(Action.CLOSE in allowed)
        self._fill_owners(view, Action.REASSIGN in allowed)
        self.close_reason.setVisible(Action.CLOSE in allowed and view is not None and view.close_needs_reason)
        for group in self.action_groups:
            group.setVisible(any(button.isEnabled() for button in group.findChildren(QtWidgets.QPushButton)))
        for button, shortcut in self.why_not:
            shortcut.setEnabled(not button.isEnabled())  # never both: one key, one meaning

    def _fill_owners(self, view: TicketView | None, allowed: bool) -> None:
        """Colleagues a supervisor may hand the ticket to; the service checks that its owner has left."""
        self.reassign_owner.clear()
        if not allowed or view is None:
            self.reassign_owner.setEnabled(False)
            self.reassign_button.setEnabled(False)
            return
        try:
            people = tickets.possible_owners(self.ctx)
        except ServiceError as exc:
            log.warning("cannot read staff: %s", exc)
            people = []
        for staff_no, name in people:
            if staff_no != view.owner:
                self.reassign_owner.addItem(f"{name}({staff_no})", staff_no)
        for widget in (self.reassign_owner, self.reassign_button):
            widget.setEnabled(self.reassign_owner.count() > 0)

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
                self.set_view(view)
                self._say("ok", self.tr("Done: %1").replace("%1", label(action, current_lang())))

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, ServiceError):
                return False
            self._say("reason", error_text(exc))
            return True

        run_change(self, lambda: work(ticket_id), TICKET_CHANGED, done, refused)
        return True

    def reread(self) -> None:
        """Another view or desk changed tickets (or F5): show this ticket as stored now; typed text stays."""
        if self.view is not None:
            self.load(self.view.id)

    def _typed(self) -> str:
        return self.text.toPlainText()

    def start(self) -> bool:
        return self._act(Action.START, lambda i: tickets.start(self.ctx, i))

    def reply(self) -> bool:
        text = self._typed()
        return self._act(Action.REPLY, lambda i: tickets.reply(self.ctx, i, text), self.text)

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
