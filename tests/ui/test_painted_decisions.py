"""Widgets paint what the services decided: the ticket panel's live buttons are ``TicketView.allowed``,
the intake form's editability is ``ApplicationView.editable``, and a masked ID is shown masked, not
re-validated (issue 14 item 5)."""

from __future__ import annotations

import pytest
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import enrollment
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.tickets.ticket_detail import TicketDetail

VALID_ID = valid_id("13098119780101123")

def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))


def _buttons(detail: TicketDetail) -> dict[Action, QtWidgets.QPushButton]:
    return {
        Action.START: detail.start_button, Action.REPLY: detail.reply_button, Action.NOTE: detail.note_button,
        Action.REFER: detail.refer_button, Action.ANSWER: detail.answer_button,
        Action.CALLBACK: detail.callback_buttons[next(iter(detail.callback_buttons))],
        Action.HANDSET_CAUSE: detail.handset_button, Action.OVERDUE_NOTICE: detail.notice_button,
        Action.CLOSE: detail.close_button, Action.REASSIGN: detail.reassign_button,
        Action.APPOINT: detail.appoint_button, Action.VISITED: detail.visited_button, Action.CONTACT: detail.contact_button,
    }


@pytest.mark.usefixtures("english")
def test_the_ticket_panel_enables_exactly_the_allowed_actions(qtbot, admin: Context) -> None:
    owner = make_staff(admin, "C001", "clerk", "客服热线")
    other = make_staff(admin, "C002", "clerk", "客服热线")
    opened = t.open_ticket(owner, t.TicketInput("fault", "phone", "hotline", "王芳", "13900139000", "家里没信号", area="town"))
    t.refer(owner, opened.id, "网络部", "请查基站")
    for ctx in (owner, other):
        detail = TicketDetail(ctx)
        qtbot.addWidget(detail)
        detail.load(opened.id)
        qtbot.waitUntil(operations.idle)  # read in the background
        assert detail.view is not None
        enabled = {action for action, button in _buttons(detail).items() if button.isEnabled()}
        assert enabled == detail.view.allowed
    assert Action.REPLY not in detail.view.allowed and Action.ANSWER in detail.view.allowed


@pytest.fixture
def masked_draft(admin: Context, campaign: str) -> int:
    """A draft the office took: a clerk without the full-ID right sees its number masked."""
    inp = ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=VALID_ID, number_source="pool", msisdn="18832758801"),
        plan="group8",
    )
    return enrollment.save_application(admin, inp).id


def test_a_masked_id_shows_masked_without_a_red_note(qtbot, admin: Context, campaign: str, masked_draft: int) -> None:
    set_current_lang("zh")
    clerk = make_staff(admin, "C001", "clerk")
    settle(qtbot)
    form = IntakeForm(clerk, campaign)
    qtbot.addWidget(form)
    form.show()
    form.load(masked_draft)
    settle(qtbot)
    view = form._view
    assert view is not None and view.id_masked and not view.editable
    assert form.id_edit.text() == VALID_ID[:4] + "*" * 10 + VALID_ID[-4:]
    note = form.notes["id"]
    assert note.state == "ok" and "只能由数字组成" not in note.text() and "已隐藏" in note.text()
    assert not form.fields_box.isEnabled()
    assert "缺少有效的身份证号码" not in form.missing_label.text()
    enabled = {target for target, button in form.workflow.buttons.items() if button.isEnabled()}
    assert enabled == view.moves == {"withdrawn"}


def test_editability_is_the_services_word(qtbot, admin: Context, campaign: str, masked_draft: int) -> None:
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    settle(qtbot)
    form = IntakeForm(office, campaign)
    settle(qtbot)
    qtbot.addWidget(form)
    form.load(masked_draft)
    settle(qtbot)
    assert form._view is not None and not form._view.id_masked and form._view.editable
    assert form.fields_box.isEnabled()
    enrollment.move_application(admin, masked_draft, "withdrawn")
    form.load(masked_draft)
    settle(qtbot)
    assert form._view is not None and not form._view.editable and not form.fields_box.isEnabled()
