"""The start (issue 21, item 4): the login first, the store opened behind it, pages built when shown.

The imports are checked in a child process of its own (this test process has loaded everything),
at the moment the login is first painted: nothing of the store, the documents or the sheets yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import event
from support import PASSWORD, make_staff

from kaccount_desk.services import backup
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.login import CANNOT_OPEN, LoginDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets
from kaccount_desk.ui.store_opening import StoreOpening

pytestmark = pytest.mark.usefixtures("english")

REPO = Path(__file__).resolve().parents[2]

# Run by the child: the modules loaded when the first dialog is first painted, then out at once.
AT_FIRST_PAINT = """
import json, os, sys
from PySide6 import QtCore, QtWidgets
app = QtWidgets.QApplication([])
class FirstPaint(QtCore.QObject):
    def eventFilter(self, obj, event):
        if event.type() == QtCore.QEvent.Type.Paint and isinstance(obj, QtWidgets.QDialog):
            print(json.dumps([type(obj).__name__, sorted(sys.modules)]), flush=True)
            os._exit(0)
        return False
watch = FirstPaint()
app.installEventFilter(watch)
from kaccount_desk.app import main
main(["--db", sys.argv[1]])
"""

NOT_YET = ("sqlalchemy", "alembic", "argon2", "openpyxl", "python_calamine", "reportlab", "PIL",
           "kaccount_desk.store", "kaccount_desk.services.context", "kaccount_desk.services.backup",
           "kaccount_desk.documents", "kaccount_desk.sheets", "kaccount_desk.ui.main_window", "kaccount_desk.cli")

# Run by the child: a clerk's window (landing on Tickets) until its rows are in, then what it loaded
# and which modules' sources linecache holds (PySide6 reads every module's source to look for "PySide6").
CLERK_WINDOW = """
import json, linecache, sys, time
from kaccount_desk.ui.qt import QtCore, QtWidgets
app = QtWidgets.QApplication([])
from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.settings import Settings
store = Store(sys.argv[1])
window = MainWindow(Context(store, staff.authenticate(store, "C001", sys.argv[2]), "zh"), Settings())
window.show()
deadline = time.monotonic() + 60
while not (window.built("TicketsPage") is not None and operations.idle()) and time.monotonic() < deadline:
    app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
print(json.dumps([sorted(sys.modules), [name for name in linecache.cache if name.endswith(".py")]]), flush=True)
"""

# Run by the child: a clerk's window on Tickets, then a click on Enrollment, whose module is not loaded
# yet; which thread imported each of the page's modules (True: the GUI thread), and whether the click
# built the page at once (it should not: the page is built when its module is in).
FIRST_CLICK = """
import json, sys, threading, time
from importlib.abc import MetaPathFinder
from kaccount_desk.ui.qt import QtCore, QtWidgets
app = QtWidgets.QApplication([])
on_gui_thread = {}
class Watch(MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.startswith("kaccount_desk.ui.enrollment.") or name in ("openpyxl", "reportlab"):
            on_gui_thread.setdefault(name, threading.current_thread() is threading.main_thread())
        return None
sys.meta_path.insert(0, Watch())
from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.settings import Settings
store = Store(sys.argv[1])
window = MainWindow(Context(store, staff.authenticate(store, "C001", sys.argv[2]), "zh"), Settings())
window.show()
def wait(done):
    deadline = time.monotonic() + 60
    while not (done() and operations.idle()) and time.monotonic() < deadline:
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 50)
wait(lambda: window.built("TicketsPage") is not None)
row = [spec.kind for _, spec in window.specs].index("ApplicationsPage")
window.nav.setCurrentRow(row)
at_once = window.built("ApplicationsPage") is not None
wait(lambda: window.built("ApplicationsPage") is not None)
print(json.dumps([at_once, window.stack.currentWidget() is window.built("ApplicationsPage"), on_gui_thread]), flush=True)
"""

# What a clerk at the Tickets queue never needs before asking for it: documents, spreadsheets, images,
# the CLI, Qt's PDF, printing and charts (the Reports tab, the Print page); on a SQLite store, SQLAlchemy's
# PostgreSQL dialect (store/partial_index.py).
NOT_AT_TICKETS = ("reportlab", "openpyxl", "python_calamine", "PIL", "numpy", "alembic", "kaccount_desk.cli",
                  "kaccount_desk.documents", "kaccount_desk.sheets", "PySide6.QtCharts", "PySide6.QtPrintSupport",
                  "PySide6.QtPdf", "sqlalchemy.dialects.postgresql",
                  # the new-ticket form and the Reports tab, built when first asked for; a seat's sending
                  "kaccount_desk.ui.tickets.open_ticket_form", "kaccount_desk.ui.tickets.reports_panel",
                  "kaccount_desk.services.handover_seat",
                  # the login's key slot is opened in the password child; AES-GCM loads at the first ID number read
                  "cryptography",
                  # stdnum (and its pydoc) load at the first ID number checked
                  "stdnum", "pydoc")


def test_the_login_is_painted_before_the_store_documents_or_sheets_are_imported(admin: Context, store_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", AT_FIRST_PAINT, str(store_path)], capture_output=True, text=True,
                          timeout=120, check=False, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout, done.stderr
    shown, modules = json.loads(done.stdout.splitlines()[-1])
    assert shown == "LoginDialog"
    early = [m for m in modules if any(m == name or m.startswith(f"{name}.") for name in NOT_YET)]
    assert early == []


def test_a_clerks_window_on_tickets_loads_no_documents_sheets_images_or_charts(admin: Context, store_path: Path) -> None:
    """Issue 21's peak memory with the Tickets page open: each of these cost megabytes there, pulled in
    by a module-level import (the planned-work line of a ticket imported the printing service, and with
    it reportlab, openpyxl and numpy: 45 MB); and no module's source stays cached."""
    make_staff(admin, "C001", "clerk", "客服热线")
    done = subprocess.run([sys.executable, "-c", CLERK_WINDOW, f"sqlite:///{store_path}", PASSWORD], capture_output=True,
                          text=True, timeout=180, check=False, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout, done.stderr
    modules, sources_cached = json.loads(done.stdout.splitlines()[-1])
    assert "kaccount_desk.ui.tickets.tickets_page" in modules
    assert [m for m in modules if any(m == name or m.startswith(f"{name}.") for name in NOT_AT_TICKETS)] == []
    assert sources_cached == []  # was every module's imported after PySide6 (600 files, 23 MB)


def test_a_first_click_on_a_page_imports_its_modules_off_the_gui_thread(admin: Context, store_path: Path) -> None:
    """The Enrollment page's modules took 0.45 s to import, which froze a clerk's window at the first
    click on it; they are imported in a worker, and the page is built and shown when they are in."""
    make_staff(admin, "C001", "clerk", "客服热线")
    done = subprocess.run([sys.executable, "-c", FIRST_CLICK, f"sqlite:///{store_path}", PASSWORD], capture_output=True,
                          text=True, timeout=180, check=False, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout, done.stderr
    at_once, shown, on_gui_thread = json.loads(done.stdout.splitlines()[-1])
    assert not at_once and shown
    assert on_gui_thread.get("kaccount_desk.ui.enrollment.applications_page") is False
    assert [name for name, gui in on_gui_thread.items() if gui] == []


@pytest.mark.parametrize("args", [[], ["--db", "x.sqlite3"], ["--db=x.sqlite3", "--lang", "en"], ["--lang=zh"],
                                  ["--db", "a", "--db", "b"], ["--db="]])
def test_a_plain_start_is_read_as_the_cli_parser_reads_it(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's start skips the CLI's parser (and its command modules) and must agree with it."""
    from kaccount_desk.app import gui_language, window_start
    from kaccount_desk.cli.main import build_parser

    for lang in ("en", None):
        if lang is None:
            monkeypatch.delenv("KACCOUNT_LANG", raising=False)
        else:
            monkeypatch.setenv("KACCOUNT_LANG", lang)
        parsed, _ = build_parser().parse_known_args(args)
        assert parsed.command is None and window_start(args) == (parsed.db, gui_language(args, parsed.lang))


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"], ["--self-test"], ["ticket", "list"], ["--db"],
                                  ["--db", "--lang"], ["--lang", "fr"], ["--as", "A001"], ["--db", "x", "init"]])
def test_anything_else_goes_to_the_cli_parser(args: list[str]) -> None:
    from kaccount_desk.app import window_start

    assert window_start(args) is None


def test_the_password_check_runs_off_the_gui_thread_and_the_dialog_says_it_waits(qtbot, admin: Context) -> None:
    threads: list[threading.Thread] = []

    def seen(*_args: object) -> None:
        threads.append(threading.current_thread())

    event.listen(admin.store.engine, "before_cursor_execute", seen)
    try:
        dialog = LoginDialog(admin.store)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.staff_no, "A001")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        assert not dialog.ok_button.isEnabled() and dialog.cursor().shape() == Qt.CursorShape.BusyCursor
        qtbot.waitUntil(operations.idle)
    finally:
        event.remove(admin.store.engine, "before_cursor_execute", seen)
    assert dialog.result_actor is not None and dialog.result_actor.staff_no == "A001"
    assert threads and threading.main_thread() not in threads


def test_enter_before_the_store_is_open_waits_for_it_then_logs_in(qtbot, admin: Context, store_path: Path) -> None:
    admin.store.close()
    opening = StoreOpening(f"sqlite:///{store_path}")
    dialog = LoginDialog(opening)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.staff_no, "A001")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)  # quicker than the store
    assert not dialog.ok_button.isEnabled() and dialog.result_actor is None
    opening.start()
    qtbot.waitUntil(lambda: dialog.result_actor is not None)
    qtbot.waitUntil(operations.idle)
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted and dialog.store is not None
    dialog.store.close()


@pytest.mark.parametrize("kind", ["damaged", "down"])
def test_a_store_that_cannot_be_used_ends_the_login_for_the_start_to_say_why(qtbot, tmp_path: Path, kind: str) -> None:
    scribbled = tmp_path / "not-a-store.sqlite3"
    scribbled.write_text("this is no database")
    url = f"sqlite:///{scribbled}" if kind == "damaged" else "postgresql+psycopg://kad:secret@127.0.0.1:9/office"
    opening = StoreOpening(url)
    dialog = LoginDialog(opening)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.staff_no, "A001")
    opening.start()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20000)
    assert dialog.result() == CANNOT_OPEN and opening.store is None
    if kind == "damaged":  # the start offers the latest backup, as before
        assert opening.result is not None and opening.result.damage is not None
    else:  # the start says why in words
        assert opening.error is not None and opening.result is None


def test_a_page_is_built_when_first_shown(qtbot, admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    kinds = [spec.kind for _, spec in window.specs]
    assert window.built("TicketsPage") is not None  # a clerk lands on Tickets
    assert window.built("ApplicationsPage") is None and window.built("PrintPage") is None
    assert type(window.pages[kinds.index("PrintPage")][1]) is QtWidgets.QWidget  # a placeholder in the stack
    window.print_current()  # Ctrl+P from another page reaches into Print: built first
    printing = window.built("PrintPage")
    assert printing is not None and window.current_page() is printing
    assert window.stack.currentWidget() is printing and window.pages[kinds.index("PrintPage")][1] is printing
    window.nav.setCurrentRow(kinds.index("ApplicationsPage"))
    applications = window.built("ApplicationsPage")
    assert applications is not None and window.current_page() is applications
    assert getattr(applications, "campaign_code", None) == window.campaign_code  # told the campaign in use


def test_a_store_file_as_the_last_session_left_it_is_not_read_through_again(tmp_path: Path) -> None:
    """quick_check reads every page (seconds for a large store): a file unchanged since a normal end is
    skipped; one changed since (a killed run, another program) is checked as before."""
    scribbled = tmp_path / "store.sqlite3"
    scribbled.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    url = f"sqlite:///{scribbled}"
    assert backup.damage(url) is not None
    left_as = backup.closed_mark(url)
    assert backup.damage(url, left_as) is None
    with scribbled.open("ab") as file:
        file.write(b"more")
    assert backup.damage(url, left_as) is not None


def test_the_start_logs_in_behind_the_login_and_a_normal_end_spares_the_next_check(
        qtbot, admin: Context, store_path: Path) -> None:
    """ui/main.py's own path: the login shown, the store opened behind it, Enter, the store handed on;
    closed after a cancelled login, the file is marked as left, so the next start skips its quick check."""
    from kaccount_desk.ui import main as gui_main
    from kaccount_desk.ui.settings import STORE_CLOSED_AS, Settings

    admin.store.close()
    settings = Settings()

    def type_in(answer: bool) -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog) or dialog.opening is None or not dialog.opening.started:
            QtCore.QTimer.singleShot(20, lambda: type_in(answer))
            return
        if not answer:
            dialog.reject()
            return
        dialog.staff_no.setText("A001")
        dialog.password.setText(PASSWORD)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QtCore.QTimer.singleShot(0, lambda: type_in(True))
    entered = gui_main._open_and_log_in(str(store_path), "en", settings)
    assert not isinstance(entered, int)
    store, actor = entered
    assert actor.staff_no == "A001" and operations.idle()
    store.close()
    assert settings.get(STORE_CLOSED_AS) == ""  # the window's end writes it; here nobody ended a session
    QtCore.QTimer.singleShot(0, lambda: type_in(False))
    assert gui_main._open_and_log_in(str(store_path), "en", settings) == 0
    assert settings.get(STORE_CLOSED_AS) == backup.closed_mark(f"sqlite:///{store_path}") != ""
