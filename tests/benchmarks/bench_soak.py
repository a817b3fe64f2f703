"""Benchmark (not a test): ten minutes of a clerk's day on 1,000,000 tickets, then what the GUI thread felt.

Run ``python3 tests/benchmarks/bench_soak.py [--minutes 10] [--tickets 1000000] [--seed 1]``. The
store (soak_store.py: ``kaccount-desk demo``'s 3,000 applications and year of tickets) is built
once into tmp/cache/; the day is played by soak_gui.py in a child process, so a crash is reported
rather than taking this script down. Printed: session length, crashes and faults, every hold of
the event loop over 50 ms of the GUI thread's own CPU time grouped by action (measured as the GUI
tests' watchdog does, tests/event_loop_holds.py; wall time beside it: on a shared machine a
wall-clock stall can be the neighbours' turn), the longest, and the memory curve with the
reference count of None.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import soak_store  # noqa: E402


def print_stalls(stalls: list[dict[str, Any]]) -> None:
    by_action: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for stall in stalls:
        by_action[stall["action"]].append(stall)
    print(f"\n{'action':36} {'holds':>6} {'median cpu ms':>13} {'max cpu ms':>10} {'its wall ms':>11}  where the longest was")
    for action, found in sorted(by_action.items(), key=lambda item: -max(s["cpu_ms"] for s in item[1])):
        longest = max(found, key=lambda s: s["cpu_ms"])
        print(f"{action:36} {len(found):6} {statistics.median(s['cpu_ms'] for s in found):13.0f} {longest['cpu_ms']:10.0f}"
              f" {longest['ms']:11.0f}  {longest['where']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="keep the trail and report here (default: a temporary folder)")
    args = parser.parse_args()
    began = time.perf_counter()
    cached = soak_store.cached_store(args.tickets, args.applications)
    print(f"store {cached.name}: ready in {time.perf_counter() - began:.0f} s", flush=True)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-soak-"))
    child = subprocess.run(
        [sys.executable, str(HERE / "soak_gui.py"), "--tickets", str(args.tickets), "--applications", str(args.applications),
         "--seconds", str(args.minutes * 60), "--seed", str(args.seed), "--memory-every", "30", "--out", str(out)],
        check=False,
    )
    report_path = out / "report.json"
    if child.returncode != 0 or not report_path.exists():
        print(f"CRASH: the soak exited with {child.returncode}; its trail is {out / 'trail.jsonl'}")
        return 1
    report = json.loads(report_path.read_text(encoding="utf-8"))
    stalls = report["stalls"]
    print(f"\nplayed {report['played_s'] / 60:.1f} min, {report['actions']} actions, seed {report['seed']},"
          f" {report['tickets']:,} tickets; window built in {report['window_build_ms']} ms")
    print(f"crashes 0, faults {len(report['faults'])}")
    for fault in report["faults"][:20]:
        print(f"  {fault['kind']} during {fault['action']}: {fault['text'][:300]}")
    over_100 = [s for s in stalls if s["cpu_ms"] > 100]
    print(f"holds of the event loop over 50 ms of GUI-thread CPU: {len(stalls)} (over 100 ms: {len(over_100)})")
    if stalls:
        longest = report["longest_stall"]
        print(f"longest: {longest['cpu_ms']:.0f} ms of GUI-thread CPU ({longest['ms']:.0f} ms wall) during {longest['action']}"
              f" at {longest['where']}")
        print_stalls(stalls)
    print(f"\n{'minute':>6} {'RSS MB':>7} {'refs to None':>12}")
    for point in report["memory"]:
        print(f"{point['t'] / 60:6.1f} {point['rss_mb']:7.1f} {point['none_refs']:12}")
    print(f"\ntrail and report: {out}")
    return 1 if report["faults"] else 0


if __name__ == "__main__":
    sys.exit(main())
