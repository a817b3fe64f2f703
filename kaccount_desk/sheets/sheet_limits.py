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
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from xml.etree import ElementTree

from openpyxl.utils import column_index_from_string

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
    run_bytes: int = MiB
    cell_chars: int = 32_767
    csv_bytes: int = 30 * MiB


LIMITS = Limits()


class RosterFileError(Exception):
    """The file as a whole cannot be read as a roster; ``reason`` says why in zh and en."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(f"{reason.code}: {reason.en}")
        self.reason = reason


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
_ROW_START = re.compile(rb"(?=<(?:\w+:)?row[\s/>])")
_ROW_TAG = re.compile(rb"<(?:\w+:)?row([\s/][^>]*)?>")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c(?=[\s/>])([^>]*)>")
_CELL_WITH_REF = re.compile(rb"<(?:\w+:)?c\s[^>]*\br=\"")
_ATTR_REF = re.compile(rb"\br=\"([A-Z]*)(\d*)\"")
_FIRST_ROW_REF = re.compile(rb"<row r=\"(\d+)\"")
_FIRST_REF_COLUMN = re.compile(rb"<c r=\"([A-Z]+)\d")
_FIRST_REF_ROW = re.compile(rb"<c r=\"[A-Z]+(\d+)")
_SHARED_STRING = re.compile(rb"<\w+:si[\s/>]")
_HIDDEN = re.compile(rb"\bhidden=\"(?:1|true)\"")
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\b[^>]*?\bref=\"([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?\"")
_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class _Scanner:
    """Feeds decompressed XML through in pieces cut at a tag start, so no tag is split."""

    def __init__(self, limits: Limits, file_name: str, on_piece: Callable[[bytes], None]) -> None:
        self.limits, self.file_name, self.on_piece = limits, file_name, on_piece
        self.carry = b""

    def feed(self, data: bytes) -> None:
        buffer = self.carry + data
        cut = buffer.rfind(b"<")
        if cut <= 0:
            self.carry = buffer
        else:
            self._piece(buffer[:cut])
            self.carry = buffer[cut:]
        if len(self.carry) > self.limits.run_bytes:
            what = ("一段不含标记的内容", "text between two tags")
            raise RosterFileError(limit_reason(self.file_name, *what, f"{self.limits.run_bytes // MiB} MB"))

    def close(self) -> None:
        self._piece(self.carry)
        self.carry = b""

    def _piece(self, piece: bytes) -> None:
        if piece:
            self.on_piece(piece)


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
                    total += _read_part(handle, info, file_name, limits, _sheet_scanner(facts, file_name, limits))
                elif info.filename.lower().endswith("sharedstrings.xml"):
                    total += _read_part(handle, info, file_name, limits, _strings_scanner(file_name, limits))
                else:
                    total += _read_part(handle, info, file_name, limits, None)
                if total > limits.total_bytes:
                    raise RosterFileError(limit_reason(file_name, "解压后总大小", "uncompressed size", f"{limits.total_bytes // MiB} MB"))
    except (zipfile.BadZipFile, zlib.error, ElementTree.ParseError, KeyError, ValueError, struct.error, EOFError) as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc
    return WorkbookFacts(sheets, by_part)


def _read_part(handle: BinaryIO, info: zipfile.ZipInfo, file_name: str, limits: Limits, scanner: _Scanner | None) -> int:
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


def _sheet_scanner(facts: SheetFacts, file_name: str, limits: Limits) -> _Scanner:
    """Row and column extent from the cell references, with C-speed patterns for the usual form.

    Excel, WPS, LibreOffice and openpyxl all write ``<row r="7">`` and ``<c r="B7" ...>`` with
    ``r`` first; a piece written otherwise (no reference, a prefix, hidden rows) is walked tag by
    tag. The area is checked after every piece, so a bomb stops at the first megabyte too many.
    """
    in_head = True

    def on_piece(piece: bytes) -> None:
        nonlocal in_head
        if in_head:
            dimension = _DIMENSION.search(piece)
            if dimension:
                corner = (dimension.group(3), dimension.group(4)) if dimension.group(3) else (dimension.group(1), dimension.group(2))
                _check_area(int(corner[1] or 0), _column(corner[0]), file_name, limits, declared=True)
            in_head = b"sheetData" not in piece
        if not _scan_fast(piece, facts):
            _scan_exact(piece, facts, file_name, limits)
        _check_area(facts.max_row, facts.max_column, file_name, limits, declared=False)

    return _Scanner(limits, file_name, on_piece)


def _cell_tags(data: bytes) -> int:
    return data.count(b"<c>") + data.count(b"<c ") + data.count(b"<c/")


def _scan_fast(piece: bytes, facts: SheetFacts) -> bool:
    """C-speed counting when every row and cell starts with its reference and no row is hidden."""
    if b":c" in piece or b":row" in piece or b'hidden="' in piece:
        return False
    rows = piece.count(b"<row ") + piece.count(b"<row>") + piece.count(b"<row/")
    cells = _cell_tags(piece)
    if piece.count(b'<row r="') != rows or piece.count(b'<c r="') != cells:
        return False
    if rows:
        facts.max_row = max(facts.max_row, max(map(int, _FIRST_ROW_REF.findall(piece))))
    if cells:
        letters = _FIRST_REF_COLUMN.findall(piece)
        facts.max_row = max(facts.max_row, max(map(int, _FIRST_REF_ROW.findall(piece))))
        facts.max_column = max(facts.max_column, max(map(_column, set(letters))))
        facts.column_now = _column(letters[-1])
    return True


def _scan_exact(piece: bytes, facts: SheetFacts, file_name: str, limits: Limits) -> None:
    """Row by row, as calamine counts: a row or cell without a reference takes the next place.

    Cells are walked one by one only in rows where some cell has a reference; a row of cells
    without any (a bomb's favourite) is just counted.
    """
    if b":row" in piece:
        segments = _ROW_START.split(piece)
    else:
        first, *rest = piece.split(b"<row")
        segments = [first, *(b"<row" + segment for segment in rest)]
    for segment in segments:
        row_tag = _ROW_TAG.match(segment)
        cells_from = 0
        if row_tag:
            attributes = row_tag.group(1) or b""
            ref = _ATTR_REF.search(attributes)
            row = int(ref.group(2)) if ref and not ref.group(1) and ref.group(2) else facts.max_row + 1
            facts.max_row, facts.column_now, cells_from = max(facts.max_row, row), 0, row_tag.end()
            if b"hidden" in attributes and _HIDDEN.search(attributes):
                facts.hidden_rows.append(row)
        if b"<c" not in segment and b":c" not in segment:
            continue
        if b' r="' in segment[cells_from:] or b":c" in segment:
            for cell in _CELL_TAG.findall(segment, cells_from):
                ref = _ATTR_REF.search(cell)
                if ref and ref.group(1) and ref.group(2):
                    facts.column_now = _column(ref.group(1))
                    facts.max_row = max(facts.max_row, int(ref.group(2)))
                else:
                    facts.column_now += 1
                facts.max_column = max(facts.max_column, facts.column_now)
        else:
            facts.column_now += _cell_tags(segment)
            facts.max_column = max(facts.max_column, facts.column_now)
        _check_area(facts.max_row, facts.max_column, file_name, limits, declared=False)


def _column(letters: bytes) -> int:
    """A column number from its letters; anything past XFD counts as too wide rather than failing."""
    return column_index_from_string(letters.decode()) if 0 < len(letters) <= 3 else (0 if not letters else 1 << 20)


def _strings_scanner(file_name: str, limits: Limits) -> _Scanner:
    count = 0

    def on_piece(piece: bytes) -> None:
        nonlocal count
        count += piece.count(b"<si>") + piece.count(b"<si ") + (len(_SHARED_STRING.findall(piece)) if b":si" in piece else 0)
        if count > limits.shared_strings:
            raise RosterFileError(limit_reason(file_name, "不同文字的个数", "distinct texts", f"{limits.shared_strings:,}"))

    return _Scanner(limits, file_name, on_piece)


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
    book = _small_xml(handle, parts, "xl/workbook.xml", file_name, limits)
    rels = _small_xml(handle, parts, "xl/_rels/workbook.xml.rels", file_name, limits)
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{_NS_PKG}Relationship"):
        target = rel.get("Target", "")
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = full
    entries = []
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        part = targets.get(sheet.get(f"{_NS_REL}id", ""))
        entries.append(SheetEntry(sheet.get("name", ""), sheet.get("state", "visible") == "visible", part if part in parts else None))
    return entries


def _small_xml(handle: BinaryIO, parts: dict[str, zipfile.ZipInfo], name: str, file_name: str, limits: Limits) -> ElementTree.Element:
    info = parts[name]
    chunks: list[bytes] = []
    small = Limits(part_bytes=min(limits.part_bytes, 4 * MiB))
    _read_part(handle, info, file_name, small, _Scanner(small, file_name, chunks.append))
    data = b"".join(chunks)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("a DTD has no place in a workbook")
    return ElementTree.fromstring(data)


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
