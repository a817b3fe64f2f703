"""Rosters as departments really send them: no 部门 column, plans as people write them, refusals sent back."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from support import valid_id

from kaccount_desk.services import enrollment, rosters
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused


def write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        out.writerows(rows)
    return path


def test_a_sheet_without_a_department_column_goes_to_the_chosen_department(admin: Context, campaign: str, tmp_path: Path) -> None:
    sheet = write(tmp_path / "铸造.csv", ["姓名", "身份证号码", "手机号码", "资费方式"],
                  [["张三", valid_id("13098119800101123"), "13800000001", "集团资费"],
                   ["李四", valid_id("13098119800101124"), "13800000002", "15元"]])
    with pytest.raises(Refused) as refused:
        rosters.import_roster(admin, sheet, campaign)
    assert refused.value.reasons[0].code == "roster.no_department" and "部门" in refused.value.reasons[0].zh
    report = rosters.import_roster(admin, sheet, campaign, department="铸造事业部")
    assert report.totals["accepted"] == 2, [r.reasons for r in report.rows]


def test_a_wrong_plan_lists_the_accepted_names_and_refused_rows_go_back_with_reasons(
        admin: Context, campaign: str, tmp_path: Path) -> None:
    sheet = write(tmp_path / "财务部.csv", ["部门", "姓名", "身份证号码", "手机号码", "资费方式", "备注"],
                  [["财务部", "王五", valid_id("13098119800101125"), "13800000003", "十元套餐", "加急"],
                   ["财务部", "赵六", valid_id("13098119800101126"), "13800000004", "8元", ""]])
    report = rosters.import_roster(admin, sheet, campaign)
    assert report.totals == {**report.totals, "accepted": 1, "rejected": 1}
    refused = next(r for r in report.rows if r.status == "rejected")
    assert any("可填写" in r.zh and "集团资费(group8,8元)" in r.zh for r in refused.reasons)
    out = tmp_path / "退回.xlsx"
    assert rosters.save_refused(admin, report, out) == 1
    rows = [list(r) for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    assert rows[0][-1] == "退回原因" and "姓名" in rows[0] and "备注" in rows[0]
    assert rows[1][rows[0].index("姓名")] == "王五" and rows[1][rows[0].index("备注")] == "加急"
    assert "十元套餐" in rows[1][-1]


def test_refused_rows_go_back_with_the_departments_own_headers_and_row_numbers(
        admin: Context, campaign: str, tmp_path: Path) -> None:
    """The sheet said 资费方式 under a title row; the file sent back said 套餐 and had no row numbers to find people by."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["铸造事业部 大客户业务申请名单"])
    sheet.append(["序号", "姓名", "身份证号码", "手机号码", "资费方式"])
    sheet.append([1, "赵磊", valid_id("13098119800101001"), "13803171001", "集团资费"])
    sheet.append([2, "孙强", "130981198303030030", "13803171003", "集团资费"])  # a wrong check digit
    path = tmp_path / "铸造事业部名单.xlsx"
    book.save(path)
    report = rosters.import_roster(admin, path, campaign, department="铸造事业部")
    out = tmp_path / "退回.xlsx"
    assert rosters.save_refused(admin, report, out) == 1
    rows = [list(r) for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    assert rows[0][0] == "原表行号" and "资费方式" in rows[0] and "套餐" not in rows[0]
    assert str(rows[1][0]) == "4" and rows[1][rows[0].index("姓名")] == "孙强"


def test_an_imported_applications_history_reads_in_english_in_the_english_interface(
        admin: Context, campaign: str, tmp_path: Path) -> None:
    """The English history showed '名单导入 铸造事业部名单.xlsx 第2行' (seen in the office journey)."""
    sheet = write(tmp_path / "铸造事业部名单.csv", ["姓名", "身份证号码", "手机号码", "资费方式"],
                  [["赵磊", valid_id("13098119800101001"), "13803171001", "集团资费"]])
    report = rosters.import_roster(admin, sheet, campaign, department="铸造事业部")
    application_id = report.rows[0].application_id
    assert application_id is not None
    english = Context(admin.store, admin.actor, "en")
    assert enrollment.get_application(english, application_id).events[0].note == "Roster import 铸造事业部名单.csv, row 2"
    assert enrollment.get_application(admin, application_id).events[0].note == "名单导入 铸造事业部名单.csv 第2行"
