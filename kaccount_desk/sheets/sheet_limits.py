"""Look inside a spreadsheet before anything reads it, so no file can take the program down.

calamine (Rust) allocates the whole rectangle from A1 to the last cell, and to the declared
``<dimension ref>``, before giving back a row: one cell at XFD1048576 in a 5 KB file asks for
512 GB and aborts the process, which Python cannot catch (python-calamine #130). It also reads
sharedStrings.xml whole when the workbook opens. So an .xlsx is checked here first, by
decompressing its parts ourselves with a cap (a zip's declared sizes can lie) and scanning the
XML for the sizes that matter. The limits are far above any real roster (a company's is a few
thousand rows of a dozen columns) and each refusal states the limit it hit.
"""

from __future__ import annotations

import posixpath
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from kaccount_desk.domain.reasons import Reason

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What a spreadsheet may hold; a 10,000-row roster of 15 columns uses under a tenth of each."""

    file_bytes: int = 50 * MiB
    part_bytes: int = 64 * MiB
    total_bytes: int = 160 * MiB
    entries: int = 1000
    rows: int = 100_000
    columns: int = 256
    cells: int = 3_000_000
    shared_strings: int = 1_000_000
    cell_chars: int = 32_767
    csv_bytes: int = 30 * MiB


LIMITS = Limits()


class RosterFileError(Exception):
    """The file as a whole cannot be read as a roster; ``reason`` says why in zh and en."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(f"{reason.code}: {reason.en}")
        self.reason = reason

    def __reduce__(self) -> tuple[type[RosterFileError], tuple[Reason]]:
        """Rebuilt from its reason, so the refusal read in a child process arrives whole."""
        return (RosterFileError, (self.reason,))


@dataclass
class SheetFacts:
    """What the scan of one worksheet found: its real extent and the rows Excel hides."""

    max_row: int = 0
    max_column: int = 0
    column_now: int = 0
    hidden_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SheetEntry:
    name: str
    visible: bool
    part: str | None


@dataclass
class WorkbookFacts:
    sheets: list[SheetEntry]
    by_part: dict[str, SheetFacts]


_CHUNK = MiB
_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
Handlers = dict[str, Callable[[dict[str, str]], None]]


class _XmlScan:
    """An XML parser (expat) fed decompressed pieces as they come, calling a handler per element of interest.

    Elements go by local name and attributes are read by local name too, whatever prefix,
    quoting, spacing, line breaks or character references the writer used: calamine matches
    them the same way, so what this scan counts is what calamine will allocate. A DTD or an
    entity declaration has no place in a workbook and is refused, so no entity can expand.

    ``handlers`` maps the local names looked at to the function called with each such element's
    attributes. A sheet has four elements per cell (``c``, ``v``, ``is``, ``t``) and the checks
    look at one: each expanded name's handler is found once, not per element, and is called
    straight from here, so an element costs a dictionary look-up and at most one call of ours.
    """

    def __init__(self, handlers: Handlers) -> None:
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = _no_dtd
        self.parser.EntityDeclHandler = _no_dtd
        by_name: dict[str, Callable[[dict[str, str]], None] | None] = {}

        def start(name: str, attributes: dict[str, str]) -> None:
            handler = by_name.get(name, _unseen)
            if handler is _unseen:
                handler = handlers.get(name.rpartition(" ")[2])
                if len(by_name) < _NAMES_REMEMBERED:
                    by_name[name] = handler
            if handler is not None:
                handler(attributes)

        self.parser.StartElementHandler = start

    def feed(self, data: bytes) -> None:
        self.parser.Parse(data, False)

    def close(self) -> None:
        self.parser.Parse(b"", True)


def _unseen(_: dict[str, str]) -> None:
    """Marks an expanded name not looked up yet (None marks one of no interest)."""


# A workbook's parts use a few dozen element names; a file made to have millions gets no more memory for them.
_NAMES_REMEMBERED = 1024


def _no_dtd(*_: object) -> None:
    raise ValueError("a DTD has no place in a workbook")


def _attribute(attributes: dict[str, str], local: str) -> str | None:
    """An attribute by local name, with or without a namespace prefix."""
    value = attributes.get(local)
    if value is None:
        value = next((v for k, v in attributes.items() if k.rpartition(" ")[2] == local), None)
    return value


def inspect_xlsx(path: Path, file_name: str, limits: Limits = LIMITS) -> WorkbookFacts:
    """Check the whole package before calamine opens it; raise with the limit that was hit."""
    if path.stat().st_size > limits.file_bytes:
        raise RosterFileError(limit_reason(file_name, "文件大小", "file size", f"{limits.file_bytes // MiB} MB"))
    try:
        with path.open("rb") as handle, zipfile.ZipFile(handle) as package:
            infos = package.infolist()
            if len(infos) > limits.entries:
                raise RosterFileError(limit_reason(file_name, "压缩包内文件数", "entries in the package", str(limits.entries)))
            parts = {info.filename: info for info in infos}
            sheets = _sheet_entries(handle, parts, file_name, limits)
            sheet_parts = {entry.part for entry in sheets if entry.part}
            by_part: dict[str, SheetFacts] = {}
            total = 0
            for info in infos:
                if info.filename in sheet_parts:
                    facts = by_part[info.filename] = SheetFacts()
                    scan = _XmlScan(_sheet_handlers(facts, file_name, limits))
                    total += _read_part(handle, info, file_name, limits, scan)
                elif info.filename.lower().endswith("sharedstrings.xml"):
                    total += _read_part(handle, info, file_name, limits, _XmlScan(_strings_handlers(file_name, limits)))
                else:
                    total += _read_part(handle, info, file_name, limits, None)
                if total > limits.total_bytes:
                    raise RosterFileError(limit_reason(file_name, "解压后总大小", "uncompressed size", f"{limits.total_bytes // MiB} MB"))
    except (zipfile.BadZipFile, zlib.error, expat.ExpatError, KeyError, ValueError, struct.error, EOFError) as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc
    return WorkbookFacts(sheets, by_part)


def _read_part(handle: BinaryIO, info: zipfile.ZipInfo, file_name: str, limits: Limits, scanner: _XmlScan | None) -> int:
    """Decompress one entry as calamine's zip reader would (up to its compressed size), counting real bytes."""
    handle.seek(info.header_offset)
    header = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    if header[0] != 0x04034B50:
        raise ValueError("not a local file header")
    handle.seek(header[9] + header[10], 1)
    left = info.compress_size
    inflate = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    if inflate is None and info.compress_type != zipfile.ZIP_STORED:
        raise ValueError("unsupported compression")
    size = 0
    while left > 0:
        raw = handle.read(min(left, 64 * 1024))
        if not raw:
            break
        left -= len(raw)
        pending = raw
        while pending:
            if inflate is None:
                data, pending = pending, b""
            else:
                data = inflate.decompress(pending, _CHUNK)
                pending = inflate.unconsumed_tail
            size += len(data)
            if size > limits.part_bytes:
                what = ("单个表格部件解压后大小", "uncompressed size of one part")
                raise RosterFileError(limit_reason(file_name, *what, f"{limits.part_bytes // MiB} MB"))
            if scanner is not None and data:
                scanner.feed(data)
        if inflate is not None and inflate.eof:
            break
    if scanner is not None:
        scanner.close()
    return size


def _sheet_handlers(facts: SheetFacts, file_name: str, limits: Limits) -> Handlers:
    """Row and column extent from the cell references, counted as calamine counts them.

    A row or cell without a reference takes the next place; the declared ``<dimension>`` is
    checked too, since calamine sizes its grid by it. The area is checked as it grows, so a
    bomb stops at the first row or cell too many.
    """
    columns: dict[str, int] = {}  # a reference's letters, once found to be letters only, and their column

    def cell(attributes: dict[str, str]) -> None:
        plain = attributes.get("r")  # as nearly every writer spells it, without a prefix: no call to look further
        if plain is not None:
            # The usual "C3": letters seen before and ASCII digits, read without _reference's strip and checks.
            letters = plain.rstrip(_DIGITS)
            column = columns.get(letters)
            if column is not None and len(letters) < len(plain):
                grew = False
                facts.column_now = column
                if int(plain[len(letters):]) > facts.max_row:
                    facts.max_row, grew = int(plain[len(letters):]), True
                if column > facts.max_column:
                    facts.max_column, grew = column, True
                if grew:
                    _check_area(facts.max_row, facts.max_column, file_name, limits, declared=False)
                return
        letters, digits = _reference(plain if plain is not None else _attribute(attributes, "r"))
        grew = False
        if letters and digits:
            facts.column_now = _column(letters)
            if len(columns) < _NAMES_REMEMBERED:
                columns[letters] = facts.column_now
            if int(digits) > facts.max_row:
                facts.max_row, grew = int(digits), True
        else:
            facts.column_now += 1
        if facts.column_now > facts.max_column:
            facts.max_column, grew = facts.column_now, True
        if grew:
            _check_area(facts.max_row, facts.max_column, file_name, limits, declared=False)

    def row(attributes: dict[str, str]) -> None:
        plain = attributes.get("r")
        if plain is not None and plain.isascii() and plain.isdigit():  # the usual r="3", as _reference would read it
            number = int(plain)
        else:
            letters, digits = _reference(_attribute(attributes, "r"))
            number = int(digits) if digits and not letters else facts.max_row + 1
        grew = number > facts.max_row
        facts.max_row, facts.column_now = max(facts.max_row, number), 0
        # Looked for under a prefix only when the row has attributes besides a plain r.
        hidden = attributes.get("hidden")
        if hidden is None and len(attributes) > (plain is not None):
            hidden = _attribute(attributes, "hidden")
        if hidden in ("1", "true"):
            facts.hidden_rows.append(number)
        if grew:  # the area checked already when it is no larger
            _check_area(facts.max_row, facts.max_column, file_name, limits, declared=False)

    def dimension(attributes: dict[str, str]) -> None:
        corner = (_attribute(attributes, "ref") or "").rpartition(":")[2]
        letters, digits = _reference(corner)
        _check_area(int(digits or 0), _column(letters), file_name, limits, declared=True)

    return {"c": cell, "row": row, "dimension": dimension}


def _reference(text: str | None) -> tuple[str, str]:
    """A cell reference's letters and digits ("XFD1048576"); anything else reads as neither.

    The letters are ASCII letters only and the digits ASCII digits only, as ``[A-Za-z]*[0-9]*``
    matched whole; string methods rather than that pattern, since a sheet has one per cell."""
    if not text:
        return ("", "")
    whole = text.strip()
    letters = whole.rstrip(_DIGITS)
    if letters and not (letters.isascii() and letters.isalpha()):
        return ("", "")
    return letters, whole[len(letters):]


_DIGITS = "0123456789"


@lru_cache(maxsize=4096)
def _column(letters: str) -> int:
    """A column number from its letters; anything past XFD counts as too wide rather than failing.

    Cached: every row of a sheet names the same few columns."""
    if len(letters) > 3:
        return 1 << 20
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _strings_handlers(file_name: str, limits: Limits) -> Handlers:
    count = 0

    def shared_string(_: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > limits.shared_strings:
            raise RosterFileError(limit_reason(file_name, "不同文字的个数", "distinct texts", f"{limits.shared_strings:,}"))

    return {"si": shared_string}


def _check_area(rows: int, columns: int, file_name: str, limits: Limits, declared: bool) -> None:
    """calamine fills every cell from A1 to the far corner, so the rectangle is what costs memory."""
    where = ("声明的", "declared ") if declared else ("", "")
    if rows > limits.rows:
        raise RosterFileError(limit_reason(file_name, f"{where[0]}行数", f"{where[1]}rows", f"{limits.rows:,}"))
    if columns > limits.columns:
        raise RosterFileError(limit_reason(file_name, f"{where[0]}列数", f"{where[1]}columns", f"{limits.columns:,}"))
    if rows * columns > limits.cells:
        what = (f"{where[0]}单元格区域（行数×列数）", f"{where[1]}cell area (rows × columns)")
        raise RosterFileError(limit_reason(file_name, *what, f"{limits.cells:,}"))


def _sheet_entries(handle: BinaryIO, parts: dict[str, zipfile.ZipInfo], file_name: str, limits: Limits) -> list[SheetEntry]:
    """The workbook's sheets in calamine's order, with their visibility and XML part."""
    targets: dict[str, str] = {}
    for rel in _elements(handle, parts, "xl/_rels/workbook.xml.rels", "Relationship", file_name, limits):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = full
    entries = []
    for sheet in _elements(handle, parts, "xl/workbook.xml", "sheet", file_name, limits):
        part = targets.get(sheet.get(f"{_NS_REL} id", ""))
        entries.append(SheetEntry(sheet.get("name", ""), sheet.get("state", "visible") == "visible", part if part in parts else None))
    return entries


def _elements(handle: BinaryIO, parts: dict[str, zipfile.ZipInfo], name: str, local: str, file_name: str,
              limits: Limits) -> list[dict[str, str]]:
    """The attributes of every element called ``local`` in one small part (read with a 4 MB cap)."""
    found: list[dict[str, str]] = []
    small = Limits(part_bytes=min(limits.part_bytes, 4 * MiB))
    _read_part(handle, parts[name], file_name, small, _XmlScan({local: found.append}))
    return found


def check_csv_size(path: Path, file_name: str, limits: Limits = LIMITS) -> None:
    if path.stat().st_size > limits.csv_bytes:
        raise RosterFileError(limit_reason(file_name, "文件大小", "file size", f"{limits.csv_bytes // MiB} MB"))


def limit_reason(file_name: str, what_zh: str, what_en: str, limit: str) -> Reason:
    return Reason(
        "sheet.too_big",
        f"“{file_name}”超出了名单表格的上限：{what_zh}最多 {limit}。真实的名单远小于此，"
        "请检查是否选错了文件，或只把名单那一页另存为新的 .xlsx 再导入。",
        f"“{file_name}” is beyond what a roster can be: at most {limit} for the {what_en}. A real roster "
        "is far smaller; check that this is the right file, or save just the roster sheet as a new .xlsx.",
    )


def cell_too_big_reason(file_name: str, row: int, limits: Limits = LIMITS) -> Reason:
    """Excel itself stops a cell at 32,767 characters, so a longer one was not made by a person."""
    return limit_reason(file_name, f"第 {row} 行单元格的字数", f"characters in a cell of row {row}", f"{limits.cell_chars:,}")


def unreadable_reason(file_name: str) -> Reason:
    return Reason(
        "sheet.unreadable",
        f"无法读取“{file_name}”：文件已损坏、格式不对，或正被其他程序占用。"
        "请关闭 Excel/WPS 后重试，或重新另存为 .xlsx。",
        f"Cannot read “{file_name}”: the file is damaged, not what its name says, or in use "
        "by another program. Close Excel/WPS and retry, or save it again as .xlsx.",
    )


def too_demanding_reason(file_name: str) -> Reason:
    """The reader, confined to a child process, ran out of memory or died: the file was not read."""
    return Reason(
        "sheet.too_demanding",
        f"“{file_name}”读取时占用的内存超出了名单表格的上限，没有导入任何内容。真实的名单远小于此，"
        "请检查是否选错了文件，或用 Excel/WPS 打开后只把名单那一页另存为新的 .xlsx 再导入。",
        f"Reading “{file_name}” needed more memory than a roster can; nothing was imported. A real roster "
        "is far smaller; check that this is the right file, or open it in Excel/WPS and save just the roster sheet as a new .xlsx.",
    )


def too_slow_reason(file_name: str, seconds: float) -> Reason:
    return Reason(
        "sheet.too_slow",
        f"“{file_name}”在 {seconds:.0f} 秒内没有读完，已停止读取，没有导入任何内容。请检查是否选错了文件，"
        "或只把名单那一页另存为新的 .xlsx 再导入。",
        f"Reading “{file_name}” did not finish within {seconds:.0f} seconds and was stopped; nothing was imported. "
        "Check that this is the right file, or save just the roster sheet as a new .xlsx.",
    )


def hidden_sheets_notice(names: list[str]) -> Reason:
    listed_zh = "、".join(f"“{n}”" for n in names)
    listed_en = ", ".join(f"“{n}”" for n in names)
    return Reason(
        "sheet.hidden_sheets",
        f"工作簿里有隐藏的工作表 {listed_zh}，没有读取；只读取了看得见的工作表。",
        f"The workbook has hidden sheets {listed_en}; they were not read, only the visible sheets were.",
    )


def hidden_rows_notice(sheet_name: str, rows: list[int]) -> Reason:
    shown = "、".join(str(r) for r in rows[:20]) + ("…" if len(rows) > 20 else "")
    return Reason(
        "sheet.hidden_rows",
        f"工作表“{sheet_name}”有 {len(rows)} 行在 Excel 里是隐藏的（第 {shown} 行），这些行也读取了，请核对。",
        f"Sheet “{sheet_name}” has {len(rows)} rows hidden in Excel (rows {shown.replace('、', ', ')}); "
        "they were read too, please check them.",
    )
