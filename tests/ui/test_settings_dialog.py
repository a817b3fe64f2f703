"""Settings…: each field writes its declared setting; a store that cannot be used is not saved."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import Qt, QtWidgets
from kaccount_desk.ui.settings import IDLE_LOCK_MINUTES, LANGUAGE, PAPER, STORE, Settings
from kaccount_desk.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.usefixtures("english")


def test_choices_are_saved_for_the_next_start(qtbot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.idle_lock.setValue(3)
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.accept()
    settings = Settings()
    assert (settings.get(IDLE_LOCK_MINUTES), settings.get(PAPER), settings.get(LANGUAGE)) == (3, "Letter", "en")


def test_a_store_that_cannot_be_used_is_refused_with_the_reason(qtbot, tmp_path) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.store.setText(str(tmp_path / "typo" / "stroe.sqlite3"))
    dialog.accept()
    assert "Trying" in dialog.store_result.text() and dialog.cursor().shape() == Qt.CursorShape.BusyCursor
    qtbot.waitUntil(operations.idle)
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.store_result.isVisibleTo(dialog) and "stroe.sqlite3" in dialog.store_result.text()
    assert Settings().get(STORE) == ""


def test_only_an_administrator_may_move_the_office_to_another_database(qtbot, admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and not dialog.store.isEnabled() and dialog.idle_lock.isEnabled()
    dialog.reject()


def test_the_language_applies_at_once_and_only_what_cannot_says_when(qtbot, admin: Context, campaign: str) -> None:
    """The dialog said the language "takes effect at the next start" while View → Language is instant (issue 19 item 5)."""
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    switched: list[str] = []
    window.language_changed.connect(switched.append)
    dialog = window.open_settings()
    said = [label.text() for label in dialog.findChildren(QtWidgets.QLabel) if "next start" in label.text()]
    assert said and not any("language" in text.lower() for text in said), said
    assert any("database" in text.lower() for text in said) and any("backup" in text.lower() for text in said)
    dialog.language.setCurrentIndex(dialog.language.findData("zh"))
    dialog.accept()
    assert switched == ["zh"] and Settings().get(LANGUAGE) == "zh"


def test_an_answer_about_a_store_no_longer_typed_is_not_shown(qtbot, tmp_path) -> None:
    """The store is tried off the GUI thread; typing another address meanwhile drops the old answer."""
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.store.setText(str(tmp_path / "typo" / "stroe.sqlite3"))
    dialog.test_store()
    dialog.store.setText(str(tmp_path / "store.sqlite3"))
    qtbot.waitUntil(operations.idle)
    assert not dialog.store_result.isVisibleTo(dialog)
