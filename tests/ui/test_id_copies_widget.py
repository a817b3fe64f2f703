"""ID copies reach the application by file picker, by drop and by paste, and bad files store nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from qt_dialogs import answer_file_dialog
from support import valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.id_copies_widget import CopySlot, IdCopiesWidget
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets


def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))



@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    """Reasons in Chinese, as the counter reads them."""
    set_current_lang("zh")


@pytest.fixture
def app_id(admin: Context, campaign: str) -> int:
    inp = ApplicationInput(
        campaign, IntakeFields(department="财务部", name="张三", id_number=valid_id("13098119780101123"), msisdn="13812345678"),
        plan="group8",
    )
    return enrollment.save_application(admin, inp).id


@pytest.fixture
def widget(qtbot, admin: Context, app_id: int) -> IdCopiesWidget:
    w = IdCopiesWidget(admin)
    settle(qtbot)
    qtbot.addWidget(w)
    w.set_application(app_id)
    settle(qtbot)
    w.show()
    return w


def card(path: Path, size: tuple[int, int] = (640, 400)) -> Path:
    Image.new("RGB", size, (210, 225, 240)).save(path)
    return path


def drop(target: CopySlot, path: Path) -> None:
    """The drop a file manager delivers, handed to the slot's own drop handler."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(path))])
    event = QtGui.QDropEvent(
        QtCore.QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    target.dropEvent(event)


def test_file_picker_path_and_drop_attach_both_sides(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int, tmp_path: Path) -> None:
    with qtbot.waitSignal(widget.changed):
        widget.attach_file("front", card(tmp_path / "front.jpg"))
        settle(qtbot)
    assert widget.slots["front"].has_thumbnail
    with qtbot.waitSignal(widget.changed) as blocker:
        drop(widget.slots["back"], card(tmp_path / "back.png"))
        settle(qtbot)
    assert widget.slots["back"].has_thumbnail
    assert blocker.args[0].has_back
    view = enrollment.get_application(admin, app_id)
    assert view.has_front and view.has_back
    assert not [r for r in view.missing if r.code.startswith("missing.copy")]


def test_paste_an_image_from_the_clipboard(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int) -> None:
    image = QtGui.QImage(600, 380, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("lightsteelblue"))
    QtWidgets.QApplication.clipboard().setImage(image)
    slot = widget.slots["front"]
    slot.setFocus()
    qtbot.keyClick(slot, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert slot.has_thumbnail
    copy = id_copies.id_copy(admin, app_id, "front")
    assert copy is not None and (copy.width, copy.height) == (600, 380)


def test_unreadable_file_shows_the_reason_and_stores_nothing(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int,
                                                             tmp_path: Path) -> None:
    fake = tmp_path / "scan.jpg"
    fake.write_text("this is not a picture", encoding="utf-8")
    widget.attach_file("front", fake)
    settle(qtbot)
    assert "不是可以打开的图片" in widget.slots["front"].message.text()
    assert not widget.slots["front"].has_thumbnail
    assert id_copies.id_copy(admin, app_id, "front") is None


def test_too_small_image_is_refused(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int, tmp_path: Path) -> None:
    widget.attach_file("back", card(tmp_path / "tiny.png", (120, 80)))
    settle(qtbot)
    assert "太小" in widget.slots["back"].message.text()
    assert id_copies.id_copy(admin, app_id, "back") is None


def test_first_attach_saves_the_draft_and_the_missing_list_shrinks(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    form = IntakeForm(admin, campaign)
    settle(qtbot)
    qtbot.addWidget(form)
    form.dept_combo.setEditText("财务部")
    settle(qtbot)
    form.name_edit.setText("Zhang San")
    settle(qtbot)
    form.plan_combo.setCurrentIndex(1)
    settle(qtbot)
    form.copies.attach_file("front", card(tmp_path / "front.png"))
    settle(qtbot)
    assert form.application_id is not None
    assert "缺少身份证复印件(正面)" not in form.missing_label.text()
    assert "缺少身份证复印件(反面)" in form.missing_label.text()
    form.copies.attach_file("back", card(tmp_path / "back.png"))
    settle(qtbot)
    assert "缺少身份证复印件(反面)" not in form.missing_label.text()


def test_attach_to_a_draft_that_cannot_be_saved_says_why(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    form = IntakeForm(admin, campaign)
    settle(qtbot)
    qtbot.addWidget(form)
    form.copies.attach_file("front", card(tmp_path / "front.png"))
    settle(qtbot)
    assert form.application_id is None
    assert form.copies.slots["front"].message.isVisibleTo(form.copies)
    assert "姓名不能为空" in form.banner.text()


def _answer_next_question(button: QtWidgets.QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click ``button`` in the confirmation the next key or click opens, as the clerk would."""
    def answer() -> None:
        box = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(box, QtWidgets.QMessageBox)
        seen.append(box.text())
        box.button(button).click()
    QtCore.QTimer.singleShot(0, answer)


def test_a_sideways_copy_is_enlarged_and_turned_and_the_view_is_recorded(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int,
                                                                         tmp_path: Path) -> None:
    slot = widget.slots["front"]
    assert not slot.enlarge_button.isEnabled() and not slot.remove_button.isEnabled(), "nothing to enlarge or remove yet"
    widget.attach_file("front", card(tmp_path / "front.jpg"))
    settle(qtbot)
    assert slot.enlarge_button.isEnabled() and slot.turn_button.isEnabled()
    slot.setFocus()
    qtbot.keyClick(slot, Qt.Key.Key_Return)
    settle(qtbot)
    viewer = widget.viewer
    assert viewer is not None and viewer.isVisible() and viewer.image_size == (640, 400)
    assert viewer.shown_size[0] <= viewer.area.viewport().width(), "opened fitted to the window"
    qtbot.mouseClick(viewer.size_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert viewer.shown_size == (640, 400), "then at its real size"
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(viewer.right_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
    assert viewer.image_size == (400, 640)
    stored = id_copies.id_copy(admin, app_id, "front")
    assert stored is not None and (stored.width, stored.height) == (400, 640), "the stored copy turned, not only the picture"
    thumb = slot.picture.pixmap()
    assert thumb.height() > thumb.width()
    viewer.reject()
    settle(qtbot)
    with admin.store.read() as session:
        assert [e.action for e in audit.read_chain(session)].count("view_id_image") == 1


def test_removing_a_copy_asks_first_and_makes_it_missing_again(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int,
                                                               tmp_path: Path) -> None:
    widget.attach_file("back", card(tmp_path / "back.png"))
    settle(qtbot)
    slot, seen = widget.slots["back"], []
    slot.setFocus()
    _answer_next_question(QtWidgets.QMessageBox.StandardButton.No, seen)
    qtbot.keyClick(slot, Qt.Key.Key_Delete)
    settle(qtbot)
    assert slot.has_thumbnail and id_copies.id_copy(admin, app_id, "back") is not None, "No keeps it"
    _answer_next_question(QtWidgets.QMessageBox.StandardButton.Yes, seen)
    with qtbot.waitSignal(widget.changed) as removed:
        qtbot.mouseClick(slot.remove_button, Qt.MouseButton.LeftButton)
        settle(qtbot)
    assert "反面" in seen[0] or "Back" in seen[0]
    assert not slot.has_thumbnail and not slot.remove_button.isEnabled()
    assert id_copies.id_copy(admin, app_id, "back") is None
    assert not removed.args[0].has_back


def test_a_submitted_application_shows_its_copies_but_they_cannot_be_changed(qtbot, admin: Context, app_id: int, tmp_path: Path) -> None:
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, card(tmp_path / f"{side}.png").read_bytes())
    enrollment.move_application(admin, app_id, "submitted")
    view = enrollment.get_application(admin, app_id)
    w = IdCopiesWidget(admin)
    settle(qtbot)
    qtbot.addWidget(w)
    w.set_application(app_id, view.editable, view.copies_viewable)
    settle(qtbot)
    slot = w.slots["front"]
    assert slot.enlarge_button.isEnabled(), "the office may still open it"
    assert not slot.turn_button.isEnabled() and not slot.remove_button.isEnabled()
    w.enlarge("front")
    settle(qtbot)
    viewer = w.viewer
    assert viewer is not None and not viewer.right_button.isVisibleTo(viewer)
    viewer.reject()
    settle(qtbot)


def test_the_backs_file_dialog_opens_where_the_front_came_from(qtbot, widget: IdCopiesWidget, admin: Context, app_id: int,
                                                               tmp_path: Path) -> None:
    scans = tmp_path / "scans"
    scans.mkdir()
    seen: list[tuple[str, str]] = []
    answer_file_dialog(card(scans / "front.jpg"), seen)
    qtbot.mouseClick(widget.slots["front"].choose_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    answer_file_dialog(card(scans / "back.jpg"), seen)
    qtbot.mouseClick(widget.slots["back"].choose_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert seen[1][0] == str(scans)
    view = enrollment.get_application(admin, app_id)
    assert view.has_front and view.has_back


def test_tab_from_the_last_field_reaches_the_copies_before_the_buttons(qtbot, admin: Context, campaign: str) -> None:
    form = IntakeForm(admin, campaign)
    settle(qtbot)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    settle(qtbot)
    form.note_edit.setFocus()
    settle(qtbot)
    qtbot.keyClick(form.note_edit, Qt.Key.Key_Tab)
    settle(qtbot)
    assert form.copies.slots["front"].hasFocus(), "the scan comes right after the fields"
    qtbot.keyClick(form.copies.slots["front"], Qt.Key.Key_Tab)
    settle(qtbot)
    assert form.copies.slots["front"].choose_button.hasFocus()
