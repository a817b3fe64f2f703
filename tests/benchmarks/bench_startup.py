"""Benchmark (not a test): the desktop app's start, beside a bare PySide6 window started in the same run.

Run ``python3 tests/benchmarks/bench_startup.py [--tickets 1000000] [--runs 5]``. Whole processes,
offscreen on the test screen (1366x768), each figure the median of ``--runs``, each run of the app
paired with a run of the bare window (an empty QMainWindow, nothing else):

- (a) process start to the first window a person can type into (the login) on the screen;
  target at most 2x the bare window;
- (b) from Enter on the login to the main window painted, less the password check itself, on a
  store of ``--tickets`` tickets filled by ``kaccount-desk demo`` (built once into tmp/cache/);
  the demo clerk D101 lands on Tickets; target at most 0.3 s;
- (c) peak memory (RSS high-water mark) with the Tickets page open and its rows in; target at
  most 120 MB. The stages' peaks (bare window, login shown) say where it goes.

Each run logs in on one working copy of the cached store, as the same clerk on the same PC, after
one untimed start: the figures are of a start later in the day (today's daily backup taken, the
last session ended normally, the program's modules compiled as an installed copy's are: the
children keep their bytecode in a folder of the run, whatever PYTHONDONTWRITEBYTECODE says).
Each app run ends as a clerk ends it (Cancel, or closing the window).
``--src`` points the children at another checkout (the figures before a change).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import startup_store  # noqa: E402

SCREEN = f"offscreen:configfile={REPO / 'tests' / 'offscreen_screen.json'}"


def _child(mode: str, src: Path, home: Path, store: Path | None, typing: float) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src), QT_QPA_PLATFORM=SCREEN, KACCOUNT_HOME=str(home),
               BENCH_TYPING=str(typing), KACCOUNT_LANG="zh", PYTHONPYCACHEPREFIX=str(home / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once, not at every start
    if store is not None:
        env["KACCOUNT_KEY_FILE"] = str(startup_store.key_of(store))
    args = [sys.executable, str(HERE / "startup_child.py"), mode, *([str(store)] if store else [])]
    env["BENCH_T0"] = repr(time.time())
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode} run gave no figures (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return dict(json.loads(lines[-1]))


def _working_store(tickets: int, applications: int, folder: Path) -> Path:
    store = startup_store.working_copy(tickets, applications, folder)
    backups = folder / "backups"
    backups.mkdir()
    (backups / f"kaccount-{datetime.now(UTC).strftime('%Y%m%d-%H%M%S')}.kdbackup").touch()
    return store


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--typing", type=float, default=3.0, help="seconds the clerk takes to type (default 3)")
    parser.add_argument("--src", type=Path, default=REPO, help="the checkout the children run (default this one)")
    args = parser.parse_args()
    began = time.perf_counter()
    folder = Path(tempfile.mkdtemp(prefix="bench-startup-"))
    store = _working_store(args.tickets, args.applications, folder)
    print(f"store of {args.tickets:,} tickets ready in {time.perf_counter() - began:.0f} s; code from {args.src}", flush=True)
    home = folder / "home"
    _child("bare", args.src, home, None, args.typing)
    _child("window", args.src, home, store, args.typing)  # the day's first start; the others come after it
    bare, door, window = [], [], []
    for _ in range(args.runs):
        bare.append(_child("bare", args.src, home, None, args.typing))
        door.append(_child("door", args.src, home, store, args.typing))
        window.append(_child("window", args.src, home, store, args.typing))
    shutil.rmtree(folder, ignore_errors=True)
    reference = _median(bare, "first_window")
    first = _median(door, "first_window")
    print(f"(a) start to the login on the screen: {first:.3f} s against a bare window {reference:.3f} s: "
          f"{first / reference:.1f}x; target at most 2x")
    print(f"(b) Enter to the main window painted, less the password check ({_median(window, 'password_check'):.3f} s): "
          f"{_median(window, 'enter_to_window'):.3f} s; target at most 0.3 s")
    print(f"(c) peak memory with the Tickets page open: {_median(window, 'peak_mb'):.0f} MB "
          f"(resident then {_median(window, 'resident_mb'):.0f} MB); target at most 120 MB "
          f"(bare window {_median(bare, 'peak_mb'):.0f} MB, login shown {_median(door, 'peak_mb'):.0f} MB); "
          f"heavy libraries loaded by then: {window[-1].get('heavy', '?')}")


if __name__ == "__main__":
    main()
