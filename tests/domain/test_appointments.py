"""Appointments kept (standard 2.4): the window, the reminder and a miss, each at its exact minute;
a reschedule needs its reason."""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.appointments import (
    REMIND_BEFORE,
    VisitState,
    Window,
    check_appointment,
    check_window,
    missed,
    reminder_due,
    visit_state,
)
from kaccount_desk.domain.operator_time import OPERATOR_TZ

START = datetime(2030, 6, 3, 9, 0, tzinfo=OPERATOR_TZ)
END = datetime(2030, 6, 3, 11, 0, tzinfo=OPERATOR_TZ)
MINUTE = timedelta(minutes=1)
WINDOW = Window(START, END)


def test_the_end_minute_is_still_in_time_and_the_next_is_a_miss() -> None:
    assert not missed(END, None, END)
    assert missed(END, None, END + MINUTE)
    assert visit_state(WINDOW, None, None, None, END) is VisitState.UNDER_WAY
    assert visit_state(WINDOW, None, None, None, END + MINUTE) is VisitState.MISSED


def test_a_visit_recorded_at_the_end_is_kept_and_a_minute_later_stays_a_miss() -> None:
    assert visit_state(WINDOW, END, None, None, END + timedelta(days=1)) is VisitState.KEPT
    assert visit_state(WINDOW, END + MINUTE, None, None, END + timedelta(days=1)) is VisitState.MISSED


def test_moved_or_closed_before_the_end_is_no_miss_after_it_is() -> None:
    later = END + timedelta(days=2)
    assert visit_state(WINDOW, None, END, None, later) is VisitState.MOVED
    assert visit_state(WINDOW, None, END + MINUTE, None, later) is VisitState.MISSED
    assert not missed(END, END - MINUTE, later)  # the ticket closed before the window ended


def test_booked_until_its_start_minute() -> None:
    assert visit_state(WINDOW, None, None, None, START - MINUTE) is VisitState.BOOKED
    assert visit_state(WINDOW, None, None, None, START) is VisitState.UNDER_WAY


def test_the_reminder_from_an_hour_before_to_the_end_then_missed() -> None:
    assert reminder_due(WINDOW, START - REMIND_BEFORE - MINUTE) is None
    assert reminder_due(WINDOW, START - REMIND_BEFORE) == "soon"
    assert reminder_due(WINDOW, END) == "soon"
    assert reminder_due(WINDOW, END + MINUTE) == "missed"


def test_a_window_starts_now_or_later_and_ends_after_it_starts() -> None:
    assert check_window(START, END, START) == ()
    assert [r.code for r in check_window(START, END, START + MINUTE)] == ["visit.past"]
    assert [r.code for r in check_window(START, START, START - MINUTE)] == ["visit.order"]
    assert [r.code for r in check_window(START, START + timedelta(hours=12, minutes=1), START)] == ["visit.too_long"]
    assert [r.code for r in check_window(START.replace(tzinfo=None), END, START)] == ["visit.naive"]


def test_a_reschedule_needs_its_reason_and_only_a_fault_is_visited() -> None:
    assert check_appointment("fault", "王师傅", rescheduling=False, reason="") == ()
    assert [r.code for r in check_appointment("fault", "王师傅", rescheduling=True, reason="")] == ["visit.reason"]
    assert check_appointment("fault", "王师傅", rescheduling=True, reason="客户改期") == ()
    assert [r.code for r in check_appointment("complaint", "", rescheduling=False, reason="")] == ["visit.not_fault", "visit.no_visitor"]
