"""Nothing typed is lost: a process killed mid-typing offers the typing back at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from qt_dialogs import MessageBoxes
from support import make_staff

from kaccount_desk.domain.operator_time import local
from kaccount_desk.services import drafts
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

CHILD = Path(__file__).with_name("draft_child.py")


def test_drafts_are_per_person_and_encrypted_in_the_store(admin: Context, store_path: Path) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    drafts.keep(clerk, "application", {"name": "王小明", "id_number": "130981198001011234"})
    assert drafts.kept(clerk, "application").fields["name"] == "王小明"  # type: ignore[union-attr]
    assert drafts.kept(admin, "application") is None
    data = store_path.read_bytes() + (store_path.with_name(store_path.name + "-wal").read_bytes()
                                      if store_path.with_name(store_path.name + "-wal").exists() else b"")
    assert "王小明".encode() not in data and b"130981198001011234" not in data
    drafts.drop(clerk, "application")
    assert drafts.kept(clerk, "application") is None


@pytest.fixture
def killed_mid_typing(admin: Context, campaign: str, store_path: Path) -> Context:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent.parent), *sys.path])}
    child = subprocess.Popen([sys.executable, str(CHILD), str(store_path), "C001"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "kept", child.stderr.read() if child.stderr else ""
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return clerk


def answer(boxes: MessageBoxes, button: QtWidgets.QMessageBox.StandardButton) -> list[str]:
    """Answer Qt's real question boxes with ``button``; the texts asked, as they come."""
    boxes.default = button
    return boxes.texts


def test_after_sigkill_the_next_start_offers_the_typing_back(qtbot, killed_mid_typing: Context, boxes: MessageBoxes) -> None:
    asked = answer(boxes, QtWidgets.QMessageBox.StandardButton.Yes)
    window = MainWindow(killed_mid_typing)
    qtbot.addWidget(window)
    window.offer_drafts()
    qtbot.waitUntil(operations.idle)  # the drafts are looked for in a worker
    assert len(asked) == 2
    form = window.findChild(IntakeForm)
    assert form is not None and form.name_edit.text() == "王小明" and form.id_edit.text() == "130981198001011"
    assert form.has_unsaved_input()
    page = window.page(TicketsPage)
    assert page is not None and page.form is not None
    assert page.form.name.text() == "张先生" and page.form.content.toPlainText() == "家里信号很差"


def test_discarding_the_offer_deletes_the_draft(qtbot, killed_mid_typing: Context, boxes: MessageBoxes) -> None:
    answer(boxes, QtWidgets.QMessageBox.StandardButton.Discard)
    window = MainWindow(killed_mid_typing)
    qtbot.addWidget(window)
    window.offer_drafts()
    qtbot.waitUntil(operations.idle)  # the drafts are looked for in a worker
    assert drafts.kept(killed_mid_typing, "application") is None and drafts.kept(killed_mid_typing, "ticket") is None
    window.page(ApplicationsPage)  # the clerk lands on Tickets: Enrollment is built when first reached
    form = window.findChild(IntakeForm)
    assert form is not None and form.name_edit.text() == ""


def test_the_offer_gives_the_halls_time_on_a_computer_set_to_another_zone(
        qtbot, admin: Context, boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ticket times are the hall's (+08:00); the draft's time once followed the computer's zone instead."""
    drafts.keep(admin, "application", {"name": "王小明"})
    kept = drafts.kept(admin, "application")
    assert kept is not None
    asked = answer(boxes, QtWidgets.QMessageBox.StandardButton.Discard)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        window = MainWindow(admin)
        qtbot.addWidget(window)
        window.offer_drafts()
        qtbot.waitUntil(operations.idle)  # the drafts are looked for in a worker
        computer = f"{kept.saved_at.astimezone():%Y-%m-%d %H:%M}"
    finally:
        monkeypatch.undo()
        time.tzset()
    assert f"{local(kept.saved_at):%Y-%m-%d %H:%M}" in asked[0] and computer not in asked[0]
