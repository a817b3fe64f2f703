"""Plans and add-ons named as departments write them: code, full name, short name, beginning, fee."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kaccount_desk.domain.item_names import NamedItem, match_item, unknown_plan

PLANS = [
    NamedItem("group8", "集团资费(神州行集团卡3+集团包,共8元)", Decimal("8.00")),
    NamedItem("mzone15", "动感地带网聊套餐(10元)+大客户包5元", Decimal("15.00")),
    NamedItem("keep5", "保留原资费+大客户包5元", Decimal("5.00")),
]


@pytest.mark.parametrize(("typed", "code"), [
    ("group8", "group8"), ("GROUP8", "group8"), ("集团资费(神州行集团卡3+集团包,共8元)", "group8"),
    ("集团资费", "group8"), (" 集团资费 ", "group8"), ("8元", "group8"), ("8", "group8"), ("15元/月", "mzone15"),
    ("８元", "group8"), ("动感地带", "mzone15"), ("保留原资费", "keep5"), ("5元", "keep5"),
    ("10元", "mzone15"), ("10", "mzone15"),  # the price the plan's own name quotes (seen refused in a real roster)
])
def test_a_plan_is_found_as_people_write_it(typed: str, code: str) -> None:
    found = match_item(typed, PLANS)
    assert found is not None and found.code == code


@pytest.mark.parametrize("typed", ["", "套餐", "9元", "集", "group"])
def test_nothing_or_more_than_one_is_no_match(typed: str) -> None:
    assert match_item(typed, PLANS) is None


def test_a_miss_lists_what_is_accepted() -> None:
    reason = unknown_plan("十元套餐", PLANS)
    assert "集团资费(group8,8元)" in reason.zh and "保留原资费(keep5,5元)" in reason.zh
    assert "accepted: 集团资费 (group8, 8 yuan)" in reason.en


def test_a_roster_of_rows_normalises_each_name_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 10,000-row roster matched every row's plan against every plan's names, normalising them anew each time."""
    from kaccount_desk.domain import item_names

    calls: list[str] = []
    real = item_names.to_half_width
    monkeypatch.setattr(item_names, "to_half_width", lambda text: calls.append(text) or real(text))
    for _ in range(100):
        assert match_item("集团资费", PLANS) is PLANS[0]
    assert len(calls) <= 10
