"""What the GUI soak records while it plays: stalls, Qt messages, Python errors, memory, None's refcount.

A stall is a time the GUI thread did not come back to the event loop for longer than the limit: a
10 ms heartbeat timer notes every gap, and a watchdog thread samples the GUI thread's stack while
the gap lasts, so each stall names the action being played and the line of ours that held it.
Everything goes to a JSON-lines trail as it happens, so a crash still leaves what led up to it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from kaccount_desk.ui.qt import QtCore

HEARTBEAT_MS = 10
# Offscreen Qt says this for every window it is asked to size; pyproject's qt_log_ignore agrees.
IGNORED_QT = ("This plugin does not support propagateSizeHints()",)


def rss_mb() -> float:
    """Resident memory now (Linux /proc); elsewhere the peak, which is what the platform offers."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def _our_frames(frame: Any) -> list[str]:
    stack = traceback.extract_stack(frame)
    ours = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack if "kaccount_desk" in f.filename]
    return ours[-4:] or [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in stack[-2:]]


class _LogFailures(logging.Handler):
    def __init__(self, watch: Watch) -> None:
        super().__init__(logging.WARNING)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        self.watch.fault("log", f"{record.levelname} {record.name}: {record.getMessage()}")


class Watch(QtCore.QObject):
    """Install once in the soak's process; :attr:`action` is what the player is doing now."""

    def __init__(self, trail: TextIO, stall_ms: float = 100.0) -> None:
        super().__init__()
        self.trail = trail
        self.stall_ms = stall_ms
        self.action = "start"
        self.started = time.perf_counter()
        self.stalls: list[dict[str, Any]] = []
        self.faults: list[dict[str, Any]] = []
        self.memory: list[dict[str, float]] = []
        self._last_beat = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._sampled: dict[float, list[str]] = {}
        self._gui_thread = threading.get_ident()
        self._stop = threading.Event()
        self._beat = QtCore.QTimer(self, interval=HEARTBEAT_MS, timerType=QtCore.Qt.TimerType.PreciseTimer)
        self._beat.timeout.connect(self._heartbeat)

    def now(self) -> float:
        return time.perf_counter() - self.started

    def write(self, kind: str, **fields: Any) -> None:
        self.trail.write(json.dumps({"t": round(self.now(), 3), "kind": kind, **fields}, ensure_ascii=False) + "\n")
        self.trail.flush()

    def install(self) -> None:
        QtCore.qInstallMessageHandler(self._qt_message)
        sys.excepthook = self._exception
        sys.unraisablehook = self._unraisable
        threading.excepthook = self._thread_exception
        logging.getLogger().addHandler(_LogFailures(self))
        self._last_beat = time.perf_counter()
        self._beat.start()
        threading.Thread(target=self._watchdog, name="soak-watchdog", daemon=True).start()
        self.sample()

    def stop(self) -> None:
        self._beat.stop()
        self._stop.set()

    def begin(self, action: str) -> None:
        self.action = action
        self.write("action", action=action)

    def fault(self, kind: str, text: str) -> None:
        self.faults.append({"t": round(self.now(), 3), "kind": kind, "action": self.action, "text": text})
        self.write("fault", fault=kind, action=self.action, text=text)

    def sample(self) -> None:
        """One point of the memory curve: resident MB and the reference count of None."""
        point = {"t": round(self.now(), 1), "rss_mb": round(rss_mb(), 1), "none_refs": sys.getrefcount(None)}
        self.memory.append(point)
        self.write("memory", **point)

    def restart(self) -> None:
        """Start measuring from here (the window is built; building it is timed on its own)."""
        self._last_beat = time.perf_counter()
        self._last_cpu = time.thread_time()

    def _heartbeat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap_ms = (now - self._last_beat) * 1000
        if gap_ms > self.stall_ms + HEARTBEAT_MS:
            where = self._sampled.pop(self._last_beat, [])
            # On a shared machine a gap may be other processes' turn: the GUI thread's own CPU time says.
            stall = {"t": round(self.now(), 2), "ms": round(gap_ms - HEARTBEAT_MS, 1), "cpu_ms": round((cpu - self._last_cpu) * 1000, 1),
                     "action": self.action, "where": where}
            self.stalls.append(stall)
            self.write("stall", **{k: v for k, v in stall.items() if k != "t"})
        self._sampled.clear()
        self._last_beat, self._last_cpu = now, cpu

    def _watchdog(self) -> None:
        while not self._stop.wait(0.02):
            beat = self._last_beat
            if (time.perf_counter() - beat) * 1000 > 0.8 * self.stall_ms and beat not in self._sampled:
                frame = sys._current_frames().get(self._gui_thread)
                self._sampled[beat] = _our_frames(frame) if frame is not None else []

    def _qt_message(self, mode: QtCore.QtMsgType, context: QtCore.QMessageLogContext, message: str) -> None:
        if mode == QtCore.QtMsgType.QtDebugMsg or mode == QtCore.QtMsgType.QtInfoMsg or message in IGNORED_QT:
            return
        self.fault("qt", f"{mode.name}: {message}")

    def _exception(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.fault("exception", "".join(traceback.format_exception(kind, exc, tb)))

    def _unraisable(self, info: Any) -> None:
        self.fault("unraisable", f"{info.err_msg or 'unraisable'} {info.object!r}: {info.exc_type.__name__}: {info.exc_value}")

    def _thread_exception(self, args: threading.ExceptHookArgs) -> None:
        self.fault("thread", "".join(traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)))
