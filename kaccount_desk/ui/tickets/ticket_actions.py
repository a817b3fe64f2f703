"""The ticket panel's action area: its buttons and fields, each action's key, and which of them are live.

A mixin of :class:`~kaccount_desk.ui.tickets.ticket_detail.TicketDetail`, which does the acting
(``start``, ``reply``, ...). What is live is painted from ``TicketView.allowed``, what the service
decided for this person now; a group with nothing live is left out, so what may be done is never
below the fold. Its ``tr`` context is this class's name; PySide6 finds it along the panel's class
hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.ticket_deadlines import DEFAULT_REFERRAL_HOURS
from kaccount_desk.domain.tickets import Action, CallbackResult
from kaccount_desk.services.context import Context
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.flow_layout import FlowLayout
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets
from kaccount_desk.ui.shortcuts import bind, keys


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

class TicketActions(QtWidgets.QWidget):
    """The actions of :class:`TicketDetail`: built, keyed, and enabled as ``TicketView.allowed`` says."""

    ctx: Context
    departments: list[str]
    owners: list[tuple[str, str]]  # read with the ticket (``ticket_reading.py``), never here

    # Provided by the panel: the actions themselves.
    start: Callable[[], bool]
    reply: Callable[[], bool]
    note: Callable[[], bool]
    refer: Callable[[], bool]
    answer: Callable[[], bool]
    callback: Callable[[CallbackResult], bool]
    handset_cause: Callable[[], bool]
    overdue_notice: Callable[[], bool]
    close_ticket: Callable[[], bool]
    reassign: Callable[[], bool]
    wait: Callable[[], bool]
    resume: Callable[[], bool]
    add_contact: Callable[[], bool]
    appoint: Callable[[], bool]
    visited: Callable[[], bool]
    use_answer: Callable[[], bool]

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
        self.wait_button = self._button(self.tr("Wait on customer"), self.wait)
        self.wait_button.setToolTip(self.tr("The time limit stops until you resume; the reason goes in the box above"))
        self.resume_button = self._button(self.tr("Resume"), self.resume)
        self.contact_button = self._button(self.tr("Called again"), self.add_contact)
        self.contact_button.setToolTip(self.tr("The customer contacted us again about this matter: what they said goes in the box "
                                               "above; a closed ticket reopens to its first receiver"))
        # The library's answers for the ticket's category (read with the ticket's category, ticket_detail.py).
        self.answer_choice = QtWidgets.QComboBox()
        self.answer_choice.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.answer_choice.setMinimumContentsLength(16)
        self.use_answer_button = self._button(self.tr("Use"), self.use_answer)
        self.use_answer_button.setToolTip(self.tr("Put the chosen standard answer in the box above; the history records which one"))
        self.appoint_button = self._button(self.tr("Book visit…"), self.appoint)
        self.appoint_button.setToolTip(self.tr("A repair visit: the day, the time window and who goes; moving it needs a reason"))
        self.visited_button = self._button(self.tr("Visit done"), self.visited)
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
            _group(QtWidgets.QLabel(self.tr("Standard answer")), self.answer_choice, self.use_answer_button),
            _group(QtWidgets.QLabel(self.tr("Customer")), self.wait_button, self.resume_button, self.contact_button),
            _group(QtWidgets.QLabel(self.tr("Visit")), self.appoint_button, self.visited_button),
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
            ("wait", self.wait_button, self.wait), ("resume", self.resume_button, self.resume),
        )
        self.why_not: list[tuple[QtWidgets.QPushButton, QtGui.QShortcut]] = []
        for name, button, slot in keyed:
            bind(button, name)
            shortcut = QtGui.QShortcut(keys(name), self)
            shortcut.activated.connect(slot)
            self.why_not.append((button, shortcut))

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
        self.wait_button.setEnabled(Action.WAIT in allowed)
        self.resume_button.setEnabled(Action.RESUME in allowed)
        self.contact_button.setEnabled(Action.CONTACT in allowed)
        self.answer_choice.setEnabled(Action.REPLY in allowed and self.answer_choice.count() > 0)
        self.use_answer_button.setEnabled(self.answer_choice.isEnabled())
        self.appoint_button.setEnabled(Action.APPOINT in allowed)
        self.visited_button.setEnabled(Action.VISITED in allowed)
        self._fill_owners(view, Action.REASSIGN in allowed)
        self.close_reason.setVisible(Action.CLOSE in allowed and view is not None and view.close_needs_reason)
        for group in self.action_groups:
            group.setVisible(any(button.isEnabled() for button in group.findChildren(QtWidgets.QPushButton)))
        for button, shortcut in self.why_not:
            shortcut.setEnabled(not button.isEnabled())  # never both: one key, one meaning

    def _fill_owners(self, view: TicketView | None, allowed: bool) -> None:
        """Colleagues a supervisor may hand the ticket to (read with the ticket); the service checks that its owner has left."""
        self.reassign_owner.clear()
        if not allowed or view is None:
            self.reassign_owner.setEnabled(False)
            self.reassign_button.setEnabled(False)
            return
        for staff_no, name in self.owners:
            if staff_no != view.owner:
                self.reassign_owner.addItem(f"{name}({staff_no})", staff_no)
        for widget in (self.reassign_owner, self.reassign_button):
            widget.setEnabled(self.reassign_owner.count() > 0)
