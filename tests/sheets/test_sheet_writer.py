"""Exports read back with openpyxl and csv: text stays text, formulas never run."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaccount_desk.sheets import roster_writer
from kaccount_desk.sheets.roster_reader import Column, read_roster
from kaccount_desk.sheets.roster_writer import neutralize_formula, write_roster

HEADERS = ["姓名", "部门", "身份证号码", "手机号码", "备注"]
PEOPLE = [
    ["张三", "财务部", "130981199001011234", "13800138000", "第一行\n第二行"],
    ["李四", "市场部", "11010519491231002X", "13900139000", ""],
]
ATTACKS = ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2+3", "  =1+1", "\t=1", "\r=1"]


def csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_round_trip_returns_the_same_strings(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    write_roster(path, HEADERS, PEOPLE, title="某公司大客户业务办理登记表")
    sheet = read_roster(path)
    # The title row is for people reading the workbook; a CSV starts with its header for programs.
    first = 2 if suffix == ".xlsx" else 1
    assert sheet.header_row == first
    columns = [Column.NAME, Column.DEPARTMENT, Column.ID_NUMBER, Column.MOBILE, Column.NOTE]
    assert [[row.values[c] for c in columns] for row in sheet.rows] == PEOPLE
    assert [row.row for row in sheet.rows] == [first + 1, first + 2]


def test_a_csv_starts_with_its_header_row(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_roster(path, HEADERS, PEOPLE, title="某公司大客户业务办理登记表")
    with path.open(encoding="utf-8-sig", newline="") as stream:
        assert next(csv.reader(stream)) == list(HEADERS)


def test_xlsx_layout(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_roster(path, HEADERS, [["王五", "办公室", 130981199001011234, 13800138000, -5]],
                 title="登记表", sheet_name="名单")
    sheet = openpyxl.load_workbook(path)["名单"]
    assert "A1:E1" in {str(merged) for merged in sheet.merged_cells.ranges}
    assert sheet["A2"].font.b
    assert sheet["C3"].value == "130981199001011234"
    assert sheet["C3"].number_format == "@"
    assert sheet["D3"].value == "13800138000"
    assert sheet["E3"].value == -5
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["A"].width


def test_csv_is_utf8_bom_with_crlf(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_roster(path, HEADERS, PEOPLE[1:])
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 2
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_xlsx_formulas_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_roster(path, ["姓名", "备注"], [["张三", attack] for attack in ATTACKS], title="=1+1")
    sheet = openpyxl.load_workbook(path, data_only=False).active
    cells = [sheet.cell(row=1, column=1)] + [sheet.cell(row=n, column=2) for n in range(3, 10)]
    for cell in cells:
        assert cell.data_type != "f"
        assert isinstance(cell.value, str) and cell.value.startswith("'")


def test_csv_formulas_are_neutralised(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_roster(path, ["姓名", "备注"], [["张三", attack] for attack in ATTACKS])
    notes = [row[1] for row in csv_rows(path)[1:]]
    assert notes == ["'" + attack for attack in ATTACKS]


def test_negative_numbers_stay_numbers_in_csv(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    write_roster(path, ["姓名", "金额"], [["张三", -5], ["李四", -2.5]])
    assert [row[1] for row in csv_rows(path)[1:]] == ["-5", "-2.5"]


def test_unknown_suffix_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    tmp_path = _own_folder(tmp_path)
    with pytest.raises(ValueError):
        write_roster(tmp_path / "out.xls", HEADERS, PEOPLE)
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME


def test_failed_export_leaves_old_file_and_no_temp(tmp_path: Path) -> None:
    tmp_path = _own_folder(tmp_path)
    path = tmp_path / "out.csv"
    path.write_text("old", encoding="utf-8")

    def rows() -> Iterator[list[str]]:
        yield PEOPLE[0]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_roster(path, HEADERS, rows())
    assert path.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [path]


def test_control_characters_do_not_break_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_roster(path, HEADERS, [["张\x07三", "财务部", "130981199001011234", "", ""]])
    assert openpyxl.load_workbook(path).active["A2"].value == "张三"


def test_sheet_name_is_made_legal() -> None:
    assert roster_writer._clean_sheet_name("财务部/市场部?" * 4) == ("财务部_市场部_" * 4)[:31]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("13800138000", "13800138000"), ("张三", "张三"), ("=1", "'=1"), (" -1", "' -1"),
     ("'=1", "'=1"), ("", "")],
)
def test_neutralize_formula_examples(text: str, expected: str) -> None:
    assert neutralize_formula(text) == expected


# Plain st.text() rarely starts with a trigger, so half the examples are built to.
TRICKY_TEXT = st.one_of(
    st.text(),
    st.builds(lambda head, tail: head + tail, st.text(" \t\r\n\u3000=+-@'", max_size=4), st.text()),
)


@given(TRICKY_TEXT)
def test_neutralized_text_never_starts_a_formula(text: str) -> None:
    result = neutralize_formula(text)
    assert not result.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert not result.lstrip().startswith(("=", "+", "-", "@"))
    assert result in (text, "'" + text)
    assert neutralize_formula(result) == result


def _own_folder(tmp_path: Path) -> Path:
    """A folder of its own: tmp_path also holds the redirected per-user home (safe_files' markers)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
