"""Benchmark (not a test): thousands of random command lines against one store, in one process.

Run ``python3 tests/benchmarks/bench_cli_soak.py [--commands 5000] [--logins 200]``; see soak_cli.py
for what is played and what counts as a failure. Prints the time taken, the exit statuses and any
failure (a traceback or an exit status other than 0-3); exits 1 when there was one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    command = [sys.executable, str(HERE / "soak_cli.py"), "--commands", "5000", "--logins", "200", *argv]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
