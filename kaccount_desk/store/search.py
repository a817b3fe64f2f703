"""The SQL that differs between the two stores for searching: the ticket text index and LIKE patterns.

SQLite indexes ticket text with FTS5 (a virtual table ``ticket_search`` with no stored content);
PostgreSQL keeps the same rows in a plain table with a GIN index over ``to_tsvector('simple', body)``
(both made by migration 0003). The body on both is the bigram text of ``domain/search_text.py``, and
a term is matched as the phrase of its own pairs, so both stores find exactly the same entries.
Services call the functions here and never ask which engine they are on.

LIKE patterns built from what a person typed are escaped here and only here: ``%`` and ``_`` typed
into a search box are characters to find, not wildcards.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, text
from sqlalchemy.orm import Session

from kaccount_desk.domain.search_text import bigram_query, bigram_text, phrase_pairs
from kaccount_desk.store.pipelined import UNREAD

LIKE_ESCAPE = "\\"

_SQLITE_MATCH = "SELECT rowid FROM ticket_search WHERE ticket_search MATCH :q"
_POSTGRESQL_MATCH = "SELECT rowid FROM ticket_search WHERE to_tsvector('simple', body) @@ phraseto_tsquery('simple', :q)"


def escape_like(typed: str) -> str:
    """``typed`` as a LIKE pattern that matches it literally (to be used with ``escape=LIKE_ESCAPE``)."""
    return typed.replace(LIKE_ESCAPE, LIKE_ESCAPE * 2).replace("%", LIKE_ESCAPE + "%").replace("_", LIKE_ESCAPE + "_")


def contains(column: SQLColumnExpression[Any], typed: str) -> ColumnElement[bool]:
    """``column`` contains ``typed`` as written (wildcards in it are plain characters)."""
    return column.like(f"%{escape_like(typed)}%", escape=LIKE_ESCAPE)


def ends_with(column: SQLColumnExpression[Any], typed: str) -> ColumnElement[bool]:
    """``column`` ends with ``typed`` as written: how the last digits of an ID number are looked up."""
    return column.like(f"%{escape_like(typed)}", escape=LIKE_ESCAPE)


def _on_postgresql(session: Session) -> bool:
    return session.bind is not None and session.bind.dialect.name == "postgresql"


def _match(session: Session, term: str) -> tuple[str, dict[str, str]]:
    """The engine's statement selecting the index rows that contain ``term``, and its parameters."""
    if _on_postgresql(session):
        return _POSTGRESQL_MATCH, {"q": phrase_pairs(term)}
    return _SQLITE_MATCH, {"q": bigram_query(term)}


def index_ticket_text(session: Session, event_id: int, searchable: str) -> None:
    """Make ``searchable`` findable as the history entry ``event_id`` (same statement on both engines).

    Nothing is read back: in a pipelined transaction (store/pipelined.py) it rides with the next read.
    """
    session.execute(text("INSERT INTO ticket_search (rowid, body) VALUES (:id, :body)"), {"id": event_id, "body": bigram_text(searchable)},
                    execution_options={UNREAD: True})


def index_ticket_search(session: Session, entries: list[tuple[int, str]]) -> None:
    """Many history entries at once, each given as its index text already (``bigram_text``): a demo fill writes millions."""
    if entries:
        session.execute(text("INSERT INTO ticket_search (rowid, body) VALUES (:id, :body)"),
                        [{"id": event_id, "body": body} for event_id, body in entries])


def matching_entries(session: Session, term: str, limit: int) -> list[int]:
    """The newest history entries (ids) whose indexed text contains ``term``, at most ``limit``."""
    sql, params = _match(session, term)
    return list(session.scalars(text(f"{sql} ORDER BY rowid DESC LIMIT :n"), {**params, "n": limit}))


def count_matching_entries(session: Session, term: str, cap: int) -> int:
    """How many history entries contain ``term``, counting no further than ``cap + 1`` (so it stays cheap)."""
    sql, params = _match(session, term)
    return session.scalar(text(f"SELECT count(*) FROM ({sql} LIMIT :n) matched"), {**params, "n": cap + 1}) or 0
