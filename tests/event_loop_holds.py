"""How long the GUI thread stays away from its event loop: the GUI tests' watchdog and the soak's measure.

A hold is one turn of the event loop: from the moment the thread wakes up to handle what came in
(posted events, timers, paint, input) until it goes back to wait for more. Qt's event dispatcher
says when it is about to wait (``aboutToBlock``) and when a turn is over (``awake``: with the glib
dispatcher Qt uses on Linux, emitted after the turn's sources were dispatched). The thread's own
CPU time between the two is the hold: waiting costs no CPU, so the idle part of the interval counts
nothing, and on a shared machine the neighbours' turns do not count either, where wall time would
blame the app for them. Wall time is reported beside it, from the moment a helper thread saw the
GUI thread start working. Code a test runs itself between two waits (building a widget, QTest's
synchronous key events) lies between ``awake`` and the next ``aboutToBlock`` and is not a hold.
Other dispatchers (Windows, Linux with ``QT_NO_GLIB``) dispatch after ``awake``, in the same interval
as a test's own code, so there the watch does not measure (``measuring`` is False) rather than guess.

While a hold lasts past ``sample_after_ms``, the helper thread samples the GUI thread's Python stack
(``sys._current_frames``), so a hold names the module and function that kept the thread.
"""

from __future__ import annotations

import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from PySide6 import QtCore

POLL_S = 0.01  # the helper thread's look at the GUI thread: a tenth of the GUI tests' limit
MAX_SAMPLES = 30
LOOP_ENTRIES = frozenset({"exec", "exec_", "processEvents", "qWait"})


@dataclass(frozen=True)
class Hold:
    """One turn of the event loop that took longer than the limit."""

    cpu_ms: float
    wall_ms: float
    where: str
    label: str = ""

    def describe(self) -> str:
        return f"{self.cpu_ms:.0f} ms of GUI-thread CPU ({self.wall_ms:.0f} ms wall) in {self.where}"


def _frame_text(frame: traceback.FrameSummary) -> str:
    path = Path(frame.filename)
    parts = path.parts
    shown = "/".join(parts[parts.index("kaccount_desk"):]) if "kaccount_desk" in parts else path.name
    return f"{shown}:{frame.lineno} {frame.name}"


def where_from(frame: FrameType) -> str:
    """Which code held the thread: the outermost and innermost frames of the app's own modules (the
    handler and the call it was in); else, when Python was only waiting in the loop, Qt's own work
    (layout, paint) and where the loop was entered; else the last frames of what ran (a test's handler)."""
    stack = list(reversed(traceback.StackSummary.extract(traceback.walk_stack(frame), lookup_lines=False)))
    ours = [f for f in stack if "kaccount_desk" in Path(f.filename).parts]
    if ours:
        picked = ours if len(ours) <= 3 else [ours[0], ours[-2], ours[-1]]
        return " → ".join(_frame_text(f) for f in picked)
    if stack and (stack[-1].name in LOOP_ENTRIES or "pytestqt" in Path(stack[-1].filename).parts):
        entered = [f for f in stack if Path(f.filename).name.startswith("test_")]
        return "Qt's own work (layout, paint, events; no Python running) in the loop entered at " + (
            _frame_text(entered[-1]) if entered else _frame_text(stack[-1]))
    return " → ".join(_frame_text(f) for f in stack[-2:])


def _cpu_clock_of_this_thread() -> Callable[[], float]:
    """The calling thread's CPU clock, readable from another thread (POSIX); elsewhere nothing moves."""
    if hasattr(time, "pthread_getcpuclockid"):
        clock = time.pthread_getcpuclockid(threading.get_ident())
        return lambda: time.clock_gettime(clock)
    return lambda: 0.0


class HoldWatch:
    """Records every hold of the calling (GUI) thread's event loop over ``limit_ms`` of its CPU time.

    ``label`` is what the caller is doing now (the soak's action), written into each hold; ``on_hold``
    hears of each hold as it ends (the soak writes its trail as it goes).
    """

    def __init__(self, limit_ms: float, sample_after_ms: float | None = None, on_hold: Callable[[Hold], None] | None = None) -> None:
        self.limit_ms = limit_ms
        self.on_hold = on_hold
        self.sample_after_ms = limit_ms * 0.6 if sample_after_ms is None else sample_after_ms
        self.label = ""
        self.holds: list[Hold] = []
        self._dispatcher: QtCore.QAbstractEventDispatcher | None = None
        self._gui_thread = threading.get_ident()
        self._gui_cpu = _cpu_clock_of_this_thread()
        # The open turn, replaced whole so the helper thread reads one consistent tuple:
        # (turn number, CPU at its start, wall time it was seen working or None) or None between turns.
        self._turn: tuple[int, float, float | None] | None = None
        self._count = 0
        self._lock = threading.Lock()
        self._samples: dict[int, list[str]] = {}
        self._stop = threading.Event()
        self._helper: threading.Thread | None = None
        self.measuring = False

    @property
    def longest(self) -> Hold | None:
        return max(self.holds, key=lambda h: h.cpu_ms, default=None)

    def failure(self) -> str:
        """What a failed test says: the longest hold, where it was, and how many there were."""
        longest = self.longest
        assert longest is not None, "no hold to report"
        return (f"the GUI thread did not return to the event loop for {longest.describe()}; "
                f"{len(self.holds)} hold(s) over {self.limit_ms:.0f} ms of CPU in this test")

    def start(self) -> HoldWatch:
        dispatcher = QtCore.QAbstractEventDispatcher.instance()
        assert dispatcher is not None, "start the watch on the GUI thread, once its QApplication exists"
        if "Glib" not in dispatcher.metaObject().className():
            return self
        self.measuring = True
        self._dispatcher = dispatcher
        dispatcher.aboutToBlock.connect(self._about_to_block)
        dispatcher.awake.connect(self._awake)
        self._helper = threading.Thread(target=self._look, name="event-loop-watchdog", daemon=True)
        self._helper.start()
        return self

    def stop(self) -> None:
        if self._dispatcher is None:
            return
        self._dispatcher.aboutToBlock.disconnect(self._about_to_block)
        self._dispatcher.awake.disconnect(self._awake)
        self._dispatcher = None
        self._turn = None
        self._stop.set()
        if self._helper is not None:
            self._helper.join()

    def _about_to_block(self) -> None:
        # A nested loop (a modal dialog's exec) starts waiting inside a turn: what ran before it is a hold of its own.
        self._end_turn()
        with self._lock:
            self._count += 1
            self._turn = (self._count, time.thread_time(), None)

    def _awake(self) -> None:
        self._end_turn()

    def _end_turn(self) -> None:
        with self._lock:
            turn, self._turn = self._turn, None
            samples = self._samples.pop(turn[0], []) if turn is not None else []
        if turn is None:
            return
        _, cpu_start, seen_working = turn
        cpu_ms = (time.thread_time() - cpu_start) * 1000
        if cpu_ms <= self.limit_ms:
            return
        wall_ms = (time.perf_counter() - seen_working) * 1000 if seen_working is not None else cpu_ms
        where = Counter(samples).most_common(1)[0][0] if samples else "(not sampled)"
        hold = Hold(round(cpu_ms, 1), round(max(wall_ms, cpu_ms), 1), where, self.label)
        self.holds.append(hold)
        if self.on_hold is not None:
            self.on_hold(hold)

    def _look(self) -> None:
        """The helper thread: note when the GUI thread starts working in a turn, sample its stack while it lasts."""
        while not self._stop.wait(POLL_S):
            turn = self._turn
            if turn is None:
                continue
            number, cpu_start, seen_working = turn
            busy_ms = (self._gui_cpu() - cpu_start) * 1000
            if seen_working is None and busy_ms > 1:
                with self._lock:  # half a poll ago on average, unless the turn ended meanwhile
                    if self._turn is turn:
                        self._turn = (number, cpu_start, time.perf_counter() - POLL_S / 2)
            if busy_ms > self.sample_after_ms:
                frame = sys._current_frames().get(self._gui_thread)
                where = where_from(frame) if frame is not None else None
                with self._lock:
                    if where is not None and self._turn is not None and self._turn[0] == number:
                        samples = self._samples.setdefault(number, [])
                        if len(samples) < MAX_SAMPLES:
                            samples.append(where)
