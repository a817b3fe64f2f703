"""Plain executemany inserts (store/bulk.py): what every row shares is bound once, and stored as an ordinary insert would;
new rows' ids read with another query are the ids the engine would have given them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, create_engine, event, select
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from kaccount_desk.store.bulk import insert_lists, insert_lists_with_ids, insert_rows, insert_with_ids, read_with_new_ids

BOUND: list[object] = []


class Counted(TypeDecorator[str]):
    """Text whose every binding is counted."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        BOUND.append(value)
        return value


def _table() -> Table:
    return Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("name", String),
                 Column("kind", Counted()), Column("at", DateTime(timezone=True)))


def test_values_every_row_shares_are_bound_once_and_stored_like_the_others(tmp_path: Path) -> None:
    table = _table()
    engine = create_engine(f"sqlite:///{tmp_path / 'b.db'}")
    table.metadata.create_all(engine)
    at = datetime(2012, 2, 24, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    BOUND.clear()
    with Session(engine) as session, session.begin():
        ids = insert_with_ids(session, table, [{"name": f"n{n}"} for n in range(500)], {"kind": "draft", "at": at})
        insert_rows(session, table, [{"id": 1000, "name": "own", "kind": "own"}], {"at": at})
    assert BOUND == ["draft", "own"]
    assert ids == list(range(1, 501))
    with Session(engine) as session:
        rows = session.execute(select(table.c.id, table.c.name, table.c.kind, table.c.at).order_by(table.c.id)).all()
        ordinary = session.execute(table.insert().values(name="x", kind="draft", at=at).returning(table.c.at)).scalar_one()
    assert [tuple(r) for r in rows[:2]] == [(1, "n0", "draft", ordinary), (2, "n1", "draft", ordinary)]
    assert rows[-1][1:3] == ("own", "own") and len(rows) == 501
    engine.dispose()


def test_rows_given_as_lists_are_stored_as_the_same_rows_given_as_dictionaries(tmp_path: Path) -> None:
    """A roster's new applications go as lists in the columns' order: bound and stored exactly as dictionaries are."""
    table = _table()
    engine = create_engine(f"sqlite:///{tmp_path / 'b.db'}")
    table.metadata.create_all(engine)
    at = datetime(2012, 2, 24, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    BOUND.clear()
    with Session(engine) as session, session.begin():
        as_dicts = insert_with_ids(session, table, [{"name": f"d{n}", "kind": f"k{n}"} for n in range(3)], {"at": at})
        as_lists = insert_lists_with_ids(session, table, ("name", "kind"), [[f"l{n}", f"k{n}"] for n in range(3)], {"at": at})
        insert_lists(session, table, ("id", "name"), [[100, "own"], [101, None]], {"kind": "draft", "at": at})
    assert BOUND == ["k0", "k1", "k2", "k0", "k1", "k2", "draft"]
    assert (as_dicts, as_lists) == ([1, 2, 3], [4, 5, 6])
    with Session(engine) as session:
        rows = [tuple(r) for r in session.execute(select(table.c.id, table.c.name, table.c.kind, table.c.at).order_by(table.c.id))]
    assert [r[1:] for r in rows[:3]] == [(f"d{n}", f"k{n}", rows[0][3]) for n in range(3)]
    assert [r[1:] for r in rows[3:6]] == [(f"l{n}", f"k{n}", rows[0][3]) for n in range(3)]
    assert rows[6:] == [(100, "own", "draft", rows[0][3]), (101, None, "draft", rows[0][3])]


@pytest.mark.parametrize("engine_kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_new_ids_come_with_a_read_and_are_the_engine_s_own(tmp_path: Path, request: pytest.FixtureRequest, engine_kind: str) -> None:
    """One statement on PostgreSQL (the sequences asked in a CTE beside the read), the rows of the read
    unchanged and none made up for an empty one; the next ordinary insert takes the id after them."""
    url = request.getfixturevalue("pg_url") if engine_kind == "postgresql" else f"sqlite:///{tmp_path / 'ids.db'}"
    metadata = MetaData()
    first = Table("first", metadata, Column("id", Integer, primary_key=True), Column("name", String))
    second = Table("second", metadata, Column("id", Integer, primary_key=True), Column("name", String))
    engine = create_engine(url)
    metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        session.execute(first.insert(), [{"name": "a"}, {"name": "b"}])
    sent: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda _c, _cur, statement, *_rest: sent.append(statement))
    with Session(engine) as session, session.begin():
        rows, ids = read_with_new_ids(session, select(first.c.name).order_by(first.c.name), first, second)
        assert rows == [("a",), ("b",)] and ids == [3, 1]
        assert len(sent) == (1 if engine_kind == "postgresql" else 3)
        session.execute(first.insert().values(id=ids[0], name="c"))
        session.execute(second.insert().values(id=ids[1], name="x"))
        empty, more = read_with_new_ids(session, select(second.c.name).where(second.c.name == "none"), second)
        assert empty == [] and more == [2]
        session.execute(second.insert().values(id=more[0], name="y"))
    with Session(engine) as session, session.begin():
        assert session.execute(first.insert().values(name="d").returning(first.c.id)).scalar_one() == 4
    engine.dispose()
