"""One start timed from inside, for bench_startup.py: the app's, or a bare PySide6 window's.

``python3 startup_child.py MODE [STORE]`` with ``BENCH_T0`` (the parent's ``time.time()`` just
before it started this process) prints one JSON line and ends at once. MODE:

- ``bare``: an empty QMainWindow; seconds to its first paint, and the peak memory then;
- ``door``: ``kaccount-desk --db STORE``; seconds to the first paint of the first dialog (the login);
- ``window``: the same, then after ``BENCH_TYPING`` seconds of "typing" the demo clerk's staff ID and
  password go in and Enter is pressed; seconds from Enter to the main window's first paint, less the
  password check itself (``staff.authenticate``, timed where it runs), then the peak memory once the
  page shown (Tickets, a clerk's landing page) has nothing left to fetch.

A paint counts once the event loop has come back after it, so every child painted in that pass counts.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

T0 = float(os.environ["BENCH_T0"])
CLERK, DEMO_PASSWORD = "D101", "Demo-Counter-2012"

from PySide6 import QtCore, QtTest, QtWidgets  # noqa: E402  (timed like any program's first import)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """The resident size now (Linux), beside the peak: how much of the peak was a passing need."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


# Libraries heavy enough to show in the peak, reported when loaded (each should wait for its first use).
HEAVY = ("alembic", "argon2", "phonenumbers", "reportlab", "openpyxl", "PIL", "pypdfium2", "numpy", "python_calamine",
         "PySide6.QtCharts", "PySide6.QtPrintSupport", "PySide6.QtPdf", "kaccount_desk.cli", "cryptography", "stdnum",
         "sqlalchemy.dialects.postgresql")


def loaded_heavy() -> str:
    return " ".join(name for name in HEAVY if name in sys.modules) or "none"


def report(**figures: Any) -> None:
    print(json.dumps(figures), flush=True)


def end_here(**figures: Any) -> None:
    report(**figures)
    os._exit(0)


class FirstPaints(QtCore.QObject):
    """Calls ``seen(window)`` once per top-level window, just after its first paint."""

    def __init__(self, seen: Callable[[QtWidgets.QWidget], None]) -> None:
        super().__init__()
        self._seen = seen
        self._painted: set[int] = set()

    def eventFilter(self, obj: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if (event.type() == QtCore.QEvent.Type.Paint and isinstance(obj, QtWidgets.QWidget) and obj.isWindow()
                and id(obj) not in self._painted):
            self._painted.add(id(obj))
            QtCore.QTimer.singleShot(0, lambda: self._seen(obj))
        return False


def bare() -> None:
    app = QtWidgets.QApplication(sys.argv)

    def seen(_window: QtWidgets.QWidget) -> None:
        end_here(first_window=time.time() - T0, peak_mb=peak_mb())

    paints = FirstPaints(seen)
    app.installEventFilter(paints)
    window = QtWidgets.QMainWindow()
    window.show()
    app.exec()


class Clerk:
    """Types at the login after a while, presses Enter, and times the way to the main window."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.entered = 0.0
        self.checking = 0.0

    def seen(self, window: QtWidgets.QWidget) -> None:
        if isinstance(window, QtWidgets.QDialog) and not self.entered:
            if self.mode == "door":  # then Cancel: the app ends as after a normal session
                report(first_window=time.time() - T0, peak_mb=peak_mb())
                QtCore.QTimer.singleShot(0, window.close)
                return
            QtCore.QTimer.singleShot(int(float(os.environ.get("BENCH_TYPING", "3")) * 1000), lambda: self.type_in(window))
        elif isinstance(window, QtWidgets.QMainWindow) and self.entered:
            shown = time.time() - self.entered - self.checking
            self.settle(window, shown, time.perf_counter() + 30)

    def type_in(self, dialog: Any) -> None:
        from kaccount_desk.services import staff

        check = staff.authenticate

        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return check(*args, **kwargs)
            finally:
                self.checking += time.perf_counter() - began

        staff.authenticate = timed  # type: ignore[assignment]
        dialog.staff_no.setText(CLERK)
        dialog.password.setText(DEMO_PASSWORD)
        self.entered = time.time()
        QtTest.QTest.keyClick(dialog.password, QtCore.Qt.Key.Key_Return)

    def settle(self, window: QtWidgets.QWidget, shown: float, give_up: float) -> None:
        """The peak once the page shown has its rows (no store call left running or waiting); then the
        window is closed as a clerk closes it, so the session ends normally."""
        from kaccount_desk.ui import operations

        if operations.idle() or time.perf_counter() > give_up:
            QtCore.QTimer.singleShot(500, lambda: (report(enter_to_window=shown, password_check=self.checking,
                                                          peak_mb=peak_mb(), resident_mb=resident_mb(),
                                                          heavy=loaded_heavy()), window.close()))
            return
        QtCore.QTimer.singleShot(50, lambda: self.settle(window, shown, give_up))


def app(mode: str, store: str) -> None:
    qapp = QtWidgets.QApplication(sys.argv)
    clerk = Clerk(mode)
    paints = FirstPaints(clerk.seen)
    qapp.installEventFilter(paints)
    from kaccount_desk.app import main

    main(["--db", store])


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[1], sys.argv[2])
