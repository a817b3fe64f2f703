"""Rosters are read in a child process with a memory cap and a time limit: no file takes the app down.

The three far-cell files below are each 1.5 KB and once aborted the whole app (exit 134) because
the check before reading knew only the usual spelling ``<c r="XFD1048576">``. They go through the
service's reader here, in this test process: were one of them read in-process, the test run itself
would die.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from crafted import HEADER_ROW, NS, Member, workbook
from support import REPO

from kaccount_desk import confined
from kaccount_desk.confined import Budget, run_confined, start_ahead
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.rosters import read_sheet
from kaccount_desk.sheets.roster_reader import column_letter, read_roster
from kaccount_desk.sheets.sheet_limits import Limits

FAR_CELLS = {
    "single-quotes.xlsx": "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
    "spaces.xlsx": '<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row>',
    "newline.xlsx": '<row\nr="1048576"><c\nr="XFD1048576"><v>1</v></c></row>',
}
NO_LIMITS = Limits(rows=1 << 31, columns=1 << 31, cells=1 << 62)


def far_cell_file(path: Path, row: str) -> Path:
    """A normal header, a modest declared dimension, and one cell written in an unusual spelling."""
    xml = f'<worksheet {NS}><dimension ref="A1:D1"/><sheetData>{HEADER_ROW}{row}</sheetData></worksheet>'
    return workbook(path, Member("xl/worksheets/sheet1.xml", xml.encode()))


@pytest.mark.parametrize("name", sorted(FAR_CELLS))
def test_a_far_cell_in_any_spelling_is_refused_in_words(tmp_path: Path, name: str) -> None:
    path = far_cell_file(tmp_path / name, FAR_CELLS[name])
    assert path.stat().st_size < 2_000
    with pytest.raises(Refused) as refused:
        read_sheet(path)
    reason = refused.value.reasons[0]
    assert reason.code == "sheet.too_big"
    assert "rows" in reason.en and "行数" in reason.zh and name in reason.en


def test_the_memory_cap_stops_what_slips_past_the_checks(tmp_path: Path) -> None:
    """With the checks before reading switched off, calamine asks for 512 GB: the child dies, the app says so."""
    path = far_cell_file(tmp_path / "far.xlsx", FAR_CELLS["spaces.xlsx"])
    with pytest.raises(Refused) as refused:
        read_sheet(path, limits=NO_LIMITS)
    reason = refused.value.reasons[0]
    assert reason.code == "sheet.too_demanding"
    assert "内存" in reason.zh and "memory" in reason.en and "nothing was imported" in reason.en


def test_a_read_past_its_time_is_stopped(tmp_path: Path) -> None:
    path = far_cell_file(tmp_path / "slow.xlsx", "")
    with pytest.raises(Refused) as refused:
        read_sheet(path, budget=Budget(seconds=0.01))
    assert refused.value.reasons[0].code == "sheet.too_slow"


def test_a_good_roster_comes_back_whole_from_the_child(tmp_path: Path) -> None:
    person = '<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>财务部</t></is></c>' \
             '<c r="C2" t="inlineStr"><is><t>130981199001011234</t></is></c><c r="D2"><v>13800138000</v></c></row>'
    sheet = read_sheet(far_cell_file(tmp_path / "good.xlsx", person))
    assert [(row.row, row.values["name"], row.values["mobile"]) for row in sheet.rows] == [(2, "张三", "13800138000")]


def test_the_reading_child_imports_no_spreadsheet_writer() -> None:
    """Every import starts a fresh child that imports the reader: openpyxl (and numpy through it) cost it 0.3 s."""
    code = "import sys, kaccount_desk.sheets.roster_reader; print(sorted({'openpyxl', 'numpy'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.strip() == "[]"


def test_duplicate_columns_are_named_by_excel_letters() -> None:
    assert [column_letter(n) for n in (1, 26, 27, 52, 703, 16384)] == ["A", "Z", "AA", "AZ", "AAA", "XFD"]


def test_a_child_started_ahead_does_the_next_run_and_only_that_one() -> None:
    """Started while the person chooses the file, the waiting child answers the run that follows; the next starts its own."""
    start_ahead(os.getpid)
    start_ahead(os.getpid)  # one is waiting already: no second
    waiting = confined._waiting[os.getpid].process.pid
    assert run_confined(os.getpid) == waiting
    assert run_confined(os.getpid) not in (waiting, os.getpid())


def test_a_child_started_ahead_keeps_the_memory_cap_and_the_time_limit(tmp_path: Path) -> None:
    path = far_cell_file(tmp_path / "far.xlsx", FAR_CELLS["spaces.xlsx"])
    start_ahead(read_roster)
    with pytest.raises(Refused) as refused:
        read_sheet(path, limits=NO_LIMITS)
    assert refused.value.reasons[0].code == "sheet.too_demanding"
    start_ahead(read_roster)
    with pytest.raises(Refused) as refused:
        read_sheet(far_cell_file(tmp_path / "slow.xlsx", ""), budget=Budget(seconds=0.01))
    assert refused.value.reasons[0].code == "sheet.too_slow"


def test_a_child_started_ahead_that_died_is_replaced_by_a_fresh_one(tmp_path: Path) -> None:
    start_ahead(os.getpid)
    waiting = confined._waiting[os.getpid].process
    waiting.kill()
    waiting.join()
    answered = run_confined(os.getpid)
    assert answered not in (waiting.pid, os.getpid())


def test_the_callers_own_work_runs_while_the_child_works(tmp_path: Path) -> None:
    """``meanwhile`` runs before the answer is awaited: here the child cannot answer until it has run.

    The child reads a FIFO, whose opening waits for a writer; the writer is ``meanwhile``. Run after
    the wait instead, it would never be reached, and the read would end at its time limit.
    """
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def write_to_the_child() -> None:
        deadline = time.monotonic() + 10
        while True:
            try:
                end = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until the child has the FIFO open
                break
            except OSError:
                assert time.monotonic() < deadline, "the child never opened the FIFO"
                time.sleep(0.01)
        os.write(end, b"written meanwhile")
        os.close(end)

    assert run_confined(Path.read_text, fifo, budget=Budget(seconds=10), meanwhile=write_to_the_child) == "written meanwhile"
