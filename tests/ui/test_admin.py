"""The Admin page and the campaign editor: staff, permissions, editing and creating campaigns."""

from __future__ import annotations

import pytest

from datetime import date

from kaccount_desk.services import campaigns, staff
from kaccount_desk.services.context import Context
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.admin.campaign_editor import CampaignEditor
from support import make_staff


pytestmark = pytest.mark.usefixtures("english")


def test_adds_staff_and_shows_refusals_inline(qtbot, admin: Context, campaign: str) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    page.new_staff_no.setText("S001")
    page.new_name.setText("统计员甲")
    page.new_department.setCurrentText("铸造事业部")
    page.new_role.setCurrentIndex(page.new_role.findData("collector"))
    page.new_password.setText("short")
    page.add_button.click()
    assert "6" in page.staff_error.text()
    page.new_password.setText("long-enough")
    page.add_button.click()
    assert page.staff_error.text() == ""
    assert page.staff_table.rowCount() == 2
    collector = next(s for s in staff.list_staff(admin) if s.staff_no == "S001")
    assert (collector.role, collector.department) == ("collector", "铸造事业部")


def test_roles_without_rights_see_no_admin_actions(qtbot, admin: Context, campaign: str) -> None:
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    page = AdminPage(office)
    qtbot.addWidget(page)
    assert not page.staff_box.isVisibleTo(page)
    assert page.edit_button.isEnabled()
    collector = make_staff(admin, "S002", "collector", "铸造事业部")
    page = AdminPage(collector)
    qtbot.addWidget(page)
    assert not page.edit_button.isEnabled() and not page.load_button.isEnabled()


def test_editor_saves_changes_and_shows_reasons_inline(qtbot, admin: Context, campaign: str) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    editor = page.open_editor(campaign)
    assert isinstance(editor, CampaignEditor)
    assert editor.departments.rowCount() == 9 and editor.plans_table.rowCount() == 4
    assert editor.mapping()["deadline"].isoformat() == "2012-02-27T10:00:00+08:00"
    editor.title.setText("")
    editor.accept()
    assert "title" in editor.error.text() and editor.result_spec is None
    editor.title.setText("新标题")
    editor.add_department("新成立事业部", "business-unit")
    editor.excluded.setText("亲情一家、校园网, 欢乐在线")
    editor.accept()
    assert editor.error.text() == ""
    saved = campaigns.get_campaign(admin, campaign)
    assert saved.title == "新标题" and saved.departments[-1].name == "新成立事业部"
    assert saved.excluded_packages == ("亲情一家", "校园网", "欢乐在线")
    assert len(saved.plans) == 3 and len(saved.pool()) == 400


def test_creates_a_new_campaign(qtbot, admin: Context) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    editor = page.open_editor(None)
    assert isinstance(editor, CampaignEditor) and editor.is_new
    assert editor.mapping()["issued_on"] == date(2012, 2, 25)
    for field, text in ((editor.code, "NEW-1"), (editor.title, "通知"), (editor.issuer, "办公室"),
                        (editor.carrier_branch, "中国移动泊头公司"), (editor.contact, "赵浩然")):
        field.setText(text)
    editor.add_department("财务部", "functional")
    editor.pool_prefixes.setPlainText("188327588")
    editor.accept()
    assert editor.error.text() == ""
    assert [c.code for c in campaigns.list_campaigns(admin)] == ["NEW-1"]
    assert page.campaign_table.rowCount() == 1
