"""The log file and the unexpected-error dialog: the log is where the dialog says, nothing personal
is in either, and the app keeps running after the dialog is closed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from support import valid_id

from kaccount_desk import config
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.logs import BACKUPS, MAX_BYTES, log_file, setup_logging
from kaccount_desk.services import enrollment, staff, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui import main as ui_main
from kaccount_desk.ui.messages import show_error
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.workers import report_failure

PEOPLE = [("张秀英", valid_id("13098119780101123"), "18832758801"), ("欧阳建国", valid_id("13098119850612224"), "18832758802")]
CUSTOMER = ("司马先生", "13803170001")
STORE_PASSWORD = "Pg-S3cret-42"


@pytest.fixture
def dialogs(qapp: QtWidgets.QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The unexpected-error hook installed as in the app; every message box it opens is read and closed."""
    monkeypatch.setattr("sys.excepthook", ui_main.show_unexpected)
    seen: list[str] = []

    def close_boxes() -> None:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, QtWidgets.QMessageBox) and widget.isVisible():
                seen.append(f"{widget.text()}\n{widget.detailedText()}")
                widget.done(0)

    timer = QtCore.QTimer()
    timer.timeout.connect(close_boxes)
    timer.start(20)
    yield seen
    timer.stop()


@pytest.fixture
def logged(kaccount_home: Path) -> Iterator[Path]:
    path = setup_logging()
    assert path == log_file() == config.log_dir() / "kaccount-desk.log" and str(path).startswith(str(kaccount_home))
    yield path
    for handler in logging.getLogger().handlers[:]:
        if getattr(handler, "baseFilename", None) == str(path):
            logging.getLogger().removeHandler(handler)
            handler.close()


def _all_logs(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(path.parent.glob("kaccount-desk.log*")))


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_where_the_log_is_and_the_app_keeps_running(qtbot, logged: Path, dialogs: list[str]) -> None:
    calls: list[int] = []

    def buggy() -> None:
        calls.append(1)
        raise ValueError(f"cannot read {PEOPLE[0][1]}")

    button = QtWidgets.QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(buggy)
    button.show()
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert str(logged) in dialogs[0] and "ValueError" in dialogs[0] and PEOPLE[0][1] not in dialogs[0]
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)  # still alive and answering
    qtbot.waitUntil(lambda: len(dialogs) == 2)
    assert calls == [1, 1] and button.isVisible()
    log = _all_logs(logged)
    assert log.count("CRITICAL kaccount_desk.ui: unexpected error") == 2 and "ValueError: cannot read <ID>" in log


def test_a_day_at_the_counter_leaves_no_personal_data_in_the_log(
    admin: Context, campaign: str, logged: Path, dialogs: list[str], message_boxes: list[tuple[str, str]],
) -> None:
    for name, id_number, msisdn in PEOPLE:
        enrollment.save_application(
            admin, ApplicationInput(
                campaign, IntakeFields(department="铸造事业部", name=name, id_number=id_number, number_source="pool", msisdn=msisdn),
                plan="group8",
            ),
        )
    with pytest.raises(ServiceError) as refused:  # the same person again, on the same number
        name, id_number, msisdn = PEOPLE[0]
        enrollment.save_application(
            admin, ApplicationInput(
                campaign, IntakeFields(department="铸造事业部", name=name, id_number=id_number, number_source="pool", msisdn=msisdn),
                plan="group8",
            ),
        )
    show_error(None, refused.value)
    tickets.open_ticket(admin, tickets.TicketInput(category="fault", channel="phone", window="hotline", customer_name=CUSTOMER[0],
                                                   customer_number=CUSTOMER[1], content="家里信号很差", area="town"))
    with pytest.raises(ServiceError):
        staff.authenticate(admin.store, "A001", "wrong-Passw0rd-7")
    # A bug whose statement carries a row: SQLAlchemy would put its parameters in the message, but
    # the engine hides them (hide_parameters), and the log and the dialog must not show them either.
    with pytest.raises(IntegrityError) as bug, admin.store.transaction() as session:
        session.execute(text("INSERT INTO staff (staff_no, name) VALUES (:no, :name)"), {"no": "A001", "name": PEOPLE[1][0]})
    assert PEOPLE[1][0] not in str(bug.value) and "[SQL parameters hidden" in str(bug.value)
    report_failure(None, bug.value)
    # A shared store that is down, reached with a password in its URL.
    assert ui_main._open_store(f"postgresql+psycopg://kad:{STORE_PASSWORD}@127.0.0.1:9/office") is None

    log = _all_logs(logged)
    records = ("refused: number.taken", "operation failed", "unexpected error", "IntegrityError", "cannot open the store", "kad:***@")
    assert [r for r in records if r not in log] == []
    secrets = [STORE_PASSWORD, "wrong-Passw0rd-7", *CUSTOMER, *(part for person in PEOPLE for part in person)]
    assert [s for s in secrets if s in log] == []
    assert [s for s in secrets if any(s in shown for shown in dialogs)] == []


def test_the_log_rotates(logged: Path) -> None:
    record = "x" * 1000
    for _ in range(MAX_BYTES // 1000 * (BACKUPS + 2)):
        logging.getLogger("kaccount_desk.test").info(record)
    files = sorted(p.name for p in logged.parent.iterdir())
    assert files == ["kaccount-desk.log", *(f"kaccount-desk.log.{i}" for i in range(1, BACKUPS + 1))]
    assert all(p.stat().st_size <= MAX_BYTES for p in logged.parent.iterdir())
