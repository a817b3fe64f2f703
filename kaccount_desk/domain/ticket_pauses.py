"""Waiting on the customer, and the complaint's 15-day ceiling (issue 23 items 1 and 2).

A ticket waits when the customer must act (is not reachable, must bring a document, is not at
home for the repair visit). While it waits its time limit does not run: on resume the due time
moves by the time waited, so the limit counts only the operator's time, and so does a fault's
notice-and-waiver rule (see :func:`operator_now`).

A complaint is the exception that bounds the rest: under 电信用户申诉处理办法 a customer whose
complaint is unsettled after 15 days from receipt may appeal to the regulator, whatever the
operator waited for. So a complaint may not wait once that day has come, its due time never moves
past it, and from day 10 the queue shows it red and its owner's supervisor sees it escalated.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.ticket_deadlines import APPEAL_BOUND, urgency
from kaccount_desk.domain.tickets import Category, TicketStatus

ESCALATE_AFTER = timedelta(days=10)


def complaint_ceiling(received: datetime) -> datetime:
    """The hard limit of a complaint: 15 days from receipt, moved by no pause."""
    return received + APPEAL_BOUND


def escalated(category: str, received: datetime, now: datetime, closed: bool) -> bool:
    """An open complaint from its 10th day on: red in the queue, in its supervisor's escalation queue."""
    return category == Category.COMPLAINT and not closed and now >= received + ESCALATE_AFTER


def check_wait(category: str, received: datetime, due: datetime, now: datetime) -> tuple[Reason, ...]:
    """Why the ticket may not start waiting on the customer now; empty when it may.

    A ticket already past its due time may not: waiting would take a breach out of the overdue
    queue and move its due time, hiding that the operator was late before the customer was asked.
    """
    if category == Category.COMPLAINT and now >= complaint_ceiling(received):
        return (
            Reason(
                "ticket.wait_past_ceiling",
                "投诉自受理起已满15天,客户可向电信管理机构申诉,不能再等待客户,须尽快办结",
                "The complaint is 15 days old: the customer may appeal to the regulator, so it cannot wait any longer",
            ),
        )
    if now >= due:
        return (
            Reason(
                "ticket.wait_overdue",
                "工单已超过办结时限,不能再暂停计时;请尽快办理",
                "The ticket is already past its due time, so its clock cannot be stopped; please handle it now",
            ),
        )
    return ()


def resumed_due(due: datetime, category: str, received: datetime, since: datetime, now: datetime) -> datetime:
    """The due time after waiting from ``since`` to ``now``: moved by the wait, a complaint's never past its ceiling."""
    moved = due + max(now - since, timedelta(0))
    if category == Category.COMPLAINT:
        return min(moved, max(due, complaint_ceiling(received)))
    return moved


def operator_now(now: datetime, waiting_since: datetime | None) -> datetime:
    """The operator's clock: it stopped when the ticket began waiting on the customer."""
    return min(now, waiting_since) if waiting_since is not None else now


def queue_state(due: datetime, now: datetime, status: str, category: str, received: datetime) -> str:
    """What the queue and panel colour a ticket by: "waiting", "escalated", or :func:`urgency`'s word."""
    closed = status == TicketStatus.CLOSED
    if escalated(category, received, now, closed):
        return "escalated"  # first: a complaint's 15 days run on while it waits
    if status == TicketStatus.WAITING:
        return "waiting"
    return urgency(due, now, closed)
