"""Partial unique indexes declared without importing SQLAlchemy's PostgreSQL dialect.

A ``postgresql_where=`` keyword on an ``Index`` makes SQLAlchemy import its PostgreSQL dialect (and
the dialect modules of its four drivers) to check the keyword, as the model is defined: about 2 MB
at every start of the window, on a SQLite store too. So the condition is given to SQLite at once,
and to PostgreSQL when a table is created on a server (``create_all``; the stores themselves are
made by the migrations, which state the same condition). On a server store the dialect is loaded
anyway, to talk to it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Index, Table, event, text

_WHERE = "kaccount_partial_where"


def partial_unique(name: str, *columns: str, where: str) -> Index:
    """A unique index over the rows where ``where`` (SQL) holds, on SQLite and PostgreSQL alike."""
    index = Index(name, *columns, unique=True, sqlite_where=text(where))
    index.info[_WHERE] = where
    return index


@event.listens_for(Table, "before_create")
def _where_on_postgresql(table: Table, connection: Connection, **_kw: Any) -> None:
    """Just before a table is created on PostgreSQL, its partial indexes get their condition there."""
    if connection.dialect.name != "postgresql":
        return
    for index in table.indexes:
        where = index.info.get(_WHERE)
        if where is not None:
            index.dialect_options["postgresql"]["where"] = text(where)
