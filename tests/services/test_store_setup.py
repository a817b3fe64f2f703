"""The wizard's "test the connection": what opening a store would find, in words, changing nothing."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from support import REPO

from kaccount_desk import config
from kaccount_desk.services import store_setup
from kaccount_desk.services.context import Store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_missing_file_is_not_created_by_a_test(tmp_path: Path) -> None:
    check = store_setup.check_store(f"sqlite:///{tmp_path / 'none.sqlite3'}")
    assert not check.ok and check.reason.code == "store.missing"
    assert not (tmp_path / "none.sqlite3").exists()


def test_a_ready_store_and_a_newer_one(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(f"sqlite:///{path}", resources=REPO / "resources").close()
    assert store_setup.check_store(f"sqlite:///{path}").reason.code == "store.current"
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    check = store_setup.check_store(f"sqlite:///{path}")
    assert not check.ok and check.reason.code == "store.too_new" and "更新版本" in check.reason.zh


def test_a_server_that_is_down_is_said_so_without_the_password() -> None:
    check = store_setup.check_store(store_setup.postgresql_url("127.0.0.1", _free_port(), "kad", "kad", "hunter2"))
    assert not check.ok and "hunter2" not in check.reason.zh + check.reason.en


@pytest.mark.postgres
def test_an_empty_database_is_ready_to_set_up_and_stays_empty(pg_url: str) -> None:
    check = store_setup.check_store(pg_url)
    assert check.ok and check.reason.code == "store.empty"
    engine = create_engine(pg_url)
    with engine.connect() as db:
        assert db.execute(text("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")).scalar() == 0
    engine.dispose()


@pytest.mark.postgres
def test_a_missing_database_is_named(pg_server: tuple[str, int]) -> None:
    host, port = pg_server
    check = store_setup.check_store(store_setup.postgresql_url(host, port, "kad_not_here", "postgres"))
    assert not check.ok and check.reason.code == "store.no_database"


def test_the_password_is_kept_owner_only_and_out_of_the_url() -> None:
    url = store_setup.postgresql_url("db.office", 5432, "kad", "clerk", "p@ss:w/rd")
    assert "p%40ss" in url or "p@ss" not in url.split("@")[-1]
    assert store_setup.without_password(url) == "postgresql+psycopg://clerk@db.office:5432/kad"
    store_setup.remember_password("db.office", 5432, "kad", "clerk", "p@ss:w/rd")
    store_setup.remember_password("db.office", 5432, "kad", "clerk", "new:one")
    path = config.password_file()
    assert path.read_text(encoding="utf-8").splitlines() == ["db.office:5432:kad:clerk:new\\:one"]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
