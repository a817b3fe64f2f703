"""Find the operator's list of activated numbers in an .xlsx or .csv and read it as clean strings.

The operator's counter sends back which lines it opened: a number and a date per row, under
whatever headers its system prints (服务号码, 开通日期, MSISDN, ...). The file is handled exactly as
a department's roster is (the same format sniffing, the same checks against hostile files before
calamine reads it, the same decoding of GBK CSVs): those steps are the roster reader's, shared
here; only the columns looked for differ.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import chain, islice
from pathlib import Path

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.sheets.operator_lists import read_operator_list
from kaccount_desk.sheets.roster_reader import (
    HEADER_ALIASES,
    HEADER_SCAN_ROWS,
    Column,
    Record,
    _csv_records,
    cell_text,
    normalize_header,
)
from kaccount_desk.sheets.sheet_limits import (
    LIMITS,
    Limits,
    RosterFileError,
    cell_too_big_reason,
)


class ActivationColumn(StrEnum):
    NUMBER = "number"
    DATE = "date"


# The roster's own number headers, and what operators' systems call the opened line and its day.
ACTIVATION_ALIASES: dict[ActivationColumn, tuple[str, ...]] = {
    ActivationColumn.NUMBER: (
        *HEADER_ALIASES[Column.MOBILE], *HEADER_ALIASES[Column.NEW_NUMBER],
        "服务号码", "开通号码", "用户号码", "计费号码", "办理号码", "入网号码", "msisdn", "activated number",
    ),
    ActivationColumn.DATE: (
        "开通日期", "开通时间", "激活日期", "激活时间", "生效日期", "生效时间", "办理日期", "办理时间", "入网日期", "入网时间",
        "开户日期", "开户时间", "竣工日期", "竣工时间", "日期", "date", "activation date", "activated on", "activated",
    ),
}
_LOOKUP = {normalize_header(alias): column for column, aliases in ACTIVATION_ALIASES.items() for alias in aliases}


@dataclass(frozen=True)
class ActivationRow:
    """One line of the list; ``row`` is the number Excel shows, so the clerk can find it."""

    row: int
    number: str
    date: str


@dataclass(frozen=True)
class ActivationSheet:
    has_date: bool
    rows: tuple[ActivationRow, ...]


def read_activations(path: Path, limits: Limits = LIMITS) -> ActivationSheet:
    """Read the list, judging the format by the file's first bytes before its name (as rosters are)."""
    path = Path(path)
    return read_operator_list(path, limits, lambda records: _parse(records, path.name, limits),
                              lambda text, delimiter: _csv_records(text, delimiter, path.name), no_header_reason)


def _parse(records: Iterator[Record], file_name: str, limits: Limits) -> ActivationSheet | None:
    """The header is the first row near the top naming a number column; every row below it is read."""
    head = list(islice(records, HEADER_SCAN_ROWS))
    for index, (_row_number, cells) in enumerate(head):
        columns = _columns(cells)
        if ActivationColumn.NUMBER in columns:
            rows = _rows(chain(head[index + 1:], records), columns, file_name, limits)
            return ActivationSheet(ActivationColumn.DATE in columns, tuple(rows))
    return None


def _columns(cells: Sequence[object]) -> dict[ActivationColumn, int]:
    """The first column of each kind (0-based): an operator's export may repeat 日期 for another event later on."""
    found: dict[ActivationColumn, int] = {}
    for number, cell in enumerate(cells):
        column = _LOOKUP.get(normalize_header(cell_text(cell)))
        if column is not None:
            found.setdefault(column, number)
    return found


def _rows(records: Iterator[Record], columns: dict[ActivationColumn, int], file_name: str, limits: Limits) -> Iterator[ActivationRow]:
    for row_number, cells in records:
        values = {c: cell_text(cells[i]) if i < len(cells) else "" for c, i in columns.items()}
        if any(len(text) > limits.cell_chars for text in values.values()):
            raise RosterFileError(cell_too_big_reason(file_name, row_number, limits))
        if any(values.values()):
            yield ActivationRow(row_number, values.get(ActivationColumn.NUMBER, ""), values.get(ActivationColumn.DATE, ""))


def no_header_reason(file_name: str) -> Reason:
    return Reason(
        "activation.no_header",
        f"在“{file_name}”前 {HEADER_SCAN_ROWS} 行中没有找到号码列。表头行要有“手机号码”“服务号码”或“开通号码”这样的列名。",
        f"No number column in the first {HEADER_SCAN_ROWS} rows of “{file_name}”. The header row must name the "
        "number column, such as “手机号码”, “服务号码” or “开通号码” (mobile number).",
    )
