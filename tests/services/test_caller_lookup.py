"""Repeat callers and key-account customers known from applications (issue 23 items 4 and 5), on a real store.

The postgres run imports these same tests (tests/services/test_callers_on_postgresql.py).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from support import Clock, application_input, make_staff, valid_id

from kaccount_desk.domain.key_accounts import Tier
from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import billing, caller_lookup, enrollment, organisation, staff, ticket_settings
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.ticket_contacts import add_contact
from kaccount_desk.services.ticket_queries import Queue, Sort, TicketQuery, count_tickets, page_tickets

NUMBER = "13800138000"
MEMBER = "18832758801"  # a pool number of the sample campaign


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def _input(number: str = NUMBER, **changes: object) -> t.TicketInput:
    values: dict[str, object] = dict(
        category="complaint", channel="phone", window="hotline", customer_name="李明", customer_number=number,
        content="上月话费多扣了20元",
    )
    values.update(changes)
    return t.TicketInput(**values)  # type: ignore[arg-type]


def _member(admin: Context, campaign: str, status: str | None = None) -> int:
    app = enrollment.save_application(admin, application_input(
        campaign, department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"),
        number_source="pool", msisdn=MEMBER, plan="group8",
    ))
    return app.id


def test_open_and_recent_tickets_of_the_number_are_found(clerk: Context, clock: Clock) -> None:
    first = t.open_ticket(clerk, _input())
    other = t.open_ticket(clerk, _input("13900139000"))
    second = t.receive(clerk, _input(content="还是多扣"))
    assert [e.id for e in second.caller.same_number] == [first.id]
    assert second.caller.key_account is None and not second.view.key_account
    t.close(clerk, first.id, "已退费")
    found = caller_lookup.who_is(clerk, " 138-0013-8000 ")
    assert found is not None and [e.id for e in found.same_number] == [second.view.id, first.id]
    assert found.same_number[1].status == "closed" and found.same_number[1].owner == "C001"
    assert other.id not in [e.id for e in found.same_number]
    assert caller_lookup.who_is(clerk, "1380013") is None  # not a number yet: nothing asked


def test_a_ticket_closed_exactly_seven_days_ago_counts_a_minute_later_not(clerk: Context, clock: Clock) -> None:
    closed = t.open_ticket(clerk, _input())
    t.close(clerk, closed.id, "已退费")
    clock.advance(days=7)
    found = caller_lookup.who_is(clerk, NUMBER)
    assert found is not None and [e.id for e in found.same_number] == [closed.id]
    clock.advance(minutes=1)
    found = caller_lookup.who_is(clerk, NUMBER)
    assert found is not None and found.same_number == ()


def test_a_contact_reopens_a_closed_ticket_to_its_first_receiver(admin: Context, clerk: Context, clock: Clock) -> None:
    other = make_staff(admin, "C002", "clerk", "客服热线")
    v = t.open_ticket(clerk, _input())
    t.close(clerk, v.id, "已退费")
    clock.advance(days=3)
    before = count_tickets(other, TicketQuery(queue=Queue.ALL)).value
    again = add_contact(other, v.id, "客户来电:退费仍未到账")
    assert (again.status, again.owner, again.closed_at, again.replied) == ("in_progress", "C001", None, False)
    assert [e.action for e in again.history][-2:] == [Action.CONTACT, Action.REOPEN]
    assert again.history[-2].staff_no == "C002" and again.history[-2].text == "客户来电:退费仍未到账"
    assert count_tickets(other, TicketQuery(queue=Queue.ALL)).value == before  # no new ticket


def test_a_contact_on_an_open_ticket_is_history_only(clerk: Context) -> None:
    v = t.open_ticket(clerk, _input())
    t.start(clerk, v.id)
    again = add_contact(clerk, v.id, "客户再次来电催办")
    assert again.status == "in_progress" and [e.action for e in again.history][-1] == Action.CONTACT


def test_a_reopened_ticket_goes_to_the_owner_a_supervisor_chose_when_the_first_receiver_left(
    admin: Context, clerk: Context
) -> None:
    v = t.open_ticket(clerk, _input())
    successor = make_staff(admin, "C002", "clerk", "客服热线")
    staff.set_active(admin, "C001", False)
    t.reassign(admin, v.id, "C002", "C001已离职")
    t.close(successor, v.id, "已退费")
    assert add_contact(admin, v.id, "客户又来电").owner == "C002"


def test_an_empty_contact_is_refused_and_changes_nothing(clerk: Context) -> None:
    v = t.open_ticket(clerk, _input())
    t.close(clerk, v.id, "已退费")
    with pytest.raises(Refused) as caught:
        add_contact(clerk, v.id, "   ")
    assert caught.value.reasons[0].zh and t.show(clerk, v.id).status == "closed"


def test_not_satisfied_still_reopens_to_the_same_owner(clerk: Context) -> None:
    v = t.open_ticket(clerk, _input())
    t.reply(clerk, v.id, "已退费20元")
    again = t.callback(clerk, v.id, "unsatisfied", "客户说没到账")
    assert (again.status, again.owner) == ("in_progress", "C001")


def test_a_number_of_a_live_application_is_a_key_account_without_a_tick(
    admin: Context, clerk: Context, campaign: str
) -> None:
    _member(admin, campaign)
    received = t.receive(clerk, _input(MEMBER))
    assert received.view.key_account and received.caller.key_account is not None
    assert (received.view.company, received.view.campaign) == ("公司(党委)办公室", "关于办理中国移动大客户业务的通知")
    assert received.caller.key_account.department == "铸造事业部"
    organisation.set_organisation_name(admin, "泊头市铸造机械有限公司")
    shown = caller_lookup.who_is(clerk, MEMBER)
    assert shown is not None and shown.key_account is not None and shown.key_account.company == "泊头市铸造机械有限公司"
    assert t.show(clerk, received.view.id).company == "公司(党委)办公室"  # as known at receipt
    ticked = t.open_ticket(clerk, _input(key_account=True))
    assert ticked.key_account and ticked.company is None  # the box, for customers the store does not hold


def _bills(admin: Context, folder: Path, amounts: dict[str, str]) -> None:
    """A year of the operator's monthly extracts (a title line, the header operators write, GBK)."""
    for month in range(1, 13):
        path = folder / f"bills-{month:02d}.csv"
        lines = ["月度账单", "手机号码,账期,消费金额(元),欠费金额"] + [f"{n},2026{month:02d},{a},0" for n, a in amounts.items()]
        path.write_bytes("\r\n".join(lines).encode("gb18030"))
        billing.import_billing(admin, path, f"2026-{month:02d}")


def test_a_number_with_a_tier_in_its_latest_bills_is_a_key_account_without_a_tick(
    admin: Context, clerk: Context, tmp_path: Path
) -> None:
    """The 2004 rule's 150 yuan a month makes a key account, known at the desk from the bills (issue 24)."""
    below, at_line = "13803170001", "13803170002"
    _bills(admin, tmp_path, {below: "149.99", at_line: "150.00"})
    shown = caller_lookup.who_is(clerk, at_line)
    assert shown is not None and shown.tier == Tier.HIGH_VALUE and shown.key_account is None and shown.is_key_account
    assert t.receive(clerk, _input(at_line)).view.key_account
    not_one = t.receive(clerk, _input(below))
    assert not not_one.view.key_account and not_one.caller.tier is None


def test_a_withdrawn_application_is_no_key_account(admin: Context, clerk: Context, campaign: str) -> None:
    app = _member(admin, campaign)
    enrollment.move_application(admin, app, "withdrawn")
    assert not t.open_ticket(clerk, _input(MEMBER)).key_account


def test_key_accounts_have_their_own_limits_and_come_first_among_equals(
    admin: Context, clerk: Context, campaign: str, clock: Clock
) -> None:
    assert ticket_settings.limits(admin)[0].key_account_hours is None
    plain_before = t.open_ticket(clerk, _input())
    _member(admin, campaign)
    same = t.open_ticket(clerk, _input(MEMBER))
    assert same.due_at - same.received_at == plain_before.due_at - plain_before.received_at == timedelta(hours=48)
    ticket_settings.set_limits(admin, [ticket_settings.LimitView("complaint", None, 48, key_account_hours=24)])
    fast = t.open_ticket(clerk, _input(MEMBER))
    assert fast.due_at - fast.received_at == timedelta(hours=24)
    plain = t.open_ticket(clerk, _input())
    assert plain.due_at - plain.received_at == timedelta(hours=48)
    # Equal due times (the clock stood still): the key account (绿色通道) first, though received after.
    assert same.due_at == plain_before.due_at and same.id > plain_before.id
    ids = [r.id for r in page_tickets(clerk, TicketQuery(queue=Queue.ALL, sort=Sort.DUE), 0, 50)]
    assert ids.index(same.id) < ids.index(plain_before.id)


def test_a_key_account_limit_is_checked_like_any(admin: Context) -> None:
    with pytest.raises(Refused) as caught:
        ticket_settings.set_limits(admin, [ticket_settings.LimitView("complaint", None, 48, key_account_hours=24 * 15)])
    assert caught.value.reasons[0].code == "limit.appeal_bound"
