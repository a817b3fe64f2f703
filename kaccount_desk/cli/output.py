"""How commands speak: one JSON document with --json, readable lines otherwise, in the language of --lang.

Exit codes: 0 fine, 1 some input refused, 2 wrong usage, 3 the store cannot be used now.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from dataclasses import asdict, is_dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

OK, REFUSED, USAGE, UNAVAILABLE = 0, 1, 2, 3
# The largest row number a store holds (SQLite's INTEGER, PostgreSQL's bigint): a bigger one reached
# the driver and ended in an OverflowError traceback.
STORE_INT_MAX = 2**63 - 1


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document for scripts")


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为整数 / not a whole number: {text[:40]!r}") from None
    if not least <= value <= STORE_INT_MAX:
        raise argparse.ArgumentTypeError(
            f"应在 {least} 到 {STORE_INT_MAX} 之间 / must be between {least} and {STORE_INT_MAX}: {text[:40]}"
        )
    return value


def row_number(text: str) -> int:
    """An application's or ticket's number, as argparse reads it: a whole number a store can hold."""
    return _whole(text, 1)


def count(text: str) -> int:
    """A count or offset a query passes to the store (``--limit``, ``--offset``)."""
    return _whole(text, 0)


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def words(args: argparse.Namespace, zh: str, en: str) -> str:
    """The line in the language asked for with ``--lang``: every printed line goes through here or a Reason."""
    return en if getattr(args, "lang", "zh") == "en" else zh


def when(value: datetime) -> str:
    """A time as a person reads it, to the minute, as the GUI shows it: the store's UTC times in the
    computer's local time, a ticket's times in the service's own zone they carry (--json keeps ISO 8601)."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    shown = aware.astimezone() if aware.utcoffset() == timedelta(0) else aware
    return f"{shown:%Y-%m-%d %H:%M}"


def say(text: str) -> None:
    print(text)


def complain(text: str) -> None:
    print(text, file=sys.stderr)


def reader_gone() -> int:
    """The program reading our output stopped (``kaccount-desk ticket list | head``): end quietly.

    Python's advice for SIGPIPE: point stdout at devnull so the interpreter's own last flush of
    what is still buffered raises nothing, and exit 1, as Python itself does on EPIPE (the output
    was not all delivered, so not "all fine").
    """
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return REFUSED
