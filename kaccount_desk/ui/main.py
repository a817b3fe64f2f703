"""Starting the desktop app: language, the store, the first-run or login door, then the window.

Only what the first door needs is imported before it shows: the store (SQLAlchemy, Alembic, the
key) opens in a worker while the person types (``ui/store_opening.py``), and the window's modules,
the backup and the crash report load when they are first used.

Unexpected errors are logged and shown in a dialog instead of killing a counter's session
silently; refusals (ServiceError) never reach this far, the widgets show them. A store that cannot
be used (StoreUnavailable) is not a bug either: it goes to the window's banner, which retries.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kaccount_desk import config
from kaccount_desk.logs import log_file, redact, setup_logging
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.ui.app_icon import app_icon
from kaccount_desk.ui.fonts import add_embedded_font
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.login import CANNOT_OPEN, NO_STAFF, FirstRunDialog, LoginDialog
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.settings import BACKUP_FOLDER, BACKUP_KEEP, LANGUAGE, STORE, STORE_CLOSED_AS, Settings
from kaccount_desk.ui.store_opening import StoreOpening
from kaccount_desk.ui.workers import Operation, stop_all

if TYPE_CHECKING:
    from kaccount_desk.services.context import Actor, Store

log = logging.getLogger("kaccount_desk.ui")

APP_NAME = "KAccount Desk"
ORG_NAME = "KAccount"


_crash_dialog_open = False


def _store_problem(exc: StoreUnavailable) -> None:
    """On the window's banner; before a window exists (login), in a warning that says the same words."""
    from kaccount_desk.ui.store_banner import report_store_problem

    if report_store_problem(exc):
        return
    log.warning("store unavailable: %s", exc.code)
    QtWidgets.QMessageBox.warning(None, QtCore.QCoreApplication.translate("main", "Cannot use the database"), exc.text(current_lang()))


def crash_box(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> QtWidgets.QMessageBox:
    """The crash dialog. Its texts come from crash_report (a database error by class, SQLSTATE and
    constraint, never its quoted row) and are redacted again, so no name or ID number reaches it."""
    from kaccount_desk.services import crash_report

    text = QtCore.QCoreApplication.translate(
        "main", "Something went wrong that the program did not expect. "
        "Your saved work is in the database; please tell support what you were doing.")
    where = QtCore.QCoreApplication.translate("main", "The details are in the log file:")
    title = QtCore.QCoreApplication.translate("main", "Unexpected error")
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Critical, title,
                                f"{text}\n\n{redact(crash_report.describe(exc))}\n\n{where}\n{log_file()}")
    box.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)  # the path can be copied
    box.setDetailedText(redact(crash_report.safe_traceback(exc_type, exc, tb)))
    return box


def show_unexpected(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The excepthook: log everything, and tell the person in words they can pass to support.

    One crash dialog at a time: an error raised while it is open (a timer, a repaint behind it)
    is logged but opens no second dialog on top of the first.
    """
    global _crash_dialog_open
    if isinstance(exc, StoreUnavailable) and QtWidgets.QApplication.instance() is not None:
        _store_problem(exc)
        return
    from kaccount_desk.services import crash_report

    details = crash_report.safe_traceback(exc_type, exc, tb)
    log.critical("unexpected error\n%s", details)
    if QtWidgets.QApplication.instance() is None:
        print(redact(details), file=sys.stderr)
        return
    if _crash_dialog_open:
        return
    box = crash_box(exc_type, exc, tb)
    _crash_dialog_open = True
    try:
        box.exec()
    finally:
        _crash_dialog_open = False


def _backup_folder(settings: Settings | None) -> Path | None:
    chosen = settings.get(BACKUP_FOLDER) if settings is not None else ""
    return Path(chosen).expanduser() if chosen else None


def _open_store(db: str | None, lang: str = "zh", settings: Settings | None = None) -> Store | None:
    """The store, or None after telling why in words; the URL is only ever shown with ``***`` for a password.

    A damaged local file (SQLite's quick_check: a scribbled file may open and fail later, mid-work)
    is named as damaged and the latest daily backup offered in its place.
    """
    from kaccount_desk.services import backup
    from kaccount_desk.services.context import Store
    from kaccount_desk.ui.restore_offer import offer_restore

    url = config.store_url(db)
    problem = backup.damage(url)
    if problem is not None and not offer_restore(url, problem, _backup_folder(settings)):
        return None
    try:
        try:
            return Store(url)
        except StoreUnavailable as exc:
            if exc.code in backup.DAMAGED and offer_restore(url, exc.reasons[0], _backup_folder(settings)):
                return Store(url)
            raise
    except Exception as exc:  # any other driver, path or migration failure: the app cannot start without it
        _cannot_open(url, exc, lang)
    return None


def _cannot_open(url: str, exc: BaseException, lang: str) -> None:
    """Say in words why the store cannot be opened; its URL only ever with ``***`` for a password."""
    from kaccount_desk.services.context import shown_url, without_password

    if isinstance(exc, StoreUnavailable):
        log.warning("cannot open the store %s: %s", shown_url(url), exc.code)
        detail = exc.text("en" if lang == "en" else "zh")
    else:
        log.error("cannot open the store %s", shown_url(url), exc_info=exc)
        detail = redact(without_password(f"{type(exc).__name__}: {exc}", url))
    QtWidgets.QMessageBox.critical(
        None, QtCore.QCoreApplication.translate("main", "Cannot open the database"),
        QtCore.QCoreApplication.translate("main", "The database could not be opened:") + f"\n{shown_url(url)}\n\n{detail}",
    )


def _first_start(db: str | None, settings: Settings) -> bool:
    """Nothing chosen anywhere and no store in the default place: a new office, so the wizard asks."""
    if db or os.environ.get("KACCOUNT_DB") or settings.get(STORE):
        return False
    return not (config.data_dir() / config.STORE_FILE).exists()


def start_daily_backup(store: Store, settings: Settings) -> Operation:
    """Back a local store up once a day, in a worker thread, so the window is never kept waiting.

    A failure is logged, not shown: the counter can work on, and the next start tries again.
    """
    from kaccount_desk.services import backup

    folder = _backup_folder(settings)
    operation = Operation(lambda _progress: backup.daily_backup(store, folder, settings.get(BACKUP_KEEP)))
    operation.finished.connect(lambda path: log.info("daily backup: %s", path or "not due"))
    operation.failed.connect(lambda exc: log.warning("daily backup failed: %s", exc))
    operation.start()
    return operation


def _log_in(store: Store) -> Actor | None:
    """The store is open already (after a restore): the door, asked the store on this thread as before."""
    from kaccount_desk.services import staff

    if not staff.has_staff(store):
        return FirstRunDialog.ask(store)
    return LoginDialog.ask(store)


def _open_and_log_in(db: str | None, lang: str, settings: Settings) -> tuple[Store, Actor] | int:
    """The login shown at once, the store opened behind it; the store and who logged in, or the exit code.

    A store found damaged goes the careful way (the restore offered, then the login again); one that
    cannot be opened is told in words; one with nobody in it asks for its first administrator.
    """
    url = config.store_url(db)
    opening = StoreOpening(url, settings.get(STORE_CLOSED_AS))
    dialog = LoginDialog(opening)
    dialog.shown_once.connect(opening.start)  # behind a dialog on the screen, while the person types
    opening.done.connect(_load_window_modules)  # then the window's code, still while the person types
    code = dialog.exec()
    opening.done.disconnect()  # an opening that ends from now on has no login to tell, nor modules to load
    stop_all()  # a check or an opening the person did not wait for ends before its store is closed
    opened = opening.wait() if opening.started else None
    store = opened.store if opened is not None else None
    if dialog.result_actor is not None and store is not None:
        return store, dialog.result_actor
    if code == NO_STAFF and store is not None:
        actor = FirstRunDialog.ask(store)
        if actor is not None:
            return store, actor
    elif code == CANNOT_OPEN and opening.error is not None:
        _cannot_open(url, opening.error, lang)
        return 1
    elif code == CANNOT_OPEN:
        return _open_damaged(db, lang, settings)
    if store is not None:
        store.close()
        settings.set(STORE_CLOSED_AS, _closed_mark(store.url))
    return 0


def _closed_mark(url: str) -> str:
    from kaccount_desk.services import backup

    return backup.closed_mark(url)


# The window and the page most clerks land on: imported in a worker while the password is typed, so
# Enter finds them loaded. Their modules build no widget when imported, so any thread may load them.
WINDOW_MODULES = ("kaccount_desk.ui.main_window", "kaccount_desk.ui.counter_session", "kaccount_desk.ui.tickets.tickets_page")


def _load_window_modules() -> None:
    def load(_progress: object) -> None:
        for name in WINDOW_MODULES:
            importlib.import_module(name)

    operation = Operation(load)
    operation.failed.connect(lambda exc: log.warning("window modules not loaded ahead: %s", exc))
    operation.start()  # waited for by stop_all() once the login is over


def _open_damaged(db: str | None, lang: str, settings: Settings) -> tuple[Store, Actor] | int:
    restored = _open_store(db, lang, settings)
    if restored is None:
        return 1
    actor = _log_in(restored)
    if actor is None:
        restored.close()
        return 0
    return restored, actor


def run_gui(db: str | None, lang: str | None) -> int:
    setup_logging()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    QtWidgets.QApplication.setWindowIcon(app_icon())  # every window and dialog inherits it
    add_embedded_font()
    settings = Settings()
    chosen = install_translations(app, lang or settings.get(LANGUAGE))
    sys.excepthook = show_unexpected
    if _first_start(db, settings):
        from kaccount_desk.ui.first_run import FirstRunWizard

        opened = FirstRunWizard.ask(settings)
        if opened is None:
            return 0
        store, actor = opened.store, opened.actor
    else:
        entered = _open_and_log_in(db or settings.get(STORE) or None, chosen, settings)
        if isinstance(entered, int):
            return entered
        store, actor = entered
    return _run_window(app, store, actor, chosen, settings)


def _run_window(app: QtCore.QCoreApplication, store: Store, actor: Actor, lang: str, settings: Settings) -> int:
    """The window, until the day ends; its modules load here, after the door."""
    from kaccount_desk.services.context import Context
    from kaccount_desk.ui.counter_session import CounterSession, quit_on_terminate
    from kaccount_desk.ui.main_window import MainWindow

    daily = start_daily_backup(store, settings)
    settings.set(STORE_CLOSED_AS, "")  # until this session ends normally: a killed run has the file checked
    try:
        window = MainWindow(Context(store, actor, "en" if lang == "en" else "zh"), settings)
        quit_on_terminate(CounterSession(app, window))  # language, clerk and session end replace or end it
        window.show_on_screen()
        QtCore.QTimer.singleShot(0, window.offer_drafts)
        if store.settled:  # a hand-over a killed run left: put in place or removed when the store opened
            from kaccount_desk.ui.handover.interrupted import tell_settled

            QtCore.QTimer.singleShot(0, lambda: tell_settled(window, store.settled))
        code = app.exec()
    finally:
        daily.wait()  # a backup half-written when the store closes would be thrown away
        stop_all()  # anything else still running (a print job) is cancelled, never cut off by the exit
        store.close()
    settings.set(STORE_CLOSED_AS, _closed_mark(store.url))  # a normal end: the next start need not read it through
    return code
