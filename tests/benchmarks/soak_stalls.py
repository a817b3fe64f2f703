"""The stalls issue 11 names, each timed alone on the soak's store: how long the GUI thread is held.

Run ``python3 tests/benchmarks/soak_stalls.py [--tickets 1000000]`` (on another checkout to get a
"before": ``KACCOUNT_SOAK_CACHE`` points it at the same cached store). Each line is the median of
five: the action and the events it causes (layout, repaint) until the event queue is empty, in
wall time and in the GUI thread's CPU time; the search line also times the service call alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import soak_store  # noqa: E402

from kaccount_desk.services import staff, ticket_queries  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui.main_window import MainWindow  # noqa: E402
from kaccount_desk.ui.qt import QtWidgets  # noqa: E402
from kaccount_desk.ui.tickets.tickets_page import TicketsPage  # noqa: E402


def held(app: QtWidgets.QApplication, action: Callable[[], object]) -> tuple[float, float]:
    """Wall and GUI-thread CPU ms from the action to an empty event queue (paint included)."""
    app.processEvents()
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    for _ in range(3):
        app.processEvents()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tickets", type=int, default=1_000_000)
    parser.add_argument("--applications", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="soak-stalls-"))
    os.environ["KACCOUNT_HOME"] = str(work / "home")
    path = soak_store.working_copy(args.tickets, args.applications, work)
    app = QtWidgets.QApplication(sys.argv[:1])
    clock = soak_store.store_clock()
    store = Store(f"sqlite:///{path}", clock=lambda: clock)
    ctx = Context(store, staff.authenticate(store, "A001", "secret-pass"), "zh")
    window = MainWindow(ctx)
    window.show()
    page = window.page(TicketsPage)
    assert isinstance(page, TicketsPage)
    tickets_row, enrollment_row = window.stack.indexOf(page), 0
    queues = {page.queue.itemData(i): i for i in range(page.queue.count())}
    results: dict[str, list[tuple[float, float]]] = {}

    def page_down() -> None:
        for _ in range(20):
            page.table.verticalScrollBar().triggerAction(QtWidgets.QAbstractSlider.SliderAction.SliderPageStepAdd)

    def search() -> None:
        page.search.setText("话费")
        page.apply_filters()

    def show_queue(queue: str) -> Callable[[], None]:
        return lambda: page.queue.setCurrentIndex(queues[queue])

    def measure(name: str, action: Callable[[], object], before: Callable[[], object] | None = None) -> None:
        if before is not None:
            before()
            app.processEvents()
        results.setdefault(name, []).append(held(app, action))

    for _ in range(args.repeat):
        measure("open the Tickets page", lambda: window.nav.setCurrentRow(tickets_row), lambda: window.nav.setCurrentRow(enrollment_row))
        for queue in ("all", "department", "mine", "overdue", "window"):
            measure(f"queue -> {queue}", show_queue(queue), show_queue("due_today"))
        page.queue.setCurrentIndex(queues["all"])
        measure("page down 20 times (all tickets)", page_down, page.table.scrollToTop)
        measure("2-character search (debounce fired)", search, page.search.clear)
        measure("  its service call alone", lambda: ticket_queries.search_tickets(ctx, "话费"))
        page.search.clear()
        app.processEvents()
    print(f"{'held by':40} {'wall ms':>8} {'cpu ms':>7}   (median of {args.repeat}, {args.tickets:,} tickets)")
    for name, times in results.items():
        print(f"{name:40} {statistics.median(t[0] for t in times):8.1f} {statistics.median(t[1] for t in times):7.1f}")
    window.close()
    store.close()
    shutil.rmtree(work, ignore_errors=True)  # the store copy: a gigabyte for the benchmark
    return 0


if __name__ == "__main__":
    sys.exit(main())
