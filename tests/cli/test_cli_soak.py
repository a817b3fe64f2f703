"""Hundreds of random command lines against one store in one process: each an answer, never a traceback.

The commands come from tests/benchmarks/soak_cli.py (its benchmark runs thousands). It runs in a
child process so that its environment and a crash stay out of this test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import REPO

SOAK = REPO / "tests" / "benchmarks" / "soak_cli.py"


def test_random_command_lines_get_answers_and_never_a_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SOAK), "--commands", "400", "--logins", "12", "--seed", "7", "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    written = tmp_path / "cli-failures.json"
    failures = json.loads(written.read_text(encoding="utf-8")) if written.exists() else None
    assert done.returncode == 0, f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}\n{json.dumps(failures, ensure_ascii=False)[:3000]}"
    assert failures == []
    assert "exit statuses 0:" in done.stdout and ", 1:" in done.stdout and ", 2:" in done.stdout, done.stdout
