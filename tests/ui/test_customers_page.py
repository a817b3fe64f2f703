"""The Customers page driven through its real widgets: a search finds an enrolled number and shows its card."""

from __future__ import annotations

import time
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.operator_time import local
from kaccount_desk.services import billing, companies, enrollment, id_copies, managers, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.customers.customers_page import CustomersPage
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")

NUMBER = "18832758801"
ID_NUMBER = valid_id("13098119780101123")


def enrolled_key_account(admin: Context, campaign: str, folder: Path) -> None:
    """张三, activated in the sample campaign of 泊头铸造, a gold card over three months, one open ticket."""
    app_id = enrollment.save_application(admin, ApplicationInput(campaign, IntakeFields(
        department="铸造事业部", name="张三", id_number=ID_NUMBER, number_source="pool", msisdn=NUMBER), plan="group8")).id
    jpeg = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(jpeg, format="JPEG")
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, jpeg.getvalue())
    for step in ("collected", "submitted", "sent", "activated"):
        enrollment.move_application(admin, app_id, step)
    companies.add_company(admin, "泊头铸造有限公司", "A", manager="A001", campaigns=[campaign])
    for month in ("2026-01", "2026-02", "2026-03"):
        path = folder / f"{month}.csv"
        path.write_text(f"手机号码,月份,消费金额\n{NUMBER},{month},520\n", encoding="utf-8")
        billing.import_billing(admin, path, month)
    tickets.open_ticket(admin, TicketInput("fault", "phone", "hotline", "张三", NUMBER, "家里信号很差", area="town"))


@pytest.fixture
def page(qtbot, admin: Context) -> CustomersPage:
    widget = CustomersPage(admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 728)
    widget.show()
    return widget


def test_the_page_finds_an_enrolled_number_by_its_id_tail_and_shows_its_card(qtbot, page: CustomersPage, admin: Context,
                                                                             campaign: str, tmp_path: Path) -> None:
    enrolled_key_account(admin, campaign, tmp_path)
    assert page.focus_search()
    qtbot.keyClicks(page.search_box, ID_NUMBER[-4:])
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.card_view.card is not None)
    qtbot.waitUntil(operations.idle)
    assert page.hits.count() == 1 and page.found_label.text() == "1 customer(s) found"
    card = page.card_view
    assert card.title.text() == f"{NUMBER}  张三  ·  金卡"
    assert "泊头铸造有限公司" in card.facts.text() and "A001" in card.facts.text() and "1 open ticket(s)" in card.facts.text()
    shown_id = card.applications.item(0, 3).text()
    assert shown_id != ID_NUMBER and shown_id.endswith(ID_NUMBER[-4:])
    assert card.tickets.rowCount() == 1 and card.tickets.item(0, 4).text() == "家里信号很差"
    assert [card.history.item(r, 0).text() for r in range(card.history.rowCount())] == ["2026-03", "2026-02", "2026-01"]
    assert card.history.item(0, 1).text() == "金卡"
    for table in (card.applications, card.tickets, card.history):  # the last column takes the width left over
        last = table.columnCount() - 1
        assert table.columnViewportPosition(last) + table.columnWidth(last) == table.viewport().width()


def test_the_card_gives_the_halls_time_on_a_computer_set_to_another_zone(
        qtbot, page: CustomersPage, admin: Context, campaign: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    enrolled_key_account(admin, campaign, tmp_path)
    taken = enrollment.get_application(admin, 1).created_at
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        page.show_number(NUMBER)
        qtbot.waitUntil(lambda: page.card_view.card is not None)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert page.card_view.applications.item(0, 5).text() == f"{local(taken):%Y-%m-%d %H:%M}"


def test_nothing_found_says_so(qtbot, page: CustomersPage) -> None:
    qtbot.keyClicks(page.search_box, "13900000000")
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert page.hits.count() == 0 and page.card_view.title.text() == "Nothing found"


def test_the_card_names_the_numbers_own_account_manager(qtbot, page: CustomersPage, admin: Context, campaign: str,
                                                        tmp_path: Path) -> None:
    enrolled_key_account(admin, campaign, tmp_path)
    make_staff(admin, "M001", "account_manager")
    managers.assign_number(admin, NUMBER, "M001")
    page.show_number(NUMBER)
    qtbot.waitUntil(lambda: page.card_view.card is not None)
    facts = page.card_view.facts.text()
    assert "This number's own account manager: M001 员工M001" in facts and "account manager: A001" in facts


def test_a_member_list_is_checked_then_imported_from_the_page(qtbot, page: CustomersPage, admin: Context, campaign: str,
                                                              tmp_path: Path) -> None:
    enrolled_key_account(admin, campaign, tmp_path)
    companies.add_company(admin, "沧州市政府", "B")
    listed = tmp_path / "成员清单.csv"
    listed.write_text(f"姓名,服务号码\n张三,{NUMBER}\n李四,13803170001\n王五,0317-8123456\n", encoding="utf-8")
    assert page.members_button.isVisible()
    dialog = page.import_members()
    qtbot.waitUntil(lambda: dialog.company.count() == 2 and dialog.start_button.isEnabled())
    dialog.company.setCurrentIndex(dialog.company.findText("泊头铸造有限公司", Qt.MatchFlag.MatchStartsWith))
    dialog.path.setText(str(listed))
    assert dialog.dry_run.isChecked()
    dialog.start()
    qtbot.waitUntil(lambda: dialog.report is not None and operations.idle(), timeout=20000)
    assert dialog.summary.text().startswith("Dry run, nothing was written: 泊头铸造有限公司: new members 2, already members 0, refused 1")
    assert dialog.rows()[0][:3] == ("4", "0317-8123456", "Refused") and "landline" in dialog.rows()[0][3]
    assert companies.show_company(admin, "泊头铸造有限公司").members == 1
    dialog.dry_run.setChecked(False)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        dialog.start()
    qtbot.waitUntil(operations.idle, timeout=10000)
    assert dialog.rows()[1:] == [("2", NUMBER, "New member", ""), ("3", "13803170001", "New member", "")]
    assert companies.show_company(admin, "泊头铸造有限公司").members == 2
    headless = tmp_path / "no-header.csv"
    headless.write_text("姓名\n张三\n", encoding="utf-8")
    dialog.path.setText(str(headless))
    dialog.start()
    qtbot.waitUntil(lambda: "No number column" in dialog.summary.text() and operations.idle(), timeout=20000)


def test_a_clerk_is_not_offered_the_member_list(qtbot, admin: Context) -> None:
    clerk_page = CustomersPage(make_staff(admin, "C001", "clerk", "客服热线"))
    qtbot.addWidget(clerk_page)
    clerk_page.show()
    assert not clerk_page.members_button.isVisible()
