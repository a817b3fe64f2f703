"""Benchmark (not a test): ``kaccount-desk demo`` filling a new SQLite store, beside the bare inserts of the same rows.

Run ``python3 tests/benchmarks/bench_demo.py [--tickets 1000000] [--applications 100000]``. The
fill runs through the service (argon2 for the ten demo staff, values, encryption, audit, search
text); the reference then writes the very rows it produced (read back raw, search index aside)
into a fresh store of the same schema with plain ``sqlite3`` executemany, one transaction per
table: the floor any fill of this store stands on. Target (issue 21): 1,000,000 tickets and
100,000 applications in under 3 minutes on this machine.
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from kaccount_desk.services import staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.services.demo import fill_demo  # noqa: E402

TABLES = ("applications", "application_events", "application_addons", "id_copies", "tickets", "ticket_events",
          "ticket_referrals")


def _new_store(path: Path) -> Context:
    store = Store(f"sqlite:///{path}", key_file=path.with_suffix(".key"))
    return Context(store, staff.create_first_admin(store, "A001", "管理员", "bench-Passw0rd"))


def _bare_copy(source: Path, target: Path) -> float:
    """Seconds for sqlite3 alone to insert the fill's rows into an empty store of the same schema."""
    rows = {}
    with sqlite3.connect(source) as db:
        for table in TABLES:
            rows[table] = db.execute(f"SELECT * FROM {table}").fetchall()
    db = sqlite3.connect(target)
    db.execute("PRAGMA foreign_keys=OFF")  # the referenced staff, campaign and plans are not copied
    began = time.perf_counter()
    for table, values in rows.items():
        if values:
            marks = ", ".join("?" * len(values[0]))
            with db:
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", values)
    seconds = time.perf_counter() - began
    db.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--applications", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-demo-"))
    ctx = _new_store(folder / "demo.sqlite3")
    cpu, began = time.process_time(), time.perf_counter()
    fill = fill_demo(ctx, args.tickets, args.applications, seed=1)
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    ctx.store.close()
    empty = _new_store(folder / "bare.sqlite3")
    empty.store.close()
    bare = _bare_copy(folder / "demo.sqlite3", folder / "bare.sqlite3")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"demo fill: {fill.tickets:,} tickets, {fill.applications:,} applications, {fill.copies:,} ID images")
    print(f"  wall {wall:.1f} s (CPU {cpu:.1f} s) against the bare inserts of the same rows {bare:.1f} s: "
          f"{wall / bare:.1f}x; target under 180 s")
    print(f"  peak memory of this process {peak:.0f} MB (the bare copy holds every row at once)")


if __name__ == "__main__":
    main()
