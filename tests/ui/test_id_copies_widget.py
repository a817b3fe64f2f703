"""ID copies reach the application by file picker, by drop and by paste, and bad files store nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from support import valid_id

from kaccount_desk.services import enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui.enrollment.id_copies_widget import CopySlot, IdCopiesWidget
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets


@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    """Reasons in Chinese, as the counter reads them."""
    set_current_lang("zh")


@pytest.fixture
def app_id(admin: Context, campaign: str) -> int:
    inp = ApplicationInput(campaign, "财务部", "张三", valid_id("13098119780101123"), msisdn="13812345678", plan="group8")
    return enrollment.save_application(admin, inp).id


@pytest.fixture
def widget(qtbot, admin: Context, app_id: int) -> IdCopiesWidget:
    w = IdCopiesWidget(admin)
    qtbot.addWidget(w)
    w.set_application(app_id)
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
        assert widget.attach_file("front", card(tmp_path / "front.jpg"))
    assert widget.slots["front"].has_thumbnail
    with qtbot.waitSignal(widget.changed) as blocker:
        drop(widget.slots["back"], card(tmp_path / "back.png"))
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
    assert slot.has_thumbnail
    copy = id_copies.id_copy(admin, app_id, "front")
    assert copy is not None and (copy.width, copy.height) == (600, 380)


def test_unreadable_file_shows_the_reason_and_stores_nothing(widget: IdCopiesWidget, admin: Context, app_id: int, tmp_path: Path) -> None:
    fake = tmp_path / "scan.jpg"
    fake.write_text("this is not a picture", encoding="utf-8")
    assert not widget.attach_file("front", fake)
    assert "不是可以打开的图片" in widget.slots["front"].message.text()
    assert not widget.slots["front"].has_thumbnail
    assert id_copies.id_copy(admin, app_id, "front") is None


def test_too_small_image_is_refused(widget: IdCopiesWidget, admin: Context, app_id: int, tmp_path: Path) -> None:
    assert not widget.attach_file("back", card(tmp_path / "tiny.png", (120, 80)))
    assert "太小" in widget.slots["back"].message.text()
    assert id_copies.id_copy(admin, app_id, "back") is None


def test_first_attach_saves_the_draft_and_the_missing_list_shrinks(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    form = IntakeForm(admin, campaign)
    qtbot.addWidget(form)
    form.dept_combo.setEditText("财务部")
    form.name_edit.setText("Zhang San")
    form.plan_combo.setCurrentIndex(1)
    form.copies.attach_file("front", card(tmp_path / "front.png"))
    assert form.application_id is not None
    assert "缺少身份证复印件(正面)" not in form.missing_label.text()
    assert "缺少身份证复印件(反面)" in form.missing_label.text()
    form.copies.attach_file("back", card(tmp_path / "back.png"))
    assert "缺少身份证复印件(反面)" not in form.missing_label.text()


def test_attach_to_a_draft_that_cannot_be_saved_says_why(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    form = IntakeForm(admin, campaign)
    qtbot.addWidget(form)
    assert not form.copies.attach_file("front", card(tmp_path / "front.png"))
    assert form.application_id is None
    assert form.copies.slots["front"].message.isVisibleTo(form.copies)
    assert "姓名不能为空" in form.banner.text()
