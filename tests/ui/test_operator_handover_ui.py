"""The Applications page's steps with the operator: the hand-over file out, the activation list back, driven as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from operator_handover_support import application, package, statuses
from qt_dialogs import answer_file_dialog

from kaccount_desk.services.context import Context
from kaccount_desk.ui.enrollment.activations_dialog import ActivationsDialog
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.operator_handover_dialog import OperatorHandoverDialog
from kaccount_desk.ui.operations import idle
from kaccount_desk.ui.qt import QtWidgets

pytestmark = pytest.mark.usefixtures("english")


def test_the_page_opens_a_hand_over_that_writes_the_file_and_names_who_stayed_behind(
        qtbot, admin: Context, campaign: str, tmp_path: Path, message_boxes: list[tuple[str, str]]) -> None:
    ready = [application(admin, campaign, n) for n in range(2)]
    waiting = application(admin, campaign, 2, status="collected")
    page = ApplicationsPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    assert page.handover_action.isVisible() and page.activations_action.isVisible()
    dialog = page.open_handover()
    assert isinstance(dialog, OperatorHandoverDialog)
    qtbot.waitUntil(lambda: dialog.department.count() > 1 and idle(), timeout=10000)
    assert "ID-card copies" in dialog.warning.text()

    seen: list[tuple[str, str]] = []
    answer_file_dialog(tmp_path / dialog.suggested_name(), seen)
    dialog.choose_target()
    assert seen[0][1].startswith("移交运营商-含身份证信息-BT2012-KA-")
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_shown is not None and idle(), timeout=20000)

    done = dialog.result_shown
    assert done is not None and sorted(done.sent) == sorted(ready) and done.out.is_file()
    assert "2 application(s) handed over" in dialog.summary.text() and "1 more application(s)" in dialog.summary.text()
    assert list(package(done.out)) == ["01-封面.pdf", "02-办理名单.xlsx", "03-身份证复印件.pdf", "manifest.json"]
    assert statuses(admin)[waiting] == "collected" and {statuses(admin)[i] for i in ready} == {"sent"}
    assert message_boxes == []

    dialog.start()  # again: nothing is left to hand over, said in a message box, and the dialog says nothing moved
    qtbot.waitUntil(lambda: bool(message_boxes) and idle(), timeout=10000)
    assert "no application submitted by the office" in message_boxes[0][1]
    assert dialog.summary.text().startswith("Nothing was handed over")
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".zip"] == [done.out.name]


def test_a_held_back_application_is_listed_with_its_reason(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    application(admin, campaign, 0)
    held = application(admin, campaign, 1)
    from kaccount_desk.store.models import IdCopy

    with admin.store.transaction() as s:
        s.query(IdCopy).filter(IdCopy.application_id == held, IdCopy.side == "front").delete()
    dialog = OperatorHandoverDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path))
    dialog.start()
    qtbot.waitUntil(lambda: dialog.result_shown is not None and idle(), timeout=20000)
    assert dialog.rows() == [(str(held), "员工1", "The ID copy (front) is missing")]


def test_the_activation_list_is_checked_then_imported(qtbot, admin: Context, campaign: str, tmp_path: Path, clock) -> None:
    sent = [application(admin, campaign, n, status="sent") for n in range(2)]
    clock.advance(days=5)
    listed = tmp_path / "开通清单.xlsx"
    book = Workbook()
    book.active.append(["服务号码", "开通日期"])
    book.active.append(["18832758800", "2012-02-28"])
    book.active.append(["18832758899", "2012-02-28"])
    book.save(listed)
    dialog = ActivationsDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(listed))
    assert dialog.dry_run.isChecked()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None and idle(), timeout=20000)
    assert dialog.summary.text().startswith("Dry run, nothing was written: activated 1")
    assert dialog.rows()[0] == ("3", "18832758899", "Not found", "No application has this number")
    assert statuses(admin)[sent[0]] == "sent"
    dialog.dry_run.setChecked(False)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.start()
    qtbot.waitUntil(lambda: idle(), timeout=10000)
    assert statuses(admin)[sent[0]] == "activated" and statuses(admin)[sent[1]] == "sent"
    assert dialog.rows()[1][:3] == ("2", "18832758800", "Activated")


def test_staff_without_the_rights_are_not_offered_the_steps(qtbot, admin: Context, campaign: str) -> None:
    from support import make_staff

    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    page = ApplicationsPage(collector)
    qtbot.addWidget(page)
    assert not page.handover_action.isVisible() and not page.activations_action.isVisible()
    assert isinstance(page.batch_menu, QtWidgets.QMenu)
