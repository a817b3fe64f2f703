"""Which unique index a failed write ran into, told the same way on SQLite and PostgreSQL.

PostgreSQL names the index in its error; SQLite names only the columns ("UNIQUE constraint
failed: applications.campaign_id, applications.msisdn"). Services need the index to say which
thing was taken, so the two spellings are mapped back to the index names of the model here.
"""

from __future__ import annotations

from sqlalchemy import FromClause, Table
from sqlalchemy.exc import IntegrityError


def violated_unique_index(exc: IntegrityError, table: FromClause) -> str | None:
    """``table`` is a model's ``__table__`` (typed as a FromClause by SQLAlchemy's stubs)."""
    assert isinstance(table, Table)
    message = str(exc.orig)
    for index in sorted(table.indexes, key=lambda i: str(i.name)):
        if not index.unique or index.name is None:
            continue
        columns = ", ".join(f"{table.name}.{column.name}" for column in index.columns)
        if index.name in message or message.rstrip().endswith(columns):
            return index.name
    return None
