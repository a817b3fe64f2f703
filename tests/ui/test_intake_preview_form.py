"""The intake form paints the service's preview (issue 19 items 2, 8 and the intake smalls of 9), driven as a clerk drives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from support import Clock, make_staff, valid_id
from typing_input import type_text

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.field_note import FieldNote
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.progress_panel import ProgressPanel
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QtCore, QtWidgets

Qt = QtCore.Qt
VALID_ID = valid_id("13098119780101123")
OTHER_ID = valid_id("13098119850612224")
WRONG_ID = VALID_ID[:-1] + ("1" if VALID_ID[-1] != "1" else "2")

def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))



@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    set_current_lang("zh")


def make_form(qtbot, ctx: Context, campaign: str) -> IntakeForm:
    form = IntakeForm(ctx, campaign)
    settle(qtbot)
    qtbot.addWidget(form)
    form.resize(1280, 860)
    form.show()
    qtbot.waitExposed(form)
    return form


@pytest.fixture
def form(qtbot, admin: Context, campaign: str) -> IntakeForm:
    return make_form(qtbot, admin, campaign)


def click_radio(qtbot, radio: QtWidgets.QRadioButton) -> None:
    """On the button's circle: the middle of a radio stretched across the form may be past its words."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(6, radio.height() // 2))
    settle(qtbot)


def shown_texts(form: IntakeForm) -> str:
    """Every word the form shows now, notes whole (as their tooltips hold them)."""
    texts = [label.text() for label in form.findChildren(QtWidgets.QLabel) if label.isVisible() and not isinstance(label, FieldNote)]
    texts += [note.full_text() for note in form.notes.values() if note.isVisible()]
    return "\n".join(texts)


def test_a_new_number_clears_keep_the_current_plan_with_a_note_after_ctrl_n(qtbot, form: IntakeForm, admin: Context) -> None:
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, "张三")
    type_text(qtbot, form.id_edit, VALID_ID)
    type_text(qtbot, form.number_edit, "13812345678")
    settle(qtbot)
    form.plan_combo.setCurrentIndex(form.plan_combo.findData("keep5"))
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert enrollment.get_application(admin, form.application_id).plan == "keep5"
    qtbot.keyClick(form.name_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert form.application_id is None and form.plan_combo.currentData() == "keep5", "the plan carries over, as it should"
    type_text(qtbot, form.name_edit, "李四")
    type_text(qtbot, form.id_edit, OTHER_ID)
    click_radio(qtbot, form.new_radio)
    settle(qtbot)
    assert form.new_radio.isChecked()
    assert form.plan_combo.currentData() == "", "a new number has no current plan to keep"
    assert form.notes["plan"].isVisible() and "新号码没有原资费" in form.notes["plan"].full_text()
    keep_row = form.plan_combo.findData("keep5")
    assert not form.plan_combo.model().item(keep_row).isEnabled(), "not offered while the number is new"
    type_text(qtbot, form.number_edit, "18832759988")
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    settle(qtbot)
    saved = enrollment.get_application(admin, form.application_id)
    assert saved.number_source == "pool" and saved.plan is None
    click_radio(qtbot, form.keep_radio)
    settle(qtbot)
    assert form.plan_combo.model().item(keep_row).isEnabled(), "a kept number may keep its plan again"


def test_a_number_held_by_another_application_is_named_while_typing(qtbot, form: IntakeForm, admin: Context, campaign: str) -> None:
    other = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="李四", id_number=OTHER_ID, number_source="pool", msisdn="18832758801"),
        plan="group8",
    ))
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, "张三")
    click_radio(qtbot, form.new_radio)
    type_text(qtbot, form.number_edit, "18832758801")
    qtbot.waitUntil(lambda: form.notes["number"].state == "reason", timeout=2000)
    settle(qtbot)
    assert f"第{other.id}号申请" in form.notes["number"].full_text()
    assert f"第{other.id}号申请" in form.missing_label.text(), "in 提交前还缺少 too, before any save"
    assert form.application_id is None


def test_the_same_person_twice_is_named_under_the_id(qtbot, form: IntakeForm, admin: Context, campaign: str) -> None:
    first = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="张三", id_number=VALID_ID),
    ))
    type_text(qtbot, form.id_edit, VALID_ID)
    qtbot.waitUntil(lambda: f"第{first.id}号" in form.notes["id"].full_text(), timeout=2000)
    settle(qtbot)
    assert form.notes["id"].state == "warning"


def test_a_wrong_check_digit_is_said_once(qtbot, form: IntakeForm) -> None:
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, "张三")
    type_text(qtbot, form.id_edit, WRONG_ID)
    qtbot.wait(400)
    settle(qtbot)
    assert shown_texts(form).count("校验位") == 1
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)  # kept as a draft with the problem listed
    settle(qtbot)
    assert form.application_id is not None
    assert shown_texts(form).count("校验位") == 1 and "缺少有效的身份证号码" in form.missing_label.text()


def test_a_late_application_says_who_may_accept_it(qtbot, admin: Context, campaign: str, clock: Clock) -> None:
    clock.advance(days=3)
    settle(qtbot)
    clerk = make_staff(admin, "C001", "clerk")
    settle(qtbot)
    form = make_form(qtbot, clerk, campaign)
    assert form.late_banner.isVisible() and not form.late_edit.isEnabled()
    words = form.late_banner.text()
    assert "截止时间" in words and "主管" in words and "管理员" in words and "办公室" in words


def test_error_lines_and_copies_do_not_move_what_is_under_the_pointer(qtbot, form: IntakeForm, tmp_path: Path) -> None:
    def where(widget: QtWidgets.QWidget) -> QtCore.QPoint:
        return widget.mapTo(form, QtCore.QPoint(0, 0))

    qtbot.waitUntil(lambda: form.copies.slots["front"].choose_button.isVisible())
    settle(qtbot)
    fields_before = {w: where(w) for w in (form.number_edit, form.plan_combo, form.note_edit)}
    type_text(qtbot, form.id_edit, WRONG_ID)
    settle(qtbot)
    form.dept_combo.setEditText("没有这个部门的很长很长很长很长很长很长很长很长很长很长的名字")
    qtbot.wait(400)
    settle(qtbot)
    assert form.notes["id"].isVisible()
    assert {w: where(w) for w in fields_before} == fields_before
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, "张三")
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    settle(qtbot)
    slot = form.copies.slots["front"]
    buttons = (slot.choose_button, slot.turn_button, slot.remove_button, form.copies.slots["back"].choose_button)
    before = {b: where(b) for b in buttons}
    path = tmp_path / "card.png"
    Image.new("RGB", (640, 400), (210, 225, 240)).save(path)
    form.copies.attach_file("front", path)
    qtbot.mouseClick(slot.turn_button, Qt.MouseButton.LeftButton)  # upright now: taller than wide
    settle(qtbot)
    assert slot.has_thumbnail
    assert {b: where(b) for b in buttons} == before


def test_the_progress_panel_turns_amber_in_the_deadlines_last_day(qtbot, admin: Context, campaign: str, clock: Clock) -> None:
    panel = ProgressPanel(admin)
    settle(qtbot)
    qtbot.addWidget(panel)
    panel.set_campaign(campaign)
    settle(qtbot)
    assert "还剩 2 天 0 小时" in panel.deadline_label.text() and COLOURS["warning"] not in panel.deadline_label.text()
    clock.advance(hours=24, minutes=35)
    panel.refresh()
    settle(qtbot)
    assert "还剩 23 小时 55 分钟" in panel.deadline_label.text() and COLOURS["warning"] in panel.deadline_label.text()
