"""Billing import: a year of monthly extracts of 100,000 numbers, beside the bare read-and-insert of the same rows.

Run: python3 tests/benchmarks/bench_billing.py [--numbers 100000] [--months 12] [--rounds 3]
Ours is ``billing.import_billing`` for each month in turn, as a supervisor imports them: the file
read in its confined child and checked row by row, the month written, and every number billed in the
twelve months up to it scored (tier and RFM) and written. The reference is Python's csv reader and
sqlite3 inserting the same rows, no checks, no scores. Target: ours within 4x. Wall and CPU time
(this process and its reading children) are both printed: the machine is shared. Each round runs the
reference and ours one after the other on new stores; the ratios of every round are printed, then
their medians and spread.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

CST = timezone(timedelta(hours=8))


def write_extracts(folder: Path, numbers: int, months: int) -> list[tuple[str, Path]]:
    """One CSV per month as the operator's system writes it: a title line, the header, a row per number."""
    rnd = random.Random(3)
    habits = [rnd.choice((4_000, 12_000, 20_000, 35_000, 60_000, 130_000)) for _ in range(numbers)]
    made = []
    for m in range(1, months + 1):
        month = f"2026-{m:02d}" if m <= 12 else f"2027-{m - 12:02d}"
        path = folder / f"bills-{month}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            out = csv.writer(handle)
            out.writerow(["XX分公司月度账单"])
            out.writerow(["服务号码", "账期", "出账金额", "欠费金额"])
            for n, fen in enumerate(habits):
                amount = int(fen * rnd.uniform(0.6, 1.4))
                owed = 5_000 if rnd.random() < 0.02 else 0
                out.writerow([f"1380{n:07d}", month.replace("-", ""), f"{amount // 100}.{amount % 100:02d}", f"{owed // 100}.00"])
        made.append((month, path))
    return made


def bare(extracts: list[tuple[str, Path]], db: Path) -> None:
    """csv reading the same files and sqlite3 inserting their rows: no checks, no scores, no ORM."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE b (number TEXT, month TEXT, amount TEXT, arrears TEXT, PRIMARY KEY (number, month))")
    for _month, path in extracts:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))[2:]
        with con:
            con.executemany("INSERT INTO b VALUES (?, ?, ?, ?)", rows)
    con.close()


def cpu_seconds() -> float:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def ours(extracts: list[tuple[str, Path]], db: Path) -> tuple[float, float, dict[str, int]]:
    from kaccount_desk.services import billing, staff
    from kaccount_desk.services.context import Context, Store

    store = Store(f"sqlite:///{db}", resources=REPO / "resources", clock=lambda: datetime(2027, 1, 5, tzinfo=CST))
    ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
    start, cpu = time.perf_counter(), cpu_seconds()
    report = None
    for month, path in extracts:
        report = billing.import_billing(ctx, path, month)
        assert report.refused == 0, report.refused_rows[:3]
    wall, used = time.perf_counter() - start, cpu_seconds() - cpu
    again = time.perf_counter()
    same = billing.import_billing(ctx, extracts[-1][1], extracts[-1][0])
    print(f"  the last month imported again: {time.perf_counter() - again:.2f} s, changed: {same.changed}")
    store.close()
    assert report is not None and report.tiers is not None
    return wall, used, report.tiers.tiers


def one_round(folder: Path, extracts: list[tuple[str, Path]], number: int, rows: int) -> tuple[float, float]:
    """The reference, then ours, each on a new store; their wall and CPU ratios."""
    start, cpu = time.perf_counter(), cpu_seconds()
    bare(extracts, folder / f"bare-{number}.db")
    bare_wall, bare_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    wall, used, tiers = ours(extracts, folder / f"ours-{number}.sqlite3")
    print(f"round {number}: billing import of {rows:,} rows: ours {wall:.1f} s (CPU {used:.1f} s), bare csv+sqlite3 "
          f"{bare_wall:.1f} s (CPU {bare_cpu:.1f} s), ratio {wall / bare_wall:.2f}x (CPU {used / bare_cpu:.2f}x)", flush=True)
    print(f"  tiers of the last month: {tiers}")
    return wall / bare_wall, used / bare_cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--numbers", type=int, default=100_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rows = args.numbers * args.months
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        extracts = write_extracts(folder, args.numbers, args.months)
        ratios = [one_round(folder, extracts, number, rows) for number in range(1, args.rounds + 1)]
    walls, cpus = sorted(r[0] for r in ratios), sorted(r[1] for r in ratios)
    print(f"billing import of {args.numbers:,} numbers x {args.months} months ({rows:,} rows), {args.rounds} rounds: "
          f"median ratio {statistics.median(walls):.2f}x wall ({walls[0]:.2f}-{walls[-1]:.2f}), "
          f"{statistics.median(cpus):.2f}x CPU ({cpus[0]:.2f}-{cpus[-1]:.2f}); target <= 4x")


if __name__ == "__main__":
    main()
