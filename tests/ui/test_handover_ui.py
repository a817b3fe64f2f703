"""Issue 22 in the GUI: the seat hands its applications over (File → Hand over to the office…), and the
office previews and imports the package in its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from handover_support import pack_for, seat_from, take
from qt_dialogs import MessageBoxes, answer_file_dialog
from support import Clock

from kaccount_desk.domain.handover import package_file_name
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
    # The suggested name itself (the seat's clock is the tests' fixed one): a file dialog that keeps its suggestion
    # when told another name (seen under load) then writes the same file.
    out = tmp_path / package_file_name("铸造事业部", 1, seat.now())
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
    assert out.exists() and [s.sequence for s in sends(seat)] == [1], boxes.shown
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


def test_the_office_makes_a_pack_from_the_file_menu(qtbot, admin: Context, campaign: str, tmp_path: Path,
                                                    boxes: MessageBoxes) -> None:
    from kaccount_desk.services.handover_pack import read_pack
    from kaccount_desk.ui.handover.pack_dialog import MakePackDialog

    window = MainWindow(admin)
    qtbot.addWidget(window)
    qtbot.waitUntil(operations.idle)
    dialog = window.make_pack()
    assert isinstance(dialog, MakePackDialog)
    qtbot.waitUntil(lambda: dialog.department.count() == 9)
    dialog.department.setCurrentText("装配事业部")
    dialog.count.setValue(4)
    out = tmp_path / "pack.kapack"
    seen: list[tuple[str, str]] = []
    answer_file_dialog(out, seen)
    with qtbot.waitSignal(dialog.made, timeout=15000) as signal:
        dialog.save_button.click()
    assert seen[0][1] == f"活动包-{campaign}-装配事业部.kapack"
    pack = read_pack(signal.args[0].path)
    assert pack.department == "装配事业部" and len(pack.numbers) == 4
    assert not set(pack.numbers) & {e.number for e in pool.browse_pool(admin, campaign)}
    assert "with 4 numbers" in boxes.shown[-1][1]


def test_the_first_run_wizard_sets_up_a_department_seat_from_a_pack(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    from support import PASSWORD

    from kaccount_desk.services.handover_seat import seat_info
    from kaccount_desk.ui.first_run import FirstRunWizard
    from kaccount_desk.ui.settings import Settings

    pack = pack_for(admin, campaign, tmp_path, count=3)
    wizard = FirstRunWizard(Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.store_page.path.setText(str(tmp_path / "seat.sqlite3"))
    wizard.next()
    wizard.organisation_page.name.setText("铸造事业部受理点")
    wizard.next()
    page = wizard.admin_page
    page.staff_no.setText("C101")
    page.name.setText("统计员")
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD)
    wizard.next()
    wizard.start_page.seat.setChecked(True)
    commit = wizard.button(QtWidgets.QWizard.WizardButton.CommitButton)
    assert not commit.isEnabled()  # a seat needs its pack
    wizard.start_page.pack.setText(str(pack))
    commit.click()
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert wizard.currentPage() is wizard.recovery_page and wizard.opened is not None
    opened = wizard.opened
    assert opened.actor.role == "collector" and opened.actor.department == "铸造事业部"
    ctx = Context(opened.store, opened.actor)
    found = seat_info(ctx)
    assert found is not None and found.numbers == 3 and found.campaign == campaign
    assert len(pool.browse_pool(ctx, campaign)) == 3
    wizard.recovery_page.written.setChecked(True)
    wizard.button(QtWidgets.QWizard.WizardButton.FinishButton).click()
    opened.store.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_hand_over_dialogs_open_in_each_language(qtbot, qapp, admin: Context, campaign: str, lang: str) -> None:
    from kaccount_desk.ui.handover.pack_dialog import MakePackDialog
    from kaccount_desk.ui.i18n import install_translations

    install_translations(qapp, lang)
    dialogs = [HandoverImportDialog(admin), MakePackDialog(admin, campaign)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
    qtbot.waitUntil(operations.idle)
    titles = [d.windowTitle() for d in dialogs]
    expected = (["导入部门交接包", "为部门受理点制作活动包"] if lang == "zh"
                else ["Import a department's hand-over package", "Campaign pack for a department's seat"])
    assert titles == expected
    assert dialogs[0].model.headerData(4, QtCore.Qt.Orientation.Horizontal) == ("原因" if lang == "zh" else "Reasons")
