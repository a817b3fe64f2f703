"""The new-ticket form and the panel with a repeat caller and a key-account customer (issue 23 items 4 and 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import application_input, make_staff, valid_id

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import billing, enrollment
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue, TicketQuery, count_tickets
from kaccount_desk.ui import operations
from kaccount_desk.ui.qt import Qt
from kaccount_desk.ui.tickets.open_ticket_form import OpenTicketForm
from kaccount_desk.ui.tickets.tickets_model import CUSTOMER_COLUMN, KEY_ACCOUNT_MARK
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")

NUMBER = "13800138000"
MEMBER = "18832758801"


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


@pytest.fixture
def page(qtbot, clerk: Context) -> TicketsPage:
    widget = TicketsPage(clerk)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(operations.idle)
    return widget


def _type_number(qtbot, form: OpenTicketForm, number: str) -> None:
    form.name.setText("李明")
    form.content.setPlainText("退费还没到账")
    qtbot.keyClicks(form.number, number)
    qtbot.waitUntil(lambda: operations.idle() and form.caller_box.settled)


def _earlier(clerk: Context) -> int:
    opened = t.open_ticket(clerk, t.TicketInput(category="complaint", channel="phone", window="hotline",
                                                customer_name="李明", customer_number=NUMBER, content="上月话费多扣了20元"))
    t.close(clerk, opened.id, "已退费")
    return opened.id


def test_a_repeat_caller_is_offered_the_earlier_ticket_and_the_contact_reopens_it(qtbot, page: TicketsPage, clerk: Context) -> None:
    earlier = _earlier(clerk)
    form = page.open_form()
    qtbot.waitUntil(operations.idle)
    box = form.caller_box
    assert not box.isVisibleTo(form)
    _type_number(qtbot, form, NUMBER[:10])
    assert not box.isVisibleTo(form)  # ten digits: nothing asked yet
    qtbot.keyClicks(form.number, NUMBER[10:])
    qtbot.waitUntil(lambda: operations.idle() and box.settled)
    assert box.isVisibleTo(form) and box.earlier.count() == 1 and box.add_button.isVisibleTo(form)
    assert "closed" in box.earlier.item(0).text() and box.earlier.item(0).data(Qt.ItemDataRole.UserRole) == earlier
    assert not box.account.isVisibleTo(form) and form.key_account.isEnabled()
    before = count_tickets(clerk, TicketQuery(queue=Queue.ALL)).value
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert "Contact added to ticket" in form.message.text() and "reopens to" in form.message.text()
    assert count_tickets(clerk, TicketQuery(queue=Queue.ALL)).value == before  # no new ticket
    shown = t.show(clerk, earlier)
    assert shown.status == "in_progress" and [e.action for e in shown.history][-2:] == [Action.CONTACT, Action.REOPEN]
    assert shown.history[-2].text == "退费还没到账"
    assert form.number.text() == "" and not box.isVisibleTo(form) and form.opened is None
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.id == earlier)  # the queue shows it


def test_an_empty_contact_is_refused_beside_the_content(qtbot, page: TicketsPage, clerk: Context) -> None:
    earlier = _earlier(clerk)
    form = page.open_form()
    _type_number(qtbot, form, NUMBER)
    form.content.clear()
    qtbot.mouseClick(form.caller_box.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert form.notes["content"].isVisibleTo(form) and form.number.text() == NUMBER
    assert t.show(clerk, earlier).status == "closed"


def test_a_key_account_number_is_recognised_from_its_application(qtbot, page: TicketsPage, admin: Context, clerk: Context,
                                                                 campaign: str) -> None:
    enrollment.save_application(admin, application_input(
        campaign, department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"),
        number_source="pool", msisdn=MEMBER, plan="group8",
    ))
    form = page.open_form()
    _type_number(qtbot, form, MEMBER)
    box = form.caller_box
    assert box.account.isVisibleTo(form) and "关于办理中国移动大客户业务的通知" in box.account.text()
    assert "铸造事业部" in box.account.text() and not box.earlier.isVisibleTo(form)
    assert form.key_account.isChecked() and not form.key_account.isEnabled()
    form.number.selectAll()
    qtbot.keyClicks(form.number, NUMBER)  # another number: the look-up's tick goes with it
    qtbot.waitUntil(lambda: operations.idle() and box.settled)
    assert not form.key_account.isChecked() and form.key_account.isEnabled() and not box.isVisibleTo(form)
    form.number.selectAll()
    qtbot.keyClicks(form.number, MEMBER)
    qtbot.waitUntil(lambda: operations.idle() and box.settled)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert form.opened is not None and form.opened.key_account and form.opened.campaign == "关于办理中国移动大客户业务的通知"
    qtbot.waitUntil(lambda: page.detail.view is not None and page.detail.view.id == form.opened.id)
    assert "Key-account customer: 公司(党委)办公室" in page.detail.fields["customer"].text()


def test_a_number_with_a_tier_in_the_bills_is_recognised_without_an_application(qtbot, page: TicketsPage, admin: Context,
                                                                                tmp_path: Path) -> None:
    """An individual key account of the 2004 rule (150 yuan a month), known at the desk from the bills (issue 24)."""
    number = "13803170002"
    for month in range(1, 13):
        path = tmp_path / f"bills-{month:02d}.csv"
        path.write_bytes("\r\n".join(["手机号码,账期,消费金额(元),欠费金额", f"{number},2026{month:02d},520.00,0"]).encode("gb18030"))
        billing.import_billing(admin, path, f"2026-{month:02d}")
    form = page.open_form()
    _type_number(qtbot, form, number)
    box = form.caller_box
    assert box.account.isVisibleTo(form) and "by the operator's bills: Gold" in box.account.text()
    assert form.key_account.isChecked() and not form.key_account.isEnabled()
    card = box.card_line.text()  # names in the session's language, as on the Customers page
    assert box.card_line.isVisibleTo(form) and card.startswith("Customer card: ") and ("Gold" in card or "金卡" in card)


def test_the_panel_adds_a_contact_to_a_closed_ticket(qtbot, page: TicketsPage, admin: Context, clerk: Context) -> None:
    earlier = _earlier(clerk)
    page.select_ticket(earlier)
    qtbot.waitUntil(lambda: operations.idle() and page.detail.view is not None and page.detail.view.id == earlier)
    detail = page.detail
    assert detail.contact_button.isEnabled() and not detail.reply_button.isEnabled()
    detail.text.setPlainText("客户再次来电")
    qtbot.mouseClick(detail.contact_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert detail.view is not None and detail.view.status == "in_progress" and detail.text.toPlainText() == ""
    assert "Customer contacted again" in detail.history.item(detail.history.count() - 2).text()


def test_the_queue_marks_a_key_account_and_puts_it_first_among_equal_due_times(qtbot, page: TicketsPage, admin: Context,
                                                                               clerk: Context, campaign: str) -> None:
    enrollment.save_application(admin, application_input(
        campaign, department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"),
        number_source="pool", msisdn=MEMBER, plan="group8",
    ))
    for number in (NUMBER, MEMBER):  # the clock stands still: both due at the same minute
        t.open_ticket(clerk, t.TicketInput(category="complaint", channel="phone", window="hotline",
                                           customer_name="张三", customer_number=number, content="话费多扣"))
    page.refresh()
    qtbot.waitUntil(lambda: operations.idle() and page.model.rowCount() == 2)
    qtbot.waitUntil(lambda: page.model.row_at(1) is not None)
    first = page.model.index(0, CUSTOMER_COLUMN)
    assert page.model.data(first) == f"{KEY_ACCOUNT_MARK}张三" and "Key-account" in page.model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert page.model.data(page.model.index(1, CUSTOMER_COLUMN)) == "张三"
