"""The waits wrong passwords earn, as plain rules: none for the first few, then doubling to a cap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kaccount_desk.domain.login import FORGET_AFTER, FREE_FAILURES, MAX_WAIT, Throttle, wait_reason, wait_until

NOW = datetime(2026, 12, 6, 9, 0, tzinfo=UTC)


def test_the_first_few_failures_cost_nothing_then_the_wait_doubles_up_to_the_cap() -> None:
    state, waits = Throttle(), []
    for _ in range(FREE_FAILURES + 12):
        state = state.after_failure(NOW)
        waits.append(int(state.wait(NOW).total_seconds()))
    assert waits[:FREE_FAILURES] == [0] * FREE_FAILURES
    assert waits[FREE_FAILURES:] == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60]
    assert Throttle(10**9, NOW).delay() == MAX_WAIT  # a huge count cannot overflow the doubling


def test_the_wait_runs_down_and_old_failures_are_forgiven() -> None:
    state = Throttle(FREE_FAILURES + 3, NOW)  # 4 s
    assert state.wait(NOW + timedelta(seconds=3)) == timedelta(seconds=1)
    assert state.wait(NOW + timedelta(seconds=4)) == timedelta(0)
    assert state.after_failure(NOW + FORGET_AFTER) == Throttle(1, NOW + FORGET_AFTER)


def test_the_longest_wait_of_staff_id_and_pc_holds_and_is_told_in_whole_seconds() -> None:
    assert wait_until([Throttle(FREE_FAILURES + 1, NOW), Throttle(FREE_FAILURES + 4, NOW)], NOW) == NOW + timedelta(seconds=8)
    assert wait_until([Throttle(1, NOW)], NOW) is None and wait_until([], NOW) is None
    assert wait_reason(timedelta(seconds=1.2)).en == "Too many wrong passwords: try again in 2 s (an admin can lift the wait)."
