"""Standard 2.6's rules for planned work, with a clock the test sets: the 72-hour notice on both
sides of its boundary to the minute, the 24-hour rule, the approval rule, and which tickets and
companies an outage reaches."""

from __future__ import annotations

from datetime import datetime, timedelta

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.outages import (
    NoticeState,
    PlannedWork,
    affects_company,
    check_approval,
    check_notice,
    check_plan,
    explains_ticket,
    needs_approval,
    notice_state,
)

START = datetime(2026, 12, 10, 1, 0, tzinfo=OPERATOR_TZ)
DEADLINE = START - timedelta(hours=72)
MINUTE = timedelta(minutes=1)


def _codes(reasons: tuple) -> list[str]:
    return [r.code for r in reasons]


def test_short_work_may_be_announced_until_exactly_72_hours_before() -> None:
    work = PlannedWork(START, 23, key_accounts=False)
    assert notice_state(work, DEADLINE - MINUTE) is NoticeState.READY
    assert check_notice(work, DEADLINE) == ()
    assert _codes(check_notice(work, DEADLINE + MINUTE)) == ["outage.too_late"]
    assert _codes(check_notice(work, START)) == ["outage.too_late"]


def test_24_hours_or_more_needs_an_approval_under_24_does_not() -> None:
    assert not needs_approval(23, key_accounts=False)
    assert needs_approval(24, key_accounts=False)
    long_work = PlannedWork(START, 24, key_accounts=False)
    refused = check_notice(long_work, DEADLINE - timedelta(days=3))
    assert _codes(refused) == ["outage.unapproved"] and "24" in refused[0].zh and "24" in refused[0].en


def test_key_account_customers_need_an_approval_however_short() -> None:
    work = PlannedWork(START, 1, key_accounts=True)
    assert work.needs_approval
    refused = check_notice(work, DEADLINE)
    assert _codes(refused) == ["outage.unapproved"] and "重要客户" in refused[0].zh


def test_an_approved_work_still_keeps_the_72_hours() -> None:
    work = PlannedWork(START, 30, key_accounts=True, approved_at=DEADLINE - timedelta(days=1))
    assert check_notice(work, DEADLINE) == ()
    assert _codes(check_notice(work, DEADLINE + MINUTE)) == ["outage.too_late"]


def test_a_notice_once_given_in_time_may_be_printed_again_later() -> None:
    work = PlannedWork(START, 6, key_accounts=False, announced_at=DEADLINE)
    assert notice_state(work, START - MINUTE) is NoticeState.ANNOUNCED
    assert check_notice(work, START - MINUTE) == ()


def test_an_approval_is_recorded_once_and_names_who_approved() -> None:
    assert _codes(check_approval(None, "  ")) == ["outage.approver_empty"]
    assert check_approval(None, "市公司网络部") == ()
    assert _codes(check_approval(DEADLINE, "市公司网络部")) == ["outage.approved_already"]


def test_a_plan_needs_what_where_and_a_start_still_ahead() -> None:
    now = START - timedelta(days=5)
    assert check_plan("基站升级", "交河镇", "", START, 6, now) == ()
    assert _codes(check_plan("", "", "", START, 0, now)) == ["outage.what_empty", "outage.area_empty", "outage.hours"]
    assert _codes(check_plan("基站升级", "交河镇", "", START, 24 * 30 + 1, now)) == ["outage.hours"]
    assert _codes(check_plan("基站升级", "交河镇", "", START, 6, START)) == ["outage.started"]
    assert _codes(check_plan("x" * 201, "交河镇", "y" * 501, START, 6, now)) == ["outage.what_long", "outage.affected_long"]


def test_a_company_is_reached_when_the_area_is_in_its_name() -> None:
    assert affects_company("泊头", "泊头铸造有限公司")
    assert affects_company("\u3000泊头 ", "泊头铸造有限公司")  # an input method's ideographic space
    assert not affects_company("交河镇", "泊头铸造有限公司")
    assert not affects_company(" ", "泊头铸造有限公司")


def test_only_a_fault_in_the_outage_area_is_explained() -> None:
    assert explains_ticket("交河镇", "fault", "农村", "交河镇家里没信号")
    assert explains_ticket("农村", "fault", "农村", "家里没信号")
    assert not explains_ticket("交河镇", "fault", "农村", "富镇家里没信号")
    assert not explains_ticket("交河镇", "complaint", "农村", "交河镇家里没信号")
