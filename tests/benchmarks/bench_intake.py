"""How long one keystroke in the intake form takes, live validation and label update included.

Run ``python3 tests/benchmarks/bench_intake.py``. The target is under 5 ms per keystroke; beside
each field's figures stands the bare domain check on the same strings, so the cost of the Qt
side (signal, label, missing list) can be read off directly. Not a test: timings vary by machine.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtTest import QTest  # noqa: E402

from kaccount_desk.domain.mobile import check_mobile  # noqa: E402
from kaccount_desk.domain.resident_id import check_resident_id  # noqa: E402
from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui import operations  # noqa: E402
from kaccount_desk.ui.enrollment.intake_form import IntakeForm  # noqa: E402
from kaccount_desk.ui.qt import QtWidgets  # noqa: E402

KEYSTROKES = 200
ID_TEXT = "130981197801011235"
NUMBER_TEXT = "13012345678"


def prefixes(text: str, count: int) -> list[str]:
    """The field's content after each of ``count`` keystrokes, starting over when it is full."""
    return [text[: i % len(text) + 1] for i in range(count)]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def time_keystrokes(edit: QtWidgets.QLineEdit, text: str) -> list[float]:
    samples = []
    for i in range(KEYSTROKES):
        if i % len(text) == 0:
            edit.clear()
        start = time.perf_counter()
        QTest.keyClicks(edit, text[i % len(text)])
        samples.append(time.perf_counter() - start)
    return samples


def time_bare(check: Callable[[str], object], text: str) -> list[float]:
    samples = []
    for value in prefixes(text, KEYSTROKES):
        start = time.perf_counter()
        check(value)
        samples.append(time.perf_counter() - start)
    return samples


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-intake-"))
    os.environ["KACCOUNT_HOME"] = str(folder / "home")
    clock = lambda: datetime(2012, 2, 25, 9, 30, tzinfo=timezone(timedelta(hours=8)))  # noqa: E731
    store = Store(f"sqlite:///{folder / 'store.sqlite3'}", resources=REPO / "resources", clock=clock)
    ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "bench-password"))
    code = campaigns.load_campaign_file(ctx, REPO / "resources" / "campaigns" / "botou-2012.toml").code
    spec = campaigns.get_campaign(ctx, code)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    form = IntakeForm(ctx, code)
    form.show()
    while not operations.idle():  # the campaign and its live checks, read in the background
        app.processEvents()
    today = clock().date()
    rows = [
        ("ID field", time_keystrokes(form.id_edit, ID_TEXT), time_bare(lambda s: check_resident_id(s, today), ID_TEXT)),
        ("number field", time_keystrokes(form.number_edit, NUMBER_TEXT),
         time_bare(lambda s: check_mobile(s, store.segments, spec.required_carrier), NUMBER_TEXT)),
    ]
    print(f"{KEYSTROKES} keystrokes per field; target < 5 ms per keystroke")
    for name, typed, bare in rows:
        median, p95 = percentiles(typed)
        bare_median, bare_p95 = percentiles(bare)
        print(f"{name:13s} form: median {median:6.3f} ms  p95 {p95:6.3f} ms   "
              f"bare domain check: median {bare_median:6.3f} ms  p95 {bare_p95:6.3f} ms")
    form.close()
    form.deleteLater()
    app.processEvents()
    while not operations.idle():  # the last previews, asked off the GUI thread
        app.processEvents()
    store.close()


if __name__ == "__main__":
    main()
