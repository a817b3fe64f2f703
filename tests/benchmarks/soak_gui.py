"""A clerk's day played on the real main window, at random but from a seed, while soak_watch records.

Run ``python3 tests/benchmarks/soak_gui.py --tickets N --applications M --seconds S --seed K --out DIR``
in a process of its own (the soak test and bench_soak.py do): it plays on a copy of the cached store
(soak_store.py) as the administrator, writes ``DIR/trail.jsonl`` as it goes and ``DIR/report.json``
at the end, and exits 0 when it played to the end. Each action is a generator that yields the pause
(ms) before its next step, so the event loop runs, paints and fires timers between steps as it does
between a clerk's keystrokes. Modal dialogs never block: a timer closes whatever modal is open.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import soak_actions  # noqa: E402
import soak_store  # noqa: E402
from soak_watch import Watch  # noqa: E402

from kaccount_desk.services import staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui.i18n import install_translations  # noqa: E402
from kaccount_desk.ui.main_window import MainWindow, rebuild_in_language  # noqa: E402
from kaccount_desk.ui.qt import QtCore, QtWidgets  # noqa: E402
from kaccount_desk.ui.settings import Settings  # noqa: E402

ADMIN_PASSWORD = "secret-pass"  # store_fill's first administrator


class Player(QtCore.QObject):
    """Plays actions one after another until the time is up, then quits the application."""

    def __init__(self, store: Store, watch: Watch, rng: random.Random, seconds: float, memory_every: float) -> None:
        super().__init__()
        self.watch = watch
        self.rng = rng
        self.seconds = seconds
        self.deadline = 0.0
        self.memory_every = memory_every
        self._next_sample = time.perf_counter() + memory_every
        self.actions: Counter[str] = Counter()
        self._current: Iterator[int] | None = None
        actor = staff.authenticate(store, "A001", ADMIN_PASSWORD)
        began = time.perf_counter()
        self.window = MainWindow(Context(store, actor, "zh"), Settings())
        self.window.language_changed.connect(self._switch_language)
        self.window.show()
        self.build_ms = (time.perf_counter() - began) * 1000
        self._modal_since: dict[int, float] = {}
        self._closer = QtCore.QTimer(self, interval=50)
        self._closer.timeout.connect(self._close_modal)

    def start(self) -> None:
        self.watch.restart()
        self.deadline = time.perf_counter() + self.seconds
        self._closer.start()
        QtCore.QTimer.singleShot(0, self._step)

    def _switch_language(self, code: str) -> None:
        self.window = rebuild_in_language(self.window, code)
        self.window.language_changed.connect(self._switch_language)

    def _close_modal(self) -> None:
        """A clerk reads a dialog for a moment, then answers it with one of its buttons or Escape."""
        modal = QtWidgets.QApplication.activeModalWidget()
        if modal is None:
            self._modal_since.clear()
            return
        opened = self._modal_since.setdefault(id(modal), time.perf_counter())
        if time.perf_counter() - opened < 0.3:
            return
        self._modal_since.pop(id(modal), None)
        text = modal.text() if isinstance(modal, QtWidgets.QMessageBox) else ""
        self.watch.write("dialog", title=modal.windowTitle(), text=text[:200], action=self.watch.action)
        buttons = modal.buttons() if isinstance(modal, QtWidgets.QMessageBox) else []
        if buttons and self.rng.random() < 0.7:
            self.rng.choice(buttons).click()
        elif isinstance(modal, QtWidgets.QDialog):
            modal.reject()
        else:
            modal.close()

    def _step(self) -> None:
        now = time.perf_counter()
        if now >= self._next_sample:
            self.watch.sample()
            self._next_sample = now + self.memory_every
        if self._current is None:
            if now >= self.deadline:
                self._finish()
                return
            name, play = self._choose()
            self.actions[name] += 1
            self.watch.begin(name)
            self._current = play(self.window, self.rng)
        try:
            pause = next(self._current)
        except StopIteration:
            self._current = None
            pause = self.rng.randint(20, 250)
        except Exception:  # noqa: BLE001 - what the app raised into a move is a finding; the day goes on
            self.watch.fault("exception", traceback.format_exc())
            self._current = None
            pause = 100
        QtCore.QTimer.singleShot(pause, self._step)

    def _choose(self) -> tuple[str, Callable[[MainWindow, random.Random], Iterator[int]]]:
        names = list(soak_actions.ACTIONS)
        weights = [soak_actions.ACTIONS[n][0] for n in names]
        name = self.rng.choices(names, weights)[0]
        return name, soak_actions.ACTIONS[name][1]

    def _finish(self) -> None:
        self._closer.stop()
        self.watch.sample()
        self.window.hide()
        QtWidgets.QApplication.quit()


def summary(watch: Watch, player: Player, played: float, args: argparse.Namespace) -> dict[str, object]:
    stalls = sorted(watch.stalls, key=lambda s: -s["cpu_ms"])
    return {
        "seed": args.seed, "tickets": args.tickets, "applications": args.applications, "played_s": round(played, 1),
        "window_build_ms": round(player.build_ms),
        "actions": sum(player.actions.values()), "action_counts": dict(player.actions.most_common()),
        "stalls": watch.stalls, "longest_stall": stalls[0] if stalls else None, "faults": watch.faults,
        "memory": watch.memory, "finished": True,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=30_000)
    parser.add_argument("--applications", type=int, default=500)
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--stall-ms", type=float, default=50, help="report holds of the event loop over this much GUI-thread CPU")
    parser.add_argument("--memory-every", type=float, default=5)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    faulthandler.enable()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="soak-", dir=args.out))
    os.environ["KACCOUNT_HOME"] = str(work / "home")
    os.environ.setdefault("KACCOUNT_RESOURCES", str(soak_store.REPO / "resources"))
    path = soak_store.working_copy(args.tickets, args.applications, work)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    install_translations(app, "zh")
    clock = soak_store.store_clock()
    store = Store(f"sqlite:///{path}", clock=lambda: clock)
    with (args.out / "trail.jsonl").open("w", encoding="utf-8") as trail:
        watch = Watch(trail, args.stall_ms)
        watch.install()
        watch.begin("build window")
        player = Player(store, watch, random.Random(args.seed), args.seconds, args.memory_every)
        began = time.perf_counter()
        player.start()
        app.exec()
        played = time.perf_counter() - began
        watch.stop()
        report = summary(watch, player, played, args)
    (args.out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    store.close()
    shutil.rmtree(work, ignore_errors=True)  # the store copy: a gigabyte for the benchmark
    return 0


if __name__ == "__main__":
    sys.exit(main())
