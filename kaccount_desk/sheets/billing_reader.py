"""Find the operator's monthly billing extract inside an .xlsx or .csv and read it as clean strings.

The same care as a roster (``roster_reader``): the format judged by the file's first bytes, the
package checked against hostile files before calamine opens it (``sheet_limits``), the header found
near the top under whatever names the operator's system gave the columns, Excel's row numbers kept.
An extract is bigger than a roster (a county's numbers, not an office's), so its own limits allow
a million rows. The rows come back as four plain lists of text: cheap to send through the pipe of
the reading child, and judged by the service with the domain's rules.
"""

from __future__ import annotations

import csv
import gc
import io
import marshal
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.sheets.operator_lists import read_operator_list
from kaccount_desk.sheets.roster_reader import (
    HEADER_SCAN_ROWS,
    cell_text,
    normalize_header,
)
from kaccount_desk.sheets.sheet_limits import (
    Limits,
    MiB,
    RosterFileError,
    cell_too_big_reason,
    limit_reason,
    unreadable_reason,
)

BILLING_LIMITS = Limits(rows=1_000_000, cells=8_000_000, shared_strings=2_000_000, part_bytes=256 * MiB,
                        total_bytes=400 * MiB, file_bytes=120 * MiB, csv_bytes=120 * MiB)


class BillColumn(StrEnum):
    NUMBER = "number"
    MONTH = "month"
    AMOUNT = "amount"
    ARREARS = "arrears"


# Compared after normalize_header, as a roster's are; the names billing systems and clerks use.
BILL_ALIASES: dict[BillColumn, tuple[str, ...]] = {
    BillColumn.NUMBER: ("手机号码", "手机号", "号码", "服务号码", "用户号码", "计费号码", "移动号码", "mobile", "number", "msisdn",
                        "phone"),
    BillColumn.MONTH: ("月份", "账期", "帐期", "账务月份", "计费月份", "消费月份", "出账月份", "month", "billing month"),
    BillColumn.AMOUNT: ("金额", "消费金额", "月消费", "月消费额", "话费", "话费金额", "出账金额", "应收金额", "消费", "amount",
                        "spend"),
    BillColumn.ARREARS: ("欠费", "欠费金额", "欠款", "欠款金额", "arrears", "owed"),
}

BILL_COLUMN_LABELS = Labels({
    BillColumn.NUMBER: ("手机号码", "number"),
    BillColumn.MONTH: ("月份", "month"),
    BillColumn.AMOUNT: ("消费金额", "amount"),
    BillColumn.ARREARS: ("欠费金额", "arrears"),
})

_LOOKUP = {normalize_header(alias): column for column, aliases in BILL_ALIASES.items() for alias in aliases}
Record = tuple[int, Sequence[object]]
CHUNK_ROWS = 2048


@dataclass(frozen=True)
class BillingSheet:
    """The extract's rows as text, one list per column (a missing month or arrears column gives empty
    texts); ``rows`` holds the number Excel shows for each."""

    rows: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    arrears: list[str] = field(default_factory=list)
    has_month: bool = False

    def __reduce__(self) -> tuple[Callable[[bytes], BillingSheet], tuple[bytes]]:
        """Crosses the pipe from the reading child marshalled: plain lists of text and row numbers, packed
        and read back several times faster than pickle does it, and nothing in them runs code when read."""
        return (_unpack, (marshal.dumps((self.rows, self.numbers, self.months, self.amounts, self.arrears, self.has_month)),))


def _unpack(packed: bytes) -> BillingSheet:
    rows, numbers, months, amounts, arrears, has_month = marshal.loads(packed)
    return BillingSheet(rows, numbers, months, amounts, arrears, has_month)


def read_billing(path: Path, limits: Limits = BILLING_LIMITS) -> BillingSheet:
    """Read a billing extract (the app reads it through ``services.billing``, in a child process);
    the first visible sheet with a billing header, hidden sheets never read (as for rosters)."""
    path = Path(path)
    with _collector_paused():
        return read_operator_list(path, limits, lambda records: _parse(records, path.name, limits),
                                  lambda text, delimiter: _csv_records(text, delimiter, path.name, limits), _no_header_reason)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while an extract is read: the read makes a few hundred
    thousand lists and strings, none of which can form a cycle, and the collector walking them again
    and again cost a quarter of the reading."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _csv_records(text: str, delimiter: str, file_name: str, limits: Limits) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, record in enumerate(reader, start=1):
            if number > limits.rows:
                raise RosterFileError(limit_reason(file_name, "行数", "rows", f"{limits.rows:,}"))
            yield number, record
    except csv.Error as exc:
        raise RosterFileError(unreadable_reason(file_name)) from exc


def _parse(records: Iterator[Record], file_name: str, limits: Limits) -> BillingSheet | None:
    head = list(islice(records, HEADER_SCAN_ROWS))
    for index, (_row, cells) in enumerate(head):
        found: dict[BillColumn, list[int]] = {}
        for number, cell in enumerate(cells):
            column = _LOOKUP.get(normalize_header(cell_text(cell)))
            if column is not None:
                found.setdefault(column, []).append(number)
        if BillColumn.NUMBER in found and BillColumn.AMOUNT in found:
            doubled = [c for c, numbers in found.items() if len(numbers) > 1]
            if doubled:
                raise RosterFileError(_duplicate_reason(doubled[0]))
            columns = {column: numbers[0] for column, numbers in found.items()}
            return _rows(chain(head[index + 1:], records), columns, file_name, limits)
    return None


def _rows(records: Iterator[Record], columns: dict[BillColumn, int], file_name: str, limits: Limits) -> BillingSheet:
    """The rows below the header, a chunk at a time and a column at a time: a county's extract is a
    hundred thousand rows a month, and one Python step per cell was most of its reading."""
    sheet = BillingSheet(has_month=BillColumn.MONTH in columns)
    places = [columns.get(column) for column in (BillColumn.NUMBER, BillColumn.MONTH, BillColumn.AMOUNT, BillColumn.ARREARS)]
    targets = (sheet.numbers, sheet.months, sheet.amounts, sheet.arrears)
    for chunk in _chunks(records):
        excel_rows, cells = map(list, zip(*chunk, strict=True))
        texts = [_column(cells, place) for place in places]
        if "" in texts[0]:  # only a row without a number can be empty: such rows with nothing else are left out
            kept = [index for index, four in enumerate(zip(*texts, strict=True)) if any(four)]
            excel_rows = [excel_rows[index] for index in kept]
            texts = [[column[index] for index in kept] for column in texts]
        _check_lengths(texts, excel_rows, file_name, limits)
        sheet.rows.extend(excel_rows)
        for column, target in zip(texts, targets, strict=True):
            target.extend(column)
    return sheet


def _chunks(records: Iterator[Record]) -> Iterator[list[Record]]:
    """The records in lists of :data:`CHUNK_ROWS`; when reading fails (past the row limit, a damaged
    sheet) the rows before are handed on first, so a long cell above is reported as it was one row at a time."""
    while True:
        chunk: list[Record] = []
        try:
            chunk.extend(islice(records, CHUNK_ROWS))  # what was read before a failure stays in the list
        except Exception:
            if chunk:
                yield chunk
            raise
        if not chunk:
            return
        yield chunk


def _column(rows: list[Sequence[object]], place: int | None) -> list[str]:
    """One column of a chunk as text: a missing column or cell is empty, each cell as ``cell_text`` gives it."""
    if place is None:
        return [""] * len(rows)
    try:
        values = list(map(itemgetter(place), rows))
    except IndexError:
        values = [cells[place] if place < len(cells) else "" for cells in rows]
    try:
        joined = "\x00".join(values)  # a TypeError: not all text (an .xlsx's numbers)
    except TypeError:
        return [_text(value) for value in values]
    if not _has_blank(joined):  # no blank in any cell, so none at an edge: each cell is its own text
        return values
    return [_text(value) for value in values]


def _check_lengths(texts: list[list[str]], excel_rows: list[int], file_name: str, limits: Limits) -> None:
    """Refuse the first row of the chunk with a cell longer than a cell may be."""
    longest = limits.cell_chars
    first = [next(index for index, text in enumerate(column) if len(text) > longest)
             for column in texts if column and max(map(len, column)) > longest]
    if first:
        raise RosterFileError(cell_too_big_reason(file_name, excel_rows[min(first)], limits))


_EDGES = frozenset(" \t\r\n\u3000\u200b\ufeff\xa0")
_BLANK = re.compile(r"[\s\u200b\ufeff]")  # what cell_text strips at a cell's edges (as roster_reader._EDGE_BLANKS)
_ASCII_BLANKS = tuple(c for c in map(chr, range(128)) if _BLANK.match(c))


def _has_blank(text: str) -> bool:
    """Whether ``text`` holds any of _BLANK's characters; plain ASCII (an extract's numbers, months and
    amounts) is searched for its ten blanks one by one, which is several times faster than the pattern."""
    if text.isascii():
        return any(blank in text for blank in _ASCII_BLANKS)
    return _BLANK.search(text) is not None


def _text(value: object) -> str:
    """``cell_text``, with a CSV cell that has no blanks at its edges (nearly all of an extract's) passed as it is."""
    if type(value) is str and (not value or (value[0] not in _EDGES and value[-1] not in _EDGES and not value[0].isspace()
                                             and not value[-1].isspace())):
        return value
    return cell_text(value)


def _no_header_reason(file_name: str) -> Reason:
    return Reason(
        "billing.no_header",
        f"在“{file_name}”前 {HEADER_SCAN_ROWS} 行中没有找到账单表头。表头行要同时有“手机号码”和“消费金额”"
        "(也可写作“号码”“金额”“话费”等)。",
        f"No billing header in the first {HEADER_SCAN_ROWS} rows of “{file_name}”. The header row must name the "
        "number (手机号码) and the amount (消费金额).",
    )


def _duplicate_reason(column: BillColumn) -> Reason:
    zh, en = BILL_COLUMN_LABELS[column]
    return Reason("billing.duplicate_column", f"“{zh}”列出现了不止一次,请只保留一列。",
                  f"The {en} column appears more than once; keep only one.")
