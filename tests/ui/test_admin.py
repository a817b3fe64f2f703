"""The Admin page and the campaign editor: staff, permissions, editing and creating campaigns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from support import PASSWORD, make_staff

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import campaigns, staff, ticket_settings, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.admin.campaign_editor import CampaignEditor
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")


def test_adds_staff_and_shows_refusals_inline(qtbot, admin: Context, campaign: str) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    page.resize(1000, 700)
    page.show()
    page.new_staff_no.setText("s001")  # kept as S001: staff IDs are matched without case, and listed in capitals
    page.new_name.setText("统计员甲")
    page.new_department.setCurrentText("铸造事业部")
    page.new_role.setCurrentIndex(page.new_role.findData("collector"))
    page.new_password.setText("short")
    page.new_password_again.setText("short")
    page.add_button.click()
    qtbot.waitUntil(operations.idle)
    assert "8" in page.staff_error.text()
    page.new_password.setText("long-enough")
    page.new_password_again.clear()
    qtbot.keyClicks(page.new_password_again, "long-enuogh")
    qtbot.keyClick(page.new_password_again, Qt.Key.Key_Return)  # Enter adds; a slip in the second typing is caught
    assert "differ" in page.staff_error.text() and page.new_password_again.text() == "" and page.staff_table.rowCount() == 1
    qtbot.keyClicks(page.new_password_again, "long-enough")
    qtbot.keyClick(page.new_password_again, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert page.staff_error.text() == "Added S001 统计员甲 (Department collector); they can log in now."
    assert page.staff_table.rowCount() == 2 and page.staff_table.item(page.staff_table.currentRow(), 0).text() == "S001"
    header = page.staff_table.horizontalHeader()
    last = header.sectionViewportPosition(4) + header.sectionSize(4)
    assert last >= page.staff_table.viewport().width() - 1, "the last column still reaches the table's edge"
    collector = next(s for s in staff.list_staff(admin) if s.staff_no == "S001")
    assert (collector.role, collector.department) == ("collector", "铸造事业部")


def test_marks_a_colleague_as_left_and_back(qtbot, admin: Context) -> None:
    make_staff(admin, "C001", "clerk")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    page.staff_table.selectRow(0)
    assert page.staff_table.item(0, 0).text() == "A001" and not page.leave_button.isEnabled()
    page.staff_table.selectRow(1)
    assert page.leave_button.isEnabled() and page.leave_button.text() == "Mark as left"
    page.leave_button.click()
    qtbot.waitUntil(operations.idle)
    assert page.staff_table.item(1, 4).text() == "Left" and page.leave_button.text() == "Reinstate"
    assert not {s.staff_no: s.active for s in staff.list_staff(admin)}["C001"]
    page.leave_button.click()
    qtbot.waitUntil(operations.idle)
    assert page.staff_table.item(1, 4).text() == "Active"
    assert {s.staff_no: s.active for s in staff.list_staff(admin)}["C001"]


def test_an_admin_unlocks_a_locked_staff_id(qtbot, admin: Context) -> None:
    make_staff(admin, "C001", "clerk")
    for _ in range(5):
        with pytest.raises(Refused):
            staff.authenticate(admin.store, "C001", "wrong-guess")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    page.staff_table.selectRow(0)
    assert not page.unlock_button.isEnabled()
    page.staff_table.selectRow(1)
    assert page.staff_table.item(1, 4).text().startswith("Locked until") and page.unlock_button.isEnabled()
    page.unlock_button.click()
    qtbot.waitUntil(operations.idle)
    assert page.staff_table.item(1, 4).text() == "Active" and not page.unlock_button.isEnabled()
    assert staff.authenticate(admin.store, "C001", PASSWORD).staff_no == "C001"


def test_roles_without_rights_see_no_admin_actions(qtbot, admin: Context, campaign: str) -> None:
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    page = AdminPage(office)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    assert not page.staff_box.isVisibleTo(page)
    assert page.edit_button.isEnabled()
    collector = make_staff(admin, "S002", "collector", "铸造事业部")
    page = AdminPage(collector)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    assert not page.edit_button.isEnabled() and not page.load_button.isEnabled()


def test_editor_saves_changes_and_shows_reasons_inline(qtbot, admin: Context, campaign: str) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    page.open_editor(campaign)
    qtbot.waitUntil(operations.idle)
    editor = page.editor
    assert isinstance(editor, CampaignEditor)
    before = campaigns.get_campaign(admin, campaign)
    assert editor.departments.rowCount() == 9 and editor.rated_items.table.rowCount() == 4
    assert editor.mapping()["deadline"].isoformat() == "2012-02-27T10:00:00+08:00"
    editor.title.setText("")
    editor.accept()
    qtbot.waitUntil(operations.idle)
    assert "title" in editor.error.text() and editor.result_spec is None
    editor.title.setText("新标题")
    editor.add_department("新成立事业部", "business-unit")
    editor.excluded.setText("亲情一家、校园网, 欢乐在线")
    editor.accept()
    qtbot.waitUntil(operations.idle)
    assert editor.error.text() == ""
    saved = campaigns.get_campaign(admin, campaign)
    assert saved.title == "新标题" and saved.departments[-1].name == "新成立事业部"
    assert saved.excluded_packages == ("亲情一家", "校园网", "欢乐在线")
    assert (saved.plans, saved.addons) == (before.plans, before.addons) and len(saved.pool()) == 400


def test_creates_a_new_campaign(qtbot, admin: Context) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    page.open_editor(None)
    editor = page.editor
    assert isinstance(editor, CampaignEditor) and editor.is_new
    assert editor.mapping()["issued_on"] == date(2012, 2, 25)
    for field, text in ((editor.code, "NEW-1"), (editor.title, "通知"), (editor.issuer, "办公室"),
                        (editor.carrier_branch, "中国移动泊头公司"), (editor.contact, "赵浩然")):
        field.setText(text)
    editor.add_department("财务部", "functional")
    editor.pool_prefixes.setPlainText("188327588")
    table = editor.rated_items.table
    editor.rated_items.add_row("addon")
    for column, text in ((1, "ka5"), (2, "大客户包"), (3, "5"), (4, "300"), (5, "0.01")):
        table.item(0, column).setText(text)
    editor.rated_items.add_row("plan")
    for column, text in ((1, "group8"), (2, "集团资费"), (3, "三元"), (6, "0.20"), (7, "５０"), (12, "ka5")):
        table.item(1, column).setText(text)
    editor.accept()
    qtbot.waitUntil(operations.idle)
    assert "三元" in editor.error.text() and not campaigns.list_campaigns(admin)
    table.item(1, 3).setText("3.00")
    editor.accept()
    qtbot.waitUntil(operations.idle)
    assert editor.error.text() == ""
    assert [c.code for c in campaigns.list_campaigns(admin)] == ["NEW-1"]
    saved = campaigns.get_campaign(admin, "NEW-1")
    plan = saved.plans[0]
    assert (plan.item.code, plan.item.monthly_fee, plan.item.free_sms, plan.included_addons) == ("group8", Decimal("3.00"), 50, ("ka5",))
    assert (saved.addons[0].free_in_group_minutes, saved.addons[0].in_group_rate) == (300, Decimal("0.01"))
    assert page.campaign_table.rowCount() == 1


def test_a_supervisor_sets_ticket_limits_and_departments(qtbot, admin: Context) -> None:
    boss = make_staff(admin, "S001", "supervisor")
    page = AdminPage(boss)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.ticket_box
    assert box.isVisibleTo(page) and box.save_limits.isEnabled()
    rows = {(box.limits.item(r, 0).text(), box.limits.item(r, 1).text()): r for r in range(box.limits.rowCount())}
    complaint, rural = rows[("Complaint", "any")], rows[("Fault report", "Rural")]
    box.hours_at(rural).setValue(60)
    box.hours_at(complaint).setValue(400)
    box.save_limits.click()
    qtbot.waitUntil(operations.idle)
    assert "15 days" in box.message.text() and box.hours_at(complaint).value() == 400
    assert {(v.category, v.area): v.hours for v in ticket_settings.limits(boss)}[("fault", "rural")] == 72
    box.hours_at(complaint).setValue(72)
    box.save_limits.click()
    qtbot.waitUntil(operations.idle)
    assert {(v.category, v.area): v.hours for v in ticket_settings.limits(boss)}[("fault", "rural")] == 60
    box.new_department.setText("客户服务中心")
    box.add_button.click()
    qtbot.waitUntil(operations.idle)
    assert box.departments.item(box.departments.count() - 1).text() == "客户服务中心"
    box.departments.setCurrentRow(3)
    box.retire_button.click()
    qtbot.waitUntil(operations.idle)
    assert box.departments.item(3).text() == "计划建设部 (retired)"
    assert "计划建设部" not in tickets.departments(boss)
    office = make_staff(admin, "O001", "office")
    seen = AdminPage(office)
    qtbot.addWidget(seen)
    qtbot.waitUntil(operations.idle)
    assert not seen.ticket_box.save_limits.isEnabled() and not seen.ticket_box.add_button.isEnabled()


def test_the_admin_purges_expired_id_copies_after_seeing_the_list(qtbot, admin: Context, campaign: str, clock) -> None:
    from io import BytesIO

    from PIL import Image
    from support import valid_id

    from kaccount_desk.services import enrollment, id_copies
    from kaccount_desk.services.enrollment import ApplicationInput

    image = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(image, format="JPEG")
    app_id = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123")),
    )).id
    id_copies.attach_id_copy(admin, app_id, "front", image.getvalue())
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.retention_box
    assert box is not None and box.mode.currentData() == "office" and box.days.value() == 90
    box.purge(confirm=lambda report: True)
    qtbot.waitUntil(operations.idle)
    assert box.last_purge is not None and "No ID copies" in box.status.text()
    clock.advance(days=95)  # past the campaign's close + 90 days
    seen = []
    box.purge(confirm=lambda report: seen.append(report) or False)
    qtbot.waitUntil(operations.idle)
    assert box.last_purge is None
    assert [d.application_id for d in seen[0].due] == [app_id] and id_copies.id_copy(admin, app_id, "front") is not None
    box.purge(confirm=lambda report: True)
    qtbot.waitUntil(operations.idle)
    done = box.last_purge
    assert done is not None and done.images == 1 and "Deleted 1" in box.status.text()
    assert id_copies.id_copy(admin, app_id, "front") is None
    office = AdminPage(make_staff(admin, "O001", "office", "公司(党委)办公室"))
    qtbot.addWidget(office)
    qtbot.waitUntil(operations.idle)
    assert office.retention_box is None


def test_the_counter_rule_for_unfinished_applications_is_set_on_the_admin_page(qtbot, admin) -> None:
    from kaccount_desk.services import retention
    from kaccount_desk.ui.admin.admin_page import AdminPage

    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.retention_box
    assert box is not None and box.abandoned_days.value() == 730 and not box.abandoned_days.isEnabled()
    box.mode.setCurrentIndex(box.mode.findData("counter"))
    assert box.abandoned_days.isEnabled() and not box.days.isEnabled()
    box.abandoned_days.setValue(500)
    box.save_button.click()
    qtbot.waitUntil(operations.idle)
    assert retention.get_policy(admin).abandoned_days == 500 and retention.get_policy(admin).mode.value == "counter"


def test_the_password_rule_is_shown_before_the_first_try(qtbot, admin) -> None:
    from kaccount_desk.ui.admin.admin_page import AdminPage
    from kaccount_desk.ui.qt import QtWidgets

    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    texts = [label.text() for label in page.findChildren(QtWidgets.QLabel)]
    assert any("8 characters" in text for text in texts)


def test_the_campaign_list_shows_every_column_whole_at_1366(qtbot, admin: Context, campaign: str) -> None:
    """The long title gives way (cut, whole in its tooltip); the numbers beside it are not cut at the edge."""
    window = MainWindow(admin)
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 728)
    window.show_page(AdminPage)
    qtbot.waitUntil(operations.idle)
    qtbot.wait(100)
    page = window.page(AdminPage)
    assert page is not None
    table = page.campaign_table
    header = table.horizontalHeader()
    for column in (0, 2, 3, 4):
        text = str(table.horizontalHeaderItem(column).text())
        end = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert end <= table.viewport().width(), f"{text!r} ends at {end}, beyond {table.viewport().width()}"
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), f"{text!r} is cut"
    assert table.item(0, 1).toolTip() == table.item(0, 1).text()


def test_the_page_reads_off_the_gui_thread_and_a_late_editor_answer_is_dropped(qtbot, admin: Context, campaign: str) -> None:
    """The lists are read in a worker (the page shows a busy cursor meanwhile); an "edit" answer
    that arrives after "new" was clicked opens nothing over the new campaign's editor."""
    page = AdminPage(admin)
    qtbot.addWidget(page)
    assert page.cursor().shape() == Qt.CursorShape.BusyCursor and not operations.idle()
    qtbot.waitUntil(operations.idle)
    assert page.cursor().shape() != Qt.CursorShape.BusyCursor and page.campaign_table.rowCount() == 1
    opened: list[CampaignEditor] = []
    page.open_editor(campaign, opened.append)
    page.open_editor(None, opened.append)
    qtbot.waitUntil(operations.idle)
    assert len(opened) == 1 and opened[0].is_new and page.editor is opened[0]


def test_a_supervisor_sets_each_categorys_warning_beside_its_limit(qtbot, admin: Context) -> None:
    boss = make_staff(admin, "S001", "supervisor")
    page = AdminPage(boss)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.ticket_box
    rows = {(box.limits.item(r, 0).text(), box.limits.item(r, 1).text()): r for r in range(box.limits.rowCount())}
    town, rural, complaint = rows[("Fault report", "Town")], rows[("Fault report", "Rural")], rows[("Complaint", "any")]
    warn_town, warn_complaint = box.limits.cellWidget(town, 3), box.limits.cellWidget(complaint, 3)
    assert warn_town.value() == 2 and box.limits.cellWidget(rural, 3) is None  # a fault's two areas share one warning
    warn_complaint.setValue(6)
    box.save_limits.click()
    qtbot.waitUntil(operations.idle)
    assert "saved" in box.message.text()
    assert ticket_settings.warnings(boss).before("complaint").total_seconds() == 6 * 3600


def test_a_supervisor_sets_a_key_account_limit_beside_each_limit(qtbot, admin: Context) -> None:
    boss = make_staff(admin, "S001", "supervisor")
    page = AdminPage(boss)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.ticket_box
    rows = {(box.limits.item(r, 0).text(), box.limits.item(r, 1).text()): r for r in range(box.limits.rowCount())}
    complaint, rural = rows[("Complaint", "any")], rows[("Fault report", "Rural")]
    assert box.key_account_at(complaint).text() == "same"  # by default a key account's limit is everyone's
    box.key_account_at(complaint).setValue(24)
    box.save_limits.click()
    qtbot.waitUntil(operations.idle)
    saved = {(v.category, v.area): v for v in ticket_settings.limits(boss)}
    assert saved[("complaint", None)].key_account_hours == 24 and saved[("complaint", None)].hours == 48
    assert saved[("fault", "rural")].key_account_hours is None
    box.key_account_at(rural).setValue(24 * 15)
    box.key_account_at(complaint).setValue(24 * 15)  # past the 15-day appeal bound: refused, nothing saved
    box.save_limits.click()
    qtbot.waitUntil(operations.idle)
    assert "15" in box.message.text()
    assert {(v.category, v.area): v.key_account_hours for v in ticket_settings.limits(boss)}[("fault", "rural")] is None
