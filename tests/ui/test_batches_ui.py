"""Batches in the applications list: pick rows with real clicks, one question, one result row each."""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot
from qt_dialogs import MessageBoxes, answer_file_dialog
from support import make_staff

from kaccount_desk.services import application_list, enrollment, id_copies
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtWidgets

pytestmark = pytest.mark.usefixtures("english")
CTRL, SHIFT, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.NoModifier


def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (200, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _page(qtbot: QtBot, ctx: Context, campaign: str) -> ApplicationsPage:
    page = ApplicationsPage(ctx)
    settle(qtbot)
    qtbot.addWidget(page)
    page.resize(1400, 900)
    page.set_campaign(campaign)
    settle(qtbot)
    page.show()
    qtbot.waitExposed(page)
    _loaded(qtbot, page)
    return page


def _loaded(qtbot: QtBot, page: ApplicationsPage) -> None:
    """The count and every row's page, read in the background."""
    qtbot.waitUntil(operations.idle)
    for row in range(page.model.rowCount()):
        page.model.row_at(row)
    qtbot.waitUntil(operations.idle)


def _id(page: ApplicationsPage, row: int) -> int:
    found = page.model.application_id(row)
    assert found is not None
    return found


def _click(qtbot: QtBot, page: ApplicationsPage, row: int, modifier: Qt.KeyboardModifier = NONE) -> None:
    rect = page.table.visualRect(page.model.index(row, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    settle(qtbot)


@pytest.fixture
def questions(boxes: MessageBoxes) -> list[str]:
    """Qt's real confirmation, answered Yes (the list holds what was asked); append "no" to answer No from then on."""
    button = QtWidgets.QMessageBox.StandardButton
    boxes.default = lambda _asked: button.No if "no" in boxes.texts else button.Yes
    return boxes.texts


def test_ctrl_and_shift_clicks_pick_a_batch_moved_with_one_question(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None], questions: list[str],
) -> None:
    applications(6)
    page = _page(qtbot, admin, campaign)
    ids = [_id(page, row) for row in range(6)]
    for row in (0, 2):  # complete; row 4 still lacks its ID copies
        id_copies.attach_id_copy(admin, ids[row], "front", _jpeg())
        id_copies.attach_id_copy(admin, ids[row], "back", _jpeg())

    _click(qtbot, page, 0)
    _click(qtbot, page, 2, SHIFT)  # rows 0-2
    _click(qtbot, page, 1, CTRL)  # not row 1
    _click(qtbot, page, 4, CTRL)
    assert page.selected_ids() == [ids[0], ids[2], ids[4]]
    assert "3 selected" in page.count_label.text()
    page.move_actions["collected"].trigger()
    qtbot.waitUntil(operations.idle)  # the batch runs off the GUI thread

    assert questions == ["Move 3 selected application(s) to “Collected”?"]
    dialog = page.batch_result
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert [r[0] for r in rows] == [str(ids[0]), str(ids[2]), str(ids[4])]
    assert [r[1] for r in rows] == ["员工0005", "员工0003", "员工0001"]  # newest first, as in the list
    assert rows[0][2] == rows[1][2] == "Moved"
    assert "The ID copy (front) is missing" in rows[2][2]
    assert "2" in dialog.summary.text() and "refused: 1" in dialog.summary.text()
    statuses = [enrollment.get_application(admin, i).status for i in ids]
    assert statuses == ["collected", "draft", "collected", "draft", "draft", "draft"]
    _loaded(qtbot, page)
    assert page.model.index(0, 7).data() == "Collected"  # the list shows it once re-read


def test_answering_no_moves_nothing(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None], questions: list[str],
) -> None:
    applications(3)
    page = _page(qtbot, admin, campaign)
    questions.append("no")
    _click(qtbot, page, 0)
    _click(qtbot, page, 2, SHIFT)
    page.move_actions["withdrawn"].trigger()
    assert len(questions) == 2 and page.batch_result is None
    assert {enrollment.get_application(admin, _id(page, r)).status for r in range(3)} == {"draft"}


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform, for the popup menu
def test_select_all_of_this_department(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None], questions: list[str],
) -> None:
    applications(27)  # nine departments, three applications each
    page = _page(qtbot, admin, campaign)
    _click(qtbot, page, 4)
    department = page.model.row_at(4).department  # type: ignore[union-attr]
    page.table.customContextMenuRequested.emit(page.table.visualRect(page.model.index(4, 1)).center())
    assert page.batch_menu.isVisible() and page.select_department_action in page.batch_menu.actions()  # the list's context menu
    page.batch_menu.close()
    page.select_department_action.trigger()
    _loaded(qtbot, page)
    assert page.department.currentData() == department
    wanted = application_list.page_applications(admin, ApplicationQuery(campaign, department=department), 0, 100)
    assert sorted(page.selected_ids()) == sorted(r.id for r in wanted) and len(wanted) == 3
    page.move_actions["withdrawn"].trigger()
    qtbot.waitUntil(operations.idle)  # the batch runs off the GUI thread
    assert page.batch_result is not None and [r[2] for r in page.batch_result.rows()] == ["Moved"] * 3
    everyone = application_list.page_applications(admin, ApplicationQuery(campaign), 0, 100)
    assert sorted(r.id for r in everyone if r.status == "withdrawn") == sorted(r.id for r in wanted)


def test_a_collector_selects_their_own_department_and_is_offered_only_their_moves(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None],
) -> None:
    applications(27)
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    page = _page(qtbot, collector, campaign)
    page.select_department_action.trigger()
    _loaded(qtbot, page)
    assert len(page.selected_ids()) == 3 and page.model.rowCount() == 3
    offered = list(page.move_actions)
    assert "collected" in offered and "sent" not in offered and "submitted" not in offered


def test_the_selection_prints_its_forms_on_the_print_page(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None],
) -> None:
    applications(5)
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    page = window.page(ApplicationsPage)
    assert page is not None and page.print_forms_action.isVisible()
    window.nav.setCurrentRow([p for _, p in window.pages].index(page))
    _loaded(qtbot, page)
    _click(qtbot, page, 1)
    _click(qtbot, page, 3, CTRL)
    picked = page.selected_ids()
    page.print_forms_action.trigger()
    printing = window.page(PrintPage)
    assert printing is not None and window.current_page() is printing
    assert printing.kind() == "forms" and printing.selected_only.isChecked() and sorted(printing.checked_ids()) == sorted(picked)
    qtbot.waitUntil(lambda: printing.operation is None, timeout=30000)
    assert printing.preview.pages is not None and printing.preview.pages.page_count() == 2  # one form each


def test_the_selection_exports_as_a_spreadsheet(
    qtbot: QtBot, admin: Context, campaign: str, applications: Callable[[int], None], tmp_path: Path,
    message_boxes: list[tuple[str, str]],
) -> None:
    applications(4)
    page = _page(qtbot, admin, campaign)
    out = tmp_path / "picked.csv"
    answer_file_dialog(out, [])  # Qt's own save dialog, answered as the clerk would
    _click(qtbot, page, 0)
    _click(qtbot, page, 2, CTRL)
    page.export_action.trigger()
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=20000)
    assert message_boxes[0][0] == "information" and "2 application(s)" in message_boxes[0][1]
    text = out.read_text(encoding="utf-8-sig")
    assert "员工0003" in text and "员工0001" in text and "员工0002" not in text and "员工0000" not in text
