"""How long the intake form holds the GUI thread while saving and while an ID number is typed (issue 21 item 1).

Run on a store filled by ``demo``::

    kaccount-desk --db sqlite:///PATH init --admin A001
    kaccount-desk --db sqlite:///PATH --as A001 demo --tickets 0 --applications 10000
    KACCOUNT_PASSWORD=... python3 tests/benchmarks/bench_intake_holds.py --db sqlite:///PATH --as A001

A 1 ms timer on the GUI thread notes when the event loop comes back; the longest gap is the
longest hold, in wall time and in the GUI thread's own CPU time over that gap. Two actions, each
repeated: Enter on a filled form until the save is answered; an ID number typed key by key at a
clerk's pace (80 ms a key, so the live preview is asked between keys) until the preview is painted.
Not a test: timings vary by machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtTest import QTest  # noqa: E402

from kaccount_desk.services import campaigns, staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui import operations  # noqa: E402
from kaccount_desk.ui.enrollment.intake_form import IntakeForm  # noqa: E402
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets  # noqa: E402

ID_NUMBER = "130981197801011235"
ROUNDS = 7


class HoldMeter:
    """The longest time the GUI thread stayed away from its event loop: (wall, thread CPU) in seconds."""

    def __init__(self) -> None:
        self.longest = (0.0, 0.0)
        self._wall, self._cpu = time.perf_counter(), time.thread_time()
        self._timer = QtCore.QTimer(interval=1)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        wall, cpu = time.perf_counter(), time.thread_time()
        if wall - self._wall > self.longest[0]:
            self.longest = (wall - self._wall, cpu - self._cpu)
        self._wall, self._cpu = wall, cpu

    def stop(self) -> tuple[float, float]:
        self._timer.stop()
        return self.longest


def pump(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def settle(form: IntakeForm) -> None:
    """Until no store call runs and no preview is due (the reference tree has no ``preview_settled``)."""
    pump(0.3)  # past the preview's debounce
    while not (operations.idle() and getattr(form, "preview_settled", True)):
        pump(0.01)


def fill(form: IntakeForm, department: str, round_no: int) -> None:
    form.dept_combo.setEditText(department)
    form.name_edit.setText(f"测试{round_no}")
    form.id_edit.setText(ID_NUMBER)
    form.number_edit.setText(f"1381234{round_no:04d}")
    form.plan_combo.setCurrentIndex(max(1, form.plan_combo.currentIndex()))


def time_save(form: IntakeForm, department: str, round_no: int) -> tuple[float, float]:
    form.new()
    settle(form)
    fill(form, department, round_no)
    QTest.keyClicks(form.note_edit, "x")  # typed, as a clerk's last field
    settle(form)
    meter = HoldMeter()
    QTest.keyClick(form.note_edit, Qt.Key.Key_Return)
    settle(form)
    return meter.stop()


def time_typing(form: IntakeForm) -> tuple[float, float]:
    form.new()
    settle(form)
    form.id_edit.setFocus()
    meter = HoldMeter()
    for char in ID_NUMBER:
        QTest.keyClicks(form.id_edit, char)
        pump(0.08)
    settle(form)
    return meter.stop()


def report(name: str, samples: list[tuple[float, float]]) -> None:
    walls = sorted(s[0] * 1000 for s in samples)
    cpus = sorted(s[1] * 1000 for s in samples)
    print(f"{name:<28} longest GUI-thread hold: median {statistics.median(walls):6.1f} ms wall "
          f"({statistics.median(cpus):6.1f} ms CPU), worst {walls[-1]:6.1f} ms wall ({cpus[-1]:6.1f} ms CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--as", dest="staff_no", required=True)
    args = parser.parse_args()
    app = QtWidgets.QApplication([])
    store = Store(args.db, create=False)
    ctx = Context(store, staff.authenticate(store, args.staff_no, os.environ["KACCOUNT_PASSWORD"]))
    code = next(c.code for c in campaigns.list_campaigns(ctx) if not c.expired)
    department = campaigns.get_campaign(ctx, code).departments[0].name
    form = IntakeForm(ctx, code)
    form.resize(1280, 860)
    form.show()
    settle(form)
    saves = [time_save(form, department, n) for n in range(ROUNDS)]
    typing = [time_typing(form) for _ in range(ROUNDS)]
    report("save (Enter)", saves)
    report("typing an ID, live preview", typing)
    form.close()
    app.processEvents()
    store.close()


if __name__ == "__main__":
    main()
