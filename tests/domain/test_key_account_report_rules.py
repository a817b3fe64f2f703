"""The key-account reports' rules at their edges: the hall's month, billed or not, churn, on time, satisfaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from support import CST

from kaccount_desk.domain.key_account_report_rules import (
    Churn,
    bounds,
    churn_judged,
    closed_on_time,
    key_account_ticket,
    left_group,
    month_of_instant,
    report_month,
    satisfaction_rate,
    share,
    tier_churn,
    trend_months,
)


def test_a_month_is_the_halls_month_from_midnight_to_midnight() -> None:
    span = bounds("2012-02")
    assert (span.start, span.end) == (datetime(2012, 2, 1, tzinfo=CST), datetime(2012, 3, 1, tzinfo=CST))
    assert bounds("2012-12").end == datetime(2013, 1, 1, tzinfo=CST)
    # 23:30 on 31 March in the hall is 15:30 UTC the same day, and 00:30 on 1 April is still 31 March in UTC
    assert month_of_instant(datetime(2012, 3, 31, 15, 30, tzinfo=UTC)) == "2012-03"
    assert month_of_instant(datetime(2012, 3, 31, 16, 30, tzinfo=UTC)) == "2012-04"
    assert bounds("2012-04").start == datetime(2012, 3, 31, 16, 0, tzinfo=UTC)


def test_the_trend_is_the_twelve_months_ending_with_the_report_month() -> None:
    assert trend_months("2012-02") == [*(f"2011-{m:02d}" for m in range(3, 13)), "2012-01", "2012-02"]
    assert trend_months("2012-12", 3) == ["2012-10", "2012-11", "2012-12"]


def test_a_month_typed_as_people_do_and_a_wrong_one_in_words() -> None:
    assert report_month("2012年2月") == ("2012-02", ())
    month, reasons = report_month("2012-13")
    assert month is None and reasons[0].code == "report.month" and "2012-13" in reasons[0].en


def test_a_member_is_gone_when_billed_before_and_not_now() -> None:
    assert left_group(1, None) and left_group(1, 0)
    assert not left_group(1, 1)  # one fen is a bill
    assert not left_group(0, None) and not left_group(None, None)  # never billed: nothing was lost
    assert churn_judged(True) and not churn_judged(False)


def test_tier_drops_and_exits_are_churn_rises_are_not() -> None:
    assert tier_churn("gold", "silver") is Churn.TIER_DOWN
    assert tier_churn("high_value", None) is Churn.TIER_LOST
    assert tier_churn("silver", "gold") is None and tier_churn(None, "silver") is None and tier_churn("gold", "gold") is None


def test_on_time_is_at_or_before_the_due_time() -> None:
    due = datetime(2012, 2, 26, 9, 30, tzinfo=CST)
    assert closed_on_time(due, due)
    assert not closed_on_time(due + timedelta(seconds=1), due)
    assert not closed_on_time(None, due)


def test_key_account_ticket_by_tick_tier_or_membership() -> None:
    assert key_account_ticket(False, True, False) and key_account_ticket(False, False, True) and key_account_ticket(True, False, False)
    assert not key_account_ticket(False, False, False)


def test_satisfaction_counts_the_customers_reached() -> None:
    assert satisfaction_rate(3, 1) == 0.75
    assert satisfaction_rate(0, 0) is None
    assert share(1, 2) == 0.5 and share(0, 0) is None
