"""Many applications through one move: the refused ones are named with their reasons, the others moved."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import batches, enrollment, id_copies, rosters
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.store.models import Application, ApplicationEvent


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (200, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _application(admin: Context, campaign: str, n: int, department: str = "铸造事业部", copies: bool = True) -> int:
    view = enrollment.save_application(admin, ApplicationInput(
        campaign,
        IntakeFields(department=department, name=f"员工{n}", id_number=valid_id(f"13098119800101{n + 100:03d}"), number_source="pool",
                     msisdn=f"188327588{n:02d}"),
        plan="group8",
    ))
    if copies:
        id_copies.attach_id_copy(admin, view.id, "front", _jpeg())
        id_copies.attach_id_copy(admin, view.id, "back", _jpeg())
    return view.id


def _statuses(ctx: Context) -> dict[int, str]:
    with ctx.store.read() as s:
        return {i: status for i, status in s.execute(select(Application.id, Application.status))}


def test_a_batch_moves_what_may_move_and_names_each_refusal(admin: Context, campaign: str) -> None:
    complete = [_application(admin, campaign, n) for n in range(3)]
    without_copies = _application(admin, campaign, 3, copies=False)
    elsewhere = _application(admin, campaign, 4, department="财务部")
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    ids = [complete[0], without_copies, complete[1], elsewhere, 999_999, complete[2], complete[0]]

    results = batches.move_many(collector, ids, "collected")

    assert [r.id for r in results] == [complete[0], without_copies, complete[1], elsewhere, 999_999, complete[2]]
    by_id = {r.id: r for r in results}
    assert all(by_id[i].moved and by_id[i].status == "collected" and by_id[i].name for i in complete)
    missing = by_id[without_copies]
    assert not missing.moved and missing.name == "员工3" and missing.status == "draft"
    assert {r.code for r in missing.reasons} >= {"missing.copy_front", "missing.copy_back"}
    assert "ID copy (front)" in missing.text("en")
    # Another department's application is refused without telling this collector whose it is.
    assert [r.code for r in by_id[elsewhere].reasons] == ["forbidden.department"] and by_id[elsewhere].name == ""
    assert [r.code for r in by_id[999_999].reasons] == ["not_found"] and by_id[999_999].name == ""
    statuses = _statuses(admin)
    assert [statuses[i] for i in complete] == ["collected"] * 3
    assert statuses[without_copies] == "draft" and statuses[elsewhere] == "draft"
    with admin.store.read() as s:
        moves = s.scalar(select(func.count()).select_from(ApplicationEvent).where(ApplicationEvent.to_status == "collected"))
    assert moves == 3


def test_a_batch_carries_the_reason_a_move_needs(admin: Context, campaign: str) -> None:
    ids = [_application(admin, campaign, n) for n in range(2)]
    for target in ("submitted", "sent"):
        assert all(r.moved for r in batches.move_many(admin, ids, target))
    refused = batches.move_many(admin, ids, "rejected")
    assert not any(r.moved for r in refused) and all(r.status == "sent" for r in refused)
    assert all(r.moved for r in batches.move_many(admin, ids, "rejected", "复印件不清晰"))
    assert set(_statuses(admin).values()) == {"rejected"}


def test_the_picked_applications_export_as_a_masked_working_list(admin: Context, campaign: str, tmp_path: Path) -> None:
    ids = [_application(admin, campaign, n, copies=False) for n in range(4)]
    enrollment.move_application(admin, ids[3], "withdrawn")
    out = tmp_path / "picked.csv"
    assert rosters.export_roster(admin, campaign, out, application_ids=[ids[1], ids[3]]) == 2
    text = out.read_text(encoding="utf-8-sig")
    assert "员工1" in text and "员工3" in text and "员工0" not in text and "员工2" not in text
    assert valid_id("13098119800101101") not in text  # masked: a working list, not the hand-over
