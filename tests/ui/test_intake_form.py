"""The intake form driven by the keyboard, as a clerk with a customer at the desk would drive it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from support import make_staff, valid_id
from typing_input import type_text

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import Qt, QtWidgets

VALID_ID = valid_id("13098119780101123")
UNICOM = "13012345678"
MOBILE = "13812345678"


@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    """Reasons in Chinese, as the counter reads them; our own labels stay the English source."""
    set_current_lang("zh")


def settle(qtbot, form: IntakeForm) -> None:
    """Wait until the form's store calls (the campaign, a save, a load, the preview) have answered."""
    qtbot.waitUntil(lambda: operations.idle() and form.preview_settled)


def make_form(qtbot, ctx: Context, campaign: str) -> IntakeForm:
    form = IntakeForm(ctx, campaign)
    qtbot.addWidget(form)
    form.resize(1280, 860)
    form.show()
    settle(qtbot, form)
    return form


@pytest.fixture
def form(qtbot, admin: Context, campaign: str) -> IntakeForm:
    return make_form(qtbot, admin, campaign)


def fill(qtbot, form: IntakeForm, number: str = MOBILE, dept: str = "铸造事业部", name: str = "张三") -> None:
    form.dept_combo.setEditText(dept)
    type_text(qtbot, form.name_edit, name)
    type_text(qtbot, form.id_edit, VALID_ID)
    type_text(qtbot, form.number_edit, number)
    form.plan_combo.setCurrentIndex(form.plan_combo.findData("group8"))
    settle(qtbot, form)


def card(path: Path) -> Path:
    Image.new("RGB", (640, 400), (210, 225, 240)).save(path)
    return path


def test_invalid_id_shows_its_reason_and_a_valid_one_its_birth_date(qtbot, form: IntakeForm) -> None:
    type_text(qtbot, form.id_edit, "130981197801011234" if VALID_ID[-1] != "4" else "130981197801011233")
    assert form.notes["id"].state == "reason"
    assert "校验位" in form.notes["id"].text()
    form.id_edit.clear()
    type_text(qtbot, form.id_edit, VALID_ID)
    assert form.notes["id"].state == "ok"
    assert "1978-01-01" in form.notes["id"].text()


def test_incomplete_id_is_shown_calmly(qtbot, form: IntakeForm) -> None:
    type_text(qtbot, form.id_edit, "1309811978")
    assert form.notes["id"].state == "calm"
    assert "现在是10位" in form.notes["id"].text()


def test_unicom_number_warns_and_the_confirmation_is_saved(qtbot, form: IntakeForm, admin: Context) -> None:
    fill(qtbot, form, number=UNICOM)
    assert form.notes["number"].state == "warning"
    assert "中国联通" in form.notes["number"].text()
    box = form.confirm_list.boxes["mobile.carrier_mismatch"]
    box.setChecked(True)
    settle(qtbot, form)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    view = enrollment.get_application(admin, form.application_id)
    assert "mobile.carrier_mismatch" in view.confirmed
    assert not [r for r in view.missing if r.confirm]


def test_enter_saves_and_the_application_can_be_read_back(qtbot, form: IntakeForm, admin: Context) -> None:
    fill(qtbot, form)
    assert form.notes["number"].state == "ok" and "中国移动" in form.notes["number"].text()
    with qtbot.waitSignal(form.saved) as blocker:
        qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    view = enrollment.get_application(admin, blocker.args[0])
    assert (view.name, view.department, view.msisdn, view.plan) == ("张三", "铸造事业部", MOBILE, "group8")
    assert f"#{view.id}" in form.banner.text() and form.banner_state == "ok"
    assert "缺少身份证复印件(正面)" in form.missing_label.text()


def test_refused_save_shows_reasons_inline_and_keeps_every_field(qtbot, form: IntakeForm, admin: Context, campaign: str) -> None:
    taken = enrollment.save_application(
        admin, ApplicationInput(campaign, IntakeFields(department="财务部", name="李四", number_source="pool", msisdn="18832758888"))
    )
    fill(qtbot, form, number="", dept="不存在的部门")
    form.new_radio.setChecked(True)
    type_text(qtbot, form.number_edit, "18832758888")
    typed = {w: w.text() for w in (form.name_edit, form.id_edit, form.number_edit)}
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.application_id is None
    assert form.banner_state == "reason" and form.banner.isVisible()
    assert "不在本次活动的部门名单中" in form.banner.text()
    assert f"已被第{taken.id}号申请占用" in form.banner.text()
    assert f"已被第{taken.id}号申请占用" in form.notes["number"].text()
    assert {w: w.text() for w in typed} == typed
    assert form.dept_combo.currentText() == "不存在的部门"
    assert taken.id == 1


def test_ctrl_n_clears_the_person_but_keeps_department_and_plan(qtbot, form: IntakeForm) -> None:
    form.activateWindow()
    qtbot.waitActive(form)
    fill(qtbot, form)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.application_id is not None
    qtbot.keyClick(form.id_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, form)
    assert (form.name_edit.text(), form.id_edit.text(), form.number_edit.text()) == ("", "", "")
    assert form.application_id is None
    assert form.dept_combo.currentText() == "铸造事业部"
    assert form.plan_combo.currentData() == "group8"
    assert form.name_edit.hasFocus()


def test_ctrl_n_saves_what_was_typed_first_and_keeps_it_if_refused(qtbot, form: IntakeForm, admin: Context, campaign: str) -> None:
    form.activateWindow()
    qtbot.waitActive(form)
    fill(qtbot, form)
    qtbot.keyClick(form.id_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, form)
    assert form.name_edit.text() == "" and "#1" in form.banner.text()
    assert enrollment.get_application(admin, 1).name == "张三"
    fill(qtbot, form, dept="不存在的部门", name="李四")
    qtbot.keyClick(form.id_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, form)
    assert form.name_edit.text() == "李四" and form.banner_state == "reason"


def test_collector_department_is_preselected_and_locked(qtbot, admin: Context, campaign: str) -> None:
    collector = make_staff(admin, "C001", "collector", "装配事业部")
    form = make_form(qtbot, collector, campaign)
    assert form.dept_combo.currentText() == "装配事业部"
    assert not form.dept_combo.isEnabled()
    assert not form.workflow.buttons["submitted"].isEnabled()


def test_late_application_needs_a_reason_only_office_may_give(qtbot, admin: Context, campaign: str, clock) -> None:
    clock.advance(days=3)
    clerk = make_staff(admin, "K001", "clerk", "财务部")
    clerk_form = make_form(qtbot, clerk, campaign)
    assert clerk_form.late_banner.isVisible() and not clerk_form.late_edit.isEnabled()
    form = make_form(qtbot, admin, campaign)
    assert "已过" in form.late_banner.text() and form.late_edit.isEnabled()
    fill(qtbot, form)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.banner_state == "reason" and form.focusWidget() is form.late_edit
    type_text(qtbot, form.late_edit, "manager approved")
    qtbot.keyClick(form.late_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.banner_state == "ok"
    assert enrollment.get_application(admin, form.application_id).late_reason == "manager approved"


def test_full_keyboard_flow_save_attach_submit(qtbot, office: Context, campaign: str, tmp_path: Path) -> None:
    form = make_form(qtbot, office, campaign)
    fill(qtbot, form)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert not form.workflow.buttons["sent"].isEnabled()
    # Submitting now would be refused (no copies yet): the button is not offered, and the list says why.
    assert not form.workflow.buttons["submitted"].isEnabled() and form.workflow.buttons["withdrawn"].isEnabled()
    assert "缺少身份证复印件(正面)" in form.missing_label.text()
    form.copies.attach_file("front", card(tmp_path / "front.png"))
    settle(qtbot, form)
    form.copies.attach_file("back", card(tmp_path / "back.jpg"))
    settle(qtbot, form)
    assert form.missing_state == "ok" and form.workflow.buttons["submitted"].isEnabled()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.workflow.buttons["submitted"], Qt.MouseButton.LeftButton)
    settle(qtbot, form)
    view = enrollment.get_application(office, form.application_id)
    assert view.status == "submitted"
    assert [e.to_status for e in view.events] == ["draft", "submitted"]
    assert form.workflow.history.count() == 2
    assert not form.fields_box.isEnabled()
    assert form.workflow.buttons["sent"].isEnabled()


def test_load_shows_a_saved_application(qtbot, form: IntakeForm, admin: Context, campaign: str) -> None:
    saved = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="王五", id_number=VALID_ID, msisdn=UNICOM),
        plan="mzone15",
    ))
    form.load(saved.id)
    settle(qtbot, form)
    assert (form.name_edit.text(), form.number_edit.text(), form.plan_combo.currentData()) == ("王五", UNICOM, "mzone15")
    assert "mobile.carrier_mismatch" in form.confirm_list.boxes
    form.confirm_list.boxes["mobile.carrier_mismatch"].setChecked(True)
    settle(qtbot, form)
    assert "mobile.carrier_mismatch" in enrollment.get_application(admin, saved.id).confirmed


def test_estimate_marks_the_cheapest_option(qtbot, form: IntakeForm) -> None:
    form.estimate.spins["in_group"].setValue(400)
    form.estimate.spins["sms"].setValue(80)
    # The campaign's own first estimate (no usage yet) already has a ★: wait for the one with this usage.
    qtbot.waitUntil(lambda: "12.00" in form.estimate.result.text(), timeout=5000)
    assert "★" in form.estimate.result.text()
