"""An unexpected error told without personal data, for the crash dialog, the log and the terminal.

SQL parameters are already kept out of database exceptions (``hide_parameters`` on the engine),
but a database's own message can still quote values: PostgreSQL's ``DETAIL: Key (…)=(…)`` names
the row that clashed, and a data error quotes the bad value. So a database error is described
by its class, SQLSTATE and constraint, never by its text; other exceptions keep their message.
"""

from __future__ import annotations

import sqlite3
import traceback
from types import TracebackType

from sqlalchemy.exc import StatementError


def _database_error(exc: BaseException) -> str | None:
    """A value-free description of a driver error, or None when ``exc`` is not one."""
    if isinstance(exc, sqlite3.Error):
        # SQLite's messages name tables, columns and constraints, never values; keep the first line.
        return f"{type(exc).__module__}.{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    diag = getattr(exc, "diag", None)
    if diag is not None and type(exc).__module__.startswith("psycopg"):
        facts = [f"SQLSTATE {diag.sqlstate}"] if diag.sqlstate else []
        if diag.constraint_name:
            facts.append(f"constraint {diag.constraint_name}")
        if diag.table_name:
            facts.append(f"table {diag.table_name}")
        return f"{type(exc).__module__}.{type(exc).__name__}: {', '.join(facts)}"
    return None


def describe(exc: BaseException) -> str:
    """One line for the dialog: the exception's type and a message that carries no values."""
    if isinstance(exc, StatementError):
        inner = _database_error(exc.orig) if exc.orig is not None else None
        statement = " ".join((exc.statement or "").split())[:300]
        return f"{type(exc).__name__}: {inner or type(exc.orig).__name__}\n[SQL: {statement}]"
    return _database_error(exc) or "".join(traceback.format_exception_only(type(exc), exc)).strip()


def _chain(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
    return chain[::-1]


def safe_traceback(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The whole chained traceback, each exception described as :func:`describe` does."""
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    parts = []
    for item in _chain(exc):
        frames = "".join(traceback.format_tb(item.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{describe(item)}\n")
    return "\nThe above exception led to the following:\n\n".join(parts)
