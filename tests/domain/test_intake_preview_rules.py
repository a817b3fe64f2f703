"""The rules the intake preview carries, as plain Python (issue 19 items 2 and 8)."""

from __future__ import annotations

from datetime import datetime, timedelta

from support import CST

from kaccount_desk.domain.deadline import deadline_stage, time_left_text
from kaccount_desk.domain.intake import check_plan, plan_offered
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role, roles_with
from kaccount_desk.domain.workflow import Completeness, before_next_move

DEADLINE = datetime(2012, 2, 27, 10, 0, tzinfo=CST)


def test_a_new_number_cannot_keep_the_current_plan() -> None:
    assert plan_offered("existing", keep_current=True)
    assert plan_offered("pool", keep_current=False)
    assert not plan_offered("pool", keep_current=True)
    (reason,) = check_plan("pool", True)
    assert "新号码没有原资费" in reason.zh and "new number has no current plan" in reason.en
    assert check_plan("existing", True) == ()


def test_the_deadline_is_near_in_its_last_day_and_passed_at_its_minute() -> None:
    assert deadline_stage(DEADLINE - timedelta(hours=24, minutes=1), DEADLINE) == "open"
    assert deadline_stage(DEADLINE - timedelta(hours=23, minutes=59), DEADLINE) == "near"
    assert deadline_stage(DEADLINE, DEADLINE) == "passed"


def test_time_left_reads_in_days_then_in_hours_and_minutes() -> None:
    assert time_left_text(timedelta(days=2, hours=3, minutes=5)).text("zh") == "还剩 2 天 3 小时"
    assert time_left_text(timedelta(hours=5, minutes=7)).text("en") == "5 h 7 min left"


def test_each_problem_is_listed_once_before_the_next_move() -> None:
    checksum = Reason("id.checksum", "校验位不符", "check digit wrong")
    taken = Reason("number.taken", "已被第3号申请占用", "belongs to application #3")
    no_id = Completeness(id_valid=False, has_front_copy=True, has_back_copy=True, has_number=True, has_plan=True)
    listed = [r.code for r in before_next_move(no_id, [checksum, taken, taken])]
    assert listed == ["number.taken", "missing.id"]


def test_supervisors_and_admins_may_accept_late_as_the_office_may() -> None:
    assert set(roles_with(Permission.ACCEPT_LATE)) == {Role.OFFICE, Role.SUPERVISOR, Role.ADMIN}
