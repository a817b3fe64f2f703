"""The ticket tables come from migration 0003: an older store keeps its rows, the models match,
and the database itself refuses to change or remove a history row."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from kaccount_desk.domain.search_text import bigram_query, bigram_text
from kaccount_desk.store.engine import current_revision, head_revision, make_engine, open_store, upgrade
from kaccount_desk.store.models import Base

NOW = datetime(2012, 3, 1, 8, 0)


def _skip_search_index(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The FTS5 virtual table and its shadow tables live in the migration only.
    return not (type_ == "table" and name is not None and name.startswith("ticket_search"))


def _staff(c: object) -> None:
    c.execute(  # type: ignore[attr-defined]
        text(
            "INSERT INTO staff (staff_no, name, role, password_hash, active, created_at) "
            "VALUES ('A001', '赵浩然', 'admin', 'x', 1, :t)"
        ),
        {"t": NOW},
    )


def test_store_at_0002_upgrades_keeping_rows(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    upgrade(engine, "0002")
    with engine.begin() as c:
        _staff(c)
    engine.dispose()
    engine, _ = open_store(url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        assert c.execute(text("SELECT name FROM staff")).scalar_one() == "赵浩然"
        assert c.execute(text("SELECT count(*) FROM tickets")).scalar_one() == 0
        departments = c.execute(text("SELECT name FROM ticket_departments ORDER BY position")).scalars().all()
        assert departments == ["市场部", "网络部", "结算中心", "计划建设部"]
        limits = dict(((r[0], r[1]), r[2]) for r in c.execute(text("SELECT category, area, hours FROM ticket_time_limits")))
        assert limits[("fault", "town")] == 48 and limits[("fault", "rural")] == 72


def test_models_match_migrations(tmp_path: Path) -> None:
    engine, _ = open_store(f"sqlite:///{tmp_path / 's.db'}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": _skip_search_index})
        assert compare_metadata(context, Base.metadata) == []


def test_history_rows_cannot_be_changed_or_removed(tmp_path: Path) -> None:
    engine, _ = open_store(f"sqlite:///{tmp_path / 's.db'}")
    with engine.begin() as c:
        _staff(c)
        c.execute(
            text(
                "INSERT INTO tickets (received_at, channel, window, category, customer_name, customer_number, key_account,"
                " content, status, first_receiver_id, owner_id, due_at, referred, replied, callback_tries, handset_cause,"
                " updated_at) VALUES (:t, 'phone', 'hotline', 'fault', '李', '13800000000', 0, '信号差', 'open', 1, 1, :t,"
                " 0, 0, 0, 0, :t)"
            ),
            {"t": NOW},
        )
        c.execute(text("INSERT INTO ticket_events (ticket_id, action, staff_id, at, text, data)"
                       " VALUES (1, 'receive', 1, :t, '', '{}')"), {"t": NOW})
    for statement in ("UPDATE ticket_events SET text = 'rewritten'", "DELETE FROM ticket_events"):
        with pytest.raises(DatabaseError, match="append-only"), engine.begin() as c:
            c.execute(text(statement))
    with engine.connect() as c:
        assert c.execute(text("SELECT count(*), max(text) FROM ticket_events")).one() == (1, "")


@pytest.mark.parametrize("term", ["话费", "信号", "基站故障", "8001", '故障"', "故障*"])
def test_fts5_finds_bigram_phrases(tmp_path: Path, term: str) -> None:
    engine, _ = open_store(f"sqlite:///{tmp_path / 's.db'}")
    body = "客户反映基站故障后信号很差,话费也多扣了 13800138001"
    with engine.begin() as c:
        c.execute(text("INSERT INTO ticket_search (rowid, body) VALUES (7, :b)"), {"b": bigram_text(body)})
        c.execute(text("INSERT INTO ticket_search (rowid, body) VALUES (8, :b)"), {"b": bigram_text("费话 号信 障故")})
        hits = c.execute(text("SELECT rowid FROM ticket_search WHERE ticket_search MATCH :q"), {"q": bigram_query(term)}).scalars().all()
    assert hits == [7]
