from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaccount_desk.domain.reasons import Verdict
from kaccount_desk.domain.tariff import (
    Estimate,
    RatedItem,
    TariffOption,
    UsageProfile,
    check_usage,
    estimate,
)

KEY_ACCOUNT_PACKAGE = RatedItem(
    "ka5", "大客户包", D("5"), free_in_group_minutes=300, in_group_rate=D("0.01")
)
GROUP = TariffOption(
    "group",
    "集团资费",
    RatedItem("szx3", "神州行集团卡3", D("3"), free_sms=50, out_group_rate=D("0.20")),
    (KEY_ACCOUNT_PACKAGE,),
)
YOUTH = TariffOption(
    "youth",
    "动感地带网聊套餐+大客户包",
    RatedItem("dgdd10", "动感地带网聊套餐", D("10"), free_sms=100, free_data_mb=30, out_group_rate=D("0.15")),
    (KEY_ACCOUNT_PACKAGE,),
)


def keep_current(fee: str) -> TariffOption:
    return TariffOption(
        "keep", "原资费+大客户包", RatedItem("current", "现有资费", D(fee), keep_current=True), (KEY_ACCOUNT_PACKAGE,)
    )


def by_code(estimates: list[Estimate]) -> dict[str, Estimate]:
    return {e.option.code: e for e in estimates}


def test_seed_notice_example() -> None:
    result = by_code(estimate([GROUP, YOUTH, keep_current("50")], UsageProfile(400, 100, 60, 0)))
    assert result["group"].monthly_cost == D("30.00")
    assert tuple((line.zh, line.amount) for line in result["group"].breakdown) == (
        ("神州行集团卡3月费", D("3.00")),
        ("大客户包月费", D("5.00")),
        ("集团网内超出100分钟", D("1.00")),
        ("集团网外通话100分钟", D("20.00")),
        ("超出短信10条", D("1.00")),
    )
    assert result["youth"].monthly_cost == D("31.00")
    assert result["keep"].monthly_cost == D("56.00")
    assert [e.cheapest for e in result.values()] == [True, False, False]


def test_fixed_fees_only_when_within_allowances() -> None:
    result = by_code(estimate([GROUP, YOUTH], UsageProfile(300, 0, 50, 30)))
    assert result["group"].monthly_cost == D("16.70")  # 8 + 30 MB * 0.29: no free data
    assert result["youth"].monthly_cost == D("15.00")
    assert [line.zh for line in result["youth"].breakdown] == ["动感地带网聊套餐月费", "大客户包月费"]
    assert [line.en for line in result["youth"].breakdown] == ["动感地带网聊套餐 monthly fee", "大客户包 monthly fee"]


def test_data_beyond_free_at_default_rate() -> None:
    (only,) = estimate([YOUTH], UsageProfile(0, 0, 0, 130))
    assert only.monthly_cost == D("44.00")  # 15 + 100 MB * 0.29


def test_in_group_without_rate_uses_plan_out_group_rate() -> None:
    plan_only = TariffOption("plain", "plain", RatedItem("p", "p", D("0"), out_group_rate=D("0.15")))
    (only,) = estimate([plan_only], UsageProfile(10, 0, 0, 0))
    assert only.monthly_cost == D("1.50")


def test_defaults_when_nothing_is_set() -> None:
    bare = TariffOption("bare", "bare", RatedItem("b", "b", D("0")))
    (only,) = estimate([bare], UsageProfile(1, 1, 1, 1))
    assert only.monthly_cost == D("0.79")  # 0.20 + 0.20 + 0.10 + 0.29


def test_rounding_half_up() -> None:
    odd = TariffOption("odd", "odd", RatedItem("o", "o", D("0.005"), out_group_rate=D("0.005")))
    (only,) = estimate([odd], UsageProfile(0, 1, 0, 0))
    assert tuple((line.zh, line.en, line.amount) for line in only.breakdown) == (
        ("o月费", "o monthly fee", D("0.01")), ("集团网外通话1分钟", "1 out-of-group minutes", D("0.01")))
    assert only.monthly_cost == D("0.02")


def test_ties_mark_every_cheapest_option() -> None:
    result = estimate([GROUP, keep_current("3"), YOUTH], UsageProfile(0, 0, 0, 0))
    assert [(e.monthly_cost, e.cheapest) for e in result] == [(D("8.00"), True), (D("8.00"), True), (D("15.00"), False)]


def test_no_options() -> None:
    assert estimate([], UsageProfile()) == []


def test_negative_usage_is_clamped() -> None:
    assert UsageProfile(-5, -1, -2, -3) == UsageProfile(0, 0, 0, 0)


def test_check_usage() -> None:
    assert check_usage("400", 100, 60.0, "0").value == UsageProfile(400, 100, 60, 0)
    verdict = check_usage("-1", "abc", None, 1.5)
    assert [r.code for r in verdict.reasons] == ["tariff.usage_invalid"] * 4
    assert verdict.value is None


@settings(max_examples=200, deadline=None)
@given(raw=st.lists(st.one_of(st.none(), st.text(), st.integers(), st.floats()), min_size=4, max_size=4))
def test_check_usage_any_input_gives_a_verdict(raw: list[object]) -> None:
    assert isinstance(check_usage(*raw), Verdict)


money = st.decimals(min_value=0, max_value=1000, places=2)
rates = st.one_of(st.none(), st.decimals(min_value=0, max_value=5, places=3))
counts = st.integers(0, 5000)
items = st.builds(
    RatedItem,
    code=st.just("x"),
    name=st.text(max_size=4),
    monthly_fee=money,
    free_in_group_minutes=counts,
    in_group_rate=rates,
    out_group_rate=rates,
    free_sms=counts,
    sms_rate=rates,
    free_data_mb=counts,
    data_rate_per_mb=rates,
    keep_current=st.booleans(),
)
options = st.builds(TariffOption, code=st.text(max_size=3), name=st.text(max_size=3), plan=items, addons=st.tuples(items))
usages = st.builds(UsageProfile, counts, counts, counts, counts)


@settings(max_examples=200, deadline=None)
@given(opts=st.lists(options, max_size=4), usage=usages)
def test_estimates_are_consistent(opts: list[TariffOption], usage: UsageProfile) -> None:
    result = estimate(opts, usage)
    assert [e.option for e in result] == opts
    for e in result:
        assert e.monthly_cost == sum((line.amount for line in e.breakdown), D("0"))
        assert e.monthly_cost >= 0 and e.monthly_cost == e.monthly_cost.quantize(D("0.01"))
    if result:
        lowest = min(e.monthly_cost for e in result)
        assert [e.cheapest for e in result] == [e.monthly_cost == lowest for e in result]


@pytest.mark.parametrize("extra", [1, 50, 299])
def test_more_usage_never_costs_less(extra: int) -> None:
    base = estimate([GROUP], UsageProfile(250, 10, 40, 0))[0].monthly_cost
    more = estimate([GROUP], UsageProfile(250 + extra, 10 + extra, 40 + extra, extra))[0].monthly_cost
    assert more >= base
