"""No file takes the program down: each hostile spreadsheet is refused, with the limit it hit.

Every crafted file is read in a child process with a capped address space: before the checks
in sheet_limits, the far cell aborted the process (SIGABRT, exit 134) and the bombs took 1 to
4.5 GB, so a regression shows here as a failed test, not a dead test run or a swapping machine.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from crafted import big_csv, declared_far, far_cell, read_in_child, strings_bomb, zip_bomb

from kaccount_desk.sheets.roster_reader import Column, RosterFileError, read_roster
from kaccount_desk.sheets.sheet_limits import LIMITS

PEAK_MB = 200  # the reader's own baseline (Python, calamine, openpyxl imported) is about 45 MB


@pytest.mark.parametrize(
    ("make", "name", "size", "limit_en"),
    [
        (far_cell, "far.xlsx", (1_000, 10_000), "declared rows"),
        (declared_far, "declared.xlsx", (1_000, 10_000), "declared rows"),
        (zip_bomb, "bomb.xlsx", (4_500_000, 5_500_000), "uncompressed size of one part"),
        (strings_bomb, "strings.xlsx", (280_000, 340_000), "distinct texts"),
        (big_csv, "big.csv", (60_000_000, 70_000_000), "file size"),
    ],
)
def test_crafted_file_is_refused_with_its_limit_and_the_process_lives(
    tmp_path: Path, make: object, name: str, size: tuple[int, int], limit_en: str
) -> None:
    assert callable(make)
    path = make(tmp_path / name)
    assert size[0] <= path.stat().st_size <= size[1]
    child = read_in_child(path)
    assert child.returncode == 0, child.stderr
    assert child.result["code"] == "sheet.too_big"
    assert limit_en in str(child.result["en"]) and "上限" in str(child.result["zh"])
    assert float(str(child.result["peak_mb"])) < PEAK_MB


def test_far_cell_without_a_declared_dimension_is_caught_by_the_real_extent(tmp_path: Path) -> None:
    from crafted import Member, sheet_xml, workbook

    rows = '<row r="2"><c r="XFD2"><v>1</v></c></row>'
    real = sheet_xml(rows, "A1:D1")
    path = workbook(tmp_path / "far.xlsx", Member(real.name, real.head))
    child = read_in_child(path)
    assert child.returncode == 0, child.stderr
    assert child.result["code"] == "sheet.too_big"
    assert "columns" in str(child.result["en"])


def test_cells_without_references_are_counted_like_calamine(tmp_path: Path) -> None:
    """A writer may leave out ``r``; a small roster written so is read, a wide one refused."""
    from crafted import Member, sheet_xml, workbook

    person = "".join(f'<c t="inlineStr"><is><t>{v}</t></is></c>' for v in ("张三", "财务部", "130981199001011234", "13800138000"))
    sheet = sheet_xml(f"<row>{person}</row>" * 300)
    path = workbook(tmp_path / "no-refs.xlsx", Member(sheet.name, sheet.head))
    assert len(read_roster(path).rows) == 300
    wide = sheet_xml("<row>" + "<c><v>1</v></c>" * (LIMITS.columns + 1) + "</row>")
    with pytest.raises(RosterFileError) as refused:
        read_roster(workbook(tmp_path / "wide.xlsx", Member(wide.name, wide.head)))
    assert refused.value.reason.code == "sheet.too_big"


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    long_name = "张" * (LIMITS.cell_chars + 1)
    path.write_text(f"姓名,部门,身份证号码,手机号码\n{long_name},财务部,130981199001011234,13800138000\n", encoding="utf-8")
    with pytest.raises(RosterFileError) as refused:
        read_roster(path)
    assert refused.value.reason.code == "sheet.too_big"
    assert "row 2" in refused.value.reason.en


def test_hidden_first_sheet_is_skipped_and_said(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "去年"
    hidden.append(["姓名", "部门", "身份证号码", "手机号码"])
    hidden.append(["李四", "财务部", "130981199001011234", "13800138001"])
    hidden.sheet_state = "hidden"
    shown = book.create_sheet("名单")
    shown.append(["姓名", "部门", "身份证号码", "手机号码"])
    for n in range(4):
        shown.append([f"张{n}", "财务部", "130981199001011234", f"1380013800{n}"])
    shown.row_dimensions[3].hidden = True
    book.save(tmp_path / "r.xlsx")
    child = read_in_child(tmp_path / "r.xlsx")
    assert child.returncode == 0, child.stderr
    assert child.result["rows"] == 4
    sheet = read_roster(tmp_path / "r.xlsx")
    assert [row.values[Column.NAME] for row in sheet.rows] == ["张0", "张1", "张2", "张3"]
    assert [n.code for n in sheet.notices] == ["sheet.hidden_sheets", "sheet.hidden_rows"]
    assert "去年" in sheet.notices[0].zh and "去年" in sheet.notices[0].en
    assert "3" in sheet.notices[1].en


def test_only_hidden_sheets_means_no_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["说明"])
    hidden = book.create_sheet("名单")
    hidden.append(["姓名", "部门", "身份证号码", "手机号码"])
    hidden.sheet_state = "hidden"
    book.save(tmp_path / "r.xlsx")
    with pytest.raises(RosterFileError) as refused:
        read_roster(tmp_path / "r.xlsx")
    assert refused.value.reason.code == "sheet.no_header"


def test_a_real_roster_is_far_below_every_limit(tmp_path: Path) -> None:
    """2,000 people of 12 columns (the limits leave room for fifty times that) read as before."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("名单")
    sheet.append(["序号", "姓名", "部门", "身份证号码", "手机号码", "套餐", "附加包", "已办业务", "新号", "备注", "职务", "工号"])
    for n in range(2_000):
        sheet.append([n, f"员工{n}", "财务部", "130981199001011234", f"138{n:08d}", "158元套餐", "", "", "", "备注" * 5, "职员", f"E{n}"])
    book.save(tmp_path / "big-real.xlsx")
    assert len(read_roster(tmp_path / "big-real.xlsx").rows) == 2_000
