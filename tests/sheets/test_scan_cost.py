"""What the checks before reading cost per cell, counted in Python calls (not timed, on a shared machine).

The scan of a sheet's XML was a sixth of a 10,000-row import: expat calls back into Python for
every element, and a cell is four of them (``c``, ``is``, ``t``, or ``v``). Only ``c``, ``row``
and ``dimension`` matter to the checks; the others now cost one call that looks up the name, and
those three one more: their handler, called straight from the look-up.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from crafted import sheet_xml, workbook

from kaccount_desk.sheets.sheet_limits import inspect_xlsx

ROWS = 500
COLUMNS = 4


def _python_calls(work: Callable[[], Any]) -> int:
    """Python functions entered while ``work`` runs (C functions not counted)."""
    calls = 0

    def count(_frame: object, event: str, _arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1

    sys.setprofile(count)
    try:
        work()
    finally:
        sys.setprofile(None)
    return calls


def _cells(rows: int) -> str:
    return "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>张{n}</t></is></c><c r="B{n}" t="inlineStr"><is><t>财务部</t></is></c>'
        f'<c r="C{n}" t="inlineStr"><is><t>130981199001011234</t></is></c><c r="D{n}"><v>1380013800{n % 10}</v></c></row>'
        for n in range(2, rows + 2))


def test_the_scan_calls_little_python_per_cell(tmp_path: Path) -> None:
    small = workbook(tmp_path / "small.xlsx", sheet_xml(_cells(10), f"A1:D{11}"))
    big = workbook(tmp_path / "big.xlsx", sheet_xml(_cells(10 + ROWS), f"A1:D{11 + ROWS}"))
    extra = _python_calls(lambda: inspect_xlsx(big, big.name)) - _python_calls(lambda: inspect_xlsx(small, small.name))
    per_cell = extra / (ROWS * COLUMNS)
    # A cell: its <c> (the element's name, then its handler, which reads a usual reference itself) and one call per
    # element inside it; a row: the same two calls, and the area's check when it grew. It was 6.5 a cell before that.
    assert per_cell <= 5, per_cell
