"""Imports and counter saves at once, on SQLite and PostgreSQL: conflicts, waits and errors, counted.

``python3 tests/benchmarks/bench_concurrency.py [ROUNDS]`` runs itself under pytest, so the
PostgreSQL server of tests/postgresql_server.py is started for it. Each round starts 2 or 6
importing processes at the same instant (each roster shares half its people with the next
one's, so they collide) and one counter process saving 20 applications. It prints, per store
and process count: applications added, rows found "already there" (the conflicts the unique
indexes settled), the longest import (the wait behind other writers), and errors, which must be 0.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "services")]

from racing import race, roster_csv  # noqa: E402
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock  # noqa: E402

from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PEOPLE = 100


def _bench(url: str, clock: Clock, tmp_path: Path, label: str) -> None:
    store = Store(url, resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
    base = 0
    for processes in (2, 6):
        added = already = errors = refused = saved = 0
        longest = 0.0
        for round_no in range(ROUNDS):
            jobs = [("import", str(roster_csv(tmp_path / f"{label}-{processes}-{round_no}-{n}.csv", base + n * PEOPLE // 2, PEOPLE)))
                    for n in range(processes)]
            base += (processes + 1) * PEOPLE // 2
            for outcome in race(url, code, [*jobs, ("save", "20")], tmp_path, timeout=900):
                result = outcome.result
                errors += outcome.returncode != 0 or bool(result.get("error"))
                refused += result.get("refused") not in (None, "number.taken")
                if result.get("kind") == "import":
                    added += result.get("totals", {}).get("accepted", 0)
                    already += result.get("already_there", 0)
                    longest = max(longest, float(result.get("seconds", 0)))
                else:
                    saved += int(result.get("saved", 0))
        print(f"{label:10} {processes} importers + 1 counter x {ROUNDS} rounds: added {added}, already there {already}, "
              f"counter saved {saved}, longest import {longest:.1f} s, refused {refused}, errors {errors}", flush=True)
    store.close()


def test_sqlite(tmp_path: Path, clock: Clock) -> None:
    _bench(f"sqlite:///{tmp_path / 'bench.sqlite3'}", clock, tmp_path, "SQLite")


@pytest.mark.postgres
def test_postgresql(tmp_path: Path, clock: Clock, pg_url: str) -> None:
    _bench(pg_url, clock, tmp_path, "PostgreSQL")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        os.environ["BENCH_ROUNDS"] = sys.argv[1]
    os.chdir(REPO)
    sys.exit(pytest.main(["-o", "addopts=", "-q", "-s", "-p", "no:cacheprovider", str(Path(__file__).resolve())]))
