"""Which ticket actions a person may take now: the one rule the panel, the CLI and the service share."""

from __future__ import annotations

import pytest

from kaccount_desk.domain.tickets import (
    ALLOWED,
    NOT_OWNER_ONLY,
    Action,
    CallbackResult,
    CloseFacts,
    TicketFacts,
    TicketStatus,
    allowed_actions,
    check_close,
    check_owner,
    check_situation,
)


def test_owner_of_an_open_ticket_may_start_refer_reply_note_and_close() -> None:
    allowed = allowed_actions(TicketFacts(TicketStatus.OPEN, is_owner=True))
    assert allowed == {Action.START, Action.REFER, Action.REPLY, Action.NOTE, Action.CLOSE, Action.WAIT, Action.CONTACT}


def test_someone_else_may_only_answer_and_note() -> None:
    facts = TicketFacts(TicketStatus.REFERRED, is_owner=False, pending_referrals=1)
    assert allowed_actions(facts) == {Action.ANSWER, Action.NOTE, Action.CONTACT}
    assert check_owner(Action.REPLY, is_owner=False)[0].code == "ticket.not_owner"
    assert check_owner(Action.ANSWER, is_owner=False) == ()
    assert {Action.ANSWER, Action.NOTE, Action.REASSIGN, Action.CONTACT} == NOT_OWNER_ONLY


def test_answer_needs_a_referral_waiting() -> None:
    assert Action.ANSWER not in allowed_actions(TicketFacts(TicketStatus.ANSWERED, is_owner=True, pending_referrals=0))
    assert Action.ANSWER in allowed_actions(TicketFacts(TicketStatus.ANSWERED, is_owner=True, pending_referrals=2))


def test_fault_actions_fit_only_a_fault() -> None:
    plain = allowed_actions(TicketFacts(TicketStatus.IN_PROGRESS, is_owner=True))
    assert Action.HANDSET_CAUSE not in plain and Action.OVERDUE_NOTICE not in plain
    fault = allowed_actions(TicketFacts(TicketStatus.IN_PROGRESS, is_owner=True, fault=True))
    assert Action.HANDSET_CAUSE in fault and Action.OVERDUE_NOTICE not in fault
    overdue = allowed_actions(TicketFacts(TicketStatus.IN_PROGRESS, is_owner=True, fault=True, overdue_fault=True))
    assert Action.OVERDUE_NOTICE in overdue
    recorded = TicketFacts(TicketStatus.IN_PROGRESS, is_owner=True, fault=True, handset_cause=True)
    assert Action.HANDSET_CAUSE not in allowed_actions(recorded)
    assert check_situation(recorded, Action.HANDSET_CAUSE)[0].code == "ticket.handset_recorded"


def test_only_a_supervisor_is_offered_reassign_and_not_as_owner_only() -> None:
    assert Action.REASSIGN not in allowed_actions(TicketFacts(TicketStatus.OPEN, is_owner=True))
    assert Action.REASSIGN in allowed_actions(TicketFacts(TicketStatus.OPEN, is_owner=False, may_reassign=True))


def test_callback_only_after_a_reply_and_a_closed_ticket_takes_notes_only() -> None:
    assert Action.CALLBACK in allowed_actions(TicketFacts(TicketStatus.REPLIED, is_owner=True))
    assert Action.CALLBACK not in allowed_actions(TicketFacts(TicketStatus.IN_PROGRESS, is_owner=True))
    closed = TicketFacts(TicketStatus.CLOSED, is_owner=True, may_reassign=True, fault=True, overdue_fault=True, pending_referrals=1)
    assert allowed_actions(closed) == {Action.NOTE, Action.CONTACT}


@pytest.mark.parametrize("status", list(TicketStatus))
@pytest.mark.parametrize("is_owner", [True, False])
def test_allowed_is_always_within_the_status_table(status: TicketStatus, is_owner: bool) -> None:
    facts = TicketFacts(status, is_owner, may_reassign=True, fault=True, overdue_fault=True, pending_referrals=1)
    assert allowed_actions(facts) <= ALLOWED[status]


def test_when_a_ticket_may_close() -> None:
    ready = CloseFacts(replied=True, callback_after_reply=CallbackResult.SATISFIED)
    assert check_close(ready, None) == ()
    assert check_close(CloseFacts(True, CallbackResult.UNREACHABLE), None) == ()
    assert [r.code for r in check_close(CloseFacts(True, CallbackResult.UNSATISFIED), None)][0] == "ticket.close_no_callback"
    assert "ticket.close_pending" in [r.code for r in check_close(CloseFacts(True, CallbackResult.SATISFIED, 1), None)]
    assert check_close(CloseFacts(False, None, 2), "客户撤回") == ()
