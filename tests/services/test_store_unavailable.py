"""A store that cannot be used is a condition told in words (StoreUnavailable), never a bug.

Every case is made real: a port with no server, a database or role the real PostgreSQL server
does not have, a SQLite file a second process holds a write transaction on, a file of random
bytes, a store stamped by a future version, a database made by another program, and a full
store (SQLite's own SQLITE_FULL, reached through ``max_page_count``).
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, text
from support import PASSWORD, REPO

from kaccount_desk.services import staff
from kaccount_desk.services.context import Store, shown_url
from kaccount_desk.services.errors import ServiceError, StoreUnavailable
from kaccount_desk.store import engine as engine_module


def _unavailable(url: str, create: bool = True) -> StoreUnavailable:
    with pytest.raises(StoreUnavailable) as caught:
        Store(url, resources=REPO / "resources", create=create).close()
    assert not isinstance(caught.value, ServiceError), "a store condition is not a refusal of the person's input"
    assert caught.value.__cause__ is None and caught.value.__suppress_context__, "the driver's text (SQL parameters) is dropped"
    return caught.value


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_postgresql_url_with_no_server_is_unreachable_and_hides_the_password() -> None:
    exc = _unavailable(f"postgresql+psycopg://kad:hunter2@127.0.0.1:{_free_port()}/kad")
    assert exc.code == "store.unreachable"
    assert "hunter2" not in exc.text("zh") + exc.text("en") + str(exc)
    assert "kad:***@127.0.0.1" in exc.text("en") and "连接不上" in exc.text("zh")


@pytest.mark.postgres
def test_a_missing_database_and_an_unknown_role_on_the_real_server(pg_server: tuple[str, int]) -> None:
    """The test server uses trust authentication, so a wrong login is a role it does not know."""
    host, port = pg_server
    assert _unavailable(f"postgresql+psycopg://postgres@{host}:{port}/kad_no_such_db").code == "store.no_database"
    unknown = _unavailable(f"postgresql+psycopg://nobody:secret-pw@{host}:{port}/postgres")
    assert unknown.code == "store.login" and "secret-pw" not in unknown.text("en")


def test_a_file_of_random_bytes_is_not_a_store_and_is_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite3"
    junk = os.urandom(64 * 1024)
    path.write_bytes(junk)
    assert _unavailable(f"sqlite:///{path}").code == "store.not_a_store"
    assert path.read_bytes() == junk


def test_a_database_of_another_program_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE songs (title TEXT)")
    assert _unavailable(f"sqlite:///{path}").code == "store.foreign"
    with sqlite3.connect(path) as other:
        assert [r[0] for r in other.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["songs"]


def test_a_store_made_by_a_newer_version_is_refused_not_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Store(f"sqlite:///{path}", resources=REPO / "resources").close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
        tables = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'"))
    exc = _unavailable(f"sqlite:///{path}")
    assert exc.code == "store.too_new" and "0099_from_the_future" in exc.text("en") and "更新版本" in exc.text("zh")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("0099_from_the_future",)]
        assert sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")) == tables


def test_a_missing_file_is_refused_and_nothing_is_created_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "typo" / "stroe.sqlite3"
    exc = _unavailable(f"sqlite:///{path}", create=False)
    assert exc.code == "store.missing" and str(path) in exc.text("zh") and "init" in exc.text("en")
    assert not path.parent.exists()
    Store(f"sqlite:///{path}", resources=REPO / "resources", create=True).close()
    assert path.exists()


@pytest.fixture
def locked_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """A store whose file a second, real process holds a write transaction on until the test ends.

    The store waits 1 s for the lock instead of its usual minute, so the test waits "past the timeout" quickly.
    """
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 1000)
    path = tmp_path / "locked.sqlite3"
    store = Store(f"sqlite:///{path}", resources=REPO / "resources")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time\n"
         f"db = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
         "db.execute('BEGIN IMMEDIATE')\n"
         "db.execute(\"INSERT INTO ticket_departments (name, position, active) VALUES ('held', 99, 1)\")\n"
         "print('holding', flush=True)\n"
         "time.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        yield store
    finally:
        holder.kill()
        holder.wait()
        store.close()


def test_a_store_locked_by_another_process_past_the_timeout(locked_store: Store) -> None:
    with pytest.raises(StoreUnavailable) as caught:
        staff.create_first_admin(locked_store, "A001", "管理员", PASSWORD)
    assert caught.value.code == "store.locked" and "占用" in caught.value.text("zh")
    with locked_store.read() as session:  # WAL: reading goes on while the other process writes
        assert session.execute(text("SELECT count(*) FROM staff")).scalar_one() == 0


def test_a_full_store_is_told_as_disk_full(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'full.sqlite3'}", resources=REPO / "resources")
    store.engine.dispose()

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    event.listen(store.engine, "connect", cap)
    try:
        with pytest.raises(StoreUnavailable) as caught, store.transaction() as session:
            insert = text("INSERT INTO ticket_departments (name, position, active) VALUES (:n, 0, 1)")
            for n in range(200):
                session.execute(insert, {"n": f"部门{n}" + "x" * 2000})
        assert caught.value.code == "store.disk_full" and "磁盘已满" in caught.value.text("zh")
        assert "部门" not in caught.value.text("zh"), "no parameter of the failed statement is quoted"
    finally:
        store.close()


def test_a_bug_is_not_disguised_as_a_store_condition(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'ok.sqlite3'}", resources=REPO / "resources")
    try:
        with pytest.raises(Exception) as caught, store.read() as session:
            session.execute(text("SELECT no_such_column FROM staff"))
        assert not isinstance(caught.value, StoreUnavailable)
        store.ping()
    finally:
        store.close()


def test_urls_are_shown_without_their_password() -> None:
    assert shown_url("postgresql+psycopg://kad:s3cret@db.example/office") == "postgresql+psycopg://kad:***@db.example/office"
    assert shown_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"


def test_the_ping_tells_a_held_write_lock_and_its_release(tmp_path: Path) -> None:
    """The GUI's banner retries with ping(): it must see the lock (a read alone would not) and its end."""
    path = tmp_path / "pinged.sqlite3"
    store = Store(f"sqlite:///{path}", resources=REPO / "resources")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreUnavailable) as caught:
            store.ping()
        assert caught.value.code == "store.locked"
        holder.execute("ROLLBACK")
        store.ping()
    finally:
        holder.close()
        store.close()
