"""A real PostgreSQL server for the tests that need one, started once per run.

pytest-postgresql's own process fixture runs ``pg_ctl`` as the current user, and PostgreSQL
refuses to start as root (pytest-postgresql issues #341, #455), which is what CI runs as. So the
server is started here, as the ``postgres`` system user when we are root, and each test gets a
fresh database from pytest-postgresql's ``DatabaseJanitor``, dropped afterwards.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_postgresql.janitor import DatabaseJanitor


def _pg_bin() -> Path:
    found = shutil.which("pg_ctl") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), reverse=True)), None)
    if found is None:
        pytest.fail("PostgreSQL's server programs are missing: install postgresql (.ci/run does)")
    return Path(found).parent


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def pg_server() -> Iterator[tuple[str, int]]:
    """(host, port) of a throw-away server in a temporary folder."""
    bin_dir, port = _pg_bin(), _free_port()
    folder = Path(tempfile.mkdtemp(prefix="kad-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    run = lambda *cmd: subprocess.run(_as_server_user([*cmd]), check=True, capture_output=True, text=True)  # noqa: E731
    run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale")
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "server.log"),
        "-o", f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off", "start")
    try:
        yield "127.0.0.1", port
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: tuple[str, int], request: pytest.FixtureRequest) -> Iterator[str]:
    """An SQLAlchemy URL of an empty database made for this test alone."""
    host, port = pg_server
    name = f"kad_{abs(hash(request.node.nodeid)) % 10**8}"
    with DatabaseJanitor(user="postgres", host=host, port=port, dbname=name):
        yield f"postgresql+psycopg://postgres@{host}:{port}/{name}"
