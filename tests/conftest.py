"""Fixtures shared by every test folder: a redirected home, a real store, staff, the sample campaign.

Every test gets its own KACCOUNT_HOME, so nothing touches the real per-user folders, and a store
that is a real SQLite file in a temporary folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CAMPAIGN = REPO / "resources" / "campaigns" / "botou-2012.toml"
CST = timezone(timedelta(hours=8))
PASSWORD = "secret-pass"


@dataclass
class Clock:
    """A clock the test moves by hand: deadlines are about time, and time must not flake."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


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


def make_staff(admin: Context, staff_no: str, role: str, department: str | None = None) -> Context:
    staff.create_staff(admin, staff_no, f"员工{staff_no}", role, PASSWORD, department)
    return Context(admin.store, staff.authenticate(admin.store, staff_no, PASSWORD))


@pytest.fixture
def office(admin: Context) -> Context:
    return make_staff(admin, "O001", "office", "公司(党委)办公室")


@pytest.fixture
def campaign(admin: Context) -> str:
    """The sample campaign of the seed notice, loaded; returns its code."""
    return campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code


def valid_id(first17: str) -> str:
    """A resident ID with the right check character, for tests that need valid ones."""
    from stdnum.cn import ric

    return first17 + ric.calc_check_digit(first17 + "0")
