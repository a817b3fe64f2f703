"""How much memory a big roster import adds to the app, beside calamine reading the same file bare.

Run: python3 tests/benchmarks/bench_roster_memory.py [--rows 99998]
Each figure is measured in a fresh process (the allocator's history would blur it) as the peak
resident size (VmHWM, reset through /proc/self/clear_refs) above the size just before the step.
The import reads the file in a child process of its own, whose memory is freed when it exits and
is not counted here: the figure is what the clerk's window grows by. Linux only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(HERE)]

from bench_enrollment import CST, write_roster  # noqa: E402
from memory_peak import peak_above_now  # noqa: E402

MB = 1_000_000


def measure_import(roster: Path, folder: Path) -> dict[str, float]:
    """A first import into an empty campaign, then the same file again (every row matched, none new)."""
    from kaccount_desk.services import campaigns, rosters, staff
    from kaccount_desk.services.context import Context, Store

    resources = REPO / "resources"
    store = Store(f"sqlite:///{folder / 'store.db'}", resources=resources, clock=lambda: datetime(2012, 2, 24, tzinfo=CST))
    ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
    campaigns.load_campaign_file(ctx, resources / "campaigns" / "botou-2012.toml")
    first, first_peak, own = peak_above_now(lambda: rosters.import_roster(ctx, roster, "BT2012-KA"))
    totals = first.totals
    del first
    again, again_peak, _ = peak_above_now(lambda: rosters.import_roster(ctx, roster, "BT2012-KA"))
    return {"own": own / MB, "first": first_peak / MB, "again": again_peak / MB, "accepted": totals["accepted"],
            "rejected": totals["rejected"], "unchanged": again.totals["unchanged"]}


def measure_bare(roster: Path) -> dict[str, float]:
    """calamine reading the sheet into Python lists, as the import's reader does in its child."""
    from python_calamine import CalamineWorkbook

    def read() -> int:
        return len(CalamineWorkbook.from_path(str(roster)).get_sheet_by_index(0).to_python(skip_empty_area=False))

    rows, peak, own = peak_above_now(read)
    return {"own": own / MB, "peak": peak / MB, "rows": rows}


def in_fresh_process(kind: str, roster: Path, folder: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--measure", kind, str(roster), str(folder)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=99_998)
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "ROSTER", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        kind, roster, folder = args.measure
        figures = measure_import(Path(roster), Path(folder)) if kind == "import" else measure_bare(Path(roster))
        print(json.dumps(figures))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        roster = folder / "roster.xlsx"
        write_roster(roster, args.rows)
        ours = in_fresh_process("import", roster, folder)
        bare = in_fresh_process("bare", roster, folder)
    print(f"import of a {args.rows:,}-row roster ({ours['accepted']:,.0f} new, {ours['rejected']:,.0f} refused): "
          f"app's peak +{ours['first']:.0f} MB above its own {ours['own']:.0f} MB; "
          f"the same file again ({ours['unchanged']:,.0f} unchanged) +{ours['again']:.0f} MB; "
          f"bare calamine read of the file +{bare['peak']:.0f} MB; target +100 MB")


if __name__ == "__main__":
    main()
