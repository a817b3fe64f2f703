"""Half a minute of a clerk's day on the real main window, in a child process: no crash, warning or exception.

The player and its recorder are tests/benchmarks/soak_gui.py (the benchmark plays the same day for
ten minutes on a million tickets). Here the store is smaller and the play half a minute: the
default run is held under ten minutes, and this test was its longest (45 s of play, 52 s in all);
the child's exit status, its report and the trail it writes as it goes say what went wrong.
Stalls are recorded but do not fail the test: on a shared machine they measure the neighbours.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import REPO

PLAYER = REPO / "tests" / "benchmarks" / "soak_gui.py"
SECONDS = 30


def _last_lines(path: Path, count: int = 15) -> str:
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[-count:]) if path.exists() else "(no trail)"


def test_half_a_minute_of_random_clerk_work_leaves_no_crash_warning_or_exception(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(PLAYER), "--tickets", "30000", "--applications", "300", "--seconds", str(SECONDS),
         "--seed", "11", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=SECONDS + 240, check=False,
    )
    trail = tmp_path / "trail.jsonl"
    assert done.returncode == 0, f"the soak died ({done.returncode}):\n{done.stderr[-3000:]}\nlast steps:\n{_last_lines(trail)}"
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["finished"] and report["played_s"] >= SECONDS - 1
    assert report["faults"] == [], "\n".join(f"{f['kind']} during {f['action']}: {f['text']}" for f in report["faults"])
    assert report["actions"] >= 10 and len(report["action_counts"]) >= 5, report["action_counts"]  # a loaded machine plays fewer
    nones = [point["none_refs"] for point in report["memory"]]
    assert min(nones) > nones[0] // 2, f"the reference count of None fell: {nones}"
