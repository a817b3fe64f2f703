"""Enrollment figures, each beside the bare library doing the same work in the same run.

Run: python3 tests/benchmarks/bench_enrollment.py [--rows 10000] [--ids 100000]
The machine is shared and noisy, so each figure is the median of a few runs and the ratio to
the reference matters more than the absolute number.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

# The libraries and the app are imported inside the functions that use them: the import reads the
# file in a child started afresh (kaccount_desk.confined, "spawn"), which runs this script's top
# level again before its work. Heavy imports here made the child cost seconds the app never pays
# (its entry point, kaccount_desk.app, imports in some 50 ms; ``python -m kaccount_desk`` and the
# frozen build are not re-run at all).
CST = timezone(timedelta(hours=8))
REGIONS = ["130981", "110105", "320102", "440305", "412723", "510104"]


def make_ids(count: int, seed: int = 7) -> list[str]:
    """Deterministic IDs, about one in ten with a wrong check character."""
    from stdnum.cn import ric

    rnd = random.Random(seed)
    out = []
    for n in range(count):
        born = datetime(1950, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 55))
        first17 = f"{rnd.choice(REGIONS)}{born:%Y%m%d}{rnd.randrange(0, 1000):03d}"
        check = ric.calc_check_digit(first17 + "0")
        if n % 10 == 0:
            check = "0" if check != "0" else "1"
        out.append(first17 + check)
    return out


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_ids(count: int) -> None:
    from stdnum.cn import ric

    from kaccount_desk.domain.resident_id import check_resident_id

    ids = make_ids(count)
    ours = median_time(lambda: [check_resident_id(i) for i in ids], 3)
    bare = median_time(lambda: [ric.is_valid(i) for i in ids], 3)
    valid = sum(1 for i in ids if check_resident_id(i).ok)
    print(f"{count:,} ID validations: ours {ours:.3f} s ({count / ours:,.0f}/s), "
          f"python-stdnum is_valid {bare:.3f} s ({count / bare:,.0f}/s), ratio {ours / bare:.2f}x; {valid:,} valid")


def write_roster(path: Path, rows: int) -> list[tuple[str, str, str, str, str]]:
    import openpyxl

    ids = make_ids(rows, seed=11)
    departments = ["铸造事业部", "机加工事业部", "装配事业部", "销售事业部", "财务部"]
    data = [(f"员工{n:05d}", departments[n % 5], ids[n], f"138{n:08d}", "group8") for n in range(rows)]
    # A normal workbook stores text in the shared-strings table, as Excel and WPS do; openpyxl's
    # write-only mode writes inline strings, which read back far slower than anything a
    # department would send.
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["XX公司大客户业务登记表"])
    sheet.append(["姓名", "部门", "身份证号码", "手机号码", "资费方式"])
    for row in data:
        sheet.append(list(row))
    book.save(path)
    return data


def bare_import(path: Path, db: Path) -> int:
    """calamine reading the same sheet and sqlite3 inserting the rows: no checks, no ORM."""
    from python_calamine import CalamineWorkbook

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    rows = [r for r in sheet[2:] if any(r)]
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE IF NOT EXISTS a (name TEXT, dept TEXT, id_number TEXT, msisdn TEXT, plan TEXT, status TEXT)")
    with con:
        con.executemany("INSERT INTO a VALUES (?, ?, ?, ?, ?, 'draft')", rows)
    con.close()
    return len(rows)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the confined reader): on a shared
    machine the wall time waits for other people's work, the CPU time does not."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def scheduled_seconds() -> tuple[float, float]:
    """This process's time on a core and its time waiting for one, runnable (Linux's /proc/self/schedstat; zeros elsewhere).

    What the wall time holds beyond the CPU time: on this shared machine mostly the second, other
    people's work, which no change of ours shortens; waits on the disk, a pipe or a sleep are the rest.
    """
    try:
        with open("/proc/self/schedstat") as stat:
            on_core, waiting, _ = stat.read().split()
    except (OSError, ValueError):
        return 0.0, 0.0
    return int(on_core) / 1e9, int(waiting) / 1e9


def bench_import(rows: int) -> None:
    from kaccount_desk.confined import run_confined, start_ahead
    from kaccount_desk.services import campaigns, rosters, staff
    from kaccount_desk.services.context import Context, Store
    from kaccount_desk.sheets.roster_reader import column_letter, read_roster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = folder / "roster.xlsx"
        write_roster(roster, rows)
        resources = REPO / "resources"
        times: dict[str, list[float]] = {key: [] for key in ("ours", "again", "bare", "ours_cpu", "again_cpu", "bare_cpu", "child", "read",
                                                         "ahead", "app_core", "app_queue", "child_cpu")}
        for attempt in range(3):
            store = Store(f"sqlite:///{folder / f's{attempt}.db'}", resources=resources, clock=lambda: datetime(2012, 2, 24, tzinfo=CST))
            ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
            campaigns.load_campaign_file(ctx, resources / "campaigns" / "botou-2012.toml")
            children = cpu_seconds() - time.process_time()
            start, cpu, (core, queue) = time.perf_counter(), cpu_seconds(), scheduled_seconds()
            report = rosters.import_roster(ctx, roster, "BT2012-KA")
            times["ours"].append(time.perf_counter() - start)
            times["ours_cpu"].append(cpu_seconds() - cpu)
            now_core, now_queue = scheduled_seconds()
            times["app_core"].append(now_core - core)
            times["app_queue"].append(now_queue - queue)
            times["child_cpu"].append(cpu_seconds() - time.process_time() - children)
            start, cpu = time.perf_counter(), cpu_seconds()
            again = rosters.import_roster(ctx, roster, "BT2012-KA")
            times["again"].append(time.perf_counter() - start)
            times["again_cpu"].append(cpu_seconds() - cpu)
            store.close()
            # The same first import into a new store, the reading child started as the import dialog starts it,
            # while the person chooses the file (a second here).
            store = Store(f"sqlite:///{folder / f'a{attempt}.db'}", resources=resources, clock=lambda: datetime(2012, 2, 24, tzinfo=CST))
            ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
            campaigns.load_campaign_file(ctx, resources / "campaigns" / "botou-2012.toml")
            start_ahead(read_roster)
            time.sleep(1.0)
            start = time.perf_counter()
            rosters.import_roster(ctx, roster, "BT2012-KA")
            times["ahead"].append(time.perf_counter() - start)
            store.close()
            # The parts of an import, apart: the reading child's fixed cost (a process started, the
            # reader imported, a trivial answer sent back), and the whole read of the file in it.
            start = time.perf_counter()
            run_confined(column_letter, 1)
            times["child"].append(time.perf_counter() - start)
            start = time.perf_counter()
            rosters.read_sheet(roster)
            times["read"].append(time.perf_counter() - start)
            start, cpu = time.perf_counter(), cpu_seconds()
            bare_import(roster, folder / f"bare{attempt}.db")
            times["bare"].append(time.perf_counter() - start)
            times["bare_cpu"].append(cpu_seconds() - cpu)
        m = {key: statistics.median(values) for key, values in times.items()}
        t = report.totals
        print(f"import of a {rows:,}-row roster: ours {m['ours']:.2f} s "
              f"(accepted {t['accepted']:,}, rejected {t['rejected']:,}; "
              f"re-import {m['again']:.2f} s, unchanged {again.totals['unchanged']:,}), "
              f"bare calamine+sqlite3 {m['bare']:.2f} s, "
              f"ratio {m['ours'] / m['bare']:.2f}x; target <= 4x, a re-import no slower")
    print(f"  CPU (the app and its reading child): ours {m['ours_cpu']:.2f} s, re-import {m['again_cpu']:.2f} s, "
          f"bare {m['bare_cpu']:.2f} s, ratio {m['ours_cpu'] / m['bare_cpu']:.2f}x")
    print(f"  where it goes: the reading child's fixed cost (start, imports, a trivial answer) {m['child']:.2f} s, "
          f"the whole read in the child {m['read']:.2f} s, the rules and the writing in the app {m['ours'] - m['read']:.2f} s; "
          f"without the child's fixed cost {m['ours'] - m['child']:.2f} s, ratio {(m['ours'] - m['child']) / m['bare']:.2f}x")
    blocked = m["ours"] - m["app_core"] - m["app_queue"]
    print(f"  the first import's wall time apart (Linux schedstat): the app on a core {m['app_core']:.2f} s, runnable but waiting "
          f"for a core {m['app_queue']:.2f} s (other processes on this machine), waiting on the reading child, the disk or the "
          f"pipe {blocked:.2f} s (the child's CPU: {m['child_cpu']:.2f} s)")
    print(f"  the same first import with the reading child started ahead, as the import dialog starts it: "
          f"{m['ahead']:.2f} s, ratio {m['ahead'] / m['bare']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ids", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    bench_ids(args.ids)
    bench_import(args.rows)


if __name__ == "__main__":
    main()
