"""The GUI tests' watchdog catches a handler that keeps the GUI thread from its event loop, and only that."""

from __future__ import annotations

import time

from event_loop_holds import HoldWatch
from pytestqt.qtbot import QtBot

from kaccount_desk.ui.qt import QtCore, QtWidgets


def burn_cpu(ms: float) -> None:
    """Keep the thread busy for ``ms`` of its own CPU time (a sleep would cost none)."""
    start = time.thread_time()
    while (time.thread_time() - start) * 1000 < ms:
        pass


class SlowWidget(QtWidgets.QWidget):
    """A widget whose timer handler does ``ms`` of work on the GUI thread, as a store call there would."""

    def __init__(self, ms: float) -> None:
        super().__init__()
        self.ms = ms
        self.fired = False
        self.timer = QtCore.QTimer(self, singleShot=True, interval=0)
        self.timer.timeout.connect(self.refresh_slowly)

    def refresh_slowly(self) -> None:
        burn_cpu(self.ms)
        self.fired = True


def play(qtbot: QtBot, ms: float) -> HoldWatch:
    widget = SlowWidget(ms)
    qtbot.addWidget(widget)
    watch = HoldWatch(100).start()
    try:
        widget.timer.start()
        qtbot.waitUntil(lambda: widget.fired)
        qtbot.wait(20)
    finally:
        watch.stop()
    return watch


def test_a_timer_handler_burning_150_ms_fails_and_is_named(qtbot: QtBot, event_loop_watchdog: HoldWatch) -> None:
    event_loop_watchdog.stop()  # this test's own hold is the point: the autouse watch must not fail it
    watch = play(qtbot, 150)
    assert watch.measuring, "the GUI tests run on Qt's glib event dispatcher (Linux)"
    longest = watch.longest
    assert longest is not None and len(watch.holds) == 1
    assert longest.cpu_ms >= 150
    assert longest.wall_ms >= longest.cpu_ms
    assert "refresh_slowly" in longest.where
    message = watch.failure()
    assert "ms of GUI-thread CPU" in message and "refresh_slowly" in message


def test_a_short_handler_and_the_test_s_own_work_are_not_holds(qtbot: QtBot, event_loop_watchdog: HoldWatch) -> None:
    widget = SlowWidget(30)
    qtbot.addWidget(widget)
    watch = HoldWatch(100).start()
    try:
        widget.timer.start()
        qtbot.waitUntil(lambda: widget.fired)
        burn_cpu(150)  # the test body, between two waits, as QTest's synchronous key events are
        qtbot.wait(20)
    finally:
        watch.stop()
    assert watch.holds == []
