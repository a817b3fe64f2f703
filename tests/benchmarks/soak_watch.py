"""What the GUI soak records while it plays: stalls, Qt messages, Python errors, memory, None's refcount.

A stall is a turn of the event loop in which the GUI thread ran longer than the limit, in its own CPU
time, measured as the GUI tests' watchdog measures it (tests/event_loop_holds.py): each stall names
the action being played and the code of ours that held the thread, with its wall time beside.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from event_loop_holds import Hold, HoldWatch  # noqa: E402

from kaccount_desk.ui.qt import QtCore  # noqa: E402

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


class _LogFailures(logging.Handler):
    def __init__(self, watch: Watch) -> None:
        super().__init__(logging.WARNING)
        self.watch = watch

    def emit(self, record: logging.LogRecord) -> None:
        self.watch.fault("log", f"{record.levelname} {record.name}: {record.getMessage()}")


class Watch(QtCore.QObject):
    """Install once in the soak's process; :attr:`action` is what the player is doing now."""

    def __init__(self, trail: TextIO, stall_ms: float = 50.0) -> None:
        super().__init__()
        self.trail = trail
        self.stall_ms = stall_ms
        self.action = "start"
        self.started = time.perf_counter()
        self.stalls: list[dict[str, Any]] = []
        self.faults: list[dict[str, Any]] = []
        self.memory: list[dict[str, float]] = []
        self._holds = HoldWatch(stall_ms, on_hold=self._stalled)

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
        self._holds.start()
        self.sample()

    def stop(self) -> None:
        self._holds.stop()

    def begin(self, action: str) -> None:
        self.action = self._holds.label = action
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
        self.stalls.clear()

    def _stalled(self, hold: Hold) -> None:
        stall = {"t": round(self.now(), 2), "ms": hold.wall_ms, "cpu_ms": hold.cpu_ms, "action": hold.label, "where": hold.where}
        self.stalls.append(stall)
        self.write("stall", **{k: v for k, v in stall.items() if k != "t"})

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
