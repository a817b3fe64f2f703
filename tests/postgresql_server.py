"""A real PostgreSQL server for the tests that need one, started once per run.

The server programs are the machine's own when ``pg_ctl`` and ``initdb`` are on PATH, and
otherwise the PostgreSQL 16 that the ``pgserver`` wheel (in the ``test`` extra) ships, so a fresh
machine needs nothing beyond ``pip install -e '.[test]'``. pytest-postgresql's own process fixture
runs ``pg_ctl`` as the current user, and PostgreSQL refuses to start as root (pytest-postgresql
issues #341, #455), which is what CI runs as; so the server is started here, as an unprivileged
system user when we are root (``postgres`` if the machine has one, else the ``pgserver`` user that
pgserver itself creates), and each test gets a fresh database from pytest-postgresql's
``DatabaseJanitor``, dropped afterwards. The server listens on TCP at 127.0.0.1, so the tests speak
to it as an office would to its shared server.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_postgresql.janitor import DatabaseJanitor

SERVER_CHOICE_ENV = "KACCOUNT_TEST_PG"  # "system" or "pgserver" forces the choice; unset: the machine's own if any


def _system_bin() -> Path | None:
    pg_ctl, initdb = shutil.which("pg_ctl"), shutil.which("initdb")
    return Path(pg_ctl).parent if pg_ctl and initdb and Path(pg_ctl).parent == Path(initdb).parent else None


def _chosen_system_bin() -> Path | None:
    return None if os.environ.get(SERVER_CHOICE_ENV) == "pgserver" else _system_bin()


def _wheel_bin() -> Path:
    """The programs inside the pgserver wheel, found without importing pgserver (whose import
    starts looking for a runtime folder and warns when XDG_RUNTIME_DIR is unset)."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("no PostgreSQL on PATH and the pgserver wheel is missing: pip install -e '.[test]'")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def server_programs() -> tuple[Path, str]:
    """The folder holding initdb/pg_ctl and where it came from ("system" or "pgserver")."""
    system = _chosen_system_bin()
    if system is not None:
        return system, "system"
    if os.environ.get(SERVER_CHOICE_ENV) == "system":
        pytest.fail(f"{SERVER_CHOICE_ENV}=system but pg_ctl and initdb are not on PATH")
    return _wheel_bin(), "pgserver"


def _server_user() -> str | None:
    """The unprivileged user the server runs as when we are root; None when we are not."""
    if sys.platform == "win32" or os.geteuid() != 0:
        return None
    import pwd

    for user in ("postgres", "pgserver"):
        try:
            pwd.getpwnam(user)
            return user
        except KeyError:
            pass  # not on this machine: try the next name
    # The user pgserver itself would create when started as root. Two test workers may both get here
    # on a fresh machine: one creates it, the other's useradd fails; either way it exists afterwards.
    made = subprocess.run(["useradd", "--system", "--no-create-home", "pgserver"], check=False, capture_output=True, text=True)
    try:
        pwd.getpwnam("pgserver")
    except KeyError:
        pytest.fail(f"cannot create the pgserver user to run PostgreSQL as: {made.stderr.strip()}")
    return "pgserver"


def _reachable_copy(bin_dir: Path, folder: Path) -> Path:
    """The wheel's programs copied beside the data (about 30 MB, under a second).

    The wheel sits under root's home, which the server user may not enter; pgserver would widen
    the permissions of every folder above it, a copy touches nothing of the machine's. PostgreSQL
    finds its lib/ and share/ relative to the program, and the programs find the libraries the
    wheel's repair put in ``site-packages/pgserver.libs`` at ``$ORIGIN/../../../pgserver.libs``,
    so the copy keeps that shape.
    """
    site, copy = bin_dir.parents[2], folder / "wheel"
    for part in ("pgserver/pginstall/bin", "pgserver/pginstall/lib", "pgserver/pginstall/share", "pgserver.libs"):
        if (site / part).is_dir():
            shutil.copytree(site / part, copy / part)
    return copy / "pgserver/pginstall/bin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[tuple[str, int]]:
    """(host, port) of a throw-away server in a temporary folder."""
    bin_dir, origin = server_programs()
    user, port = _server_user(), _free_port()
    folder = Path(tempfile.mkdtemp(prefix="kad-pg-"))
    if user is not None:
        shutil.chown(folder, user)
        if origin == "pgserver":
            bin_dir = _reachable_copy(bin_dir, folder)
    data = folder / "data"

    def run(*command: str) -> None:
        # Output goes to a file, not a pipe: the server pg_ctl starts would hold a pipe open.
        with open(folder / "ctl.log", "a") as out:
            subprocess.run(command, check=True, stdout=out, stderr=subprocess.STDOUT, user=user, timeout=120)

    exe = ".exe" if sys.platform == "win32" else ""
    try:
        run(str(bin_dir / f"initdb{exe}"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
        run(str(bin_dir / f"pg_ctl{exe}"), "-D", str(data), "-w", "-l", str(folder / "server.log"),
            "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off", "start")
    except subprocess.CalledProcessError:
        pytest.fail(f"the {origin} PostgreSQL in {bin_dir} did not start:\n{(folder / 'ctl.log').read_text()}")
    try:
        yield "127.0.0.1", port
    finally:
        run(str(bin_dir / f"pg_ctl{exe}"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: tuple[str, int], request: pytest.FixtureRequest) -> Iterator[str]:
    """An SQLAlchemy URL of an empty database made for this test alone."""
    host, port = pg_server
    name = f"kad_{abs(hash(request.node.nodeid)) % 10**8}"
    with DatabaseJanitor(user="postgres", host=host, port=port, dbname=name):
        yield f"postgresql+psycopg://postgres@{host}:{port}/{name}"


def pytest_report_header() -> str:
    """Which PostgreSQL the run uses, at the top of every run's output (CI logs included)."""
    system = _chosen_system_bin()
    return f"postgresql: the machine's own in {system}" if system else "postgresql: the pgserver wheel's (PostgreSQL 16)"
