"""Issue 14 items 3 and 4 on the intake form: a way out (Discard), F4 after switching to a pool number,
and messages that match the screen (saved means saved, a fixed cause drops its refusal, banners
do not move the fields)."""

from __future__ import annotations

import pytest
from qt_dialogs import MessageBoxes
from support import valid_id
from typing_input import type_text

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.pool_browser import PoolBrowser
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import QtCore, QtWidgets

VALID_ID = valid_id("13098119780101123")

def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))



@pytest.fixture
def form(qtbot, admin: Context, campaign: str) -> IntakeForm:
    set_current_lang("zh")
    made = IntakeForm(admin, campaign)
    settle(qtbot)
    qtbot.addWidget(made)
    made.resize(1280, 860)
    made.show()
    qtbot.waitExposed(made)
    return made


@pytest.fixture
def saved(admin: Context, campaign: str) -> int:
    inp = ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=VALID_ID, number_source="pool", msisdn="18832758801"),
        plan="group8",
    )
    return enrollment.save_application(admin, inp).id


def _answer(boxes: MessageBoxes, button: QtWidgets.QMessageBox.StandardButton) -> list[str]:
    """Answer Qt's real question boxes with ``button``; the texts asked, as they come."""
    boxes.default = button
    return boxes.texts


def test_not_saved_line_goes_after_a_successful_save(qtbot, form: IntakeForm, saved: int) -> None:
    form.load(saved)
    settle(qtbot)
    qtbot.keyClicks(form.name_edit, "X")
    settle(qtbot)
    assert "尚未保存" in form.missing_label.text() or "not saved" in form.missing_label.text()
    form.save()
    settle(qtbot)
    assert "尚未保存" not in form.missing_label.text() and "not saved" not in form.missing_label.text()


def test_a_blank_department_asks_for_one_and_the_note_goes_once_one_is_picked(qtbot, form: IntakeForm) -> None:
    form.dept_combo.setEditText("")
    settle(qtbot)
    qtbot.keyClicks(form.name_edit, "Zhang")
    settle(qtbot)
    form.save()
    settle(qtbot)
    assert form.notes["dept"].text() == "请选择部门" and form.banner.isVisible()
    form.dept_combo.setCurrentIndex(form.dept_combo.findText("财务部"))
    settle(qtbot)
    assert form.notes["dept"].isHidden() and form.notes["dept"].state == ""
    assert form.banner.isHidden()


def test_banners_do_not_move_the_fields(qtbot, form: IntakeForm) -> None:
    form.dept_combo.setEditText("宣传部")
    settle(qtbot)
    qtbot.keyClicks(form.name_edit, "Zhang")
    settle(qtbot)
    QtWidgets.QApplication.processEvents()
    before = {w: w.mapTo(form, QtCore.QPoint(0, 0)) for w in (form.dept_combo, form.name_edit, form.id_edit, form.save_button)}
    form.save()
    settle(qtbot)
    assert form.banner.isVisible()
    QtWidgets.QApplication.processEvents()
    assert {w: w.mapTo(form, QtCore.QPoint(0, 0)) for w in before} == before


def test_typing_never_moves_a_field(qtbot, form: IntakeForm) -> None:
    """The notes that come and go as the clerk types (the ID's missing digits, its birth date, the
    number's carrier, a department not in the list) keep their line: nothing below them moves."""
    watched = (form.name_edit, form.id_edit, form.keep_radio, form.number_edit, form.packages_edit, form.plan_combo,
               form.note_edit, form.save_button)

    def places() -> dict[QtWidgets.QWidget, QtCore.QPoint]:
        QtWidgets.QApplication.processEvents()
        return {w: w.mapTo(form, QtCore.QPoint(0, 0)) for w in watched}

    before = places()
    shown: set[str] = set()
    for edit, text in ((form.dept_line, "宣传"), (form.name_edit, "Zhang"), (form.id_edit, VALID_ID),
                       (form.number_edit, "13812345678"), (form.id_edit, "")):
        if not text:
            edit.clear()
        for char in text:
            type_text(qtbot, edit, char)
            assert places() == before, f"a field moved after typing {char!r} into {edit.objectName() or type(edit).__name__}"
            shown |= {key for key, note in form.notes.items() if note.isVisible()}
    assert {"dept", "id", "number"} <= shown  # the notes did come and go


def test_discard_asks_then_puts_typing_aside(qtbot, form: IntakeForm, saved: int, boxes: MessageBoxes) -> None:
    qtbot.keyClicks(form.name_edit, "Wang")
    settle(qtbot)
    qtbot.keyClicks(form.id_edit, "1309811978")
    settle(qtbot)
    asked = _answer(boxes, QtWidgets.QMessageBox.StandardButton.Cancel)
    assert not form.discard() and form.name_edit.text() == "Wang" and len(asked) == 1
    _answer(boxes, QtWidgets.QMessageBox.StandardButton.Discard)
    assert form.discard() and form.name_edit.text() == "" and form.id_edit.text() == ""
    form.load(saved)
    settle(qtbot)
    form.name_edit.clear()
    settle(qtbot)
    qtbot.keyClicks(form.name_edit, "Li Si")
    settle(qtbot)
    qtbot.mouseClick(form.discard_button, QtCore.Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert form.name_edit.text() == "张三" and not form.has_unsaved_input()


def test_f4_after_switching_to_a_pool_number_opens_the_pool_unfiltered(qtbot, form: IntakeForm) -> None:
    tails: list[str] = []

    def read_and_close() -> None:
        """The real pool browser, read while it is up and closed as a clerk would (Esc)."""
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, PoolBrowser):
            QtCore.QTimer.singleShot(20, read_and_close)
            return
        tails.append(dialog.tail_edit.text())
        dialog.reject()
        settle(qtbot)

    qtbot.keyClicks(form.number_edit, "13812345678")
    settle(qtbot)
    form.new_radio.setChecked(True)
    settle(qtbot)
    QtCore.QTimer.singleShot(0, read_and_close)
    settle(qtbot)
    form.open_pool_browser()
    settle(qtbot)
    form.number_edit.setText("01")
    settle(qtbot)
    QtCore.QTimer.singleShot(0, read_and_close)
    settle(qtbot)
    form.open_pool_browser()
    settle(qtbot)
    assert tails == ["", "01"]


def test_a_half_typed_application_is_kept_as_a_draft_with_its_problems_listed(qtbot, form: IntakeForm, admin: Context) -> None:
    form.dept_combo.setEditText("铸造事业部")
    settle(qtbot)
    qtbot.keyClicks(form.name_edit, "Zhang San")
    settle(qtbot)
    qtbot.keyClicks(form.id_edit, "1309811978")
    settle(qtbot)
    qtbot.keyClicks(form.number_edit, "1380317")
    settle(qtbot)
    qtbot.keyClick(form.id_edit, QtCore.Qt.Key.Key_Return)
    settle(qtbot)
    assert form.application_id is not None and form.banner_state == "info" and "draft" in form.banner.text()
    assert not form.has_unsaved_input()
    kept = enrollment.get_application(admin, form.application_id)
    assert kept.id_number == "1309811978" and kept.msisdn == "1380317"
    assert {r.code for r in kept.problems} == {"id.length", "mobile.length"}
    # Each problem once: its words under its field, and the list of what is missing names the field (issue 19 item 8).
    assert "10" in form.notes["id"].text() and form.notes["number"].text()
    assert "缺少有效的身份证号码" in form.missing_label.text() and "缺少手机号码" in form.missing_label.text()
    assert not any(r.zh in form.missing_label.text() for r in kept.problems)
    qtbot.keyClick(form.id_edit, QtCore.Qt.Key.Key_N, QtCore.Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert form.name_edit.text() == "" and form.application_id is None
