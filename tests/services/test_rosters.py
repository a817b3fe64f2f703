"""Roster import and export against a real store, with real .xlsx and .csv files."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies, rosters
from kaccount_desk.services.application_list import ApplicationQuery, count_applications
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.models import Application, ApplicationEvent

GOOD_1 = valid_id("13098119780101123")
GOOD_2 = valid_id("13098119850612004")
GOOD_3 = valid_id("11010519491231002")


def _xlsx(path: Path, rows: list[list[object]], title: str | None = "铸造事业部大客户业务办理登记表") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(["序号", "姓名", "部门", "身份证号码", "手机号码", "资费方式", "已办业务", "新号"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _sample(tmp_path: Path) -> Path:
    return _xlsx(
        tmp_path / "roster.xlsx",
        [
            [1, "张三", "铸造事业部", GOOD_1, 13803170001, "group8", "", ""],
            [2, "李四", "铸造事业部", GOOD_2, "", "集团资费(神州行集团卡3+集团包,共8元)", "", "18832758801"],
            [],
            [3, "王五", "宣传部", GOOD_3, "13803170003", "group8", "", ""],
            [4, "赵六", "铸造事业部", "1.30981E+17", "13803170004", "group8", "", ""],
            [5, "钱七", "铸造事业部", GOOD_3, "13803170005", "group8", "亲情一家", ""],
            [6, "孙八", "铸造事业部", GOOD_3, "13012345678", "mzone15", "", ""],
        ],
    )


def _count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_import_reports_every_row_by_its_excel_row_number(admin: Context, campaign: str, tmp_path: Path) -> None:
    report = rosters.import_roster(admin, _sample(tmp_path), campaign)
    by_row = {r.row: r for r in report.rows}
    assert sorted(by_row) == [4, 5, 7, 8, 9, 10]
    assert by_row[4].status == "accepted" and by_row[5].status == "accepted"
    assert by_row[7].status == "rejected" and by_row[7].reasons[0].code == "application.department"
    assert by_row[8].status == "rejected" and by_row[8].reasons[0].code == "id.excel_number"
    assert by_row[9].status == "rejected" and "亲情一家" in by_row[9].reasons[0].zh
    assert by_row[10].status == "accepted" and by_row[10].warnings[0].code == "mobile.carrier_mismatch"
    assert report.totals == {"accepted": 3, "updated": 0, "unchanged": 0, "rejected": 3}
    assert count_applications(admin, ApplicationQuery(campaign)) == 3
    second = enrollment.get_application(admin, by_row[5].application_id or 0)
    assert second.number_source == "pool" and second.msisdn == "18832758801" and second.plan == "group8"


def test_dry_run_writes_nothing(admin: Context, campaign: str, tmp_path: Path) -> None:
    report = rosters.import_roster(admin, _sample(tmp_path), campaign, dry_run=True)
    assert report.totals["accepted"] == 3
    assert _count(admin, Application) == 0 and _count(admin, ApplicationEvent) == 0


def test_importing_the_same_file_again_changes_and_duplicates_nothing(admin: Context, campaign: str, tmp_path: Path) -> None:
    path = _sample(tmp_path)
    rosters.import_roster(admin, path, campaign)
    before = (_count(admin, Application), _count(admin, ApplicationEvent))
    again = rosters.import_roster(admin, path, campaign)
    assert again.totals == {"accepted": 0, "updated": 0, "unchanged": 3, "rejected": 3}
    assert (_count(admin, Application), _count(admin, ApplicationEvent)) == before


def test_a_changed_row_updates_its_application(admin: Context, campaign: str, tmp_path: Path) -> None:
    rosters.import_roster(admin, _xlsx(tmp_path / "a.xlsx", [[1, "张三", "铸造事业部", GOOD_1, "13803170001", "group8", "", ""]]), campaign)
    sheet = _xlsx(tmp_path / "b.xlsx", [[1, "张三", "铸造事业部", GOOD_1, "13803170001", "mzone15", "", ""]])
    report = rosters.import_roster(admin, sheet, campaign)
    assert [r.status for r in report.rows] == ["updated"]
    assert enrollment.get_application(admin, report.rows[0].application_id or 0).plan == "mzone15"


def test_a_broken_file_changes_nothing(admin: Context, campaign: str, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(Refused) as refused:
        rosters.import_roster(admin, broken, campaign)
    assert refused.value.reasons[0].code.startswith("sheet.")
    no_header = tmp_path / "plain.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(Refused):
        rosters.import_roster(admin, no_header, campaign)
    assert _count(admin, Application) == 0


def test_gbk_csv_from_excel_imports(admin: Context, campaign: str, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    with path.open("w", encoding="gbk", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["姓名", "部门", "证件号码", "号码", "套餐"])
        writer.writerow(["张三", "财务部", GOOD_1, "138 0317 0001", "group8"])
    report = rosters.import_roster(admin, path, campaign)
    assert [(r.row, r.status) for r in report.rows] == [(2, "accepted")]


def test_a_collector_imports_only_their_own_department(admin: Context, campaign: str, tmp_path: Path) -> None:
    collector = make_staff(admin, "D002", "collector", "财务部")
    report = rosters.import_roster(collector, _sample(tmp_path), campaign)
    assert {r.status for r in report.rows} == {"rejected"}
    assert report.rows[0].reasons[0].code == "forbidden.department"


def test_cancel_leaves_the_store_unchanged(admin: Context, campaign: str, tmp_path: Path) -> None:
    rows = [[n, f"员工{n}", "铸造事业部", GOOD_1, f"138031{n:05d}", "group8", "", ""] for n in range(450)]
    path = _xlsx(tmp_path / "big.xlsx", rows)
    with pytest.raises(rosters.Cancelled):
        rosters.import_roster(admin, path, campaign, progress=lambda done, total: done < 400)
    assert _count(admin, Application) == 0


def _submit_one(admin: Context, campaign: str, name: str, jpeg: bytes) -> None:
    view = enrollment.save_application(
        admin,
        enrollment.ApplicationInput(
            campaign, IntakeFields(department="铸造事业部", name=name, id_number=GOOD_1, number_source="pool", msisdn="18832758808"),
            plan="group8",
        ),
    )
    id_copies.attach_id_copy(admin, view.id, "front", jpeg)
    id_copies.attach_id_copy(admin, view.id, "back", jpeg)
    enrollment.move_application(admin, view.id, "submitted")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_has_no_cell_a_spreadsheet_reads_as_a_formula(admin: Context, campaign: str, tmp_path: Path, suffix: str) -> None:
    from io import BytesIO

    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (800, 500), "white").save(out, format="JPEG")
    _submit_one(admin, campaign, "=HYPERLINK(\"http://x\",\"点我\")", out.getvalue())
    target = tmp_path / f"roster{suffix}"
    assert rosters.export_roster(admin, campaign, target) == 1
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(target).active
        cells = [c for row in sheet.iter_rows() for c in row if c.value is not None]
        assert all(c.data_type != "f" for c in cells)
        values = [str(c.value) for c in cells]
    else:
        values = [v for row in csv.reader(target.read_text(encoding="utf-8-sig").splitlines()) for v in row]
    assert GOOD_1 in values and "18832758808" in values
    assert not any(v.lstrip().startswith(("=", "+", "-", "@")) for v in values)


def test_export_needs_the_right_and_something_to_export(admin: Context, campaign: str, tmp_path: Path) -> None:
    with pytest.raises(Refused) as refused:
        rosters.export_roster(admin, campaign, tmp_path / "empty.xlsx")
    assert refused.value.reasons[0].code == "export.empty"
    assert not (tmp_path / "empty.xlsx").exists()
    clerk = make_staff(admin, "C009", "clerk")
    with pytest.raises(Forbidden):
        rosters.export_roster(clerk, campaign, tmp_path / "x.xlsx")


def test_the_same_person_twice_in_one_file_is_added_once(admin: Context, campaign: str, tmp_path: Path) -> None:
    row = [1, "张三", "铸造事业部", GOOD_1, "13803170001", "group8", "", ""]
    report = rosters.import_roster(admin, _xlsx(tmp_path / "twice.xlsx", [row, row, [*row[:6], "", "18832758801"]]), campaign)
    assert [r.status for r in report.rows] == ["accepted", "unchanged", "accepted"]
    assert report.rows[0].application_id == report.rows[1].application_id is not None
    assert _count(admin, Application) == 2 and _count(admin, ApplicationEvent) == 2
