"""The field checks the intake form shows live and IntakeRules enforces on save: one function, two modes."""

from __future__ import annotations

from datetime import date

import pytest
from support import REPO, valid_id

from kaccount_desk.domain.intake import MAX_NAME, CampaignFacts, FieldChecks, IntakeFields, check_fields
from kaccount_desk.domain.mobile import SegmentTable, load_default_segments

TODAY = date(2012, 2, 24)
ID_1978 = valid_id("13098119780101123")
CAMPAIGN = CampaignFacts({"铸造事业部", "财务部"}, "china-mobile", ("亲情一家",), {"18832758801"}.__contains__)


@pytest.fixture(scope="module")
def segments() -> SegmentTable:
    return load_default_segments(REPO / "resources")


def _check(segments: SegmentTable, typing: bool = False, masked: bool | None = None, **values: str) -> FieldChecks:
    base = dict(department="铸造事业部", name="张三", id_number=ID_1978, number_source="pool", msisdn="18832758801")
    base.update(values)
    return check_fields(IntakeFields(**base), CAMPAIGN, segments, TODAY, typing=typing, masked_id_valid=masked)


def test_a_good_application_has_no_reasons_and_friendly_notes(segments: SegmentTable) -> None:
    checks = _check(segments)
    assert checks.reasons == [] and checks.id_valid and checks.mobile is not None
    assert checks.notes["id"].state == "ok" and checks.notes["id"].text() == "1978-01-01 男"
    assert checks.notes["id"].text("en") == "1978-01-01 male"
    assert checks.notes["number"].text() == "中国移动"


def test_the_name_limit_is_64_characters(segments: SegmentTable) -> None:
    assert _check(segments, name="张" * MAX_NAME).reasons == []
    long = _check(segments, name="张" * (MAX_NAME + 1))
    assert [r.code for r in long.reasons] == ["application.name"] and long.notes["name"].state == "reason"
    assert MAX_NAME == 64


def test_blank_fields_are_reasons_on_save_and_quiet_while_typing(segments: SegmentTable) -> None:
    saved = _check(segments, department=" ", name="")
    assert [r.zh for r in saved.reasons] == ["请选择部门", "姓名不能为空"]
    assert _check(segments, typing=True, department="", name="").reasons == []


def test_an_unknown_department_is_named(segments: SegmentTable) -> None:
    checks = _check(segments, department="宣传部")
    assert checks.notes["dept"].state == "reason" and "宣传部" in checks.reasons[0].zh


def test_part_of_a_department_is_calm_while_typing_and_names_what_it_may_become(segments: SegmentTable) -> None:
    """Typing "铸造" was red ("部门“铸造”不在本次活动的部门名单中") before the clerk could pick 铸造事业部 from the list."""
    typing = _check(segments, typing=True, department="铸造")
    assert typing.notes["dept"].state == "calm" and "铸造事业部" in typing.notes["dept"].text() and typing.reasons == []
    assert _check(segments, department="铸造").notes["dept"].state == "reason"  # on save it is still refused
    assert _check(segments, typing=True, department="宣传部").notes["dept"].state == "reason"


def test_half_typed_numbers_are_calm_only_while_typing(segments: SegmentTable) -> None:
    assert _check(segments, typing=True, id_number="1309811978").notes["id"].state == "calm"
    assert _check(segments, id_number="1309811978").notes["id"].state == "reason"
    assert _check(segments, typing=True, msisdn="1883275").notes["number"].state == "calm"
    assert _check(segments, msisdn="1883275").reasons[0].code == "mobile.length"


def test_a_pool_number_must_be_reserved_and_packages_must_not_conflict(segments: SegmentTable) -> None:
    assert _check(segments, msisdn="18832758899").reasons[0].code == "pool.not_reserved"
    kept = _check(segments, number_source="existing", msisdn="13803170001", current_packages="亲情一家")
    assert [r.code for r in kept.reasons] == ["eligibility.excluded_package"]
    assert _check(segments, number_source="existing", msisdn="13803170001", current_packages="来电显示").notes["packages"].state == "ok"


def test_a_masked_id_is_not_checked_again(segments: SegmentTable) -> None:
    masked = ID_1978[:4] + "*" * 10 + ID_1978[-4:]
    checks = _check(segments, typing=True, masked=True, id_number=masked)
    assert checks.reasons == [] and checks.id_valid
    assert checks.notes["id"].state == "ok" and "只能由数字组成" not in checks.notes["id"].text()
    assert _check(segments, typing=True, masked=False, id_number=masked).notes["id"].state == "warning"
    unmasked_check = _check(segments, typing=True, id_number=masked)
    assert unmasked_check.notes["id"].state == "reason"



@pytest.mark.parametrize("values", [
    {}, {"number_source": "existing", "msisdn": "13800138000", "current_packages": "来电显示"},
    {"number_source": "existing", "msisdn": "18912345678"}, {"id_number": ID_1978[:-1] + "0"}, {"msisdn": "13800138000"},
    {"department": "宣传部", "name": ""}, {"number_source": "existing", "msisdn": "13800138000", "current_packages": "亲情一家"},
], ids=["pool", "packages", "other-carrier", "checksum", "not-reserved", "blank", "excluded"])
def test_a_save_without_notes_reaches_the_same_verdict(segments: SegmentTable, values: dict[str, str]) -> None:
    """A save (the form's and a roster's) asks for no notes: what it reads is the same, only the friendly notes go."""
    fields = IntakeFields(**{**dict(department="铸造事业部", name="张三", id_number=ID_1978, number_source="pool",
                                    msisdn="18832758801"), **values})
    shown = check_fields(fields, CAMPAIGN, segments, TODAY)
    saved = check_fields(fields, CAMPAIGN, segments, TODAY, notes=False)
    assert (saved.reasons, saved.id_warnings, saved.number_warnings, saved.id_number, saved.id_valid, saved.mobile) == (
        shown.reasons, shown.id_warnings, shown.number_warnings, shown.id_number, shown.id_valid, shown.mobile)
    assert all(note.state == "reason" for note in saved.notes.values())
    assert {k for k, note in shown.notes.items() if note.state == "reason"} == set(saved.notes)
