"""The Admin page's box for the organisation's name: saved for the whole store, offered from this PC's old setting."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services import organisation
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.settings import ORGANISATION, Settings

pytestmark = pytest.mark.usefixtures("english")


def test_an_admin_changes_the_name_every_pc_prints(qtbot, admin: Context) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.organisation_box
    assert box is not None and box.name.text() == ""
    box.name.setText("泊头铸造有限公司")
    box.save_button.click()
    qtbot.waitUntil(operations.idle)
    assert organisation.organisation_name(admin) == "泊头铸造有限公司" and "every PC" in box.status.text()
    clerk_page = AdminPage(make_staff(admin, "C001", "clerk"))
    qtbot.addWidget(clerk_page)
    qtbot.waitUntil(operations.idle)
    assert clerk_page.organisation_box is None


def test_a_name_kept_on_this_pc_before_is_offered_not_saved(qtbot, admin: Context) -> None:
    """Stores made before the name was the store's have none; the wizard had written it to this PC's settings."""
    Settings().set(ORGANISATION, "泊头铸造有限公司")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.organisation_box
    assert box is not None and box.name.text() == "泊头铸造有限公司" and "press Save" in box.status.text()
    assert organisation.organisation_name(admin) == ""  # nothing printed until an administrator saves it
    box.save_button.click()
    qtbot.waitUntil(operations.idle)
    assert organisation.organisation_name(admin) == "泊头铸造有限公司"


def test_a_name_typed_while_the_stored_one_is_read_is_kept(qtbot, admin: Context) -> None:
    """The read runs off the GUI thread; its answer must not paint over what the administrator typed meanwhile."""
    organisation.set_organisation_name(admin, "旧名称")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    box = page.organisation_box
    assert box is not None and not operations.idle()
    box.name.setText("泊头铸造有限公司")
    qtbot.waitUntil(operations.idle)
    assert box.name.text() == "泊头铸造有限公司"
    again = AdminPage(admin)  # asked again with nothing typed meanwhile: the stored name is painted
    qtbot.addWidget(again)
    qtbot.waitUntil(operations.idle)
    assert again.organisation_box is not None and again.organisation_box.name.text() == "旧名称"
