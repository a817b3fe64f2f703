"""Standard answers, forbidden phrases and repair appointments through the services, on a real store
(imported by ``test_answers_visits_postgresql.py`` to run the same on PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from support import CST, Clock, make_staff

from kaccount_desk.domain.tickets import Action
from kaccount_desk.services import answers, appointments
from kaccount_desk.services import tickets as t
from kaccount_desk.services.answers import HeldReply
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.services.ticket_queries import Queue, TicketQuery, page_tickets, ticket_report

FAULT = t.TicketInput("fault", "phone", "hotline", "李明", "13800138000", "家里信号很差", area="town")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def test_the_store_starts_with_the_starter_list_and_a_supervisor_adds_to_it(admin: Context, clerk: Context) -> None:
    listed = answers.forbidden_phrases(clerk)
    assert {"不知道", "这不归我管", "你自己看", "没办法"} <= set(listed)
    with pytest.raises(Forbidden):
        answers.forbid(clerk, "别烦我")
    assert answers.forbid(admin, "别烦我")[-1] == "别烦我"
    with pytest.raises(Refused) as again:
        answers.forbid(admin, "别 烦 我")
    assert again.value.reasons[0].code == "answers.phrase_known"


def test_a_reply_with_a_forbidden_phrase_is_held_and_changes_nothing(clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, FAULT)
    typed = "  这个我也不 知道,你自己看吧"
    with pytest.raises(HeldReply) as held:
        t.reply(clerk, opened.id, typed)
    assert [typed[h.start:h.end] for h in held.value.hits] == ["不 知道", "你自己看"]  # placed in the text as typed
    assert held.value.reasons[0].code == "answers.forbidden_phrase" and "不知道" in held.value.reasons[0].zh
    shown = t.show(clerk, opened.id)
    assert not shown.replied and [e.action for e in shown.history] == ["receive"]
    clock.advance(hours=49)  # an overdue fault: the customer is told so, in words without a forbidden phrase
    with pytest.raises(HeldReply):
        t.record_overdue_notice(clerk, opened.id, "没办法,超时了")
    assert t.record_overdue_notice(clerk, opened.id, "抱歉超时,已为您减免月租").waiver is not None


def test_standard_answers_are_found_by_chinese_substrings_and_recorded_with_the_reply(admin: Context, clerk: Context) -> None:
    with pytest.raises(Forbidden):
        answers.add_answer(clerk, "fault", "信号", "已安排工程师")
    signal = answers.add_answer(admin, "fault", "信号", "您好,我们已安排工程师检测基站,请保持手机畅通。")
    answers.add_answer(admin, "consultation", "资费", "集团成员间通话免费。")
    with pytest.raises(HeldReply):
        answers.add_answer(admin, "fault", "推诿", "这不归我管")
    assert [a.id for a in answers.search_answers(clerk, "基站")] == [signal.id]
    assert [a.id for a in answers.search_answers(clerk, "ＳＩＧ")] == []
    assert answers.search_answers(clerk, "站检") == []  # the pairs of the term, in order, not any two characters
    assert [a.topic for a in answers.search_answers(clerk, "信号")] == ["信号"]
    assert [a.topic for a in answers.offered(clerk, "fault")] == ["信号"]
    assert [a.topic for a in answers.list_answers(clerk)] == ["资费", "信号"]  # by category (consultation, fault), then topic
    opened = t.open_ticket(clerk, FAULT)
    replied = t.reply(clerk, opened.id, signal.text + "谢谢。", standard_answer=signal.id)
    last = replied.history[-1]
    assert last.action == "reply" and last.data["standard_answer"] == signal.id and last.data["edited"] is True
    assert "[标准答复:信号]" in last.details("zh")
    with pytest.raises(Refused) as unknown:
        t.reply(clerk, opened.id, "您好", standard_answer=999)
    assert unknown.value.reasons[0].code == "answers.unknown"


def test_a_visit_booked_moved_with_a_reason_and_missed_at_the_exact_minute(clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, FAULT)
    start = clock.now + timedelta(hours=3)
    end = start + timedelta(hours=2)
    with pytest.raises(Refused) as not_fault:
        appointments.appoint(clerk, t.open_ticket(clerk, t.TicketInput("complaint", "phone", "hotline", "王芳", "13900139000",
                                                                        "态度差")).id, start, end, "王师傅")
    assert not_fault.value.reasons[0].code == "visit.not_fault"
    booked = appointments.appoint(clerk, opened.id, start, end, "王师傅")
    assert booked.appointment is not None and booked.appointment.state == "booked" and Action.VISITED in booked.allowed
    with pytest.raises(Refused) as no_reason:
        appointments.appoint(clerk, opened.id, start + timedelta(days=1), end + timedelta(days=1), "王师傅")
    assert no_reason.value.reasons[0].code == "visit.reason"
    start, end = start + timedelta(days=1), end + timedelta(days=1)
    moved = appointments.appoint(clerk, opened.id, start, end, "李师傅", "客户临时出差")
    assert moved.history[-1].action == "reschedule" and "客户临时出差" in moved.history[-1].text
    assert moved.appointment is not None and moved.appointment.visitor == "李师傅"
    clock.now = start - timedelta(hours=1)
    assert [(d.ticket_id, d.when) for d in appointments.visits_due(clerk)] == [(opened.id, "soon")]
    clock.now = end
    assert t.show(clerk, opened.id).appointment.state == "under_way"  # type: ignore[union-attr]
    assert not {r.id: r for r in page_tickets(clerk, TicketQuery(queue=Queue.MINE), 0, 10)}[opened.id].missed_visit
    clock.now = end + timedelta(minutes=1)
    assert t.show(clerk, opened.id).appointment.state == "missed"  # type: ignore[union-attr]
    rows = {r.id: r for r in page_tickets(clerk, TicketQuery(queue=Queue.MINE), 0, 10)}
    assert rows[opened.id].missed_visit
    assert [(d.ticket_id, d.when) for d in appointments.visits_due(clerk)] == [(opened.id, "missed")]
    report = ticket_report(clerk, datetime(2012, 2, 1, tzinfo=CST), datetime(2012, 3, 1, tzinfo=CST))
    assert report.by_window[0].missed_visits == 1 and report.total("合计").missed_visits == 1
    late = appointments.visited(clerk, opened.id, "已更换光猫")
    assert late.appointment is not None and late.appointment.state == "missed" and late.history[-1].data["on_time"] is False
    assert Action.VISITED not in late.allowed
    assert not {r.id: r for r in page_tickets(clerk, TicketQuery(queue=Queue.MINE), 0, 10)}[opened.id].missed_visit
    with pytest.raises(Refused) as nothing_booked:
        appointments.visited(clerk, opened.id)
    assert nothing_booked.value.reasons[0].code == "visit.none_booked"


def test_a_visit_recorded_in_its_window_is_kept_and_not_counted(clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, FAULT)
    start = clock.now + timedelta(hours=1)
    appointments.appoint(clerk, opened.id, start, start + timedelta(hours=2), "王师傅")
    clock.now = start + timedelta(hours=2)
    kept = appointments.visited(clerk, opened.id)
    assert kept.appointment is not None and kept.appointment.state == "kept" and kept.history[-1].data["on_time"] is True
    clock.advance(days=1)
    report = ticket_report(clerk, datetime(2012, 2, 1, tzinfo=CST), datetime(2012, 3, 1, tzinfo=CST))
    assert report.by_window[0].missed_visits == 0
