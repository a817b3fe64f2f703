"""UI-only fixtures: the event-loop watchdog, a known language per test, recorded message boxes, and generated rosters."""

from __future__ import annotations

import csv
import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from event_loop_holds import HoldWatch
from qt_dialogs import MessageBoxes, stop_answering
from support import valid_id

from kaccount_desk.services import campaigns, rosters
from kaccount_desk.services.context import Context
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import QtCore, QtWidgets

RosterWriter = Callable[..., Path]

# A turn of the event loop longer than this, in the GUI thread's own CPU time, fails the test (see event_loop_holds).
HOLD_LIMIT_MS = 100
WATCH = pytest.StashKey[HoldWatch]()


@pytest.fixture(autouse=True)
def event_loop_watchdog(qapp: QtWidgets.QApplication, request: pytest.FixtureRequest) -> Iterator[HoldWatch]:
    """Watch every turn of the event loop from the test's setup on; pytest_runtest_call judges the holds.

    What earlier tests left is cleared first, not charged to this one: their windows, closed and handed to
    deleteLater, would be destroyed in this test's first turn, and their garbage collected at any allocation.
    """
    QtCore.QCoreApplication.sendPostedEvents(None, QtCore.QEvent.Type.DeferredDelete)
    gc.collect()
    watch = HoldWatch(HOLD_LIMIT_MS).start()
    request.node.stash[WATCH] = watch
    yield watch
    watch.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A test that passed fails if the GUI thread was kept from its event loop longer than the limit."""
    result = yield
    watch = item.stash.get(WATCH, None)
    if watch is None or not watch.measuring:
        return result
    if watch.longest is not None:
        pytest.fail(watch.failure(), pytrace=False)
    return result


@pytest.fixture(autouse=True)
def end_dialog_answers() -> Iterator[None]:
    """A test's answers to file dialogs it never opened stop polling when it ends (tests/ui/qt_dialogs.py)."""
    yield
    stop_answering()


@pytest.fixture(autouse=True)
def reset_language(qapp: QtWidgets.QApplication) -> Iterator[None]:
    """Whatever language a test chose, the next one starts with no translator and no choice made."""
    yield
    install_translations(qapp, "en")
    set_current_lang(None)


@pytest.fixture
def english(qapp: QtWidgets.QApplication) -> None:
    """English interface and English reasons, for tests that assert on words."""
    install_translations(qapp, "en")


@pytest.fixture
def boxes(qapp: QtWidgets.QApplication) -> Iterator[MessageBoxes]:
    """Qt's real message boxes, recorded and answered as a test queues (OK, Cancel or Close when it queued nothing)."""
    watcher = MessageBoxes()
    yield watcher
    watcher.stop()


@pytest.fixture
def message_boxes(boxes: MessageBoxes) -> list[tuple[str, str]]:
    """Qt's real message boxes, read as (kind, text) and closed as they come up."""
    return boxes.shown


@pytest.fixture
def write_roster(tmp_path: Path, admin: Context, campaign: str) -> RosterWriter:
    """Write a CSV roster of ``count`` valid applicants spread over the campaign's departments."""
    departments = [d.name for d in campaigns.get_campaign(admin, campaign).departments]
    plans = ["group8", "mzone15", "keep5"]

    def write(count: int, name: str = "roster.csv", start: int = 0) -> Path:
        path = tmp_path / name
        with path.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["部门", "姓名", "身份证号码", "手机号码", "资费方式"])
            for i in range(start, start + count):
                id_number = valid_id(f"1309811980{1 + i // 900:02d}01{i % 900 + 100:03d}")
                out.writerow([departments[i % len(departments)], f"员工{i:04d}", id_number, f"1380000{i:04d}", plans[i % 3]])
        return path

    return write


@pytest.fixture
def applications(admin: Context, campaign: str, write_roster: RosterWriter) -> Callable[[int], None]:
    """Put ``count`` applications in the store through the same import a clerk would use."""

    def add(count: int) -> None:
        report = rosters.import_roster(admin, write_roster(count, "seed.csv"), campaign)
        assert report.totals["accepted"] == count

    return add
