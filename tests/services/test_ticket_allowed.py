"""The service decides which ticket actions a person may take and returns them in ``TicketView.allowed``;
what it offers is what it then accepts, and what it leaves out it refuses with the domain's reasons."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused

FAULT = t.TicketInput(
    category="fault", channel="phone", window="hotline", customer_name="李明", customer_number="13800138000",
    content="家里信号很差", area="town",
)


def test_allowed_is_per_person_and_the_service_keeps_to_it(admin: Context) -> None:
    owner = make_staff(admin, "C001", "clerk")
    other = make_staff(admin, "C002", "clerk")
    boss = make_staff(admin, "S001", "supervisor")
    opened = t.open_ticket(owner, FAULT)
    assert opened.allowed == {
        Action.START, Action.REFER, Action.REPLY, Action.NOTE, Action.CLOSE, Action.HANDSET_CAUSE, Action.WAIT, Action.CONTACT,
        Action.APPOINT,
    }
    assert t.show(other, opened.id).allowed == {Action.NOTE, Action.CONTACT}  # whoever takes a repeat call adds it
    assert t.show(boss, opened.id).allowed == {Action.NOTE, Action.REASSIGN, Action.CONTACT}
    with pytest.raises(Forbidden) as not_owner:
        t.reply(other, opened.id, "我来回复")
    assert not_owner.value.reasons[0].code == "ticket.not_owner"
    referred = t.refer(owner, opened.id, "市场部", "请查基站")
    assert t.show(other, referred.id).allowed == {Action.ANSWER, Action.NOTE, Action.CONTACT}
    answered = t.answer(other, referred.id, "市场部", "已修复")
    assert answered.status == "answered" and Action.ANSWER not in answered.allowed
    with pytest.raises(Refused) as nothing_pending:
        t.answer(other, opened.id, "市场部", "再答复")
    assert nothing_pending.value.reasons[0].code == "ticket.no_pending_referral"
    marked = t.record_handset_cause(owner, opened.id, "客户手机损坏")
    assert Action.HANDSET_CAUSE not in marked.allowed
    with pytest.raises(Refused) as twice:
        t.record_handset_cause(owner, opened.id, "再登记")
    assert twice.value.reasons[0].code == "ticket.handset_recorded"


def test_close_needs_reason_until_reply_and_callback(admin: Context) -> None:
    owner = make_staff(admin, "C001", "clerk")
    v = t.open_ticket(owner, FAULT)
    assert v.close_needs_reason
    t.reply(owner, v.id, "已派人维修")
    assert t.callback(owner, v.id, "satisfied").close_needs_reason is False
    assert t.callback(owner, v.id, "unsatisfied").close_needs_reason is True
