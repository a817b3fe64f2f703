"""The key-account reports' workbook read back: a sheet per report, a header row, numbers as numbers,
yuan to the fen, a rate as a percentage, and a company whose name starts with "=" kept as text."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from kaccount_desk.services.key_account_report_export import report_sheets
from kaccount_desk.services.key_account_report_views import (
    ChurnLine,
    CompanyLine,
    KeyAccountReport,
    ManagerLine,
    SatisfactionLine,
    TierLine,
    TrendLine,
)
from kaccount_desk.sheets.report_writer import Fen, Rate, SheetData, write_workbook


def small_report() -> KeyAccountReport:
    tiers = {"diamond": 1, "gold": 0, "silver": 2, "high_value": 0}
    return KeyAccountReport(
        "2012-02", True, ["2012-02"], [TrendLine("2012-02", 4, 2, 3, tiers)],
        [CompanyLine(1, "=HYPERLINK(\"http://x\")", "A", 1, 3, 1, 2, 2, 140_001, 1)],
        [TierLine("diamond", "钻石卡", 1, 120_000), TierLine(None, "非大客户", 2, 25_005)],
        [ChurnLine("left_group", "离网成员", None, "", 2)],
        [SatisfactionLine("consultation", "咨询", 2, 1, 2, 1, 0)],
        [ManagerLine("A001", "管理员", 1, 3, 1, 2, 1, 2, 0, 4, 3)])


def test_each_report_is_a_sheet_with_numbers_yuan_and_rates(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_workbook(path, report_sheets(small_report(), "zh"))
    book = load_workbook(path)
    assert book.sheetnames == ["发展", "收入(按级别)", "集团客户", "流失", "满意度", "客户经理"]
    trend = book["发展"]
    assert [c.value for c in trend[1]] == ["月份", "集团成员", "本月新增成员", "大客户", "钻石卡", "金卡", "银卡", "个人高价值客户"]
    assert [c.value for c in trend[2]] == ["2012-02", 4, 2, 3, 1, 0, 2, 0]
    revenue = book["收入(按级别)"]
    assert revenue["C2"].value == 1200 and revenue["C2"].number_format == "#,##0.00"
    assert revenue["C3"].value == 250.05 and revenue["D3"].value == 125.02  # 12502 fen, rounded down
    company = book["集团客户"]
    assert company["A2"].value == "'=HYPERLINK(\"http://x\")" and company["A2"].data_type == "s"
    assert company["G2"].value == 1400.01
    assert book["满意度"]["G2"].value == 2 / 3 and book["满意度"]["G2"].number_format == "0.0%"
    manager = book["客户经理"]
    assert [c.value for c in manager[2]] == ["A001", "管理员", 1, 3, 1, 2, 1, 0.5, 2, 0, 1, 4, 3, 0.75]


def test_english_headers_and_an_empty_rate_left_empty(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_workbook(path, [SheetData("Rates", ["Name", "Rate", "Money"], [["-1+1", Rate(None), Fen(-5)]])])
    sheet = load_workbook(path)["Rates"]
    assert [c.value for c in sheet[2]] == ["'-1+1", None, -0.05]
    assert report_sheets(small_report(), "en")[0].headers[:2] == ["Month", "Members"]
