"""Reading the messy rosters departments really send, built as real files in tmp_path."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from kaccount_desk.sheets.roster_reader import (
    Column,
    RosterFileError,
    cell_text,
    match_header,
    read_roster,
)

HEADER = ["序号", "*姓名", "所在部门", "身份证号码\n(18位)", "手机号码", "套餐", "备注"]
PERSON = ["1", "张三", "财务部", "130981199001011234", "13800138000", "158元套餐", "无"]


def make_xlsx(path: Path, rows: list[list[object]], merge: str | None = None) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            if value is not None:
                sheet.cell(row=number, column=column, value=value)
    if merge:
        sheet.merge_cells(merge)
    workbook.save(path)
    return path


def make_csv(path: Path, rows: list[list[str]], encoding: str, delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


def reason_code(path: Path) -> str:
    with pytest.raises(RosterFileError) as caught:
        read_roster(path)
    assert caught.value.reason.zh and caught.value.reason.en
    return caught.value.reason.code


def test_title_blank_rows_and_merged_title_give_excel_row_numbers(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["XX公司大客户业务办理登记表"], [], HEADER, PERSON, [], [None, "  "],
        ["2", "李四", "市场部", "130981199202022345", "13900139000", "", ""], [], [],
    ]
    sheet = read_roster(make_xlsx(tmp_path / "r.xlsx", rows, merge="A1:G1"))
    assert sheet.header_row == 3
    assert [row.row for row in sheet.rows] == [4, 7]
    assert sheet.rows[1].values[Column.NAME] == "李四"
    assert sheet.columns[Column.ID_NUMBER] == 4
    assert sheet.unknown_headers == ["序号"]


def test_rows_with_only_a_prefilled_serial_number_are_skipped(tmp_path: Path) -> None:
    rows: list[list[object]] = [HEADER, PERSON, [2], [3]]
    sheet = read_roster(make_xlsx(tmp_path / "r.xlsx", rows))
    assert [row.row for row in sheet.rows] == [2]


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("身份证号码", Column.ID_NUMBER), ("证件号码", Column.ID_NUMBER),
        ("*姓名", Column.NAME), ("姓 名：", Column.NAME), ("手机号码", Column.MOBILE),
        ("身份证号码\n（18位）", Column.ID_NUMBER), ("ＩＤ　Ｎｏ．", Column.ID_NUMBER),
        ("Mobile", Column.MOBILE), ("部门名称", Column.DEPARTMENT), ("新号码", Column.NEW_NUMBER),
        ("已办理业务", Column.CURRENT_PACKAGES), ("资费方式", Column.PLAN),
        ("联系电话", None), ("序号", None), ("", None),
    ],
)
def test_header_matching(header: str, column: Column | None) -> None:
    assert match_header(header) == column


def test_numbers_excel_made_come_back_as_text(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["姓名", "部门", "身份证", "手机号", "备注"],
        ["张三", "财务部", 1.30981197801011e17, 13800138000, dt.datetime(2024, 3, 1)],
        ["李四", "财务部", "130981199001011234", 13900139000.0, 12.5],
    ]
    sheet = read_roster(make_xlsx(tmp_path / "r.xlsx", rows))
    first, second = (row.values for row in sheet.rows)
    assert first[Column.ID_NUMBER] == "1.30981197801011E+17"
    assert first[Column.MOBILE] == "13800138000"
    assert first[Column.NOTE] == "2024-03-01"
    assert second[Column.MOBILE] == "13900139000"
    assert second[Column.NOTE] == "12.5"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""), (13800138000, "13800138000"), (1e17, "1E+17"), (-3.0, "-3"),
        (0.1 + 0.2, "0.3"), (dt.date(2024, 1, 2), "2024-01-02"),
        (dt.datetime(2024, 1, 2, 8, 30), "2024-01-02 08:30:00"), ("\u200b 张三\u3000", "张三"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_encodings(tmp_path: Path, encoding: str) -> None:
    path = make_csv(tmp_path / "r.csv", [["某公司登记表"], HEADER, PERSON], encoding)
    sheet = read_roster(path)
    assert sheet.header_row == 2
    assert sheet.rows[0].values[Column.DEPARTMENT] == "财务部"
    assert sheet.rows[0].row == 3


def test_tab_separated_csv_numbers_records_as_excel_rows_despite_line_breaks(
    tmp_path: Path,
) -> None:
    first = [*PERSON[:-1], "第一行\n第二行"]
    rows = [HEADER, first, [], ["2", "李四", "市场部", "130981199202022345", "", "", ""]]
    sheet = read_roster(make_csv(tmp_path / "r.csv", rows, "gbk", delimiter="\t"))
    assert [row.row for row in sheet.rows] == [2, 4]
    assert sheet.rows[0].values[Column.NOTE] == "第一行\n第二行"
    assert sheet.rows[1].values[Column.MOBILE] == ""


def test_second_worksheet_is_used_when_first_has_no_header(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["说明：请在第二页填写"])
    data = workbook.create_sheet("名单")
    data.append(HEADER)
    data.append(PERSON)
    workbook.save(tmp_path / "r.xlsx")
    assert read_roster(tmp_path / "r.xlsx").rows[0].values[Column.NAME] == "张三"


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (["姓名", "部门", "手机号码"], "sheet.missing_column"),
        (["姓名", "部门", "身份证号码"], "sheet.missing_column"),
        (["姓名", "部门", "身份证号码", "证件号码", "手机号"], "sheet.duplicate_column"),
        (["名字", "部门", "证件"], "sheet.no_header"),
    ],
)
def test_header_problems_are_file_errors(tmp_path: Path, header: list[str], code: str) -> None:
    assert reason_code(make_xlsx(tmp_path / "r.xlsx", [header, PERSON])) == code


def test_missing_column_reason_names_the_columns(tmp_path: Path) -> None:
    path = make_csv(tmp_path / "r.csv", [["姓名", "部门", "手机号码"]], "utf-8")
    with pytest.raises(RosterFileError) as caught:
        read_roster(path)
    assert caught.value.reason.code == "sheet.missing_column"
    assert "身份证号码" in caught.value.reason.zh and "ID number" in caught.value.reason.text("en")


def test_the_department_column_may_be_missing(tmp_path: Path) -> None:
    """The importer chooses the department then (services/rosters.py)."""
    path = make_csv(tmp_path / "r.csv", [["姓名", "身份证号码", "手机号码"], ["张三", "11010519491231002X", "13800138000"]], "utf-8")
    assert Column.DEPARTMENT not in read_roster(path).columns


def test_header_below_row_twenty_is_not_found(tmp_path: Path) -> None:
    rows: list[list[object]] = [[f"说明{n}"] for n in range(20)] + [HEADER, PERSON]
    assert reason_code(make_xlsx(tmp_path / "r.xlsx", rows)) == "sheet.no_header"


def test_file_errors(tmp_path: Path) -> None:
    assert reason_code(tmp_path / "absent.xlsx") == "sheet.not_found"
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 truncated zip")
    assert reason_code(tmp_path / "broken.xlsx") == "sheet.unreadable"
    (tmp_path / "text.xlsx").write_text("姓名,部门", encoding="utf-8")
    assert reason_code(tmp_path / "text.xlsx") == "sheet.unreadable"
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 504
    (tmp_path / "old.xls").write_bytes(ole)
    assert reason_code(tmp_path / "old.xls") == "sheet.old_xls"
    (tmp_path / "page.xls").write_text("<html><table></table></html>", encoding="utf-8")
    assert reason_code(tmp_path / "page.xls") == "sheet.old_xls"
    (tmp_path / "r.numbers").write_text("x", encoding="utf-8")
    assert reason_code(tmp_path / "r.numbers") == "sheet.unsupported"
    (tmp_path / "bad.csv").write_bytes("姓名,部门".encode("gbk") + b"\x81")
    assert reason_code(tmp_path / "bad.csv") == "sheet.unreadable"


def test_xlsx_saved_under_xls_name_is_read(tmp_path: Path) -> None:
    make_xlsx(tmp_path / "r.xlsx", [HEADER, PERSON]).rename(tmp_path / "export.xls")
    assert read_roster(tmp_path / "export.xls").rows[0].values[Column.NAME] == "张三"
