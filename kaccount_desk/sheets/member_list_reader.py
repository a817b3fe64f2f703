"""Find the number column of an operator's member list (集团成员清单) in an .xlsx or .csv and read it as text.

The file is handled as the activation list and the billing extract are (``operator_lists``: the
format judged by its first bytes, hostile packages refused before calamine opens them, GBK CSVs
decoded); only the header looked for differs. A list often carries names and departments too:
those columns are not read, since the archive keeps a company's member numbers, and the person's
name comes from the applications and tickets that know it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from kaccount_desk.domain.member_lists import no_member_header_reason
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.sheets.operator_lists import read_operator_list
from kaccount_desk.sheets.roster_reader import HEADER_ALIASES, HEADER_SCAN_ROWS, Column, Record, _csv_records, cell_text, normalize_header
from kaccount_desk.sheets.sheet_limits import LIMITS, Limits, RosterFileError, cell_too_big_reason

# The roster's own number headers, and what operators' systems call a group's member line.
MEMBER_NUMBER_ALIASES: tuple[str, ...] = (
    *HEADER_ALIASES[Column.MOBILE], "服务号码", "成员号码", "集团成员号码", "成员手机号码", "用户号码", "计费号码", "移动号码",
    "msisdn", "member number", "member", "number",
)
_NUMBER_HEADERS = frozenset(normalize_header(alias) for alias in MEMBER_NUMBER_ALIASES)


@dataclass(frozen=True)
class MemberRow:
    """One row's number as written; ``row`` is the number Excel shows, so the clerk can find it."""

    row: int
    number: str


def read_member_list(path: Path, limits: Limits = LIMITS) -> tuple[MemberRow, ...]:
    """The rows under the first header naming a number column; refused in words when there is none."""
    path = Path(path)
    return read_operator_list(path, limits, lambda records: _parse(records, path.name, limits),
                              lambda text, delimiter: _csv_records(text, delimiter, path.name), no_header_reason)


def no_header_reason(file_name: str) -> Reason:
    return no_member_header_reason(file_name, HEADER_SCAN_ROWS)


def _parse(records: Iterator[Record], file_name: str, limits: Limits) -> tuple[MemberRow, ...] | None:
    head = list(islice(records, HEADER_SCAN_ROWS))
    for index, (_row_number, cells) in enumerate(head):
        column = next((n for n, cell in enumerate(cells) if normalize_header(cell_text(cell)) in _NUMBER_HEADERS), None)
        if column is not None:
            return tuple(_rows(chain(head[index + 1:], records), column, file_name, limits))
    return None


def _rows(records: Iterator[Record], column: int, file_name: str, limits: Limits) -> Iterator[MemberRow]:
    for row_number, cells in records:
        text = cell_text(cells[column]) if column < len(cells) else ""
        if len(text) > limits.cell_chars:
            raise RosterFileError(cell_too_big_reason(file_name, row_number, limits))
        if text:
            yield MemberRow(row_number, text)
