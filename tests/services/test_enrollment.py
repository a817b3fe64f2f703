"""Taking applications through the service: what is refused, what is kept, who moved what when."""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import fields
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from support import Clock, application_input, make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services import application_list, enrollment, id_copies, pool
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.services.id_images import MAX_FILE_BYTES
from kaccount_desk.store.models import Application, ApplicationEvent

ID_1978 = valid_id("13098119780101123")  # 泊头市, born 1978: stdnum 2.2's region verdict refuses it


def _input(campaign: str, **changes: object) -> ApplicationInput:
    base: dict[str, object] = dict(
        department="铸造事业部", name="张三", id_number=ID_1978,
        number_source="pool", msisdn="18832758801", plan="group8",
    )
    base.update(changes)
    return application_input(campaign, **base)


def _rows(ctx: Context) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(Application)) or 0


def _jpeg(width: int = 856, height: int = 540) -> bytes:
    out = BytesIO()
    Image.new("RGB", (width, height), (200, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _complete(ctx: Context, app_id: int) -> None:
    id_copies.attach_id_copy(ctx, app_id, "front", _jpeg())
    id_copies.attach_id_copy(ctx, app_id, "back", _jpeg())


def test_the_input_holds_the_domain_fields_and_repeats_none_of_them(campaign: str) -> None:
    """Issue 19: the applicant's fields are declared once, in the domain's ``IntakeFields``; the input
    holds that object whole (no mapper copying seven fields across), so the form's live checks and
    the save read the same values, and a field added to the domain needs no second declaration."""
    own = {f.name for f in fields(ApplicationInput)}
    assert own.isdisjoint(f.name for f in fields(IntakeFields)), own
    inp = _input(campaign, name="李四")
    assert type(inp.fields) is IntakeFields and inp.fields.name == "李四" and inp.plan == "group8"


def test_a_draft_is_saved_with_what_is_missing_listed(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    assert view.status == "draft"
    assert view.id_valid and view.id_number == ID_1978
    assert view.plan == "group8" and str(view.monthly_fee) == "8.00"
    assert [m.code for m in view.missing] == ["missing.copy_front", "missing.copy_back"]
    assert view.events[0].staff_no == "A001" and view.events[0].to_status == "draft"


def test_wrong_input_is_refused_whole_and_writes_nothing(admin: Context, campaign: str) -> None:
    with pytest.raises(Refused) as refused:
        enrollment.save_application(admin, _input(campaign, id_number="130981197801011230", department="宣传部"))
    codes = {r.code for r in refused.value.reasons}
    assert {"id.checksum", "application.department"} <= codes
    assert _rows(admin) == 0


def test_excluded_package_is_ineligible_and_named(admin: Context, campaign: str) -> None:
    """Kept as a draft with the reason listed (the clerk can put it aside); it cannot move on."""
    view = enrollment.save_application(
        admin, _input(campaign, number_source="existing", msisdn="13803170000", current_packages="亲情一家、彩铃")
    )
    assert [r.code for r in view.problems] == ["eligibility.excluded_package"] and "亲情一家" in view.problems[0].zh
    assert view.problems[0] in view.missing
    _complete(admin, view.id)
    with pytest.raises(Refused) as refused:
        enrollment.move_application(admin, view.id, "submitted")
    assert "亲情一家" in refused.value.text("zh")


def test_a_pool_number_belongs_to_one_live_application_until_freed(admin: Context, campaign: str) -> None:
    first = enrollment.save_application(admin, _input(campaign))
    with pytest.raises(Refused) as refused:
        enrollment.save_application(admin, _input(campaign, name="李四", id_number=valid_id("13098119800101123")))
    assert [r.code for r in refused.value.reasons] == ["number.taken"]
    assert "18832758801" not in [e.number for e in pool.browse_pool(admin, campaign, tail="01")]
    enrollment.move_application(admin, first.id, "withdrawn")
    assert "18832758801" in [e.number for e in pool.browse_pool(admin, campaign, tail="01")]
    second = enrollment.save_application(admin, _input(campaign, name="李四", id_number=valid_id("13098119800101123")))
    assert second.msisdn == "18832758801"


def test_a_number_outside_the_pool_cannot_be_chosen_as_new(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign, msisdn="18832750001"))
    assert [r.code for r in view.problems] == ["pool.not_reserved"]
    with pytest.raises(Refused):
        enrollment.move_application(admin, view.id, "collected")


def test_another_carriers_segment_needs_confirmation_before_moving_on(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign, number_source="existing", msisdn="13012345678"))
    assert "confirm.mobile.carrier_mismatch" in [m.code for m in view.missing]
    _complete(admin, view.id)
    with pytest.raises(Refused) as refused:
        enrollment.move_application(admin, view.id, "submitted")
    assert [r.code for r in refused.value.reasons] == ["confirm.mobile.carrier_mismatch"]
    enrollment.confirm_warning(admin, view.id, "mobile.carrier_mismatch")
    assert enrollment.move_application(admin, view.id, "submitted").status == "submitted"


def test_forward_moves_need_everything_and_record_who_and_when(admin: Context, campaign: str, clock: Clock) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    with pytest.raises(Refused) as refused:
        enrollment.move_application(admin, view.id, "submitted")
    assert {r.code for r in refused.value.reasons} == {"missing.copy_front", "missing.copy_back"}
    _complete(admin, view.id)
    clock.advance(hours=1)
    for target in ("submitted", "sent", "activated"):
        view = enrollment.move_application(admin, view.id, target)
    assert view.status == "activated"
    assert [(e.from_status, e.to_status) for e in view.events] == [
        (None, "draft"), ("draft", "submitted"), ("submitted", "sent"), ("sent", "activated"),
    ]
    assert all(e.staff_no == "A001" for e in view.events)
    assert view.events[-1].at == clock.now


def test_rejection_needs_the_operators_reason_and_frees_the_number(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    _complete(admin, view.id)
    enrollment.move_application(admin, view.id, "submitted")
    enrollment.move_application(admin, view.id, "sent")
    with pytest.raises(Refused):
        enrollment.move_application(admin, view.id, "rejected", "  ")
    view = enrollment.move_application(admin, view.id, "rejected", "身份证复印件不清晰")
    assert view.reject_reason == "身份证复印件不清晰"
    assert "18832758801" in [e.number for e in pool.browse_pool(admin, campaign, tail="8801")]


def test_after_the_deadline_only_office_staff_accept_with_a_reason(admin: Context, office: Context, campaign: str, clock: Clock) -> None:
    clock.advance(days=3)
    with pytest.raises(Refused) as refused:
        enrollment.save_application(office, _input(campaign))
    assert [r.code for r in refused.value.reasons] == ["deadline.passed"]
    assert "2012年2月27日10:00" in refused.value.text("zh")
    clerk = make_staff(admin, "C001", "clerk")
    with pytest.raises(Forbidden):
        enrollment.save_application(clerk, _input(campaign, late_reason="出差刚回"))
    view = enrollment.save_application(office, _input(campaign, late_reason="出差刚回,领导同意"))
    assert view.late_reason == "出差刚回,领导同意"


def test_a_collector_takes_only_their_own_departments_applications(admin: Context, campaign: str) -> None:
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    view = enrollment.save_application(collector, _input(campaign))
    assert view.department == "铸造事业部"
    with pytest.raises(Forbidden):
        enrollment.save_application(collector, _input(campaign, department="财务部", msisdn="18832758802"))
    _complete(collector, view.id)
    assert enrollment.move_application(collector, view.id, "collected").status == "collected"
    with pytest.raises(Forbidden):
        enrollment.move_application(collector, view.id, "submitted")


def test_a_sixth_number_for_one_id_needs_confirmation(admin: Context, campaign: str) -> None:
    for n in range(5):
        enrollment.save_application(admin, _input(campaign, msisdn=f"1883275880{n}"))
    sixth = enrollment.save_application(admin, _input(campaign, msisdn="18832758805"))
    assert "confirm.eligibility.five_numbers" in [m.code for m in sixth.missing]


def test_submitted_applications_cannot_be_edited(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    _complete(admin, view.id)
    enrollment.move_application(admin, view.id, "submitted")
    with pytest.raises(Refused):
        enrollment.save_application(admin, _input(campaign, name="王五"), view.id)
    assert enrollment.get_application(admin, view.id).name == "张三"


def test_events_are_one_per_move(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    enrollment.move_application(admin, view.id, "withdrawn")
    with admin.store.read() as s:
        assert s.scalar(select(func.count()).select_from(ApplicationEvent)) == 2
    assert Status(enrollment.get_application(admin, view.id).status) is Status.WITHDRAWN


def test_bad_id_copies_are_refused_and_leave_nothing(admin: Context, campaign: str, tmp_path: object) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    for raw, code in ((b"not an image at all", "image.unreadable"), (b"", "image.empty"), (_jpeg(100, 60), "image.too_small")):
        with pytest.raises(Refused) as refused:
            id_copies.attach_id_copy(admin, view.id, "front", raw, "x.jpg")
        assert refused.value.reasons[0].code == code
    assert id_copies.id_copy(admin, view.id, "front") is None
    huge = b"\xff\xd8" + b"0" * (21 * 1024 * 1024)
    with pytest.raises(Refused) as refused:
        id_copies.attach_id_copy(admin, view.id, "front", huge, "big.jpg")
    assert refused.value.reasons[0].code == "image.too_big"


def test_id_copies_are_reencoded_bounded_and_hashed(admin: Context, campaign: str) -> None:
    import hashlib

    view = enrollment.save_application(admin, _input(campaign))
    out = BytesIO()
    Image.new("RGB", (4000, 2500), (10, 20, 30)).save(out, format="PNG")
    view = id_copies.attach_id_copy(admin, view.id, "front", out.getvalue(), "scan.png")
    image = id_copies.id_copy(admin, view.id, "front")
    assert image is not None
    assert max(image.width, image.height) == 1600
    assert image.data[:2] == b"\xff\xd8"
    assert hashlib.sha256(image.data).hexdigest() == image.sha256
    assert view.has_front and not view.has_back


def test_late_clock_is_respected_for_edits(admin: Context, campaign: str, clock: Clock) -> None:
    view = enrollment.save_application(admin, _input(campaign))
    clock.advance(days=5)
    edited = enrollment.save_application(admin, _input(campaign, name="张三丰"), view.id)
    assert edited.name == "张三丰"
    assert edited.updated_at == clock.now
    assert edited.created_at == clock.now - timedelta(days=5)


def test_list_search_finds_wildcards_only_as_written(admin: Context, campaign: str) -> None:
    """"%" and "_" typed into the applications search are characters, not LIKE wildcards."""
    enrollment.save_application(admin, _input(campaign))
    query = lambda typed: application_list.count_applications(admin, ApplicationQuery(campaign, search=typed))  # noqa: E731
    assert (query("张"), query("8801"), query(ID_1978[-4:])) == (1, 1, 1)
    assert (query("%"), query("_"), query("1%"), query("\\")) == (0, 0, 0, 0)


def test_a_huge_picked_file_is_read_only_one_byte_past_the_limit(tmp_path: Path) -> None:
    """A pipe reports size 0 and never ends early: only a bounded read stops at the limit."""
    fifo = tmp_path / "huge.jpg"
    os.mkfifo(fifo)
    chunk = b"\xff" * (1 << 20)

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as out:
            for _ in range(2 * MAX_FILE_BYTES // len(chunk)):
                out.write(chunk)

    writer = threading.Thread(target=feed)
    writer.start()
    raw = id_copies.read_image_file(fifo)
    writer.join(timeout=30)
    assert len(raw) == MAX_FILE_BYTES + 1
