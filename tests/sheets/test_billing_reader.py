"""The billing extract's reader: read a few thousand rows at a time, it still refuses what it refused
row by row, in the same order, and its sheet crosses the pipe from the reading child unchanged."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from kaccount_desk.sheets.billing_reader import CHUNK_ROWS, BillingSheet, read_billing
from kaccount_desk.sheets.sheet_limits import Limits, RosterFileError


def write_extract(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(["服务号码,账期,出账金额,欠费金额", *rows]) + "\n", encoding="utf-8")
    return path


def test_a_long_cell_just_before_the_row_limit_is_refused_at_its_row_not_for_the_rows(tmp_path: Path) -> None:
    """Past the row limit the reader stops; a too-long cell in the rows before it is still the answer,
    as it was when each row was judged as it was read."""
    rows = [f"1380317{n:04d},202603,10.00,0" for n in range(CHUNK_ROWS + 500)]
    rows[CHUNK_ROWS + 100] = f"13803170000,202603,10.00,{'9' * 200}"  # Excel row CHUNK_ROWS + 102
    path = write_extract(tmp_path / "bills.csv", rows)
    with pytest.raises(RosterFileError) as refused:
        read_billing(path, Limits(rows=CHUNK_ROWS + 300, cell_chars=100, csv_bytes=10**8))
    assert f"row {CHUNK_ROWS + 102}" in refused.value.reason.en


def test_past_the_row_limit_alone_the_rows_are_the_answer(tmp_path: Path) -> None:
    path = write_extract(tmp_path / "bills.csv", [f"1380317{n:04d},202603,10.00,0" for n in range(CHUNK_ROWS + 500)])
    with pytest.raises(RosterFileError) as refused:
        read_billing(path, Limits(rows=CHUNK_ROWS + 300, cell_chars=100, csv_bytes=10**8))
    assert "rows" in refused.value.reason.en and "cell" not in refused.value.reason.en


def test_the_sheet_crosses_the_pipe_whole(tmp_path: Path) -> None:
    rows = [f"1380317{n:04d},2026年3月,{n}.50," for n in range(CHUNK_ROWS + 3)]
    sheet = read_billing(write_extract(tmp_path / "bills.csv", rows))
    assert sheet.rows[:2] == [2, 3] and sheet.months[0] == "2026年3月" and sheet.arrears[0] == ""
    again = pickle.loads(pickle.dumps(sheet))
    assert isinstance(again, BillingSheet) and again == sheet
