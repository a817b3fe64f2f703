"""Partial unique indexes (store/partial_index.py): the same condition on SQLite and PostgreSQL, and
the models defined without SQLAlchemy's PostgreSQL dialect (about 2 MB at every start)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, insert
from sqlalchemy.exc import IntegrityError

from kaccount_desk.store.partial_index import partial_unique

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'p.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_the_index_holds_only_where_its_condition_does(url: str) -> None:
    table = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("number", String),
                  Column("status", String), partial_unique("uq_t_live", "number", where="status = 'live'"))
    engine = create_engine(url)
    table.metadata.create_all(engine)
    try:
        with engine.begin() as connection:
            connection.execute(insert(table), [{"number": "139", "status": "live"}, {"number": "139", "status": "gone"},
                                               {"number": "139", "status": "gone"}])
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(insert(table), {"number": "139", "status": "live"})
    finally:
        engine.dispose()


def test_the_models_are_defined_without_the_postgresql_dialect() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys, kaccount_desk.store.models, kaccount_desk.store.manager_models, "
         "kaccount_desk.services.context; print('sqlalchemy.dialects.postgresql' in sys.modules)"],
        capture_output=True, text=True, timeout=60, check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.split() == ["False"]
