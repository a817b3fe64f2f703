"""Tier, RFM and class rules at their exact boundaries (the 2004 rule's 150 yuan, arrears, short histories)."""

from __future__ import annotations

import pytest

from kaccount_desk.domain.companies import (
    DEFAULT_CLASS_RULES,
    ClassRule,
    CompanyClass,
    check_class_rules,
    suggested_class,
)
from kaccount_desk.domain.key_accounts import (
    DEFAULT_TIER_RULES,
    BillingMonth,
    Change,
    Tier,
    TierRule,
    change_of,
    check_tier_rules,
    parse_fen,
    parse_fens,
    parse_month,
    rfm,
    score,
    tier_of,
    window_of,
)

SCORED = "2026-12"


def year_of(fen: int, months: int = 12, arrears_last: int = 0) -> list[BillingMonth]:
    """``months`` bills of ``fen`` ending with the scored month, arrears on the last one."""
    return [BillingMonth(f"2026-{m:02d}", fen, arrears_last if m == 12 else 0) for m in range(13 - months, 13)]


def tier(months: list[BillingMonth]) -> Tier | None:
    return tier_of(window_of(months, SCORED), DEFAULT_TIER_RULES)


def test_149_99_yuan_a_month_is_not_a_key_account_and_150_00_is() -> None:
    assert tier(year_of(14_999)) is None
    assert tier(year_of(15_000)) is Tier.HIGH_VALUE


def test_the_average_is_exact_one_fen_short_over_a_year_is_short() -> None:
    months = year_of(15_000)
    months[0] = BillingMonth(months[0].month, 14_999)
    assert tier(months) is None


def test_arrears_in_the_scored_month_withhold_any_tier() -> None:
    assert tier(year_of(200_000, arrears_last=1)) is None
    assert tier(year_of(200_000, arrears_last=0)) is Tier.DIAMOND


def test_arrears_paid_in_an_earlier_month_do_not_count() -> None:
    months = year_of(200_000)
    months[3] = BillingMonth(months[3].month, 200_000, 5_000)
    assert tier(months) is Tier.DIAMOND


def test_a_number_with_fewer_than_three_months_is_not_judged_three_are_averaged_over_three() -> None:
    assert tier(year_of(60_000, months=2)) is None
    assert tier(year_of(60_000, months=3)) is Tier.GOLD


def test_months_outside_the_twelve_do_not_count() -> None:
    old = [BillingMonth("2025-12", 10_000_000)]
    assert tier(old + year_of(14_999)) is None


@pytest.mark.parametrize(("fen", "expected"), [
    (29_999, Tier.HIGH_VALUE), (30_000, Tier.SILVER), (49_999, Tier.SILVER), (50_000, Tier.GOLD),
    (99_999, Tier.GOLD), (100_000, Tier.DIAMOND),
])
def test_each_tier_starts_exactly_at_its_line(fen: int, expected: Tier) -> None:
    assert tier(year_of(fen)) is expected


def test_a_supervisors_lines_are_the_ones_used() -> None:
    rules = (TierRule(Tier.DIAMOND, 40_000), TierRule(Tier.GOLD, 30_000), TierRule(Tier.SILVER, 20_000),
             TierRule(Tier.HIGH_VALUE, 15_000))
    assert tier_of(window_of(year_of(40_000), SCORED), rules) is Tier.DIAMOND


def test_rfm_scores_at_their_steps() -> None:
    full = window_of(year_of(100_000), SCORED)
    assert rfm(full, SCORED, DEFAULT_TIER_RULES) == (5, 5, 5)
    quiet = [BillingMonth(f"2026-{m:02d}", 15_000 if m <= 6 else 0) for m in range(1, 13)]
    # last bill above zero in June: six months before December; six active months; average 75 yuan
    assert rfm(window_of(quiet, SCORED), SCORED, DEFAULT_TIER_RULES) == (1, 2, 1)
    three_ago = [BillingMonth(f"2026-{m:02d}", 30_000 if m <= 9 else 0) for m in range(1, 13)]
    assert rfm(window_of(three_ago, SCORED), SCORED, DEFAULT_TIER_RULES) == (2, 3, 2)
    assert rfm(window_of([], SCORED), SCORED, DEFAULT_TIER_RULES) == (1, 1, 1)


def test_score_gives_the_average_rounded_down_to_the_fen() -> None:
    months = year_of(15_000)
    months[0] = BillingMonth(months[0].month, 15_001)
    assert score(window_of(months, SCORED), SCORED, DEFAULT_TIER_RULES).average_fen == 15_000


@pytest.mark.parametrize(("text", "fen"), [
    ("150", 15_000), ("149.99", 14_999), ("1,234.5", 123_450), ("￥88元", 8_800), ("0", 0), ("-3.10", -310),
    ("1.001", None), ("abc", None), ("", None), ("1e3", None), ("nan", None),
])
def test_money_cells_become_whole_fen_never_floats(text: str, fen: int | None) -> None:
    assert parse_fen(text) == fen


def test_a_column_of_money_cells_reads_as_each_cell_alone() -> None:
    """The column reader's short way for "168.50" gives what parse_fen gives, for every other form too."""
    texts = ["168.50", "0.00", "0007.05", "9999999999.99", "99999999999.99", "150", "149.99", " 12.30 ", "+1.00", "-3.10",
             "1_000.00", "１２.３４", "1,234.50", "￥88元", "1.001", "12.3", ".50", "abc", "", "168.50"]
    assert parse_fens(texts) == [parse_fen(text) for text in texts]
    assert parse_fens(["", "5.00"], blank=0) == [0, 500]


@pytest.mark.parametrize(("text", "month"), [
    ("2026-03", "2026-03"), ("2026/3", "2026-03"), ("2026年3月", "2026-03"), ("202603", "2026-03"),
    ("2026-13", None), ("26-03", None), ("", None),
])
def test_months_as_operators_write_them(text: str, month: str | None) -> None:
    assert parse_month(text) == month


def test_changes_between_months() -> None:
    assert change_of(None, "silver") is Change.NEW
    assert change_of("silver", "gold") is Change.UP
    assert change_of("diamond", "high_value") is Change.DOWN
    assert change_of("gold", None) is Change.LOST
    assert change_of("gold", "gold") is None
    assert change_of(None, None) is None


def test_tier_lines_below_the_entry_or_out_of_order_are_refused() -> None:
    assert check_tier_rules(DEFAULT_TIER_RULES) == ()
    low = [TierRule(r.tier, 14_999) if r.tier is Tier.HIGH_VALUE else r for r in DEFAULT_TIER_RULES]
    assert [r.code for r in check_tier_rules(low)] == ["tier.below_entry"]
    swapped = [TierRule(r.tier, 20_000) if r.tier is Tier.GOLD else r for r in DEFAULT_TIER_RULES]
    assert [r.code for r in check_tier_rules(swapped)] == ["tier.order"]


def test_class_suggested_by_members_and_spend_together() -> None:
    assert suggested_class(200, 2_000_000, DEFAULT_CLASS_RULES) is CompanyClass.A
    assert suggested_class(199, 2_000_000, DEFAULT_CLASS_RULES) is CompanyClass.B
    assert suggested_class(200, 1_999_999, DEFAULT_CLASS_RULES) is CompanyClass.B
    assert suggested_class(49, 10**9, DEFAULT_CLASS_RULES) is CompanyClass.C


def test_class_rules_out_of_order_are_refused() -> None:
    assert check_class_rules(DEFAULT_CLASS_RULES) == ()
    bad = (ClassRule(CompanyClass.A, 10, 0), ClassRule(CompanyClass.B, 50, 0), ClassRule(CompanyClass.C, 0, 0))
    assert [r.code for r in check_class_rules(bad)] == ["class_rule.order"]
