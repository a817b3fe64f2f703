"""First run creates the administrator and loads the sample; login refuses with the reason shown."""

from __future__ import annotations

import pytest
from support import PASSWORD

from kaccount_desk.services import campaigns, staff, vault
from kaccount_desk.services.context import Context, Store
from kaccount_desk.ui import operations
from kaccount_desk.ui.login import FirstRunDialog, LoginDialog
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")


def test_first_run_creates_the_admin_and_loads_the_sample(qtbot, store: Store) -> None:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load_sample.isChecked()
    qtbot.keyClicks(dialog.staff_no, "A001")
    dialog.name.setText("管理员")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.repeat, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert dialog.result_actor is not None and dialog.result_actor.role == "admin"
    assert dialog.loaded_campaign == "BT2012-KA"
    assert [c.code for c in campaigns.list_campaigns(Context(store, dialog.result_actor))] == ["BT2012-KA"]
    assert staff.has_staff(store)
    _finish_after_the_recovery_key(qtbot, dialog, store)


def _finish_after_the_recovery_key(qtbot, dialog: FirstRunDialog, store: Store) -> None:
    """The recovery key is shown once in place of the fields: Esc and Finish wait for "written down",
    and the key as shown opens the store's data (vault.recover checks it)."""
    assert dialog.recovery is not None and not dialog.entry.isVisibleTo(dialog)
    shown = "-".join(dialog.recovery.key.text().split())
    assert len(shown.split("-")) == 14 and not dialog.ok_button.isEnabled()
    dialog.reject()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == 0 and dialog.isVisible()
    dialog.recovery.written.setChecked(True)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstRunDialog.DialogCode.Accepted
    assert vault.unlock_with_recovery(store, dialog.recovery.key.text()).fingerprint == store.keys.fingerprint


def test_first_run_refuses_different_passwords_and_short_ones(qtbot, store: Store) -> None:
    dialog = FirstRunDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.staff_no.setText("A001")
    dialog.name.setText("管理员")
    dialog.password.setText(PASSWORD)
    dialog.repeat.setText(PASSWORD + "x")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result_actor is None and dialog.error.isVisible()
    dialog.password.setText("123")
    dialog.repeat.setText("123")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert dialog.result_actor is None
    assert "8" in dialog.error.text()
    assert not staff.has_staff(store)


def test_login_refuses_a_wrong_password_and_keeps_the_staff_id(qtbot, admin: Context) -> None:
    dialog = LoginDialog(admin.store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.staff_no, "A001")
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert dialog.result_actor is None
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "Wrong staff ID or password"
    assert dialog.staff_no.text() == "A001"
    dialog.password.setText(PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert dialog.result_actor is not None and dialog.result_actor.staff_no == "A001"
    assert not dialog.isVisible()
