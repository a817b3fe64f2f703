"""Fixtures shared by every test folder: a redirected home, a real store, staff, the sample campaign.

Every test gets its own KACCOUNT_HOME, so nothing touches the real per-user folders, and a store
that is a real SQLite file in a temporary folder. Migrating a store, hashing the first admin's
password (argon2, on purpose slow) and loading the sample campaign cost seconds on a busy machine,
so they are done once per run in template files, and each test gets its own copy of the one it
needs: a test that asks for ``campaign`` starts from a store that already holds it and A001; one
that asks for ``admin`` (directly or through ``office``, ...) from a store with A001 only; one that
asks only for ``store`` gets a migrated store with nobody in it. A test file that defines its own
``store`` (PostgreSQL) still gets a real admin and campaign created in it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

# A counter PC's 1366×768 screen instead of the offscreen plugin's default 800×800, so windows fitted to
# the screen (availableGeometry) get the size they get at the counter.
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={Path(__file__).with_name('offscreen_screen.json')}")

from sqlalchemy import select  # noqa: E402
from support import CST, PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock, make_staff  # noqa: E402

from kaccount_desk.services import campaigns, staff, vault  # noqa: E402
from kaccount_desk.services.context import Actor, Context, Store  # noqa: E402
from kaccount_desk.store.key_slots import PasswordCost  # noqa: E402
from kaccount_desk.store.models import Staff  # noqa: E402

pytest_plugins = ["postgresql_server"]


@pytest.fixture(scope="session", autouse=True)
def session_key_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One store key for the whole run, set before any fixture of any scope runs: stores a module
    or the session builds once stay readable, and no test ever touches the real per-user key."""
    path = tmp_path_factory.mktemp("keys") / "store.key"
    before = os.environ.get("KACCOUNT_KEY_FILE")
    os.environ["KACCOUNT_KEY_FILE"] = str(path)
    yield path
    if before is None:
        os.environ.pop("KACCOUNT_KEY_FILE", None)
    else:
        os.environ["KACCOUNT_KEY_FILE"] = before


@pytest.fixture(scope="session", autouse=True)
def cheap_key_slots() -> Iterator[None]:
    """Key slots and password hashes at the lowest argon2id cost: every staff member a test adds
    seals one and hashes one, every login checks one, and the real cost (a quarter of a second of
    CPU each) added minutes to the run. Each slot and hash records its cost, so they open as the
    real ones do; tests/services/test_key_slots.py checks a slot at the real cost."""
    before = vault.COST
    vault.COST = PasswordCost(time_cost=1, memory_kib=8, parallelism=1)
    yield
    vault.COST = before


@pytest.fixture(autouse=True)
def kaccount_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_key_file: Path) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("KACCOUNT_HOME", str(home))
    monkeypatch.setenv("KACCOUNT_KEY_FILE", str(session_key_file))
    monkeypatch.delenv("KACCOUNT_DB", raising=False)
    monkeypatch.setenv("KACCOUNT_RESOURCES", str(REPO / "resources"))
    return home


START = datetime(2012, 2, 25, 9, 30, tzinfo=CST)
ADMIN_NO = "A001"
SAMPLE_CODE = "BT2012-KA"  # the code in SAMPLE_CAMPAIGN


@pytest.fixture
def clock() -> Clock:
    """Two days before the sample campaign's deadline (2012-02-27 10:00 +08:00)."""
    return Clock(START)


def _settle(store: Store) -> None:
    """Fold SQLite's write-ahead log into the file and close it, so the file alone is the whole store."""
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


TEMPLATE_RECOVERY: dict[str, str] = {}  # the recovery key of the templates with an admin, printed at their setup


@pytest.fixture(scope="session")
def template_stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three store files made once per run: migrated and empty; with the first admin; and with the
    sample campaign loaded by that admin too. The two with an admin share one data key, which each
    test's copy gets unlocked with the recovery key printed at setup (one X25519 exchange, where a
    login would cost two argon2 derivations)."""
    folder = tmp_path_factory.mktemp("template-stores")
    empty, with_admin, with_campaign = (folder / f"{name}.sqlite3" for name in ("empty", "admin", "campaign"))
    _settle(Store(f"sqlite:///{empty}", resources=REPO / "resources", clock=Clock(START)))
    shutil.copyfile(empty, with_admin)
    made = Store(f"sqlite:///{with_admin}", resources=REPO / "resources", clock=Clock(START))
    first = staff.set_up(made, ADMIN_NO, "管理员", PASSWORD)
    admin = Context(made, first.actor)
    TEMPLATE_RECOVERY["key"] = first.recovery_key
    _settle(made)
    shutil.copyfile(with_admin, with_campaign)
    made = Store(f"sqlite:///{with_campaign}", resources=REPO / "resources", clock=Clock(START))
    vault.unlock_with_recovery(made, first.recovery_key)
    campaigns.load_campaign_file(Context(made, admin.actor), SAMPLE_CAMPAIGN)
    _settle(made)
    return {"empty": empty, "admin": with_admin, "campaign": with_campaign}


def _template_for(request: pytest.FixtureRequest) -> str:
    """The most filled template the test's fixtures would build anyway (they find it and add nothing)."""
    names = request.fixturenames
    return "campaign" if "campaign" in names else "admin" if "admin" in names else "empty"


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite3"


@pytest.fixture
def store(store_path: Path, clock: Clock, template_stores: dict[str, Path], request: pytest.FixtureRequest) -> Iterator[Store]:
    template = _template_for(request)
    shutil.copyfile(template_stores[template], store_path)
    s = Store(f"sqlite:///{store_path}", resources=REPO / "resources", clock=clock)
    if template != "empty":
        vault.unlock_with_recovery(s, TEMPLATE_RECOVERY["key"])
    yield s
    s.close()


@pytest.fixture
def admin(store: Store) -> Context:
    """The first administrator, A001: already in a store copied from the template, created otherwise."""
    with store.read() as session:
        row = session.scalar(select(Staff).where(Staff.staff_no == ADMIN_NO))
    if row is None:
        return Context(store, staff.create_first_admin(store, ADMIN_NO, "管理员", PASSWORD))
    return Context(store, Actor(row.id, row.staff_no, row.name, row.role, row.department))


@pytest.fixture
def office(admin: Context) -> Context:
    return make_staff(admin, "O001", "office", "公司(党委)办公室")


@pytest.fixture
def campaign(admin: Context) -> str:
    """The sample campaign of the seed notice, loaded (already, in a store copied from the template); returns its code."""
    if any(c.code == SAMPLE_CODE for c in campaigns.list_campaigns(admin)):
        return SAMPLE_CODE
    return campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code



# The longest files first. Each file runs whole in one worker (--dist loadfile), handed out in the
# order collected; one of these collected last kept one worker busy alone at the end of the run
# (the default run reached 9 min 59 s on two cores, against the ten minutes it is held under).
LONGEST_FIRST = ("tests/ui/test_soak.py", "tests/cli/test_cli_soak.py", "tests/ui/test_none_refcount.py",
                 "tests/documents/test_safe_files.py", "tests/services/test_import_races.py", "tests/cli/test_vault_cli.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: n for n, path in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::")[0], len(rank)))  # stable: the rest keep their order


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """One worker more than the cores (``--maxprocesses`` keeps it to four): about a seventh of the
    two workers' time on two cores went waiting on child processes, servers and timers, which
    another worker fills (11 min 02 s with two workers, 1,641 tests)."""
    return len(os.sched_getaffinity(0)) + 1 if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1) + 1
