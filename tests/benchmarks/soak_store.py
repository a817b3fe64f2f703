"""The soak's store: ``kaccount-desk demo``'s applications and year of tickets (store_fill), built once and cached.

A 1,000,000-ticket store takes minutes to fill, so it is kept in ``tmp/cache/`` at the repository
root (or ``KACCOUNT_SOAK_CACHE``) under a name that changes whenever the fill's code changes; a run
then plays on a copy, so what the soak saves never leaks into the next run.
Run ``python3 tests/benchmarks/soak_store.py TICKETS APPLICATIONS`` to build one ahead of time.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
CACHE = Path(os.environ.get("KACCOUNT_SOAK_CACHE") or REPO / "tmp" / "cache")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import store_fill  # noqa: E402

# What decides the rows; a newer schema needs no rebuild, since opening a store upgrades it in place.
SOURCES = (HERE / "store_fill.py", *sorted((REPO / "kaccount_desk" / "services").glob("demo*.py")))


def store_clock() -> datetime:
    """The hall's clock the store was filled at: the demo's tickets lead up to it, some due today, some overdue."""
    return store_fill.NOW


def _key(tickets: int, applications: int) -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        digest.update(source.read_bytes())
    return f"soak-{tickets}-{applications}-{digest.hexdigest()[:12]}.sqlite3"


def key_of(store: Path) -> Path:
    """The key file of a store cached before key slots (store/crypto.py), kept beside it; a store built
    now keeps its key sealed in its own slots and opens with a login, so it has none."""
    return store.with_suffix(".key")


def _build(path: Path, tickets: int, applications: int) -> None:
    store_fill.fill(path, applications, tickets)
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def cached_store(tickets: int, applications: int) -> Path:
    """The cached store's path, building it first when no store of this recipe exists yet."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / _key(tickets, applications)
    if not path.exists():
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        _build(partial, tickets, applications)
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.replace(path)
    return path


def working_copy(tickets: int, applications: int, folder: Path) -> Path:
    """A copy of the cached store in ``folder`` for one run to change as it likes."""
    target = folder / "soak.sqlite3"
    cached = cached_store(tickets, applications)
    shutil.copyfile(cached, target)
    if key_of(cached).exists():  # cached before key slots: this process opens the copy with its own key file
        shutil.copyfile(key_of(cached), key_of(target))
        os.environ["KACCOUNT_KEY_FILE"] = str(key_of(target))
    return target


if __name__ == "__main__":
    print(cached_store(int(sys.argv[1]), int(sys.argv[2])))
