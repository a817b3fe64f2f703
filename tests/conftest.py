"""Fixtures shared by every test folder: a redirected home, a real store, staff, the sample campaign.

Every test gets its own KACCOUNT_HOME, so nothing touches the real per-user folders, and a store
that is a real SQLite file in a temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import CST, PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock, make_staff  # noqa: E402

from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402

pytest_plugins = ["postgresql_server"]


@pytest.fixture(autouse=True)
def kaccount_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("KACCOUNT_HOME", str(home))
    monkeypatch.delenv("KACCOUNT_DB", raising=False)
    monkeypatch.setenv("KACCOUNT_RESOURCES", str(REPO / "resources"))
    return home


@pytest.fixture
def clock() -> Clock:
    """Two days before the sample campaign's deadline (2012-02-27 10:00 +08:00)."""
    return Clock(datetime(2012, 2, 25, 9, 30, tzinfo=CST))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(store_path: Path, clock: Clock) -> Iterator[Store]:
    s = Store(f"sqlite:///{store_path}", resources=REPO / "resources", clock=clock)
    yield s
    s.close()


@pytest.fixture
def admin(store: Store) -> Context:
    return Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))


@pytest.fixture
def office(admin: Context) -> Context:
    return make_staff(admin, "O001", "office", "公司(党委)办公室")


@pytest.fixture
def campaign(admin: Context) -> str:
    """The sample campaign of the seed notice, loaded; returns its code."""
    return campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code

