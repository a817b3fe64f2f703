"""Find the roster inside a hand-made .xlsx or .csv and read it as clean strings.

Problems of a single row (a bad ID, an empty name) are the domain's to explain, so cells come
back as the text a clerk would see, including Excel's ``1.30981197801011E+17`` for an ID that
was typed as a number. Only problems of the file as a whole raise, as :class:`RosterFileError`
carrying a :class:`Reason` that tells the clerk what to do with the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path
from typing import BinaryIO

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.sheets.packed_rows import PackedRows, RosterRow
from kaccount_desk.sheets.sheet_limits import (
    LIMITS,
    Limits,
    RosterFileError,
    cell_too_big_reason,
    check_csv_size,
    hidden_rows_notice,
    hidden_sheets_notice,
    inspect_xlsx,
    limit_reason,
    unreadable_reason,
)

HEADER_SCAN_ROWS = 20


class Column(StrEnum):
    """The roster's logical columns, whatever a department chose to call them."""

    NAME = "name"
    DEPARTMENT = "department"
    ID_NUMBER = "id_number"
    MOBILE = "mobile"
    PLAN = "plan"
    ADDONS = "addons"
    CURRENT_PACKAGES = "current_packages"
    NEW_NUMBER = "new_number"
    NOTE = "note"


# Compared after normalize_header, so spacing, case and punctuation here do not matter.
# "联系电话" is left out on purpose: it is as often an office landline as a mobile number.
HEADER_ALIASES: dict[Column, tuple[str, ...]] = {
    Column.NAME: ("姓名", "员工姓名", "name"),
    Column.DEPARTMENT: ("部门", "所在部门", "事业部", "部门名称", "department", "dept"),
    Column.ID_NUMBER: ("身份证号", "身份证号码", "证件号码", "身份证", "id", "id number", "id no"),
    Column.MOBILE: (
        "手机号", "手机号码", "号码", "电话号码", "mobile", "mobile number", "phone", "phone number",
    ),
    Column.PLAN: ("套餐", "资费", "资费方式", "套餐名称", "plan", "tariff"),
    Column.ADDONS: ("附加包", "附加业务", "增值包", "addons", "add-ons"),
    Column.CURRENT_PACKAGES: ("已办业务", "已办理业务", "现有业务", "current packages"),
    Column.NEW_NUMBER: ("新号", "选号", "新号码", "new number"),
    Column.NOTE: ("备注", "note", "notes", "remark", "remarks"),
}

COLUMN_LABELS = Labels({
    Column.NAME: ("姓名", "name"),
    Column.DEPARTMENT: ("部门", "department"),
    Column.ID_NUMBER: ("身份证号码", "ID number"),
    Column.MOBILE: ("手机号码", "mobile number"),
    Column.PLAN: ("套餐", "plan"),
    Column.ADDONS: ("附加包", "add-ons"),
    Column.CURRENT_PACKAGES: ("已办业务", "current packages"),
    Column.NEW_NUMBER: ("新号码", "new number"),
    Column.NOTE: ("备注", "note"),
})

# 部门 may be missing: a department's own sheet often has none, and the importer then chooses one.
REQUIRED_COLUMNS = (Column.NAME, Column.ID_NUMBER)
NUMBER_COLUMNS = (Column.MOBILE, Column.NEW_NUMBER)
_REPEATED_COLUMNS = {Column.DEPARTMENT, Column.PLAN, Column.ADDONS, Column.CURRENT_PACKAGES}

_HINT = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】")
_NOISE = re.compile(r"[\s*:_.\-]+")
_EDGE_BLANKS = re.compile(r"^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_CSV_DELIMITERS = (",", "\t", ";")
_XLSX_FAILURES = (CalamineError, ValueError, TypeError, OSError)


@dataclass(frozen=True)
class RosterSheet:
    """A roster as found: ``columns`` and ``header_row`` are 1-based, as Excel numbers them.

    ``notices`` tell the clerk about what Excel hides: sheets skipped, hidden rows read.
    """

    columns: dict[Column, int]
    header_row: int
    rows: PackedRows
    unknown_headers: list[str]
    notices: tuple[Reason, ...] = ()
    # Each known column's header as the department wrote it ("资费方式", not our "套餐"), for what goes back to them.
    header_texts: dict[Column, str] = field(default_factory=dict)


def normalize_header(text: str) -> str:
    """Fold the ways people decorate a header ("*姓名", "身份证号码\\n(18位)", "ＩＤ") to one key."""
    folded = unicodedata.normalize("NFKC", text)
    return _NOISE.sub("", _HINT.sub("", folded)).casefold()


_ALIAS_LOOKUP: dict[str, Column] = {
    normalize_header(alias): column
    for column, aliases in HEADER_ALIASES.items()
    for alias in aliases
}


def match_header(text: str) -> Column | None:
    """Exact match after normalising: a fuzzy match would silently read the wrong column."""
    return _ALIAS_LOOKUP.get(normalize_header(text))


def cell_text(value: object) -> str:
    """Render a cell as the text Excel shows, so the domain judges what the clerk sees."""
    if value is None:
        return ""
    if type(value) is str and not _has_edge_blank(value):  # most cells: text already as Excel shows it
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, datetime):
        return _datetime_text(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    return _EDGE_BLANKS.sub("", str(value))


def _has_edge_blank(text: str) -> bool:
    """Whether ``_EDGE_BLANKS`` would strip anything: whitespace (as the pattern's \\s), a zero-width space or a BOM at either end."""
    return bool(text) and (text[0].isspace() or text[-1].isspace() or text[0] in _INVISIBLE or text[-1] in _INVISIBLE)


_INVISIBLE = "\u200b\ufeff"


def _float_text(value: float) -> str:
    """Excel keeps 15 significant digits; beyond that an ID has already lost digits.

    Such a number comes back in Excel's E+ form so the ID check can say it was typed as a
    number, instead of receiving a plausible-looking but wrong 18-digit string.
    """
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:
        mantissa, exponent = f"{value:.14E}".split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E{exponent}"
    if value.is_integer():
        return str(int(value))
    return f"{value:.15g}"


def _datetime_text(value: datetime) -> str:
    if value.time() == time():
        return value.date().isoformat()
    return value.isoformat(sep=" ", timespec="seconds")


def read_roster(path: Path, limits: Limits = LIMITS) -> RosterSheet:
    """Read a roster, judging the format by the file's first bytes before its name.

    Offices rename files freely: an .xls exported by a web system is often really .xlsx, and
    a password-protected .xlsx is an old-style OLE container. ``limits`` are the checks made
    before reading; the app reads through ``services.rosters``, in a child process.
    """
    path = Path(path)
    magic = _peek(path)
    if magic.startswith(_OLE_MAGIC):
        raise RosterFileError(_old_xls_reason(path.name))
    if magic.startswith(_ZIP_MAGIC):
        return _read_xlsx(path, limits)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RosterFileError(_old_xls_reason(path.name))
    if suffix in _XLSX_SUFFIXES:
        raise RosterFileError(unreadable_reason(path.name))
    if suffix == ".csv":
        return _read_csv(path, limits)
    raise RosterFileError(_unsupported_reason(path.name))


def _peek(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_OLE_MAGIC))
    except FileNotFoundError as exc:
        raise RosterFileError(_not_found_reason(path.name)) from exc
    except OSError as exc:
        raise RosterFileError(unreadable_reason(path.name)) from exc


Record = tuple[int, Sequence[object]]


def _parse(records: Iterator[Record], file_name: str) -> RosterSheet | None:
    """Find the header near the top, then read everything below it; None if no header."""
    head = list(islice(records, HEADER_SCAN_ROWS))
    for index, (row_number, cells) in enumerate(head):
        found = _header_columns(cells)
        if Column.NAME in found and (Column.ID_NUMBER in found or Column.MOBILE in found):
            columns = _checked_columns(found, cells)
            body = chain(head[index + 1:], records)
            written = {column: cell_text(cells[number - 1]) for column, number in columns.items()}
            return RosterSheet(columns, row_number, _data_rows(body, columns, file_name), _unknown(cells), header_texts=written)
    return None


def _header_columns(cells: Sequence[object]) -> dict[Column, list[int]]:
    found: dict[Column, list[int]] = {}
    for number, cell in enumerate(cells, start=1):
        column = match_header(cell_text(cell))
        if column is not None:
            found.setdefault(column, []).append(number)
    return found


def _unknown(cells: Sequence[object]) -> list[str]:
    texts = (cell_text(cell) for cell in cells)
    return [text for text in texts if text and match_header(text) is None]


def _checked_columns(found: dict[Column, list[int]], cells: Sequence[object]) -> dict[Column, int]:
    for column, numbers in found.items():
        if len(numbers) > 1:
            raise RosterFileError(_duplicate_reason(column, numbers, cells))
    missing = [COLUMN_LABELS[column] for column in REQUIRED_COLUMNS if column not in found]
    if not any(column in found for column in NUMBER_COLUMNS):
        missing.append(("“手机号码”或“新号码”", "mobile number or new number"))
    if missing:
        raise RosterFileError(_missing_reason(missing))
    return {column: numbers[0] for column, numbers in found.items()}


def _data_rows(records: Iterator[Record], columns: dict[Column, int], file_name: str) -> PackedRows:
    """Skip rows blank in every known column.

    Templates often come with the 序号 column pre-filled far below the last person; such rows
    are empty forms, not people with every field missing.
    """
    return PackedRows.pack(tuple(columns), _people(records, columns, file_name))


def _people(records: Iterator[Record], columns: dict[Column, int], file_name: str) -> Iterator[RosterRow]:
    shared: dict[str, str] = {}  # one string per department or plan, not one per row: a big roster travels by pipe
    repeated = [column for column in columns if column in _REPEATED_COLUMNS]
    places = list(columns.items())
    for row_number, cells in records:
        width = len(cells)
        values = {column: cell_text(cells[number - 1]) if number <= width else "" for column, number in places}
        for column in repeated:
            values[column] = shared.setdefault(values[column], values[column])
        longest = max(map(len, values.values()))
        if longest > LIMITS.cell_chars:
            raise RosterFileError(cell_too_big_reason(file_name, row_number))
        if longest:
            yield RosterRow(row_number, values)


def _read_xlsx(path: Path, limits: Limits) -> RosterSheet:
    """Read with calamine (Rust): a 10,000-row roster in well under 0.1 s, against 0.75 s for
    openpyxl's read-only mode, which is most of an import's time otherwise.

    Only visible sheets are read, in order, after sheet_limits has checked the package: a hidden
    sheet is often last year's list or a lookup table, never what the clerk looked at.
    """
    facts = inspect_xlsx(path, path.name, limits)
    hidden = [entry.name for entry in facts.sheets if not entry.visible]
    with path.open("rb") as handle:
        workbook = _open_workbook(handle, path.name)
        for entry in facts.sheets:
            if not entry.visible or entry.part is None:
                continue
            sheet = _parse(_xlsx_records(workbook, entry.name, path.name), path.name)
            if sheet is not None:
                notices = [hidden_sheets_notice(hidden)] if hidden else []
                hidden_rows = [r for r in facts.by_part[entry.part].hidden_rows if r > sheet.header_row]
                if hidden_rows:
                    notices.append(hidden_rows_notice(entry.name, hidden_rows))
                return replace(sheet, notices=tuple(notices))
    raise RosterFileError(_no_header_reason(path.name))


def _open_workbook(handle: BinaryIO, file_name: str) -> CalamineWorkbook:
    """Open from a handle, not a path, so a zip named .xls is read by its content."""
    try:
        return CalamineWorkbook.from_filelike(handle)
    except _XLSX_FAILURES as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc


def _xlsx_records(workbook: CalamineWorkbook, name: str, file_name: str) -> Iterator[Record]:
    """Rows numbered as in Excel: the empty area above and left of the data is kept, not skipped."""
    try:
        sheet: CalamineSheet = workbook.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False)
    except _XLSX_FAILURES as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc
    yield from enumerate(rows, start=1)


def _read_csv(path: Path, limits: Limits) -> RosterSheet:
    """Try each delimiter and keep the one under which a header row appears.

    csv.Sniffer was not used: it guesses a quote character too, and the apostrophes our own
    exports put before formula-like text can lead it to pick "'" and split cells wrongly.
    """
    check_csv_size(path, path.name, limits)
    text = _decode(path.read_bytes(), path.name)
    for delimiter in _CSV_DELIMITERS:
        sheet = _parse(_csv_records(text, delimiter, path.name), path.name)
        if sheet is not None:
            return sheet
    raise RosterFileError(_no_header_reason(path.name))


def _decode(data: bytes, file_name: str) -> str:
    """Excel in China saves CSV as GBK unless told otherwise; GB18030 is its superset."""
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise RosterFileError(unreadable_reason(file_name))


def _csv_records(text: str, delimiter: str, file_name: str) -> Iterator[Record]:
    """Number records as Excel shows the file: a cell with line breaks is still one row.

    Clerks open CSV files in Excel or WPS, not in a text editor, so a line count would point
    them at the wrong person after the first multi-line cell.
    """
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            if number > LIMITS.rows:
                raise RosterFileError(limit_reason(file_name, "行数", "rows", f"{LIMITS.rows:,}"))
            yield number, record
    except csv.Error as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc


def column_letter(number: int) -> str:
    """Excel's name of the 1-based column ``number`` (1 → A, 27 → AA). Here rather than openpyxl's
    ``get_column_letter``: importing openpyxl (and numpy through it) cost the reading child 0.3 s a file."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _not_found_reason(file_name: str) -> Reason:
    return Reason(
        "sheet.not_found",
        f"找不到文件“{file_name}”，可能已被移动或删除。",
        f"The file “{file_name}” was not found; it may have been moved or deleted.",
    )


def _old_xls_reason(file_name: str) -> Reason:
    return Reason(
        "sheet.old_xls",
        f"“{file_name}”是旧版 .xls 格式或设置了打开密码。请用 Excel 或 WPS 打开，"
        "取消密码后“另存为” .xlsx 格式再导入。",
        f"“{file_name}” is in the old .xls format or is password-protected. Open it in Excel "
        "or WPS, remove the password, and save it as .xlsx before importing.",
    )


def _unsupported_reason(file_name: str) -> Reason:
    return Reason(
        "sheet.unsupported",
        f"不支持“{file_name}”这种文件。请另存为 .xlsx 或 .csv 格式再导入。",
        f"“{file_name}” is not a supported file type. Save it as .xlsx or .csv and import again.",
    )


def _no_header_reason(file_name: str) -> Reason:
    return Reason(
        "sheet.no_header",
        f"在“{file_name}”前 {HEADER_SCAN_ROWS} 行中没有找到表头。表头行要同时有“姓名”和"
        "“身份证号码”或“手机号码”这些列名。",
        f"No header row in the first {HEADER_SCAN_ROWS} rows of “{file_name}”. The header "
        "row must contain “姓名” (name) and “身份证号码” (ID number) or “手机号码” (mobile).",
    )


def _missing_reason(missing: list[tuple[str, str]]) -> Reason:
    return Reason(
        "sheet.missing_column",
        f"表格缺少必需的列：{'、'.join(zh for zh, _ in missing)}。请在表头中补上后再导入。",
        f"Required columns are missing: {', '.join(en for _, en in missing)}. "
        "Add them to the header row and import again.",
    )


def _duplicate_reason(column: Column, numbers: list[int], cells: Sequence[object]) -> Reason:
    zh_label, en_label = COLUMN_LABELS[column]
    places = [f"{column_letter(n)} 列“{cell_text(cells[n - 1])}”" for n in numbers]
    return Reason(
        "sheet.duplicate_column",
        f"“{zh_label}”列出现了不止一次（{'、'.join(places)}），请只保留一列。",
        f"The {en_label} column appears more than once ({', '.join(places)}); keep only one.",
    )
