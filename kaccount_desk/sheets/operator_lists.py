"""Which sheet of an operator's list to read: its format judged by the first bytes before its name,
hidden sheets never read, the first visible sheet (or CSV delimiter) with a header taken.

The activation list and the billing extract are read the same way as rosters; each reader brings
only its own header rule (``parse``) and CSV record reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.sheets.roster_reader import (
    _CSV_DELIMITERS,
    _OLE_MAGIC,
    _ZIP_MAGIC,
    Record,
    _decode,
    _old_xls_reason,
    _open_workbook,
    _peek,
    _unsupported_reason,
    _xlsx_records,
)
from kaccount_desk.sheets.sheet_limits import Limits, RosterFileError, check_csv_size, inspect_xlsx, unreadable_reason

T = TypeVar("T")


def read_operator_list(path: Path, limits: Limits, parse: Callable[[Iterator[Record]], T | None],
                       csv_records: Callable[[str, str], Iterator[Record]], no_header: Callable[[str], Reason]) -> T:
    """What ``parse`` makes of the first table with a header; refused in words otherwise."""
    magic = _peek(path)
    suffix = path.suffix.lower()
    if magic.startswith(_OLE_MAGIC) or (suffix == ".xls" and not magic.startswith(_ZIP_MAGIC)):
        raise RosterFileError(_old_xls_reason(path.name))
    if magic.startswith(_ZIP_MAGIC):
        facts = inspect_xlsx(path, path.name, limits)
        with path.open("rb") as handle:
            workbook = _open_workbook(handle, path.name)
            for entry in facts.sheets:
                if entry.visible and entry.part is not None:
                    found = parse(_xlsx_records(workbook, entry.name, path.name))
                    if found is not None:
                        return found
        raise RosterFileError(no_header(path.name))
    if suffix in (".xlsx", ".xlsm"):
        raise RosterFileError(unreadable_reason(path.name))
    if suffix == ".csv":
        check_csv_size(path, path.name, limits)
        text = _decode(path.read_bytes(), path.name)
        for delimiter in _CSV_DELIMITERS:
            found = parse(csv_records(text, delimiter))
            if found is not None:
                return found
        raise RosterFileError(no_header(path.name))
    raise RosterFileError(_unsupported_reason(path.name))
