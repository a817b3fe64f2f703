"""Roster import through the dialog (dry run, real run, cancel) and the worker underneath."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from qt_dialogs import answer_file_dialog
from support import valid_id

from kaccount_desk import confined
from kaccount_desk.services import application_list
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.sheets.roster_reader import read_roster
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog, export_roster
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.workers import Operation, ProgressCallback

pytestmark = pytest.mark.usefixtures("english")


def count(ctx: Context, code: str) -> int:
    return application_list.count_applications(ctx, ApplicationQuery(code))


def run_import(qtbot, dialog: ImportRosterDialog) -> None:
    dialog.start()
    assert dialog.operation is not None
    assert not dialog.start_button.isEnabled(), "the button stays off while the import runs"
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10000)


def test_dry_run_writes_nothing_and_a_real_run_shows_the_rows(qtbot, admin: Context, campaign: str,
                                                              write_roster: Callable[..., Path]) -> None:
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(write_roster(12)))
    assert dialog.dry_run.isChecked()
    run_import(qtbot, dialog)
    assert dialog.report is not None and dialog.report.dry_run
    assert dialog.report_model.rowCount() == 12
    assert "Dry run" in dialog.summary.text()
    assert count(admin, campaign) == 0
    dialog.dry_run.setChecked(False)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.start()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10000)
    assert count(admin, campaign) == 12
    model = dialog.report_model
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["New"] * 12
    assert model.index(0, 0).data() == "2" and model.index(0, 1).data() == "员工0000"


def test_the_reading_child_is_started_when_the_dialog_opens_and_does_the_read(qtbot, admin: Context, campaign: str,
                                                                              write_roster: Callable[..., Path]) -> None:
    """Its start (an interpreter and the reader's imports) is paid while the person chooses the file, not after Start."""
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: read_roster in confined._waiting, timeout=10000)
    waiting = confined._waiting[read_roster].process
    dialog.path.setText(str(write_roster(3)))
    run_import(qtbot, dialog)
    assert dialog.report_model.rowCount() == 3
    assert read_roster not in confined._waiting and not waiting.is_alive()  # taken by the read, used once, gone


def test_refused_rows_show_their_reasons(qtbot, admin: Context, campaign: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("部门,姓名,身份证号码,手机号码\n不存在的部门,张三,123,13800000001\n", encoding="utf-8")
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    run_import(qtbot, dialog)
    assert dialog.report_model.index(0, 2).data() == "Refused"
    assert "not listed for this campaign" in dialog.report_model.index(0, 3).data()


def test_cancel_stops_the_import_and_leaves_the_store_unchanged(qtbot, admin: Context, campaign: str,
                                                                 write_roster: Callable[..., Path]) -> None:
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(write_roster(450)))
    dialog.dry_run.setChecked(False)
    dialog.start()
    assert dialog.operation is not None and dialog.operation.dialog is not None
    dialog.operation.dialog.findChild(QtWidgets.QPushButton).click()  # the progress dialog's Cancel
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=10000)
    assert dialog.report is None
    assert "nothing was written" in dialog.summary.text()
    assert count(admin, campaign) == 0


def test_operation_reports_progress_result_and_failure(qtbot) -> None:
    seen: list[tuple[int, int]] = []

    def work(progress: ProgressCallback) -> str:
        for i in range(3):
            progress(i + 1, 3)
        return "done"

    op = Operation(work)
    op.progressed.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(op.finished, timeout=5000) as blocker:
        op.start()
    assert blocker.args == ["done"] and seen == [(1, 3), (2, 3), (3, 3)] and not op.running

    def broken(progress: ProgressCallback) -> None:
        raise ValueError("boom")

    op = Operation(broken)
    with qtbot.waitSignal(op.failed, timeout=5000) as blocker:
        op.start()
    assert isinstance(blocker.args[0], ValueError)


def test_export_refusal_is_shown(qtbot, admin: Context, campaign: str, tmp_path: Path,
                                 message_boxes: list[tuple[str, str]]) -> None:
    op = export_roster(None, admin, campaign, tmp_path / "out.xlsx")
    assert op is not None
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    assert message_boxes[0][0] == "warning" and "No applications to export" in message_boxes[0][1]


def test_a_sheet_without_departments_is_imported_into_the_chosen_one_and_refusals_go_back(
        qtbot, admin: Context, campaign: str, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "铸造.csv"
    path.write_text("姓名,身份证号码,手机号码,资费方式\n"
                    f"张三,{valid_id('13098119800101123')},13800000001,集团资费\n"
                    f"李四,{valid_id('13098119800101124')},13800000002,十元套餐\n", encoding="utf-8")
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(operations.idle)  # the campaign's departments, read in the background
    dialog.path.setText(str(path))
    dialog.department.setCurrentIndex(dialog.department.findData("铸造事业部"))
    dialog.dry_run.setChecked(False)
    run_import(qtbot, dialog)
    assert count(admin, campaign) == 1
    model = dialog.report_model
    assert model.index(0, 2).data() == "Refused"
    full = model.index(0, 3).data(QtCore.Qt.ItemDataRole.ToolTipRole)
    assert "accepted:" in full and "keep5" in full  # the whole reason, however long the cell
    dialog.table.setCurrentIndex(model.index(0, 1))
    assert dialog.details.text() == full
    out, seen = tmp_path / "退回.xlsx", []
    answer_file_dialog(out, seen)  # Qt's own save dialog, answered as the clerk would
    assert dialog.save_refused_button.isEnabled() and dialog.save_refused() == out
    qtbot.waitUntil(operations.idle)
    assert out.exists() and "1 refused rows saved" in dialog.summary.text()
    assert seen[0][1].endswith(".xlsx"), "a name beside the roster is offered"


def test_a_crafted_file_is_refused_in_a_message_and_the_dialog_stays(qtbot, admin: Context, campaign: str, tmp_path: Path,
                                                                     message_boxes: list[tuple[str, str]]) -> None:
    """A far cell written in single quotes once aborted the whole app (exit 134) from this dialog."""
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["姓名", "部门", "身份证号码", "手机号码"])
    book.save(plain)
    path = tmp_path / "far.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row></sheetData>")
            target.writestr(item, data)
    dialog = ImportRosterDialog(admin, campaign)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    dialog.dry_run.setChecked(False)
    run_import(qtbot, dialog)
    qtbot.waitUntil(lambda: bool(message_boxes), timeout=5000)
    assert message_boxes[0][0] == "warning" and "beyond what a roster can be" in message_boxes[0][1]
    assert dialog.report is None and count(admin, campaign) == 0
