"""Waiting on the customer, the complaint's 15-day ceiling, warnings and breaches, at the exact minute of each boundary."""

from __future__ import annotations

from datetime import datetime, timedelta

from support import CST

from kaccount_desk.domain.ticket_deadlines import FaultFacts, Warnings, check_warning, fault_overdue, urgency
from kaccount_desk.domain.ticket_pauses import (
    check_wait,
    complaint_ceiling,
    escalated,
    operator_now,
    queue_state,
    resumed_due,
)
from kaccount_desk.domain.tickets import Action, Category, TicketFacts, TicketStatus, allowed_actions

T0 = datetime(2012, 3, 1, 9, 0, tzinfo=CST)
MINUTE = timedelta(minutes=1)


def test_only_the_owner_waits_and_only_where_the_owner_has_the_next_step() -> None:
    for status in (TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.ANSWERED, TicketStatus.REPLIED):
        assert Action.WAIT in allowed_actions(TicketFacts(status, is_owner=True))
        assert Action.WAIT not in allowed_actions(TicketFacts(status, is_owner=False, may_reassign=True))
    assert Action.WAIT not in allowed_actions(TicketFacts(TicketStatus.REFERRED, is_owner=True, pending_referrals=1))
    assert Action.WAIT not in allowed_actions(TicketFacts(TicketStatus.CLOSED, is_owner=True))
    waiting = allowed_actions(TicketFacts(TicketStatus.WAITING, is_owner=True))
    assert waiting == {Action.RESUME, Action.NOTE, Action.CONTACT}
    assert Action.RESUME not in allowed_actions(TicketFacts(TicketStatus.WAITING, is_owner=False))


def test_a_ticket_already_late_cannot_stop_its_clock() -> None:
    due = T0 + timedelta(hours=48)
    assert check_wait("fault", T0, due, due - MINUTE) == ()
    assert [r.code for r in check_wait("fault", T0, due, due)] == ["ticket.wait_overdue"]


def test_the_due_time_moves_by_the_time_waited() -> None:
    due = T0 + timedelta(hours=48)
    since = T0 + timedelta(hours=10)
    assert resumed_due(due, "fault", T0, since, since + timedelta(hours=30, minutes=7)) == due + timedelta(hours=30, minutes=7)
    assert resumed_due(due, "fault", T0, since, since) == due


def test_a_complaint_waits_until_the_minute_before_its_15th_day_and_never_moves_past_it() -> None:
    ceiling = complaint_ceiling(T0)
    assert ceiling == T0 + timedelta(days=15)
    later = ceiling + timedelta(days=60)  # a due time moved far by earlier waits, so only the ceiling speaks
    assert check_wait("complaint", T0, later, ceiling - MINUTE) == ()
    assert [r.code for r in check_wait("complaint", T0, later, ceiling)] == ["ticket.wait_past_ceiling"]
    assert check_wait("fault", T0, later, ceiling + timedelta(days=30)) == ()
    due = T0 + timedelta(hours=48)
    # Waited 14 days from hour 40: moved 14 days would pass the ceiling; it stops there.
    since = T0 + timedelta(hours=40)
    assert resumed_due(due, "complaint", T0, since, since + timedelta(days=14)) == ceiling
    assert resumed_due(due, "complaint", T0, since, since + timedelta(days=1)) == due + timedelta(days=1)


def test_a_complaint_turns_red_on_its_10th_day_even_while_waiting() -> None:
    day10 = T0 + timedelta(days=10)
    due = T0 + timedelta(days=12)
    assert not escalated("complaint", T0, day10 - MINUTE, closed=False)
    assert escalated("complaint", T0, day10, closed=False)
    assert not escalated("complaint", T0, day10, closed=True)
    assert not escalated("consultation", T0, day10, closed=False)
    assert queue_state(due, day10 - MINUTE, "waiting", "complaint", T0) == "waiting"
    assert queue_state(due, day10, "waiting", "complaint", T0) == "escalated"
    assert queue_state(due, day10, "in_progress", "complaint", T0) == "escalated"
    assert queue_state(due, day10, "waiting", "fault", T0) == "waiting"
    assert queue_state(due, due, "in_progress", "fault", T0) == "overdue"


def test_a_faults_waiver_counts_only_the_operators_time() -> None:
    due = T0 + timedelta(hours=48)
    since = T0 + timedelta(hours=47, minutes=59)
    facts = FaultFacts(T0, due, None, handset_cause=False)
    later = T0 + timedelta(hours=60)
    assert fault_overdue(facts, later)  # without the pause it would be late
    assert not fault_overdue(facts, operator_now(later, since))  # stopped one minute before the limit
    assert operator_now(later, None) == later


def test_a_warning_comes_at_its_categorys_exact_minute_and_the_breach_at_the_due_minute() -> None:
    warnings = Warnings(((Category.COMPLAINT, 5),))
    due = T0 + timedelta(hours=48)
    assert warnings.before("complaint") == timedelta(hours=5) and warnings.before("fault") == timedelta(hours=2)
    assert warnings.longest() == timedelta(hours=5) and Warnings().longest() == timedelta(hours=2)
    soon = warnings.before("complaint")
    assert urgency(due, due - soon - MINUTE, soon=soon) == "ok"
    assert urgency(due, due - soon, soon=soon) == "due_soon"
    assert urgency(due, due - MINUTE, soon=soon) == "due_soon"
    assert urgency(due, due, soon=soon) == "overdue"
    assert urgency(due, due - timedelta(hours=2), soon=warnings.before("fault")) == "due_soon"
    assert urgency(due, due - timedelta(hours=2) - MINUTE, soon=warnings.before("fault")) == "ok"


def test_a_warning_is_one_to_72_hours_before() -> None:
    assert check_warning(1) == () and check_warning(72) == ()
    assert [r.code for r in check_warning(0)] == ["warning.hours"]
    assert [r.code for r in check_warning(73)] == ["warning.hours"]
