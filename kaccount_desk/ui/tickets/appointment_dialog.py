"""Booking a repair visit for a fault, or moving the booked one: the day, the window and who goes.

A dialog rather than more fields under the ticket: the action area must stay within 1366×728 with
the reply box open, and a visit is booked a few times a day, not with every reply. Moving a booked
visit asks for the reason, which the history keeps (domain/appointments.py says why it is needed).
The service checks every rule again; the dialog only collects the answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.services.ticket_views import AppointmentView
from kaccount_desk.ui.qt import QtCore, QtWidgets

DEFAULT_START = time(9, 0)
DEFAULT_END = time(11, 0)


@dataclass(frozen=True)
class Booking:
    start: datetime
    end: datetime
    visitor: str
    reason: str


def _qtime(value: time) -> QtCore.QTime:
    return QtCore.QTime(value.hour, value.minute)


class AppointmentDialog(QtWidgets.QDialog):
    def __init__(self, current: AppointmentView | None, now: datetime, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        # A booked visit nobody recorded is moved (with a reason); after a visit, a new one is booked.
        moving = current is not None and current.visited_at is None and current.state in ("booked", "under_way", "missed")
        self.setWindowTitle(self.tr("Reschedule the visit") if moving else self.tr("Book a repair visit"))
        day: date = current.start.date() if current is not None else (now.astimezone(OPERATOR_TZ) + timedelta(days=1)).date()
        self.day = QtWidgets.QDateEdit(QtCore.QDate(day.year, day.month, day.day))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.start = QtWidgets.QTimeEdit(_qtime(current.start.time() if current else DEFAULT_START))
        self.end = QtWidgets.QTimeEdit(_qtime(current.end.time() if current else DEFAULT_END))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.visitor = QtWidgets.QLineEdit(current.visitor if current else "")
        self.visitor.setPlaceholderText(self.tr("Who goes to the customer"))
        self.reason = QtWidgets.QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the visit is moved (kept in the history)"))
        for line in (self.visitor, self.reason):  # the hint whole in either language (seen cut at Qt's default width)
            line.setMinimumWidth(line.fontMetrics().horizontalAdvance(self.reason.placeholderText()) + 24)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Day:"), self.day)
        window = QtWidgets.QHBoxLayout()
        window.addWidget(self.start)
        window.addWidget(QtWidgets.QLabel(self.tr("to")))
        window.addWidget(self.end)
        window.addStretch(1)  # from and to side by side, not pushed to the two edges
        form.addRow(self.tr("Time window:"), window)
        form.addRow(self.tr("Visitor:"), self.visitor)
        if moving:
            form.addRow(self.tr("Reason:"), self.reason)
        else:
            self.reason.hide()
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def booking(self) -> Booking:
        """What was entered, in the hall's time (+08:00) whatever the computer's zone."""
        d = self.day.date()
        day = date(d.year(), d.month(), d.day())

        def at(edit: QtWidgets.QTimeEdit) -> datetime:
            t = edit.time()
            return datetime.combine(day, time(t.hour(), t.minute()), OPERATOR_TZ)

        return Booking(at(self.start), at(self.end), self.visitor.text(), self.reason.text())

    @classmethod
    def ask(cls, current: AppointmentView | None, now: datetime, parent: QtWidgets.QWidget | None = None) -> Booking | None:
        """The booking entered, or None when cancelled."""
        dialog = cls(current, now, parent)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        return dialog.booking() if accepted else None
