"""Repeat callers and key-account limits (issue 23 items 4 and 5): the rules, with times the test sets."""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.repeat_callers import REPEAT_WINDOW, is_repeat, recent_since, reopen_owner, reopens
from kaccount_desk.domain.ticket_deadlines import TimeLimits, due_at
from kaccount_desk.domain.tickets import (
    NOT_OWNER_ONLY,
    Action,
    Area,
    CallbackResult,
    Category,
    TicketFacts,
    TicketStatus,
    allowed_actions,
    callback_outcome,
)

NOW = datetime(2012, 3, 9, 9, 30, tzinfo=OPERATOR_TZ)
MINUTE = timedelta(minutes=1)


def test_the_window_is_seven_days_to_the_minute() -> None:
    assert timedelta(days=7) == REPEAT_WINDOW
    week_ago = NOW - timedelta(days=7)
    assert recent_since(NOW) == week_ago
    assert is_repeat(TicketStatus.CLOSED, week_ago, NOW)
    assert is_repeat(TicketStatus.CLOSED, week_ago + MINUTE, NOW)
    assert not is_repeat(TicketStatus.CLOSED, week_ago - MINUTE, NOW)
    assert not is_repeat(TicketStatus.CLOSED, None, NOW)


def test_an_open_ticket_of_the_number_is_a_repeat_however_old() -> None:
    for status in TicketStatus:
        if status is not TicketStatus.CLOSED:
            assert is_repeat(status, None, NOW)


def test_a_closed_ticket_reopens_to_its_first_receiver_unless_they_left() -> None:
    assert reopens(TicketStatus.CLOSED) and not reopens(TicketStatus.WAITING)
    assert reopen_owner(first_receiver=1, first_receiver_active=True, owner=2) == 1
    assert reopen_owner(first_receiver=1, first_receiver_active=False, owner=2) == 2


def test_anyone_handling_tickets_may_add_a_contact_also_to_a_closed_or_waiting_ticket() -> None:
    assert Action.CONTACT in NOT_OWNER_ONLY
    for status in TicketStatus:
        assert Action.CONTACT in allowed_actions(TicketFacts(status, is_owner=False))


def test_not_satisfied_still_reopens_to_the_same_owner() -> None:
    assert callback_outcome(CallbackResult.UNSATISFIED) is Action.REOPEN


def test_a_key_account_has_its_own_limit_where_one_is_set() -> None:
    limits = TimeLimits(key_account=((Category.COMPLAINT, None, 24), (Category.FAULT, Area.RURAL, 36)))
    assert limits.limit(Category.COMPLAINT, None, key_account=True) == timedelta(hours=24)
    assert limits.limit(Category.COMPLAINT, None) == timedelta(hours=48)
    assert limits.limit(Category.FAULT, Area.RURAL, key_account=True) == timedelta(hours=36)
    # Town faults have no key-account limit set: the same as everyone's.
    assert limits.limit(Category.FAULT, Area.TOWN, key_account=True) == timedelta(hours=48)
    assert due_at(NOW, Category.COMPLAINT, None, limits, key_account=True) == NOW + timedelta(hours=24)
    assert due_at(NOW, Category.COMPLAINT, None, TimeLimits(), key_account=True) == NOW + timedelta(hours=48)
