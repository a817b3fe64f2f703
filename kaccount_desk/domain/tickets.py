"""First-contact tickets (首问负责制): what a ticket is, which actions each status allows, when it may close.

The seed's rule is that whoever first receives a matter owns it to the end, so there is no
"refused" or "not our department" status here: a matter outside the hall's scope is still owned,
referred to a department, answered and replied to. The first receiver is recorded once and never
changes; only a supervisor may hand a ticket on, and only when its owner has left.

Deadlines live in :mod:`kaccount_desk.domain.ticket_deadlines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.text import to_half_width

E = TypeVar("E", bound=StrEnum)


class Category(StrEnum):
    CONSULTATION = "consultation"
    LOOKUP = "lookup"
    COMPLAINT = "complaint"
    FAULT = "fault"
    BUSINESS = "business"


class Channel(StrEnum):
    FACE = "face"
    PHONE = "phone"
    LETTER = "letter"
    VISIT = "visit"
    ONLINE = "online"


class Window(StrEnum):
    """The service windows the seed names as bound by the rule (各级服务窗口)."""

    SELF_RUN_HALL = "self_run_hall"
    PARTNER_HALL = "partner_hall"
    HOTLINE = "hotline"
    BILLING_DESK = "billing_desk"
    KEY_ACCOUNT_DESK = "key_account_desk"


class Area(StrEnum):
    TOWN = "town"
    RURAL = "rural"


class TicketStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    REFERRED = "referred"
    ANSWERED = "answered"
    REPLIED = "replied"
    WAITING = "waiting"
    CLOSED = "closed"


class Action(StrEnum):
    """Everything that can happen to a ticket; each one is a history entry."""

    RECEIVE = "receive"
    START = "start"
    REFER = "refer"
    ANSWER = "answer"
    REPLY = "reply"
    CALLBACK = "callback"
    REOPEN = "reopen"
    CLOSE = "close"
    HANDSET_CAUSE = "handset_cause"
    OVERDUE_NOTICE = "overdue_notice"
    REASSIGN = "reassign"
    NOTE = "note"
    WAIT = "wait"
    RESUME = "resume"
    CONTACT = "contact"
    APPOINT = "appoint"
    RESCHEDULE = "reschedule"
    VISITED = "visited"


class CallbackResult(StrEnum):
    SATISFIED = "satisfied"
    UNSATISFIED = "unsatisfied"
    UNREACHABLE = "unreachable"


# Keyed by value: no two ticket enums share a value (a test checks), so a plain string read back
# from the store finds its label too.
LABELS = Labels({
    Category.CONSULTATION: ("咨询", "Consultation"),
    Category.LOOKUP: ("查询", "Lookup"),
    Category.COMPLAINT: ("投诉", "Complaint"),
    Category.FAULT: ("故障申告", "Fault report"),
    Category.BUSINESS: ("业务受理", "Business request"),
    Channel.FACE: ("面对面", "Face to face"),
    Channel.PHONE: ("电话", "Phone"),
    Channel.LETTER: ("信函", "Letter"),
    Channel.VISIT: ("来访", "Visit"),
    Channel.ONLINE: ("网上", "Online"),
    Window.SELF_RUN_HALL: ("自办营业厅", "Self-run hall"),
    Window.PARTNER_HALL: ("合作营业厅", "Partner hall"),
    Window.HOTLINE: ("客服热线", "Hotline"),
    Window.BILLING_DESK: ("话费部", "Billing desk"),
    Window.KEY_ACCOUNT_DESK: ("大客户服务部", "Key-account desk"),
    Area.TOWN: ("城镇", "Town"),
    Area.RURAL: ("农村", "Rural"),
    TicketStatus.OPEN: ("已受理", "Open"),
    TicketStatus.IN_PROGRESS: ("处理中", "In progress"),
    TicketStatus.REFERRED: ("已转部门", "Referred"),
    TicketStatus.ANSWERED: ("部门已答复", "Department answered"),
    TicketStatus.REPLIED: ("已回复客户", "Replied to customer"),
    TicketStatus.WAITING: ("等待客户", "Waiting on customer"),
    TicketStatus.CLOSED: ("已办结", "Closed"),
    Action.RECEIVE: ("受理", "Received"),
    Action.START: ("开始处理", "Started"),
    Action.REFER: ("转派部门", "Referred"),
    Action.ANSWER: ("部门答复", "Department answer"),
    Action.REPLY: ("回复客户", "Reply to customer"),
    Action.CALLBACK: ("回访", "Callback"),
    Action.REOPEN: ("重新处理", "Reopened"),
    Action.CLOSE: ("办结", "Closed"),
    Action.HANDSET_CAUSE: ("登记为客户手机原因", "Handset cause recorded"),
    Action.OVERDUE_NOTICE: ("超时告知客户", "Overdue notice to customer"),
    Action.REASSIGN: ("调整负责人", "Ownership changed"),
    Action.NOTE: ("备注", "Note"),
    Action.WAIT: ("等待客户", "Waiting on customer"),
    Action.RESUME: ("恢复处理", "Resumed"),
    Action.CONTACT: ("客户再次来电", "Customer contacted again"),
    Action.APPOINT: ("预约上门", "Visit booked"),
    Action.RESCHEDULE: ("改约上门", "Visit rescheduled"),
    Action.VISITED: ("已上门", "Visit recorded"),
    CallbackResult.SATISFIED: ("满意", "Satisfied"),
    CallbackResult.UNSATISFIED: ("不满意", "Not satisfied"),
    CallbackResult.UNREACHABLE: ("联系不上", "Not reachable"),
})

_EVERY_OPEN_STATUS = frozenset(s for s in TicketStatus if s is not TicketStatus.CLOSED)
_ALWAYS = frozenset({Action.NOTE, Action.HANDSET_CAUSE, Action.OVERDUE_NOTICE, Action.REASSIGN, Action.CLOSE, Action.CONTACT})

# Waiting on the customer stops the clock; it may start where the owner, not a department, has the
# next step (a referred ticket waits on its department, whose clock runs). While waiting, only a
# note, a hand-on and the resume are possible: anything else is work, so the owner resumes first.
_MAY_WAIT = frozenset({Action.WAIT})
# A repair visit is booked, moved or recorded in any open status but waiting, which resumes first
# like any other work (a customer not at home waits; the new time is booked on resuming).
_VISITS = frozenset({Action.APPOINT, Action.VISITED})

# Which actions each status allows. A reply waits while a department still owes an answer, so the
# customer is never told something the department has not said; closing is always offered, and
# ``check_close`` decides whether it may happen now.
ALLOWED: dict[TicketStatus, frozenset[Action]] = {
    TicketStatus.OPEN: _ALWAYS | _MAY_WAIT | _VISITS | {Action.START, Action.REFER, Action.REPLY},
    TicketStatus.IN_PROGRESS: _ALWAYS | _MAY_WAIT | _VISITS | {Action.REFER, Action.REPLY},
    TicketStatus.REFERRED: _ALWAYS | _VISITS | {Action.REFER, Action.ANSWER},
    TicketStatus.ANSWERED: _ALWAYS | _MAY_WAIT | _VISITS | {Action.REFER, Action.ANSWER, Action.REPLY},
    TicketStatus.REPLIED: _ALWAYS | _MAY_WAIT | _VISITS | {Action.REFER, Action.REPLY, Action.CALLBACK},
    TicketStatus.WAITING: frozenset({Action.RESUME, Action.NOTE, Action.REASSIGN, Action.CONTACT}),
    # A repeat caller's contact is added to a closed ticket too: it reopens (domain/repeat_callers.py).
    TicketStatus.CLOSED: frozenset({Action.NOTE, Action.CONTACT}),
}

# Where each status-changing action leads; actions missing here leave the status as it is.
NEXT_STATUS: dict[Action, TicketStatus] = {
    Action.START: TicketStatus.IN_PROGRESS,
    Action.REFER: TicketStatus.REFERRED,
    Action.WAIT: TicketStatus.WAITING,
    Action.REPLY: TicketStatus.REPLIED,
    Action.REOPEN: TicketStatus.IN_PROGRESS,
    Action.CLOSE: TicketStatus.CLOSED,
}

MAX_TEXT = 4000


def label(value: str, lang: str = "zh") -> str:
    """The person-facing name of any ticket enum value; unknown values are shown as they are."""
    return LABELS.text(value, lang)


def parse_choice(kind: type[E], raw: str) -> E | None:
    """An enum member from its value or either label, so the CLI accepts ``hotline`` or ``客服热线``."""
    text = to_half_width(raw or "").strip()
    for member in kind:
        zh, en = LABELS[member]
        if text in (member.value, zh) or text.lower() == en.lower():
            return member
    return None


def check_action(status: TicketStatus, action: Action) -> tuple[Reason, ...]:
    """Why ``action`` cannot happen in ``status``; empty when it can."""
    if action in ALLOWED[status]:
        return ()
    if status is TicketStatus.CLOSED:
        return (
            Reason(
                "ticket.closed",
                f"工单已办结,不能再{label(action)};如需更正请添加备注",
                f"The ticket is closed; {label(action, 'en').lower()} is no longer possible (add a note to correct it)",
            ),
        )
    return (
        Reason(
            "ticket.action_not_allowed",
            f"工单当前为“{label(status)}”,不能{label(action)}",
            f"A ticket that is {label(status, 'en').lower()} cannot take: {label(action, 'en').lower()}",
        ),
    )


# Anyone handling tickets may record a department's answer, add a note or a repeat caller's contact
# (whoever takes the call), and a supervisor hands a ticket on when its owner has left; everything
# else is the owner's (首问负责: one person to the end).
NOT_OWNER_ONLY: frozenset[Action] = frozenset({Action.ANSWER, Action.NOTE, Action.REASSIGN, Action.CONTACT})


@dataclass(frozen=True)
class TicketFacts:
    """What decides which actions one person may take on one ticket now."""

    status: TicketStatus
    is_owner: bool
    may_reassign: bool = False
    fault: bool = False
    overdue_fault: bool = False
    handset_cause: bool = False
    pending_referrals: int = 0
    # A booked appointment that no visit, reschedule or close has settled yet.
    visit_pending: bool = False


def check_owner(action: Action, is_owner: bool) -> tuple[Reason, ...]:
    """Why someone other than the owner cannot take ``action``; empty when they can."""
    if is_owner or action in NOT_OWNER_ONLY:
        return ()
    return (
        Reason("ticket.not_owner", "只有工单负责人(首问责任人)可以办理此项", "Only the ticket's owner (its first receiver) may do this"),
    )


def check_situation(facts: TicketFacts, action: Action) -> tuple[Reason, ...]:
    """Why ``action`` does not fit this ticket's facts (no open referral, not a fault, ...); empty when it does."""
    if action is Action.ANSWER and not facts.pending_referrals:
        return (Reason("ticket.no_pending_referral", "此工单没有待答复的转派", "The ticket has no referral waiting for an answer"),)
    if action is Action.HANDSET_CAUSE and not facts.fault:
        return (Reason("ticket.not_fault", "只有故障申告可以登记手机原因", "Only a fault report can have a handset cause"),)
    if action is Action.HANDSET_CAUSE and facts.handset_cause:
        return (Reason("ticket.handset_recorded", "已登记为客户手机原因", "The handset cause is already recorded"),)
    if action is Action.OVERDUE_NOTICE and not (facts.fault and facts.overdue_fault):
        return (Reason("ticket.not_overdue_fault", "此工单不是超时的故障申告", "This ticket is not an overdue fault"),)
    if action is Action.APPOINT and not facts.fault:
        return (Reason("visit.not_fault", "只有故障申告可以预约上门", "Only a fault report can have a visit booked"),)
    if action is Action.VISITED and not facts.visit_pending:
        return (Reason("visit.none_booked", "此工单没有待上门的预约", "The ticket has no booked visit to record"),)
    if action is Action.REASSIGN and not facts.may_reassign:
        return (Reason("ticket.reassign_right", "只有主管可以调整工单负责人", "Only a supervisor may hand a ticket on"),)
    return ()


def allowed_actions(facts: TicketFacts) -> frozenset[Action]:
    """The actions this person may take on this ticket now: its status allows them, they are the
    owner's and this person owns it (or anyone may), and the ticket's facts fit.

    The service refuses exactly the actions missing here (with the reasons of ``check_action``,
    ``check_owner`` and ``check_situation``), so a face that offers only these never meets a
    refusal for them; whether closing succeeds is still ``check_close``'s to say.
    """
    return frozenset(
        action
        for action in ALLOWED[facts.status]
        if not check_owner(action, facts.is_owner) and not check_situation(facts, action)
    )


def clean_text(raw: str | None) -> str:
    """Half-width, trimmed text: what the clerk meant, whatever the input method produced."""
    return to_half_width(raw or "").strip()


def check_text(raw: str | None, what_zh: str, what_en: str) -> Verdict[str]:
    """A required free text (content, what is asked, an answer, a reply): non-empty and not huge."""
    text = clean_text(raw)
    if not text:
        return Verdict(reasons=(Reason("ticket.empty_text", f"{what_zh}不能为空", f"The {what_en} is empty"),))
    if len(text) > MAX_TEXT:
        return Verdict(
            reasons=(Reason("ticket.text_too_long", f"{what_zh}最多{MAX_TEXT}字", f"The {what_en} is longer than {MAX_TEXT} characters"),)
        )
    return Verdict(value=text)


def check_received(received: datetime, now: datetime) -> tuple[Reason, ...]:
    """A receipt time may lie in the past (a letter written down later), never in the future."""
    if received > now:
        return (Reason("ticket.received_future", "受理时间不能晚于现在", "The time received cannot be in the future"),)
    return ()


@dataclass(frozen=True)
class CloseFacts:
    """What the history says about replying and calling back, as far as closing is concerned."""

    replied: bool
    callback_after_reply: CallbackResult | None
    pending_referrals: int = 0


def check_close(facts: CloseFacts, reason: str | None) -> tuple[Reason, ...]:
    """A ticket closes after a reply and a callback record, or with a written reason why not.

    "Not satisfied" reopens the ticket, so it is no callback record for closing: the owner replies
    again and calls back again. "Not reachable" is a record, since the tries were made.
    """
    if clean_text(reason):
        return ()
    problems: list[Reason] = []
    if facts.pending_referrals:
        problems.append(
            Reason(
                "ticket.close_pending",
                f"还有{facts.pending_referrals}个部门未答复",
                f"{facts.pending_referrals} department(s) have not answered yet",
            )
        )
    if not facts.replied:
        problems.append(Reason("ticket.close_no_reply", "尚未回复客户", "The customer has not been replied to"))
    if facts.callback_after_reply not in (CallbackResult.SATISFIED, CallbackResult.UNREACHABLE):
        problems.append(Reason("ticket.close_no_callback", "尚无回访记录", "There is no callback record"))
    if problems:
        problems.append(
            Reason("ticket.close_reason", "如确需办结,请填写原因", "To close it anyway, give a written reason")
        )
    return tuple(problems)


def callback_outcome(result: CallbackResult) -> Action | None:
    """The follow-up a callback triggers: "not satisfied" reopens the ticket to the same owner."""
    return Action.REOPEN if result is CallbackResult.UNSATISFIED else None


def ticket_number(ticket_id: int, received_at: datetime) -> str:
    """The number a customer quotes (date of receipt and id): the queue, the panel and the receipt say the same."""
    return f"{received_at:%Y%m%d}-{ticket_id:04d}"
