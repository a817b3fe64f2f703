from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaccount_desk.domain.deadline import check_deadline, time_left
from kaccount_desk.domain.reasons import Verdict

CST = timezone(timedelta(hours=8))
DEADLINE = datetime(2012, 2, 27, 10, 0, tzinfo=CST)


def test_before_deadline_passes() -> None:
    verdict = check_deadline(datetime(2012, 2, 27, 9, 59, tzinfo=CST), DEADLINE)
    assert verdict.ok and verdict.warnings == ()


def test_at_deadline_is_passed() -> None:
    assert [r.code for r in check_deadline(DEADLINE, DEADLINE).reasons] == ["deadline.passed"]


def test_after_deadline_names_it_in_its_own_offset() -> None:
    now_utc = datetime(2012, 2, 27, 2, 30, tzinfo=UTC)
    verdict = check_deadline(now_utc, DEADLINE)
    assert [r.code for r in verdict.reasons] == ["deadline.passed"]
    assert "截止时间2012年2月27日10:00已过" in verdict.reasons[0].zh
    assert "2012-02-27 10:00 (UTC+0800)" in verdict.reasons[0].en


def test_other_offsets_compare_correctly() -> None:
    assert check_deadline(datetime(2012, 2, 27, 1, 59, tzinfo=UTC), DEADLINE).ok


@pytest.mark.parametrize("blank", [None, "", "  ", "\u3000"])
def test_blank_late_reason_still_refuses(blank: str | None) -> None:
    assert not check_deadline(DEADLINE + timedelta(hours=1), DEADLINE, blank).ok


def test_late_reason_turns_refusal_into_recorded_warning() -> None:
    verdict = check_deadline(DEADLINE + timedelta(hours=1), DEADLINE, " 经理同意 ")
    assert verdict.ok
    assert [w.code for w in verdict.warnings] == ["deadline.accepted_late"]
    assert "经理同意" in verdict.warnings[0].zh and "2012年2月27日10:00" in verdict.warnings[0].zh


def test_time_left() -> None:
    assert time_left(datetime(2012, 2, 27, 8, 0, tzinfo=CST), DEADLINE) == timedelta(hours=2)
    assert time_left(DEADLINE + timedelta(minutes=5), DEADLINE) == timedelta(minutes=-5)


@pytest.mark.parametrize(
    ("now", "deadline"),
    [
        (datetime(2012, 2, 27, 9, 0), DEADLINE),
        (DEADLINE, datetime(2012, 2, 27, 10, 0)),
        (None, DEADLINE),
        ("2012-02-27", DEADLINE),
    ],
)
def test_naive_or_missing_datetimes_are_programming_errors(now: object, deadline: object) -> None:
    with pytest.raises(ValueError):
        check_deadline(now, deadline)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        time_left(now, deadline)  # type: ignore[arg-type]


aware = st.datetimes(timezones=st.timezones(), min_value=datetime(2000, 1, 2), max_value=datetime(2100, 1, 1))


@settings(max_examples=300, deadline=None)
@given(now=aware, deadline=aware, late=st.one_of(st.none(), st.text()))
def test_any_aware_input_gives_a_consistent_verdict(now: datetime, deadline: datetime, late: str | None) -> None:
    verdict = check_deadline(now, deadline, late)
    assert isinstance(verdict, Verdict)
    if now < deadline:
        assert verdict.ok and verdict.warnings == ()
    elif late is not None and late.strip():
        assert verdict.ok and [w.code for w in verdict.warnings] == ["deadline.accepted_late"]
    else:
        assert [r.code for r in verdict.reasons] == ["deadline.passed"]
