from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kaccount_desk.domain.mobile import (
    Carrier,
    MobileNumber,
    SegmentTable,
    check_mobile,
    load_default_segments,
    normalize_mobile,
)
from kaccount_desk.domain.reasons import Verdict

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


@pytest.fixture(scope="module")
def segments() -> SegmentTable:
    table = load_default_segments(RESOURCES)
    assert table.problems == ()
    return table


def codes(verdict: Verdict[object]) -> list[str]:
    return [r.code for r in verdict.reasons]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+86 138-1234-5678", "13812345678"),
        ("0086 13812345678", "13812345678"),
        ("8613812345678", "13812345678"),
        ("(138) 1234.5678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        (13812345678.0, "13812345678"),
        (13812345678, "13812345678"),
        ("8612345678", "8612345678"),
        ("+86 0317 8123456", "+8603178123456"),
        (None, ""),
    ],
)
def test_normalize(raw: object, expected: str) -> None:
    assert normalize_mobile(raw) == expected


@pytest.mark.parametrize(
    ("number", "carrier"),
    [
        ("13812345678", Carrier.CHINA_MOBILE),
        ("13401234567", Carrier.CHINA_MOBILE),
        ("18832758812", Carrier.CHINA_MOBILE),
        ("16512345678", Carrier.CHINA_MOBILE),
        ("17031234567", Carrier.CHINA_MOBILE),
        ("19812345678", Carrier.CHINA_MOBILE),
        ("13012345678", Carrier.CHINA_UNICOM),
        ("17041234567", Carrier.CHINA_UNICOM),
        ("19612345678", Carrier.CHINA_UNICOM),
        ("13491234567", Carrier.CHINA_TELECOM),
        ("14912345678", Carrier.CHINA_TELECOM),
        ("16212345678", Carrier.CHINA_TELECOM),
        ("17400123456", Carrier.CHINA_TELECOM),
        ("19912345678", Carrier.CHINA_TELECOM),
        ("19212345678", Carrier.CHINA_BROADNET),
    ],
)
def test_carrier(number: str, carrier: Carrier, segments: SegmentTable) -> None:
    verdict = check_mobile(number, segments, for_calls=False)
    assert verdict.ok and verdict.warnings == ()
    assert verdict.value == MobileNumber(number, carrier)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "mobile.empty"),
        (None, "mobile.empty"),
        ("0317-8123456", "mobile.landline"),
        ("(0317)81234567", "mobile.landline"),
        ("010 12345678", "mobile.landline"),
        ("8123456", "mobile.landline"),
        ("1381234567", "mobile.length"),
        ("138123456789", "mobile.length"),
        ("138-1234-567a", "mobile.chars"),
        ("+44 7911 123456", "mobile.chars"),
        ("12012345678", "mobile.not_mobile"),
        ("14012345678", "mobile.not_mobile"),
        ("1440123456789", "mobile.iot"),
        ("1481234567890", "mobile.iot"),
        ("1461234567890", "mobile.iot"),
        ("1410123456789", "mobile.iot"),
    ],
)
def test_rejections(raw: object, code: str, segments: SegmentTable) -> None:
    verdict = check_mobile(raw, segments)
    assert codes(verdict) == [code]
    assert verdict.value is None


def test_other_carrier_is_a_confirmable_warning(segments: SegmentTable) -> None:
    verdict = check_mobile("15512345678", segments, required_carrier="china-mobile")
    assert verdict.ok
    assert verdict.value == MobileNumber("15512345678", Carrier.CHINA_UNICOM)
    (warning,) = verdict.warnings
    assert warning.code == "mobile.carrier_mismatch" and warning.confirm
    assert "中国联通" in warning.zh and "携号转网" in warning.zh and "中国移动" in warning.zh
    assert "2019-12-01" in warning.en


def test_required_carrier_met_gives_no_warning(segments: SegmentTable) -> None:
    assert check_mobile("13812345678", segments, Carrier.CHINA_MOBILE).warnings == ()
    assert check_mobile("15512345678", segments, None).warnings == ()


def test_unknown_carrier_with_requirement_warns() -> None:
    table = SegmentTable.from_toml_text('[segments]\n"1381" = "unknown"\n')
    verdict = check_mobile("13812345678", table, "china-mobile")
    assert verdict.value == MobileNumber("13812345678", Carrier.UNKNOWN)
    assert [(w.code, w.confirm) for w in verdict.warnings] == [("mobile.carrier_mismatch", True)]


def test_segment_table_longest_prefix_wins() -> None:
    table = SegmentTable.from_toml_text(
        '[segments]\n"134" = "china-mobile"\n"1349" = "china-telecom"\n"13490" = "china-unicom"\n'
    )
    assert table.lookup("13491234567") == ("1349", Carrier.CHINA_TELECOM)
    assert table.lookup("13490234567") == ("13490", Carrier.CHINA_UNICOM)
    assert table.lookup("13412345678") == ("134", Carrier.CHINA_MOBILE)
    assert table.lookup("13512345678") is None


def test_segment_table_override_beats_phonenumbers() -> None:
    table = SegmentTable.from_toml_text('[segments]\n"138" = "china-unicom"\n')
    assert check_mobile("13812345678", table).value == MobileNumber("13812345678", Carrier.CHINA_UNICOM)
    assert check_mobile("14912345678", SegmentTable()).reasons[0].code == "mobile.not_mobile"


@pytest.mark.parametrize(
    "text",
    ["[segments", '[segments]\n"abc" = "china-mobile"\n', '[segments]\n"138" = "vodafone"\n', "segments = 3",
     '[data_only]\nprefixes = ["abc"]\n', "data_only = 3", '[data_only]\nprefixes = "149"\n'],
)
def test_bad_data_file_reports_problems(text: str) -> None:
    table = SegmentTable.from_toml_text(text)
    assert table.overrides == ()
    assert [p.code for p in table.problems] == ["segments.invalid"]


@pytest.mark.parametrize("number", ["14612345678", "14812345678", "14912345678"])
def test_data_only_segments_cannot_join_a_calling_group(number: str, segments: SegmentTable) -> None:
    verdict = check_mobile(number, segments)
    assert codes(verdict) == ["mobile.data_only"]
    assert number[:3] in verdict.reasons[0].zh and "calls" in verdict.reasons[0].en


def test_a_ticket_about_a_data_card_is_still_taken(segments: SegmentTable) -> None:
    assert check_mobile("14912345678", segments, for_calls=False).value == MobileNumber("14912345678", Carrier.CHINA_TELECOM)


@pytest.mark.parametrize(("number", "carrier"), [("14512345678", Carrier.CHINA_UNICOM), ("14712345678", Carrier.CHINA_MOBILE)])
def test_145_and_147_are_voice_numbers_now(number: str, carrier: Carrier, segments: SegmentTable) -> None:
    assert check_mobile(number, segments).value == MobileNumber(number, carrier)


def test_missing_data_file_is_a_problem(tmp_path: Path) -> None:
    assert [p.code for p in load_default_segments(tmp_path).problems] == ["segments.invalid"]


def test_carrier_labels() -> None:
    assert Carrier.CHINA_MOBILE.zh == "中国移动"
    assert Carrier.CHINA_BROADNET.zh == "中国广电"
    assert Carrier("china-telecom").en == "China Telecom"


@settings(max_examples=300, deadline=None)
@given(
    raw=st.one_of(
        st.none(),
        st.text(),
        st.integers(),
        st.floats(),
        st.text(alphabet="0123456789+-() .１", max_size=16),
    ),
    required=st.one_of(st.none(), st.text(max_size=3), st.sampled_from(list(Carrier))),
)
def test_any_input_gives_a_verdict(raw: object, required: object, segments: SegmentTable) -> None:
    verdict = check_mobile(raw, segments, required)  # type: ignore[arg-type]
    assert isinstance(verdict, Verdict)
    assert verdict.ok == (verdict.value is not None)
    assert isinstance(normalize_mobile(raw), str)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200))
def test_any_toml_text_gives_a_table(text: str) -> None:
    assert isinstance(SegmentTable.from_toml_text(text), SegmentTable)


def test_masking_numbers_leaves_phonenumbers_unloaded_until_a_number_is_checked() -> None:
    # The Tickets page masks numbers; phonenumbers' carrier tables (12 MB) wait for the first check.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kaccount_desk.domain.mobile import check_mobile, load_default_segments, mask_mobile\n"
        "mask_mobile('13800138000')\n"
        "print('phonenumbers' in sys.modules)\n"
        f"check_mobile('13800138000', load_default_segments(Path({str(RESOURCES)!r})))\n"
        "print('phonenumbers' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(RESOURCES.parent))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True, env=env)
    assert done.stdout.split() == ["False", "True"]
