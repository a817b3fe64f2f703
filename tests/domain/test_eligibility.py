from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaccount_desk.domain.eligibility import check_excluded_packages, check_numbers_per_id, split_packages
from kaccount_desk.domain.reasons import Verdict

EXCLUDED = ["亲情一家", "欢乐在线", "动感地带随心聊", "校园网"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("亲情一家、彩铃", ["亲情一家", "彩铃"]),
        ("亲情一家,彩铃，来电显示;飞信；全球通/校园网", ["亲情一家", "彩铃", "来电显示", "飞信", "全球通", "校园网"]),
        ("“亲情一家”  「彩铃」 《欢乐在线》", ["亲情一家", "彩铃", "欢乐在线"]),
        ("ＧＰＲＳ套餐、彩铃、彩铃", ["GPRS套餐", "彩铃"]),
        (["亲情一家、彩铃", " 飞信 ", "来电 显示"], ["亲情一家", "彩铃", "飞信", "来电", "显示"]),
        (None, []),
        ("", []),
    ],
)
def test_split_packages(text: object, expected: list[str]) -> None:
    assert split_packages(text) == expected


def test_a_list_that_breaks_midway_is_not_taken_as_complete() -> None:
    """Fail closed: the packages read before a failure are not "all of them" (a conflict may follow)."""

    def packages() -> Iterator[str]:
        yield "彩铃"
        raise OSError("the sheet was closed while it was read")

    with pytest.raises(OSError):
        check_excluded_packages(packages(), EXCLUDED)


def test_excluded_package_is_named() -> None:
    verdict = check_excluded_packages("亲情一家、彩铃", EXCLUDED)
    assert [r.code for r in verdict.reasons] == ["eligibility.excluded_package"]
    assert verdict.reasons[0].zh == "号码已办理“亲情一家”,不能办理大客户业务。"


def test_excluded_name_contained_in_longer_package() -> None:
    verdict = check_excluded_packages(["“亲情一家”58元套餐", "校园网包月"], EXCLUDED)
    assert [r.code for r in verdict.reasons] == ["eligibility.excluded_package"] * 2
    assert "亲情一家58元套餐" in verdict.reasons[0].zh
    assert "校园网包月" in verdict.reasons[1].zh


def test_no_conflict_passes() -> None:
    assert check_excluded_packages("彩铃、来电显示", EXCLUDED).ok
    assert check_excluded_packages(None, EXCLUDED).ok


def test_blank_or_string_excluded_list_does_not_exclude_everything() -> None:
    assert check_excluded_packages("彩铃", ["", "  "]).ok
    assert check_excluded_packages("亲人彩铃", "亲情一家").ok
    assert not check_excluded_packages("亲情一家", "亲情一家、校园网").ok


@pytest.mark.parametrize("count", [0, 1, 4])
def test_below_five_numbers_is_silent(count: int) -> None:
    verdict = check_numbers_per_id(count)
    assert verdict.ok and verdict.warnings == ()


@pytest.mark.parametrize("count", [5, 6, "5", 5.0])
def test_five_numbers_is_a_confirmable_warning(count: object) -> None:
    verdict = check_numbers_per_id(count)
    assert verdict.ok
    assert [(w.code, w.confirm) for w in verdict.warnings] == [("eligibility.five_numbers", True)]
    assert "一证五号" in verdict.warnings[0].zh


def test_custom_limit() -> None:
    assert check_numbers_per_id(2, limit=3).warnings == ()
    assert [w.code for w in check_numbers_per_id(3, limit=3).warnings] == ["eligibility.five_numbers"]


@pytest.mark.parametrize(("count", "limit"), [(-1, 5), ("abc", 5), (None, 5), (True, 5), (2.5, 5), (1, 0)])
def test_invalid_count(count: object, limit: object) -> None:
    assert [r.code for r in check_numbers_per_id(count, limit).reasons] == ["eligibility.count_invalid"]


values = st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.lists(st.text(), max_size=4))


@settings(max_examples=300, deadline=None)
@given(current=values, excluded=values, count=values, limit=values)
def test_any_input_gives_a_verdict(current: object, excluded: object, count: object, limit: object) -> None:
    assert isinstance(split_packages(current), list)
    assert isinstance(check_excluded_packages(current, excluded), Verdict)  # type: ignore[arg-type]
    assert isinstance(check_numbers_per_id(count, limit), Verdict)


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.text(alphabet="亲情一家彩铃飞信abc", min_size=1, max_size=6), max_size=5))
def test_every_listed_excluded_name_is_found(names: list[str]) -> None:
    verdict = check_excluded_packages(names, names)
    assert len(verdict.reasons) == len(split_packages(names))
