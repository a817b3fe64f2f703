"""The ticket panel, driven as a clerk would: a reply with a forbidden phrase held and marked where it
was typed, a standard answer offered, chosen and recorded, a repair visit booked through its dialog,
and a missed one shown red in the panel and the queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import Clock, make_staff

from kaccount_desk.services import answers, appointments
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue, TicketQuery
from kaccount_desk.ui import operations
from kaccount_desk.ui.palette import COLOURS, ROW_BACKGROUNDS
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets
from kaccount_desk.ui.tickets.appointment_dialog import AppointmentDialog
from kaccount_desk.ui.tickets.reminder import Reminder
from kaccount_desk.ui.tickets.reply_marks import marked_texts
from kaccount_desk.ui.tickets.ticket_detail import TicketDetail
from kaccount_desk.ui.tickets.tickets_model import TicketsModel

FAULT = t.TicketInput("fault", "phone", "hotline", "李明", "13800138000", "家里信号很差", area="town")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def shown(qtbot, ctx: Context, ticket_id: int) -> TicketDetail:
    detail = TicketDetail(ctx)
    qtbot.addWidget(detail)
    detail.resize(900, 700)
    detail.show()
    detail.load(ticket_id)
    qtbot.waitUntil(lambda: operations.idle() and detail.view is not None)
    return detail


def test_a_reply_with_a_forbidden_phrase_is_held_marked_and_kept(qtbot, clerk: Context) -> None:
    opened = t.open_ticket(clerk, FAULT)
    detail = shown(qtbot, clerk, opened.id)
    typed = "😀 这个我也不 知道,您再等等"
    detail.text.setPlainText(typed)
    qtbot.mouseClick(detail.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert detail.text.toPlainText() == typed  # nothing typed is lost
    assert marked_texts(detail.text) == ["不 知道"]  # after an emoji (two UTF-16 units) too
    assert detail.message.isVisible() and "不知道" in detail.message.text()
    assert detail.view is not None and not detail.view.replied
    detail.text.setPlainText("这个问题我帮您查清楚,今天内回复您")
    qtbot.mouseClick(detail.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert detail.view.replied and marked_texts(detail.text) == [] and detail.text.toPlainText() == ""


@pytest.mark.usefixtures("english")
def test_a_standard_answer_is_offered_chosen_and_recorded(qtbot, admin: Context, clerk: Context) -> None:
    chosen = answers.add_answer(admin, "fault", "信号", "您好,我们已安排工程师检测基站,请保持手机畅通。")
    answers.add_answer(admin, "consultation", "资费", "集团成员间通话免费。")
    opened = t.open_ticket(clerk, FAULT)
    detail = shown(qtbot, clerk, opened.id)
    assert detail.answer_choice.count() == 1 and detail.use_answer_button.isEnabled()  # only the fault's answers
    qtbot.mouseClick(detail.use_answer_button, Qt.MouseButton.LeftButton)
    assert detail.text.toPlainText() == chosen.text
    qtbot.mouseClick(detail.reply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert detail.view is not None and detail.view.history[-1].data["standard_answer"] == chosen.id
    assert "[standard answer: 信号]" in detail.history.item(detail.history.count() - 1).text()


def _book(start: QtCore.QTime, end: QtCore.QTime, visitor: str) -> None:
    """When the appointment dialog is up, fill it as a clerk would and press OK."""

    def respond() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, AppointmentDialog):
            QtCore.QTimer.singleShot(20, respond)
            return
        dialog.start.setTime(start)
        dialog.end.setTime(end)
        dialog.visitor.setText(visitor)
        dialog.accept()

    QtCore.QTimer.singleShot(0, respond)


def test_a_visit_booked_in_the_dialog_then_missed_is_red_in_panel_and_queue(qtbot, clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, FAULT)
    detail = shown(qtbot, clerk, opened.id)
    assert detail.appoint_button.isEnabled() and not detail.visited_button.isEnabled()
    _book(QtCore.QTime(9, 0), QtCore.QTime(11, 0), "王师傅")
    qtbot.mouseClick(detail.appoint_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: operations.idle() and detail.view is not None and detail.view.appointment is not None)
    visit = detail.view.appointment
    assert visit is not None and visit.visitor == "王师傅" and visit.start.date() == (clock.now + timedelta(days=1)).date()
    assert detail.visited_button.isEnabled() and "王师傅" in detail.fields["visit"].text()
    assert COLOURS["reason"] not in detail.fields["visit"].styleSheet()
    clock.now = visit.end + timedelta(minutes=1)
    detail.reread()
    qtbot.waitUntil(lambda: operations.idle() and detail.view is not None and detail.view.appointment.state == "missed")
    assert COLOURS["reason"] in detail.fields["visit"].styleSheet()
    model = TicketsModel(clerk, TicketQuery(queue=Queue.MINE))
    qtbot.waitUntil(operations.idle)
    model.index(0, 0).data()
    qtbot.waitUntil(operations.idle)
    background = model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QtGui.QColor) and background.name() == ROW_BACKGROUNDS["reason"]


@pytest.mark.usefixtures("english")
def test_the_owner_is_reminded_an_hour_before_a_visit_and_when_it_is_missed(qtbot, clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, FAULT)
    start = clock.now + timedelta(hours=5)
    appointments.appoint(clerk, opened.id, start, start + timedelta(hours=2), "王师傅")
    reminder = Reminder(clerk)

    def round_of_alerts() -> list[str]:
        with qtbot.waitSignal(reminder.checked, timeout=10_000) as told:
            reminder.check()
        return [a.text for a in told.args[0] if a.threshold.startswith("visit_")]

    clock.now = start - timedelta(hours=1, minutes=1)
    assert round_of_alerts() == []
    clock.now = start - timedelta(hours=1)
    (soon,) = round_of_alerts()
    assert "starts soon" in soon and "王师傅" in soon
    assert round_of_alerts() == []  # told once
    clock.now = start + timedelta(hours=2, minutes=1)
    (missed,) = round_of_alerts()
    assert "missed" in missed
