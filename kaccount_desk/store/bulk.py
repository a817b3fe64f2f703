"""Rows written in bulk with ids of our choosing: what differs between the engines.

Choosing ids lets a fill write a ticket and its history in plain executemany batches (RETURNING
a million ids back through SQLAlchemy costs minutes); PostgreSQL's serial columns then have to be
told where their sequence stands, or the next ordinary insert would collide with a bulk row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Select, func, select, text, true
from sqlalchemy.orm import Session
from sqlalchemy.sql import FromClause
from sqlalchemy.sql.schema import Table

from kaccount_desk.store.crypto import EncryptedIdNumber, RowBound


def next_id(session: Session, table: Table) -> int:
    """The first id after the table's highest (1 for an empty table)."""
    return (session.scalar(select(func.max(table.c.id))) or 0) + 1


def reserve_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """``count`` new ids for ``table``, known before its rows are written (ciphertexts are bound to them).

    On SQLite a writing transaction holds the write lock from its start (BEGIN IMMEDIATE), so the
    ids after the highest are this transaction's to choose (and after any this connection chose
    in the same flush). PostgreSQL's sequence stays the only source of ids there, as writers that
    run at the same moment need.
    """
    if connection.dialect.name == "postgresql":
        return list(connection.scalars(text(
            f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id')) FROM generate_series(1, :n)"), {"n": count}))
    chosen = f"last chosen id of {table.name}"
    first = max((connection.scalar(select(func.max(table.c.id))) or 0) + 1, connection.info.get(chosen, 0) + 1)
    connection.info[chosen] = first + count - 1
    return list(range(first, first + count))


def choose_id(connection: Connection, table: Table) -> int:
    """One new row's id, before it is written (the ORM's ``before_insert``)."""
    return reserve_ids(connection, table, 1)[0]


def read_with_new_ids(
    session: Session, query: Select[*tuple[Any, ...]], *classes: FromClause
) -> tuple[list[tuple[Any, ...]], list[int]]:
    """The rows of ``query`` and one new id for each of the tables ``classes`` (a model's ``__table__``): on
    PostgreSQL in one statement.

    A row whose id is known before it is written goes in an INSERT with nothing to read back, which
    a pipelined transaction (store/pipelined.py) sends without waiting; asking the sequences in the
    same statement as a read the transaction makes anyway costs no round trip of its own. The ids
    come from a CTE, which PostgreSQL evaluates once (volatile functions are never inlined), joined
    to the query's rows; the one row of an empty query's NULLs is dropped. On SQLite the ids are
    chosen as :func:`reserve_ids` chooses them (the writer holds the lock), which is the id SQLite
    would give the row itself.
    """
    tables = [table for table in classes if isinstance(table, Table)]
    assert len(tables) == len(classes), "ids are reserved for tables"
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return [tuple(row) for row in session.execute(query)], [choose_id(connection, table) for table in tables]
    ids = select(*(func.nextval(func.pg_get_serial_sequence(table.name, "id")).label(f"new_id_{n}")
                   for n, table in enumerate(tables))).cte("new_ids")
    read = query.subquery("read")
    rows = session.execute(select(ids, read).select_from(ids.outerjoin(read, true()))).all()
    width = len(tables)
    return [tuple(row[width:]) for row in rows if any(value is not None for value in row[width:])], list(rows[0][:width])


def after_explicit_ids(session: Session, *tables: Table) -> None:
    """Move each table's id sequence past the ids written explicitly (nothing to do on SQLite)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in tables:
        session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                             f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"))


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]], same: dict[str, Any] | None = None) -> None:
    """INSERT ``rows`` (all with the same keys), each with the values in ``same``, in one executemany.

    On SQLite the values go through each column's own bind processing (so they are stored exactly
    as an ordinary insert stores them) straight into the driver's executemany: SQLAlchemy's
    per-row parameter handling costs more than the insert itself at a million rows. The values
    every row shares (``same``: a campaign, a status, the moment) are processed once, not per row,
    and a column whose type has no processing is copied as it is. Other engines take the ordinary
    Core executemany. Python-side column defaults are not applied: give every column.
    """
    if not rows:
        return
    names = [name for name in rows[0] if name not in (same or {})]
    insert_lists(session, table, names, [[row[name] for name in names] for row in rows], same)


def insert_lists(session: Session, table: Table, names: Sequence[str], rows: list[list[Any]], same: dict[str, Any] | None = None) -> None:
    """``insert_rows`` for rows already given as lists of values in ``names``' order: no dictionary per row.

    A caller that builds its rows for the insert alone (a roster's new applications) saves making a
    dictionary of each and reading it back. The lists are the caller's to give away: their values
    are bound in place.
    """
    if not rows:
        return
    shared = same or {}
    connection = session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite":
        connection.execute(table.insert(), [{**dict(zip(names, row, strict=True)), **shared} for row in rows])
        return
    processors = [(index, p) for index, p in enumerate(table.c[name].type._cached_bind_processor(dialect) for name in names)
                  if p is not None]
    fixed = tuple(_bound(table, dialect, name, value) for name, value in shared.items())
    statement = (f"INSERT INTO {table.name} ({', '.join([*names, *shared])}) "
                 f"VALUES ({', '.join('?' * (len(names) + len(shared)))})")
    for row in rows:
        for index, p in processors:
            if row[index] is not None:
                row[index] = p(row[index])
    connection.exec_driver_sql(statement, [(*row, *fixed) for row in rows])  # tuples: SQLAlchemy takes no lists here


def _bound(table: Table, dialect: Any, name: str, value: Any) -> Any:
    """One value as the column's type binds it on this dialect."""
    p = table.c[name].type._cached_bind_processor(dialect)
    return value if p is None or value is None else p(value)


def insert_with_ids(session: Session, table: Table, rows: list[dict[str, Any]], same: dict[str, Any] | None = None) -> list[int]:
    """INSERT ``rows`` (all with the same keys, every column given with ``same``) and return their new ids, in order.

    The ids are reserved first (:func:`reserve_ids`), so an encrypted ID number is bound to its
    row, and the rows go in one executemany (``insert_rows``): SQLAlchemy's RETURNING with the
    rows' order kept costs a statement per row on SQLite.
    """
    if not rows:
        return []
    names = [name for name in rows[0] if name not in (same or {})]
    return insert_lists_with_ids(session, table, names, [[row[name] for name in names] for row in rows], same)


def insert_lists_with_ids(session: Session, table: Table, names: Sequence[str], rows: list[list[Any]],
                          same: dict[str, Any] | None = None) -> list[int]:
    """``insert_with_ids`` for rows given as lists of values in ``names``' order (``names`` without the id)."""
    if not rows:
        return []
    ids = reserve_ids(session.connection(), table, len(rows))
    bound = [index for index, name in enumerate(names, start=1) if isinstance(table.c[name].type, EncryptedIdNumber)]
    with_ids = [[new_id, *row] for new_id, row in zip(ids, rows, strict=True)]
    for row in with_ids:
        for index in bound:
            row[index] = RowBound(row[index], row[0])
    insert_lists(session, table, ["id", *names], with_ids, same)
    return ids
