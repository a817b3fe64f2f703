from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn.ric import calc_check_digit

from kaccount_desk.domain.id_documents import IdDocumentType, check_id_document, document_type_from
from kaccount_desk.domain.reasons import Verdict
from kaccount_desk.domain.resident_id import (
    VALID_PROVINCES,
    ResidentId,
    check_resident_id,
    mask_resident_id,
    normalize_resident_id,
)

TODAY = date(2026, 11, 15)


def make_id(first17: str) -> str:
    return first17 + calc_check_digit(first17 + "0")


def codes(verdict: Verdict[object]) -> list[str]:
    return [r.code for r in verdict.reasons]


def test_standard_example_passes() -> None:
    verdict = check_resident_id("11010519491231002X", TODAY)
    assert verdict.ok
    assert verdict.value == ResidentId("11010519491231002X", date(1949, 12, 31), "female", "110105")


@pytest.mark.parametrize("year", [1978, 1980, 1985])
def test_botou_holders_born_before_their_county_code_pass(year: int) -> None:
    number = make_id(f"130981{year}0101123")
    verdict = check_resident_id(number, TODAY)
    assert verdict.ok, verdict.texts()
    assert verdict.value is not None
    assert verdict.value.region_code == "130981"
    assert verdict.value.sex == "male"


def test_retired_county_code_passes() -> None:
    assert check_resident_id(make_id("41272319700101002"), TODAY).ok


@pytest.mark.parametrize(
    "raw",
    [" 11010519491231002x ", "110105 1949 1231 002X", "１１０１０５１９４９１２３１００２Ｘ", "110105\u300019491231002X"],
)
def test_normalization(raw: str) -> None:
    assert normalize_resident_id(raw) == "11010519491231002X"
    assert check_resident_id(raw, TODAY).ok


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (None, "id.empty"),
        ("   ", "id.empty"),
        ("1.30981E+17", "id.excel_number"),
        ("1.30981e+17", "id.excel_number"),
        (1.30981197801011e17, "id.excel_number"),
        (130981197801011000, "id.excel_number"),
        ("130981197801011000", "id.excel_number"),
        ("130981780101123", "id.legacy_15"),
        (130981780101123, "id.legacy_15"),
        ("1309811978010112", "id.length"),
        ("13098119780101123456", "id.length"),
        ("13098119780101123A", "id.chars"),
        ("1309811978X1011234", "id.chars"),
        ("11010519491231002", "id.length"),
        ("110105194912310021", "id.checksum"),
    ],
)
def test_rejections(raw: object, code: str) -> None:
    verdict = check_resident_id(raw, TODAY)
    assert codes(verdict) == [code]
    assert verdict.value is None
    assert all(r.zh and r.en for r in verdict.reasons)


def test_checksum_reason_does_not_reveal_expected_character() -> None:
    verdict = check_resident_id("110105194912310021", TODAY)
    assert "X" not in verdict.reasons[0].zh and "X" not in verdict.reasons[0].en


@pytest.mark.parametrize(
    ("first17", "code"),
    [
        ("13098119780230123", "id.birth_date_invalid"),
        ("13098119781301123", "id.birth_date_invalid"),
        ("13098120261116123", "id.birth_date_future"),
        ("13098118991231123", "id.birth_date_too_old"),
        ("99098119780101123", "id.province"),
        ("16098119780101123", "id.province"),
        ("84098119780101123", "id.province"),
    ],
)
def test_content_rejections(first17: str, code: str) -> None:
    assert codes(check_resident_id(make_id(first17), TODAY)) == [code]


def test_content_problems_are_reported_together() -> None:
    bad = make_id("99098119780230123")
    bad = bad[:-1] + ("1" if bad[-1] != "1" else "2")
    assert codes(check_resident_id(bad, TODAY)) == ["id.checksum", "id.birth_date_invalid", "id.province"]


def test_born_today_passes_and_1900_boundary() -> None:
    assert check_resident_id(make_id("110105" + TODAY.strftime("%Y%m%d") + "002"), TODAY).ok
    assert check_resident_id(make_id("11010519000101002"), TODAY).ok


@pytest.mark.parametrize("prefix", ["710000", "810000", "820000", "830000"])
def test_taiwan_hk_macau_codes_pass(prefix: str) -> None:
    assert check_resident_id(make_id(prefix + "19900101003"), TODAY).ok


def test_mask() -> None:
    assert mask_resident_id(make_id("13098119780101123")) == "1309**********123" + calc_check_digit(
        "130981197801011230"
    )
    assert mask_resident_id("11010519491231002x") == "1101**********002X"
    assert mask_resident_id("1234567") == "*******"
    assert mask_resident_id(None) == ""


def test_document_types_have_labels() -> None:
    assert IdDocumentType.RESIDENT_ID.zh == "居民身份证"
    assert IdDocumentType.PASSPORT.zh == "外国人护照"
    assert all(t.zh and t.en for t in IdDocumentType)
    assert document_type_from("") is IdDocumentType.RESIDENT_ID
    assert document_type_from("户口簿") is IdDocumentType.HOUSEHOLD_REGISTER


def test_check_id_document_resident_id() -> None:
    assert check_id_document("resident_id", " 11010519491231002x", TODAY).value == "11010519491231002X"
    assert codes(check_id_document("", "110105194912310021", TODAY)) == ["id.checksum"]


def test_check_id_document_other_types() -> None:
    assert check_id_document("passport", " e1234 5678 ", TODAY).value == "E12345678"
    assert check_id_document("military_id", "南字第123456号", TODAY).ok is False
    assert codes(check_id_document("military_id", "南字第123456号", TODAY)) == ["id.document_format"]
    assert codes(check_id_document("passport", "", TODAY)) == ["id.empty"]
    assert codes(check_id_document("passport", "1234", TODAY)) == ["id.document_format"]
    assert codes(check_id_document("driving_licence", "E12345678", TODAY)) == ["id.document_type"]


def test_permits_accept_residence_permit_numbers() -> None:
    hk = make_id("81000019900101003")
    assert check_id_document("hk_macau_permit", hk, TODAY).value == hk
    assert check_id_document("hk_macau_permit", "H12345678", TODAY).value == "H12345678"
    assert codes(check_id_document("taiwan_permit", hk, TODAY)) == ["id.permit_region"]
    tw = make_id("83000019900101003")
    assert check_id_document("taiwan_permit", tw, TODAY).value == tw
    tw_typo = tw[:-1] + ("1" if tw[-1] != "1" else "2")
    assert codes(check_id_document("taiwan_permit", tw_typo, TODAY)) == ["id.checksum"]


anything = st.one_of(
    st.none(),
    st.text(),
    st.integers(),
    st.floats(),
    st.text(alphabet="0123456789Xx １２３\u3000.eE+", max_size=25),
)


@settings(max_examples=300, deadline=None)
@given(raw=anything, doc_type=st.one_of(st.none(), st.text(max_size=5), st.sampled_from(list(IdDocumentType))))
def test_any_input_gives_a_verdict(raw: object, doc_type: object) -> None:
    verdict = check_resident_id(raw, TODAY)
    assert isinstance(verdict, Verdict)
    assert verdict.ok == (verdict.value is not None)
    assert isinstance(check_id_document(doc_type, raw, TODAY), Verdict)
    assert isinstance(normalize_resident_id(raw), str)
    assert isinstance(mask_resident_id(raw), str)


@settings(max_examples=300, deadline=None)
@given(
    province=st.sampled_from(sorted(VALID_PROVINCES)),
    county=st.integers(0, 9999),
    born=st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    sequence=st.integers(0, 999),
)
def test_valid_numbers_pass_and_round_trip(province: str, county: int, born: date, sequence: int) -> None:
    number = make_id(f"{province}{county:04d}{born:%Y%m%d}{sequence:03d}")
    verdict = check_resident_id(number, TODAY)
    assert verdict.ok, verdict.texts()
    assert verdict.value == ResidentId(
        number, born, "male" if sequence % 2 else "female", number[:6]
    )
    assert check_resident_id(number.lower(), TODAY).ok


@settings(max_examples=200, deadline=None)
@given(born=st.dates(min_value=TODAY + timedelta(days=1), max_value=date(9999, 12, 31)))
def test_future_birth_dates_are_rejected(born: date) -> None:
    number = make_id(f"130981{born:%Y%m%d}123")
    assert codes(check_resident_id(number, TODAY)) == ["id.birth_date_future"]

