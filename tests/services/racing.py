"""Real processes racing on one store: roster imports and counter saves started at the same instant.

Each child opens its own Store (its own connections, as a second PC or window would), waits for
a start file, does its work and prints one JSON line: totals, or the error it met, by kind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from support import REPO, valid_id

CHILD = r"""
import json, sys, time, traceback
from datetime import datetime, timedelta, timezone
from pathlib import Path
url, start, kind, arg, campaign = sys.argv[1:6]
from kaccount_desk.services import enrollment, rosters, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services.intake_rules import ApplicationInput
now = datetime(2012, 2, 25, 9, 30, tzinfo=timezone(timedelta(hours=8)))
store = Store(url, resources=Path(sys.argv[6]), clock=lambda: now)
ctx = Context(store, staff.authenticate(store, "A001", "secret-pass"))
Path(start + ".ready." + str(__import__("os").getpid())).touch()
while not Path(start).exists():
    time.sleep(0.002)
out = {"kind": kind, "error": None, "refused": None}
began = time.perf_counter()
try:
    if kind == "import":
        report = rosters.import_roster(ctx, Path(arg), campaign)
        out["totals"] = report.totals
        out["already_there"] = sum(1 for r in report.rows if any(w.code == "roster.already_there" for w in r.warnings))
    else:
        saved = 0
        for n in range(int(arg)):
            fields = IntakeFields(department="铸造事业部", name=f"柜台{n}", id_number="130981197801011235",
                                  id_type="resident_id", number_source="pool", msisdn=f"188327588{n % 100:02d}")
            inp = ApplicationInput(campaign, fields, plan="group8")
            try:
                enrollment.save_application(ctx, inp)
                saved += 1
            except Refused as exc:
                out["refused"] = exc.reasons[0].code
        out["saved"] = saved
except Refused as exc:
    out["refused"] = exc.reasons[0].code
except Exception as exc:
    out["error"] = type(exc).__name__ + ": " + str(exc).splitlines()[0][:200]
out["seconds"] = round(time.perf_counter() - began, 3)
print(json.dumps(out))
"""


@dataclass(frozen=True)
class Outcome:
    returncode: int
    result: dict[str, object]
    stderr: str


def roster_csv(path: Path, first: int, count: int, department: str = "铸造事业部") -> Path:
    """People without a number (the mobile column is there, empty): only their ID tells them apart."""
    lines = ["姓名,部门,身份证号码,手机号码,资费方式"]
    for n in range(first, first + count):
        lines.append(f"员工{n},{department},{person_id(n)},,group8")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def person_id(n: int) -> str:
    return valid_id(f"1309811980{n // 28 % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}")


def race(url: str, campaign: str, jobs: list[tuple[str, str]], folder: Path, timeout: float = 300) -> list[Outcome]:
    """Start every job, let them all get ready, then release them at once; wait for all."""
    start = folder / f"go-{time.monotonic_ns()}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH", "")]))}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(start), kind, arg, campaign, str(REPO / "resources")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for kind, arg in jobs
    ]
    deadline = time.monotonic() + timeout
    while len(list(folder.glob(f"{start.name}.ready.*"))) < len(jobs) and time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            break
        time.sleep(0.05)
    start.touch()
    outcomes = []
    for child in children:
        stdout, stderr = child.communicate(timeout=timeout)
        lines = stdout.strip().splitlines()
        outcomes.append(Outcome(child.returncode, json.loads(lines[-1]) if lines else {}, stderr[-3000:]))
    return outcomes
