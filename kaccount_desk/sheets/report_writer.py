"""Write a report as an .xlsx workbook of several sheets: a header row each, numbers as numbers, yuan to the fen.

A report is read in Excel and added up there, so a count is a number cell, an amount of money is a
number of yuan shown with two decimals (from whole fen, never through a float), and a rate is a
number shown as a percentage. Text still goes through the roster writer's guard, so a company
named "=HYPERLINK(...)" is written as text and never runs; the file replaces its path only once
it is whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kaccount_desk.safe_files import replacing
from kaccount_desk.sheets.roster_writer import neutralize_formula

MONEY_FORMAT = "#,##0.00"
RATE_FORMAT = "0.0%"
_MIN_WIDTH, _MAX_WIDTH = 8, 40


@dataclass(frozen=True)
class Fen:
    """An amount of money in whole fen: written as yuan with two decimals."""

    fen: int


@dataclass(frozen=True)
class Rate:
    """A share from 0 to 1, or None when there was nothing to share (an empty cell, not 0 %)."""

    value: float | None


@dataclass(frozen=True)
class SheetData:
    name: str
    headers: Sequence[str]
    rows: list[Sequence[object]] = field(default_factory=list)


def write_workbook(path: Path, sheets: Sequence[SheetData]) -> None:
    """One sheet per :class:`SheetData`, in order; ``path`` is replaced only once the whole file is written."""
    with replacing(Path(path)) as temp:  # refuses a folder or a device before any sheet is begun
        workbook = Workbook(write_only=True)
        for data in sheets:
            sheet = workbook.create_sheet(_sheet_name(data.name))
            _widths(sheet, data)
            sheet.freeze_panes = "A2"
            sheet.append([_header(sheet, header) for header in data.headers])
            for row in data.rows:
                sheet.append([_cell(sheet, value) for value in row])
        workbook.save(temp)


def text(value: str) -> str:
    """Text as a cell holds it: control characters dropped (openpyxl refuses them), formulas neutralised."""
    return neutralize_formula(ILLEGAL_CHARACTERS_RE.sub("", value))


def _cell(sheet: WriteOnlyWorksheet, value: object) -> WriteOnlyCell:
    if isinstance(value, Fen):
        cell = WriteOnlyCell(sheet, value=Decimal(value.fen).scaleb(-2))
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, Rate):
        cell = WriteOnlyCell(sheet, value=value.value)
        cell.number_format = RATE_FORMAT
    elif value is None or isinstance(value, int | float):
        cell = WriteOnlyCell(sheet, value=value)
    else:
        cell = WriteOnlyCell(sheet, value=text(str(value)))
        cell.number_format = "@"
    return cell


def _header(sheet: WriteOnlyWorksheet, header: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=text(header))
    cell.font = Font(bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def _sheet_name(name: str) -> str:
    """Excel forbids these characters and more than 31 characters in a sheet name."""
    return "".join("_" if char in '[]:*?/\\' else char for char in name)[:31] or "Sheet1"


def _widths(sheet: WriteOnlyWorksheet, data: SheetData) -> None:
    """Write-only sheets need their widths before the first row; a Chinese character is two columns wide."""
    for index, header in enumerate(data.headers):
        texts = [header] + [str(row[index]) for row in data.rows[:200] if index < len(row) and isinstance(row[index], str)]
        widest = max(sum(2 if ord(char) > 0x2E7F else 1 for char in t) for t in texts)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(widest + 2, _MIN_WIDTH), _MAX_WIDTH)
