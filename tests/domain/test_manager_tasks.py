"""An account manager's day at its exact boundaries in the hall's time zone, and which tier moves make a task."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum

import pytest

from kaccount_desk.domain.key_accounts import Change
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.manager_tasks import (
    KIND_LABELS,
    PART_LABELS,
    SOURCE_LABELS,
    DayPart,
    TaskKind,
    TaskSource,
    check_task,
    day_order,
    day_part,
    followup_due,
    followup_numbers,
    parse_due,
)

DUE = date(2026, 3, 5)


def test_a_task_is_overdue_from_midnight_after_its_day_in_the_hall_not_in_utc() -> None:
    last_second = datetime(2026, 3, 5, 23, 59, 59, tzinfo=timezone(timedelta(hours=8)))
    assert day_part(DUE, last_second) is DayPart.TODAY
    assert day_part(DUE, last_second + timedelta(seconds=1)) is DayPart.OVERDUE
    # 16:00 UTC on the 5th is already 00:00 of the 6th in the hall: overdue, though UTC still says the 5th.
    assert day_part(DUE, datetime(2026, 3, 5, 16, 0, tzinfo=UTC)) is DayPart.OVERDUE
    assert day_part(DUE, datetime(2026, 3, 5, 15, 59, 59, tzinfo=UTC)) is DayPart.TODAY
    # A PC set to another zone tells the same day: the hall's clock decides.
    assert day_part(DUE, datetime(2026, 3, 5, 11, 0, tzinfo=timezone(timedelta(hours=-5)))) is DayPart.OVERDUE


def test_my_day_looks_seven_days_ahead_and_sorts_overdue_then_today_then_ahead() -> None:
    now = datetime(2026, 3, 5, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    assert day_part(date(2026, 3, 12), now) is DayPart.UPCOMING
    assert day_part(date(2026, 3, 13), now) is None
    tasks = [(date(2026, 3, 8), 1), (DUE, 2), (date(2026, 3, 1), 3), (date(2026, 3, 4), 4), (DUE, 5)]
    ordered = sorted(tasks, key=lambda t: day_order(t[0], t[1], now))
    assert [task_id for _, task_id in ordered] == [3, 4, 2, 5, 1]


def test_one_follow_up_per_dropped_number_and_none_for_good_news_or_one_made_already() -> None:
    moves = [("13800000001", Change.DOWN), ("13800000002", Change.UP), ("13800000003", Change.LOST),
             ("13800000001", Change.DOWN), ("13800000004", Change.NEW), ("13800000005", Change.DOWN)]
    assert followup_numbers(moves, done={"13800000005"}) == ["13800000001", "13800000003"]


def test_a_follow_up_is_due_at_the_end_of_the_month_after_the_move_so_each_month_has_its_own() -> None:
    assert followup_due("2026-03") == date(2026, 4, 30)
    assert followup_due("2026-12") == date(2027, 1, 31)
    assert followup_due("2026-01") == date(2026, 2, 28)
    assert followup_due("2026-02") != followup_due("2026-03")


def test_a_task_as_typed_is_checked_in_words() -> None:
    assert check_task("走访泊头铸造", "2026-03-05", "visit") == ()
    assert parse_due("2026年3月5日") == DUE and parse_due("2026/3/5") == DUE
    assert parse_due("2026-02-30") is None and parse_due("明天") is None
    codes = [r.code for r in check_task("  ", "2026-02-30", "lunch")]
    assert codes == ["task.title_empty", "task.due", "task.kind"]
    assert [r.code for r in check_task("x" * 201, "2026-03-05", "call")] == ["task.title_long"]


@pytest.mark.parametrize(("kind", "table"), [(TaskKind, KIND_LABELS), (TaskSource, SOURCE_LABELS), (DayPart, PART_LABELS)])
def test_every_kind_source_and_part_is_named_in_both_languages(kind: type[StrEnum], table: Labels) -> None:
    for member in kind:
        zh, en = table[member]
        assert zh and en and zh != en, member
    assert list(table) == list(kind)
