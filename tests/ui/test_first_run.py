"""The first-run wizard, driven through its widgets: a local store, a shared server, and each refusal."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from support import PASSWORD, REPO

from kaccount_desk import config
from kaccount_desk.services import campaigns, organisation, staff, vault
from kaccount_desk.services.context import Context, Store
from kaccount_desk.ui import operations
from kaccount_desk.ui.first_run import FirstRunWizard
from kaccount_desk.ui.main import _first_start
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.settings import ORGANISATION, STORE, Settings

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def wizard(qtbot) -> FirstRunWizard:
    widget = FirstRunWizard(Settings())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def fill_rest(wizard: FirstRunWizard, sample: bool = True) -> None:
    wizard.organisation_page.name.setText("泊头铸造有限公司")
    wizard.next()
    page = wizard.admin_page
    page.staff_no.setText("A001")
    page.name.setText("赵浩然")
    page.password.setText(PASSWORD)
    page.repeat.setText(PASSWORD)
    wizard.next()
    (wizard.start_page.sample if sample else wizard.start_page.empty).setChecked(True)


def finish(qtbot, wizard: FirstRunWizard) -> None:
    """Create (in a worker: the window stays alive meanwhile), then tick that the recovery key is
    written down (Finish waits for it) and finish."""
    wizard.button(QtWidgets.QWizard.WizardButton.CommitButton).click()
    assert wizard.opened is None and wizard.isVisible()
    qtbot.waitUntil(operations.idle, timeout=30000)
    if wizard.currentPage() is wizard.recovery_page:
        # The warning reads whole: as the header's subtitle its second sentence was cut off (the header does not grow).
        warning = [label for label in wizard.recovery_page.findChildren(QtWidgets.QLabel) if "only way to read" in label.text()]
        assert warning and warning[0].isVisible() and warning[0].height() >= warning[0].heightForWidth(warning[0].width())
        finish_button = wizard.button(QtWidgets.QWizard.WizardButton.FinishButton)
        assert not finish_button.isEnabled()
        wizard.recovery_page.written.setChecked(True)
        finish_button.click()


def test_a_new_office_on_this_computer(qtbot, wizard: FirstRunWizard) -> None:
    assert _first_start(None, Settings())
    assert wizard.store_page.local.isChecked() and wizard.store_page.path.text().startswith(str(config.data_dir()))
    wizard.next()
    assert wizard.currentPage() is wizard.organisation_page and "new database" in wizard.store_page.result.text()
    fill_rest(wizard, sample=True)
    finish(qtbot, wizard)
    assert wizard.opened is not None
    ctx = Context(wizard.opened.store, wizard.opened.actor)
    assert [c.code for c in campaigns.list_campaigns(ctx)] == ["BT2012-KA"]
    assert organisation.organisation_name(ctx) == "泊头铸造有限公司"  # the store's, for every PC of the office
    shown = wizard.recovery_page.key.text()
    assert len(shown.split()) == 14 and not config.key_file().exists()
    path, fingerprint = wizard.store_page.path.text(), wizard.opened.store.keys.fingerprint
    wizard.opened.store.close()
    settings = Settings()
    assert settings.get(STORE) == "" and settings.get(ORGANISATION) == ""
    again = Store(f"sqlite:///{path}", resources=REPO / "resources")  # the key as copied from the screen opens the store
    assert vault.unlock_with_recovery(again, shown).fingerprint == fingerprint
    again.close()
    assert not _first_start(None, settings)
    store = Store(f"sqlite:///{config.data_dir() / config.STORE_FILE}", resources=REPO / "resources", create=False)
    assert staff.authenticate(store, "A001", PASSWORD).staff_no == "A001"
    store.close()


def test_differing_passwords_keep_the_page_and_what_was_typed(wizard: FirstRunWizard) -> None:
    wizard.next()
    fill_rest(wizard)
    wizard.back()
    wizard.admin_page.repeat.setText("something-else")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page and "differ" in wizard.admin_page.problem.text()
    assert wizard.admin_page.name.text() == "赵浩然"


def test_a_store_made_by_a_newer_version_is_refused_on_the_first_page(qtbot, wizard: FirstRunWizard, tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Store(f"sqlite:///{path}", resources=REPO / "resources").close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    wizard.store_page.path.setText(str(path))
    wizard.next()
    qtbot.waitUntil(operations.idle)  # the store is looked at in a worker
    assert wizard.currentPage() is wizard.store_page
    assert "newer version" in wizard.store_page.result.text()


def server_fields(wizard: FirstRunWizard, host: str, port: int, database: str) -> None:
    page = wizard.store_page
    page.server.setChecked(True)
    page.host.setText(host)
    page.port.setValue(port)
    page.database.setText(database)
    page.user.setText("postgres")
    page.password.setText("office-pw")


def test_a_server_that_is_down_is_said_so_and_the_page_stays(qtbot, wizard: FirstRunWizard) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server_fields(wizard, "127.0.0.1", port, "kaccount")
    wizard.store_page.test.click()
    assert not wizard.store_page.test.isEnabled()  # asked in a worker: the window stays alive meanwhile
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert wizard.store_page.result.isVisible() and "office-pw" not in wizard.store_page.result.text()
    wizard.next()
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert wizard.currentPage() is wizard.store_page


@pytest.mark.postgres
def test_a_missing_database_is_named(qtbot, wizard: FirstRunWizard, pg_server: tuple[str, int]) -> None:
    server_fields(wizard, *pg_server, "kaccount_not_made_yet")
    wizard.next()
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert wizard.currentPage() is wizard.store_page
    assert "kaccount_not_made_yet" in wizard.store_page.result.text() or "database" in wizard.store_page.result.text().lower()


@pytest.mark.postgres
def test_a_shared_server_is_set_up_and_remembered_without_its_password(qtbot, wizard: FirstRunWizard, pg_url: str,
                                                                        pg_server: tuple[str, int]) -> None:
    database = pg_url.rsplit("/", 1)[1]
    server_fields(wizard, *pg_server, database)
    wizard.store_page.test.click()
    qtbot.waitUntil(operations.idle, timeout=30000)
    assert "empty" in wizard.store_page.result.text()
    wizard.next()
    assert wizard.currentPage() is wizard.organisation_page  # found usable just now: not asked again
    fill_rest(wizard, sample=False)
    finish(qtbot, wizard)
    assert wizard.opened is not None
    wizard.opened.store.close()
    remembered = Settings().get(STORE)
    assert remembered.startswith("postgresql+psycopg://postgres@") and "office-pw" not in remembered
    assert "office-pw" in config.password_file().read_text(encoding="utf-8")
    store = Store(remembered, resources=REPO / "resources", create=False)
    assert staff.authenticate(store, "A001", PASSWORD).staff_no == "A001"
    store.close()


def test_a_name_too_long_for_a_heading_is_refused_on_its_own_page(wizard: FirstRunWizard) -> None:
    wizard.next()
    wizard.organisation_page.name.setText("铸" * 41)
    wizard.next()
    assert wizard.currentPage() is wizard.organisation_page
    assert wizard.organisation_page.problem.isVisibleTo(wizard) and "at most 40" in wizard.organisation_page.problem.text()
