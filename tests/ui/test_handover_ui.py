"""Issue 22 in the GUI: the seat hands its applications over (File → Hand over to the office…), and the
office previews and imports the package in its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from handover_support import pack_for, seat_from, take
from qt_dialogs import MessageBoxes, answer_file_dialog
from support import Clock

from kaccount_desk.services import application_list, pool
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_seat import send, sends
from kaccount_desk.ui import operations
from kaccount_desk.ui.handover.import_dialog import HandoverImportDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import QtCore, QtWidgets

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def seat(admin: Context, campaign: str, tmp_path: Path, clock: Clock) -> Context:
    (tmp_path / "seat").mkdir()
    ctx = seat_from(pack_for(admin, campaign, tmp_path), tmp_path / "seat", clock)
    numbers = [e.number for e in pool.browse_pool(ctx, campaign)]
    for i in range(3):
        take(ctx, campaign, i, numbers[i])
    return ctx


def test_the_seat_hands_over_from_the_file_menu_under_a_name_that_says_it_carries_id_data(
        qtbot, seat: Context, tmp_path: Path, boxes: MessageBoxes) -> None:
    window = MainWindow(seat)
    qtbot.addWidget(window)
    qtbot.waitUntil(operations.idle)
    assert window.hand_over_action.isVisible() and not window.handover_import_action.isVisible()
    out = tmp_path / "out.kahp"
    seen: list[tuple[str, str]] = []
    titles: list[str] = []

    def note_title() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if isinstance(dialog, QtWidgets.QFileDialog):
            titles.append(dialog.windowTitle())
        else:
            QtCore.QTimer.singleShot(5, note_title)

    QtCore.QTimer.singleShot(0, note_title)
    answer_file_dialog(out, seen)
    window.hand_over_action.trigger()
    qtbot.waitUntil(lambda: bool(seen) and operations.idle() and bool(boxes.shown), timeout=15000)
    assert titles and "carries ID numbers and ID card images" in titles[0]
    assert seen[0][1].startswith("交接包-含身份证信息-铸造事业部-001-") and seen[0][1].endswith(".kahp")
    assert out.exists() and [s.sequence for s in sends(seat)] == [1]
    assert "3 applications, 6 ID card images" in boxes.shown[-1][1] and "carries ID data" in boxes.shown[-1][1]
    seat.store.close()


def test_the_office_previews_then_imports_a_package(qtbot, admin: Context, campaign: str, seat: Context, tmp_path: Path) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    window = MainWindow(admin)
    qtbot.addWidget(window)
    qtbot.waitUntil(operations.idle)
    assert window.handover_import_action.isVisible() and not window.hand_over_action.isVisible()
    dialog = window.import_handover()
    assert isinstance(dialog, HandoverImportDialog)
    dialog.path.setText(str(package))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=15000)
    model = dialog.model
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == ["New"] * 3
    assert "nothing has changed yet" in dialog.summary.text()
    assert application_list.count_applications(admin, ApplicationQuery(campaign)) == 0
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.import_button.click()
    assert application_list.count_applications(admin, ApplicationQuery(campaign)) == 3
    assert "imported" in dialog.summary.text() and not dialog.import_button.isEnabled()
    dialog.preview_button.click()  # the same package again: nothing to import
    qtbot.waitUntil(lambda: "imported already" in dialog.summary.text(), timeout=15000)
    assert not dialog.import_button.isEnabled()
    seat.store.close()
