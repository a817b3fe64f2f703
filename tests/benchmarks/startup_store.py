"""The start-up benchmark's store: ``kaccount-desk demo`` run once into ``tmp/cache/`` and kept.

A 1,000,000-ticket store takes minutes to fill, so it is built the first time and reused; each run
logs in on a copy (a login writes its audit row and the staff trail). Built through the command
line, as a new office would: ``init`` with the first administrator, then ``demo`` as that person.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CACHE = Path(os.environ.get("KACCOUNT_SOAK_CACHE") or REPO / "tmp" / "cache")
ADMIN, PASSWORD = "A001", "bench-Passw0rd"


def key_of(store: Path) -> Path:
    return store.with_suffix(".key")


def _cli(home: Path, store: Path, *args: str) -> None:
    env = dict(os.environ, KACCOUNT_HOME=str(home), KACCOUNT_KEY_FILE=str(key_of(store)), PYTHONPATH=str(REPO),
               KACCOUNT_NEW_PASSWORD=PASSWORD, KACCOUNT_PASSWORD=PASSWORD)
    subprocess.run([sys.executable, "-m", "kaccount_desk", "--db", str(store), *args], env=env, check=True,
                   stdout=subprocess.DEVNULL)


def cached_store(tickets: int, applications: int) -> Path:
    """The cached store's path (its key beside it), filled by ``demo`` the first time."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"startup-demo-{tickets}-{applications}.sqlite3"
    if path.exists():
        return path
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial.sqlite3")
    home = CACHE / f"home.{os.getpid()}"
    _cli(home, partial, "init", "--admin", ADMIN)
    _cli(home, partial, "--as", ADMIN, "demo", "--tickets", str(tickets), "--applications", str(applications))
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(home, ignore_errors=True)
    if key_of(partial).exists():  # a store made before key slots kept its key in a file beside it
        key_of(partial).replace(key_of(path))
    partial.replace(path)
    return path


def working_copy(tickets: int, applications: int, folder: Path) -> Path:
    """A copy of the cached store (and its key) in ``folder`` for one run to log in on."""
    cached = cached_store(tickets, applications)
    target = folder / "store.sqlite3"
    shutil.copyfile(cached, target)
    if key_of(cached).exists():
        shutil.copyfile(key_of(cached), key_of(target))
    return target


if __name__ == "__main__":
    print(cached_store(int(sys.argv[1]), int(sys.argv[2])))
