"""The intake form never waits on the store (issue 21 item 1): its store calls run off the GUI thread.

Every statement the store's engine runs is seen by a real SQLAlchemy ``before_cursor_execute``
listener, which records the thread it ran on and, where a test asks, makes the store slow (as an
office server across a VPN is) by sleeping before each statement.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import event, func, select
from support import valid_id
from typing_input import type_text

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.store.models import Application
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets

VALID_ID = valid_id("13098119780101123")
OTHER_ID = valid_id("13098119850612224")


@dataclass
class Statements:
    """The threads the store's statements ran on; ``delay`` seconds are slept before each (a slow server)."""

    delay: float = 0.0
    on_gui_thread: list[str] = field(default_factory=list)
    in_workers: int = 0

    def seen(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if threading.current_thread() is threading.main_thread():
            self.on_gui_thread.append(statement.split("\n")[0][:80])
        else:
            self.in_workers += 1
        time.sleep(self.delay)


@pytest.fixture
def statements(admin: Context) -> Iterator[Statements]:
    seen = Statements()
    event.listen(admin.store.engine, "before_cursor_execute", seen.seen)
    yield seen
    event.remove(admin.store.engine, "before_cursor_execute", seen.seen)


@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    set_current_lang("zh")


def settle(qtbot, form: IntakeForm) -> None:
    """Wait until the form's store calls (the campaign, a save, a load, the preview) have answered."""
    qtbot.waitUntil(lambda: operations.idle() and form.preview_settled, timeout=20000)


@pytest.fixture
def form(qtbot, admin: Context, campaign: str) -> IntakeForm:
    made = IntakeForm(admin, campaign)
    qtbot.addWidget(made)
    made.resize(1280, 860)
    made.show()
    settle(qtbot, made)
    return made


def fill(qtbot, form: IntakeForm, name: str = "张三") -> None:
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, name)
    type_text(qtbot, form.id_edit, VALID_ID)
    type_text(qtbot, form.number_edit, "13812345678")
    form.plan_combo.setCurrentIndex(form.plan_combo.findData("group8"))


def saved_application(admin: Context, campaign: str, name: str) -> int:
    inp = ApplicationInput(campaign, IntakeFields(department="财务部", name=name, id_number=OTHER_ID, msisdn="13812345679"), plan="group8")
    return enrollment.save_application(admin, inp).id


def count_applications(admin: Context) -> int:
    with admin.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Application)) or 0)


class HoldMeter:
    """The longest time the GUI thread did not come back to its event loop, measured by a 5 ms timer."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QtCore.QTimer(interval=5)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def stop(self) -> float:
        self._timer.stop()
        return self.longest


def test_no_statement_runs_on_the_gui_thread_while_saving_previewing_loading_and_attaching(
        qtbot, form: IntakeForm, admin: Context, campaign: str, statements: Statements, tmp_path: Path) -> None:
    other = saved_application(admin, campaign, "李四")
    statements.on_gui_thread.clear()  # the test's own setup, above
    fill(qtbot, form)
    settle(qtbot, form)  # the preview after typing
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    settle(qtbot, form)
    assert form.application_id is not None and form.banner_state == "ok"
    card = tmp_path / "front.png"
    Image.new("RGB", (640, 400), (210, 225, 240)).save(card)
    form.copies.attach_file("front", card)
    settle(qtbot, form)
    assert form.copies.slots["front"].has_thumbnail
    form.load(other)
    settle(qtbot, form)
    assert form.name_edit.text() == "李四"
    assert statements.in_workers > 0
    assert statements.on_gui_thread == []


def test_a_double_enter_saves_once(qtbot, form: IntakeForm, admin: Context, statements: Statements) -> None:
    fill(qtbot, form)
    settle(qtbot, form)
    statements.delay = 0.02  # the second Enter comes while the first save is still on its way
    saves: list[int] = []
    form.saved.connect(saves.append)
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    assert form.saving and not form.save_button.isEnabled()
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, form)
    assert len(saves) == 1 and count_applications(admin) == 1
    assert form.banner_state == "ok", "no second save refused for a number the first one took"
    assert form.save_button.isEnabled()


def test_typing_during_a_slow_preview_never_waits_and_the_last_keys_win(qtbot, form: IntakeForm, statements: Statements) -> None:
    statements.delay = 0.05  # a preview takes several statements: a few hundred milliseconds, as across a VPN
    meter = HoldMeter()
    type_text(qtbot, form.id_edit, VALID_ID[:10])
    qtbot.waitUntil(lambda: not form.preview_settled and operations.busy(form.missing_label))  # asked, not answered
    for char in VALID_ID[10:]:
        type_text(qtbot, form.id_edit, char)
        qtbot.wait(60)  # the clerk's pace: the preview's pause passes between some keys
    held = meter.stop()
    assert form.id_edit.text() == VALID_ID
    settle(qtbot, form)
    assert held < 0.1, f"the GUI thread was held {held * 1000:.0f} ms while typing"
    assert form.id_edit.text() == VALID_ID
    assert form.notes["id"].state == "ok" and "1978-01-01" in form.notes["id"].text()


def test_typing_during_a_slow_save_is_kept(qtbot, form: IntakeForm, admin: Context, statements: Statements) -> None:
    fill(qtbot, form)
    settle(qtbot, form)
    statements.delay = 0.05
    qtbot.keyClick(form.number_edit, Qt.Key.Key_Return)
    assert form.saving
    type_text(qtbot, form.note_edit, "later")
    settle(qtbot, form)
    assert form.application_id is not None and form.note_edit.text() == "later"
    assert form.has_unsaved_input(), "the note typed meanwhile still waits to be saved"
    assert enrollment.get_application(admin, form.application_id).note == ""


def test_ctrl_n_while_an_application_loads_keeps_the_new_one(qtbot, form: IntakeForm, admin: Context, campaign: str,
                                                            statements: Statements) -> None:
    loading = saved_application(admin, campaign, "王五")
    statements.delay = 0.05
    form.load(loading)
    form.activateWindow()
    qtbot.waitActive(form)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, form)
    assert form.application_id is None and form.name_edit.text() == ""


def test_typing_while_an_application_loads_is_put_back_over_it(qtbot, form: IntakeForm, admin: Context, campaign: str,
                                                               statements: Statements) -> None:
    loading = saved_application(admin, campaign, "王五")
    statements.delay = 0.05
    form.load(loading)
    type_text(qtbot, form.note_edit, "call back at 5")
    settle(qtbot, form)
    assert form.application_id == loading and form.name_edit.text() == "王五"
    assert form.note_edit.text() == "call back at 5" and form.has_unsaved_input()
