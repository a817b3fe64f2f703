from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaccount_desk.domain.search_text import bigram_query, bigram_text, runs, searchable
from kaccount_desk.domain.ticket_deadlines import (
    DEFAULT_LIMITS,
    FaultFacts,
    TimeLimits,
    check_limit,
    due_at,
    fault_overdue,
    overdue_notice_missing,
    referral_due,
    urgency,
    waiver_period,
)
from kaccount_desk.domain.tickets import (
    ALLOWED,
    LABELS,
    Action,
    Area,
    CallbackResult,
    Category,
    Channel,
    CloseFacts,
    TicketStatus,
    Window,
    callback_outcome,
    check_action,
    check_close,
    check_received,
    check_text,
    label,
    parse_choice,
)

CST = timezone(timedelta(hours=8))
T0 = datetime(2012, 3, 1, 9, 0, tzinfo=CST)
instants = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(CST))


def test_labels_cover_every_member_without_value_clashes() -> None:
    members = [m for kind in (Category, Channel, Window, Area, TicketStatus, Action, CallbackResult) for m in kind]
    assert len({m.value for m in members}) == len(members)
    assert set(LABELS) == {m.value for m in members}
    assert label("fault") == "故障申告" and label(Window.HOTLINE, "en") == "Hotline"


def test_parse_choice_accepts_value_and_labels() -> None:
    assert parse_choice(Window, "客服热线") is Window.HOTLINE
    assert parse_choice(Window, "billing desk") is Window.BILLING_DESK
    assert parse_choice(Channel, "ｐｈｏｎｅ") is Channel.PHONE
    assert parse_choice(Category, "refuse") is None


def test_there_is_no_refused_status() -> None:
    assert not {"refused", "rejected", "not_ours"} & {s.value for s in TicketStatus}


@pytest.mark.parametrize(
    ("area", "hours"), [(Area.TOWN, 48), (Area.RURAL, 72), (None, 48)]
)
def test_fault_limit_by_area(area: Area | None, hours: int) -> None:
    assert due_at(T0, Category.FAULT, area) == T0 + timedelta(hours=hours)


def test_documented_defaults() -> None:
    assert DEFAULT_LIMITS[(Category.COMPLAINT, None)] == 48
    assert due_at(T0, Category.CONSULTATION, None) == T0 + timedelta(hours=24)
    assert due_at(T0, Category.BUSINESS, Area.RURAL) == T0 + timedelta(hours=72)


def test_configured_limits_override_defaults() -> None:
    limits = TimeLimits(((Category.FAULT, Area.RURAL, 60), (Category.COMPLAINT, None, 24)))
    assert due_at(T0, Category.FAULT, Area.RURAL, limits) == T0 + timedelta(hours=60)
    assert due_at(T0, Category.FAULT, Area.TOWN, limits) == T0 + timedelta(hours=48)
    assert due_at(T0, Category.COMPLAINT, None, limits) == T0 + timedelta(hours=24)


def test_complaint_limit_must_stay_inside_the_appeal_bound() -> None:
    assert [r.code for r in check_limit(Category.COMPLAINT, 15 * 24)] == ["limit.appeal_bound"]
    assert check_limit(Category.COMPLAINT, 15 * 24 - 1) == ()
    assert [r.code for r in check_limit(Category.LOOKUP, 0)] == ["limit.positive"]


@given(instants, st.sampled_from([Area.TOWN, Area.RURAL]))
def test_fault_due_is_received_plus_limit_and_rural_is_later(received: datetime, area: Area) -> None:
    due = due_at(received, Category.FAULT, area)
    assert due - received == timedelta(hours=48 if area is Area.TOWN else 72)
    assert due_at(received, Category.FAULT, Area.RURAL) > due_at(received, Category.FAULT, Area.TOWN)


@given(instants, st.integers(min_value=-200, max_value=200), st.booleans())
def test_overdue_fault_waiver_runs_from_receipt_to_close(received: datetime, hours_past_due: int, handset: bool) -> None:
    due = due_at(received, Category.FAULT, Area.TOWN)
    closed = due + timedelta(hours=hours_past_due)
    facts = FaultFacts(received, due, closed, handset)
    period = waiver_period(facts, closed + timedelta(days=30))
    if handset or hours_past_due <= 0:
        assert period is None and not fault_overdue(facts, closed)
        assert overdue_notice_missing(facts, closed, False) == ()
    else:
        assert period == (received, closed)
        assert [r.code for r in overdue_notice_missing(facts, closed, False)] == ["fault.notice_required"]
        assert overdue_notice_missing(facts, closed, True) == ()


def test_open_fault_waiver_runs_to_now() -> None:
    due = due_at(T0, Category.FAULT, Area.RURAL)
    now = due + timedelta(hours=5)
    assert waiver_period(FaultFacts(T0, due, None, False), now) == (T0, now)
    assert waiver_period(FaultFacts(T0, due, None, True), now) is None


def test_urgency() -> None:
    assert urgency(T0, T0) == "overdue"
    assert urgency(T0, T0 - timedelta(hours=1)) == "due_soon"
    assert urgency(T0, T0 - timedelta(hours=3)) == "ok"
    assert urgency(T0, T0 + timedelta(days=1), closed=True) == "done"


def test_closing_rules() -> None:
    assert check_close(CloseFacts(True, CallbackResult.SATISFIED), None) == ()
    assert check_close(CloseFacts(True, CallbackResult.UNREACHABLE), "") == ()
    codes = [r.code for r in check_close(CloseFacts(True, CallbackResult.UNSATISFIED), None)]
    assert codes == ["ticket.close_no_callback", "ticket.close_reason"]
    codes = [r.code for r in check_close(CloseFacts(False, None, pending_referrals=1), "  ")]
    assert codes == ["ticket.close_pending", "ticket.close_no_reply", "ticket.close_no_callback", "ticket.close_reason"]
    assert check_close(CloseFacts(False, None), "客户来电撤回申告") == ()


@given(st.booleans(), st.sampled_from([None, *CallbackResult]), st.text(max_size=5))
def test_a_written_reason_always_closes(replied: bool, callback: CallbackResult | None, blank: str) -> None:
    assert check_close(CloseFacts(replied, callback), "已电话说明") == ()
    if not blank.strip() and not (replied and callback in (CallbackResult.SATISFIED, CallbackResult.UNREACHABLE)):
        assert check_close(CloseFacts(replied, callback), blank)


def test_action_table() -> None:
    assert check_action(TicketStatus.OPEN, Action.REFER) == ()
    assert [r.code for r in check_action(TicketStatus.REFERRED, Action.REPLY)] == ["ticket.action_not_allowed"]
    assert [r.code for r in check_action(TicketStatus.CLOSED, Action.CALLBACK)] == ["ticket.closed"]
    assert ALLOWED[TicketStatus.CLOSED] == {Action.NOTE, Action.CONTACT}  # a repeat caller reopens it
    assert all(Action.CLOSE in ALLOWED[s] for s in TicketStatus if s not in (TicketStatus.CLOSED, TicketStatus.WAITING))
    # Waiting on the customer: resume first, then work (the clock must run while the operator acts).
    assert ALLOWED[TicketStatus.WAITING] == {Action.RESUME, Action.NOTE, Action.REASSIGN, Action.CONTACT}
    assert callback_outcome(CallbackResult.UNSATISFIED) is Action.REOPEN
    assert callback_outcome(CallbackResult.SATISFIED) is None


def test_text_and_received_checks() -> None:
    assert check_text(" \u3000", "内容", "content").reasons[0].code == "ticket.empty_text"
    assert check_text("ＡＢ 信号差", "内容", "content").value == "AB 信号差"
    assert check_received(T0 + timedelta(seconds=1), T0)
    assert check_received(T0 - timedelta(days=3), T0) == ()


# --- bigram search text -------------------------------------------------------------------------

def test_bigram_text_examples() -> None:
    assert bigram_text("信号很差") == "信号 号很 很差"
    assert bigram_text("话费 A,Ｂ12") == "话费 a b1 12"
    assert bigram_text("") == ""


def test_bigram_query_quotes_syntax() -> None:
    assert bigram_query("话费") == '"话费"'
    assert bigram_query('基站"故障') == '"基站" + "故障"'
    assert bigram_query("AND") == '"an" + "nd"'
    assert bigram_query("x") == "" and not searchable("*()")


chars = st.sampled_from(list("话费信号基站故障投诉大客户服务亲情一家abcAND0123456789 \"*()NEAR,。-+:^"))
texts = st.text(chars, min_size=0, max_size=40)


def _tokens(query: str) -> list[str]:
    return [t.strip().removesuffix("*").strip().strip('"').replace('""', '"') for t in query.split(" + ")]


@given(texts, st.data())
def test_any_substring_is_found_in_python(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    term = text[start : data.draw(st.integers(start, len(text)))]
    if not searchable(term):
        return
    stored = bigram_text(text).split(" ")
    wanted = [t for t in _tokens(bigram_query(term))]
    prefix_last = bigram_query(term).endswith("*")
    found = any(
        stored[i : i + len(wanted) - prefix_last] == wanted[: len(wanted) - prefix_last]
        and (not prefix_last or (i + len(wanted) - 1 < len(stored) and stored[i + len(wanted) - 1].startswith(wanted[-1])))
        for i in range(len(stored))
    )
    assert found, (text, term, stored, wanted)


@settings(max_examples=150)
@given(st.lists(texts, min_size=1, max_size=6), st.data())
def test_any_substring_is_found_by_sqlite_fts5(bodies: list[str], data: st.DataObject) -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE s USING fts5(body, content='', tokenize='unicode61')")
    db.executemany("INSERT INTO s(rowid, body) VALUES (?, ?)", [(i, bigram_text(b)) for i, b in enumerate(bodies)])
    index = data.draw(st.integers(0, len(bodies) - 1))
    text = bodies[index]
    start = data.draw(st.integers(0, len(text)))
    term = text[start : data.draw(st.integers(start, len(text)))]
    if not searchable(term):
        return
    hits = {r[0] for r in db.execute("SELECT rowid FROM s WHERE s MATCH ?", (bigram_query(term),))}
    assert index in hits
    for other in hits:
        # No false hits, except where a leading one-character run was left out of the phrase.
        if len(runs(term)[0]) >= 2:
            assert term.lower().strip() in bodies[other].lower() or _same_runs(term, bodies[other])


def _same_runs(term: str, body: str) -> bool:
    return " ".join(runs(term)) in " ".join(runs(body))


def test_a_referral_is_due_before_its_ticket_so_the_owner_can_still_reply() -> None:
    """A consultation (24 h) referred an hour after receipt had its answer due an hour after the ticket."""
    received = datetime(2026, 12, 2, 9, 0, tzinfo=CST)
    consultation_due = due_at(received, Category.CONSULTATION, None)
    now = received + timedelta(hours=1)
    assert referral_due(now, consultation_due) == consultation_due - timedelta(hours=2)
    rural_fault_due = due_at(received, Category.FAULT, Area.RURAL)
    assert referral_due(now, rural_fault_due) == now + timedelta(hours=24)  # plenty of time: the usual day
    assert referral_due(consultation_due, consultation_due) == consultation_due + timedelta(hours=1)  # late: still an hour
