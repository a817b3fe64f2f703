"""Write roster exports that Excel opens as they were meant, and never runs.

Three things go wrong with naive exports: Excel turns IDs and phone numbers into numbers (and
rounds an 18-digit ID), text beginning with "=" or "+" runs as a formula on the clerk's machine
(CSV injection), and a crash half-way leaves a truncated file that looks complete. Each is
handled here once, for both .xlsx and .csv.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from kaccount_desk.safe_files import replacing
from kaccount_desk.sheets.roster_reader import Column, match_header

_FORMULA_STARTS = ("=", "+", "-", "@")
_CONTROL_STARTS = ("\t", "\r")
_TEXT_COLUMNS = (Column.ID_NUMBER, Column.MOBILE, Column.NEW_NUMBER)
_EXCEL_EXACT_DIGITS = 10**15
_WIDTH_SAMPLE_ROWS = 200
_MIN_WIDTH, _MAX_WIDTH = 6, 50


def neutralize_formula(value: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (OWASP CSV injection).

    Excel skips leading spaces before "=", so those count too. No valid ID or phone number
    starts with these characters, so real data is left alone.
    """
    if value.startswith(_CONTROL_STARTS) or value.lstrip().startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def write_roster(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str | None = None,
    sheet_name: str = "名单",
) -> None:
    """Write .xlsx or .csv by suffix, replacing ``path`` only once the whole file is written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_atomically(path, lambda target: _write_xlsx(target, headers, rows, title, sheet_name))
    elif suffix == ".csv":
        # No title row in a CSV: it starts with its header so a spreadsheet or a script reads it as is.
        _write_atomically(path, lambda target: _write_csv(target, headers, rows))
    else:
        raise ValueError(f"roster export must be .xlsx or .csv, not {path.suffix!r}")


def write_roster_xlsx(stream: BinaryIO, headers: Sequence[str], rows: Iterable[Sequence[object]], title: str | None = None) -> None:
    """The same .xlsx into a stream: a part of a package (the hand-over to the operator), never a file of its own on disk."""
    _write_xlsx(stream, headers, rows, title, "名单")


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """A temp file in the same folder, so the final rename is one step and never half-done."""
    with replacing(path) as temp:
        write(temp)


def _clean_text(value: str) -> str:
    """Control characters make openpyxl refuse the whole file, and nobody meant to type them."""
    return neutralize_formula(ILLEGAL_CHARACTERS_RE.sub("", value))


def _cell_value(value: object, as_text: bool) -> object:
    """Keep numbers numeric unless the column holds identifiers or Excel would round them."""
    if value is None:
        return None
    if isinstance(value, int) and not as_text and abs(value) < _EXCEL_EXACT_DIGITS:
        return value
    if isinstance(value, (float, Decimal)) and not as_text:
        return value
    if isinstance(value, (datetime, date, time)) and not as_text:
        return value
    return _clean_text(str(value))


def _text_columns(headers: Sequence[str]) -> list[bool]:
    return [match_header(header) in _TEXT_COLUMNS for header in headers]


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def _write_csv(target: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """UTF-8 with BOM, or Excel reads the Chinese as GBK mojibake; CRLF as Excel writes it."""
    text_columns = _text_columns(headers)
    with target.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow([_clean_text(header) for header in headers])
        for row in rows:
            writer.writerow(
                _csv_text(_cell_value(value, as_text))
                for value, as_text in zip(row, _padded(text_columns, len(row)), strict=False)
            )


def _padded(flags: list[bool], length: int) -> list[bool]:
    return flags + [False] * (length - len(flags))


def _write_xlsx(
    target: Path | BinaryIO,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    title: str | None,
    sheet_name: str,
) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_clean_sheet_name(sheet_name))
    row_iter = iter(rows)
    sample = list(islice(row_iter, _WIDTH_SAMPLE_ROWS))
    _set_widths(sheet, headers, sample)
    if title is not None:
        _append_title(sheet, title, len(headers))
    sheet.append([_header_cell(sheet, header) for header in headers])
    sheet.freeze_panes = f"A{3 if title is not None else 2}"
    text_columns = _text_columns(headers)
    for row in chain(sample, row_iter):
        sheet.append([
            _body_cell(sheet, value, as_text)
            for value, as_text in zip(row, _padded(text_columns, len(row)), strict=False)
        ])
    workbook.save(target)


def _clean_sheet_name(name: str) -> str:
    """Excel forbids these characters and more than 31 characters in a sheet name."""
    cleaned = "".join("_" if char in '[]:*?/\\' else char for char in name)[:31]
    return cleaned or "Sheet1"


def _append_title(sheet: WriteOnlyWorksheet, title: str, width: int) -> None:
    cell = WriteOnlyCell(sheet, value=_clean_text(title))
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.append([cell])
    if width > 1:
        sheet.merged_cells.add(f"A1:{get_column_letter(width)}1")


def _header_cell(sheet: WriteOnlyWorksheet, header: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_clean_text(header))
    cell.font = Font(bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    return cell


def _body_cell(sheet: WriteOnlyWorksheet, value: object, as_text: bool) -> WriteOnlyCell:
    """Text cells get the "@" format so a later edit in Excel keeps them text too."""
    cell = WriteOnlyCell(sheet, value=_cell_value(value, as_text))
    if isinstance(cell.value, str):
        cell.number_format = "@"
    return cell


def _display_width(text: str) -> int:
    """Chinese characters take two columns of width in Excel's default font."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _set_widths(
    sheet: WriteOnlyWorksheet, headers: Sequence[str], sample: list[Sequence[object]]
) -> None:
    """Sized from the header and the first rows: write-only sheets need widths up front."""
    for index, header in enumerate(headers):
        texts = [header] + [_csv_text(row[index]) for row in sample if index < len(row)]
        widest = max(_display_width(text) for text in texts)
        width = min(max(widest + 2, _MIN_WIDTH), _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
