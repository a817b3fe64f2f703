"""The schema comes from migrations, a store from an older version upgrades in place, and the
database itself refuses a second live application for the same number: on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from kaccount_desk.store.crypto import key_source
from kaccount_desk.store.engine import (
    HEAD_REVISION,
    MIGRATIONS,
    current_revision,
    head_revision,
    make_engine,
    open_store,
    upgrade,
)
from kaccount_desk.store.models import Application, Base, Campaign, Department, Staff

NOW = datetime(2012, 2, 22, 8, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 's.db'}"
    return str(request.getfixturevalue("pg_url"))


def test_revisions_form_one_chain() -> None:
    script = ScriptDirectory(str(MIGRATIONS))
    heads = script.get_heads()
    assert len(heads) == 1
    chain = [rev.revision for rev in script.walk_revisions()]
    assert chain[-1] == "0001"
    assert len(set(chain)) == len(chain)


def test_head_revision_known_without_alembic_is_the_newest_migration() -> None:
    assert ScriptDirectory(str(MIGRATIONS)).get_current_head() == HEAD_REVISION


# Opens the store in a fresh interpreter and says which revision it ended at and whether Alembic was imported.
_OPEN_AND_TELL = (
    "import sys\n"
    "from kaccount_desk.store.engine import current_revision, open_store\n"
    "engine, _ = open_store(sys.argv[1], create=False)\n"
    "print(current_revision(engine), 'alembic' in sys.modules)\n"
)


def _opened_in_child(url: str) -> tuple[str, bool]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", _OPEN_AND_TELL, url], env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    revision, imported = done.stdout.split()
    return revision, imported == "True"


def test_current_store_opens_without_importing_alembic(db_url: str) -> None:
    engine, _ = open_store(db_url)
    engine.dispose()
    assert _opened_in_child(db_url) == (head_revision(), False)


def test_store_one_revision_behind_still_upgrades_on_open(db_url: str) -> None:
    behind = ScriptDirectory(str(MIGRATIONS)).get_revision(HEAD_REVISION).down_revision
    assert isinstance(behind, str)
    engine = make_engine(db_url)
    upgrade(engine, behind)
    engine.dispose()
    assert _opened_in_child(db_url) == (HEAD_REVISION, True)


def test_models_match_migrations(db_url: str) -> None:
    engine, _ = open_store(db_url)

    def ours(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
        # Search indexes and history triggers live in migrations only (virtual tables, raw DDL).
        return not (type_ == "table" and name is not None and name.startswith("ticket_search"))

    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": ours})
        assert compare_metadata(context, Base.metadata) == []


def test_store_from_first_migration_upgrades_keeping_rows(db_url: str) -> None:
    url = db_url
    engine = make_engine(url)
    upgrade(engine, "0001")
    assert current_revision(engine) == "0001"
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO staff (staff_no, name, role, password_hash, active, created_at) "
                "VALUES ('A001', '赵浩然', 'admin', 'x', :yes, :t)"
            ),
            {"t": NOW, "yes": True},
        )
        c.execute(
            text(
                "INSERT INTO campaigns (code, title, issuer, carrier_branch, contact, issued_on, deadline, "
                "deadline_offset_minutes, excluded_packages, created_at) VALUES ('C1', '通知', '办公室', "
                "'中国移动泊头公司', '赵浩然', :d, :t, 480, '[]', :t)"
            ),
            {"d": date(2012, 2, 22), "t": NOW},
        )
    engine.dispose()

    engine, sessions = open_store(url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as c:
        assert c.execute(text("SELECT name FROM staff")).scalar_one() == "赵浩然"
        assert c.execute(text("SELECT title FROM campaigns")).scalar_one() == "通知"
        assert c.execute(text("SELECT count(*) FROM applications")).scalar_one() == 0


def test_sqlite_store_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    engine, _ = open_store(f"sqlite:///{tmp_path / 's.db'}")
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        with pytest.raises(IntegrityError):
            c.execute(text("INSERT INTO departments (campaign_id, name, kind, position) VALUES (999, 'x', 'functional', 0)"))


def _application(campaign_id: int, department_id: int, msisdn: str, status: str) -> dict[str, object]:
    return dict(
        campaign_id=campaign_id, department_id=department_id, name="张三", id_type="resident_id", id_number="1",
        id_valid=False, number_source="pool", msisdn=msisdn, current_packages="", status=status,
        confirmed_warnings=[], note="", created_by=1, created_at=datetime.now(UTC), updated_at=datetime.now(UTC),
    )


def test_database_refuses_a_second_live_application_for_one_number(db_url: str) -> None:
    engine, sessions = open_store(db_url)
    key_source(engine).unlock(secrets.token_bytes(32))  # what a login does; the ID numbers are encrypted with it
    now = datetime.now(UTC)
    with sessions.begin() as s:
        s.add(Staff(staff_no="A001", name="a", role="admin", password_hash="x", active=True, created_at=now))
        campaign = Campaign(
            code="C", title="t", issuer="i", carrier_branch="b", contact="c", issued_on=date(2012, 2, 22), deadline=now,
            deadline_offset_minutes=480, excluded_packages=[], created_at=now,
        )
        campaign.departments.append(Department(name="财务部", kind="functional", position=0))
        s.add(campaign)
    with sessions.begin() as s:
        ids = s.execute(select(Campaign.id, Department.id).join(Department)).one()
        s.add(Application(**_application(ids[0], ids[1], "18832758801", "rejected")))
        s.add(Application(**_application(ids[0], ids[1], "18832758801", "draft")))
    with pytest.raises(IntegrityError), sessions.begin() as s:
        s.add(Application(**_application(ids[0], ids[1], "18832758801", "submitted")))
    with sessions.begin() as s:
        s.add(Application(**_application(ids[0], ids[1], "18832758801", "withdrawn")))
