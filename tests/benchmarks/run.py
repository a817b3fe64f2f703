"""Every benchmark, one after the other: ``python3 tests/benchmarks/run.py [NAME ...]``.

They are scripts, not tests (pytest's default run ignores this folder), because a shared machine
makes timings unfit for pass/fail; each prints its figures beside a bare-library reference
measured in the same run. NAME is enrollment, roster_memory, intake, documents, tickets, demo, soak, cli_soak, startup
or network; none means all. The tickets benchmark builds a 1,000,000-ticket store first and takes several minutes;
the soak plays ten minutes on a cached one (tmp/cache/, built the first time).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NAMES = ("enrollment", "roster_memory", "intake", "documents", "tickets", "demo", "soak", "cli_soak", "startup", "network",
         "billing")


def main(argv: list[str]) -> int:
    chosen = argv or list(NAMES)
    unknown = [name for name in chosen if name not in NAMES]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(NAMES)}", file=sys.stderr)
        return 2
    failed = 0
    for name in chosen:
        print(f"== {name}", flush=True)
        failed += subprocess.run([sys.executable, str(HERE / f"bench_{name}.py")], check=False).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
