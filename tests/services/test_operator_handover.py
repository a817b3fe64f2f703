"""The hand-over to the operator: one file read back part by part, and "sent" moved with it or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from operator_handover_support import application, checksums_hold, manifest, package, pdf_pages, statuses, xlsx_rows
from sqlalchemy import select
from support import make_staff

from kaccount_desk.domain.workflow import Status
from kaccount_desk.safe_files import PREFIX
from kaccount_desk.services import audit, operator_handover
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.audit_models import AuditEntry
from kaccount_desk.store.models import ApplicationEvent


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "to-operator"
    out.mkdir()
    return out


def test_the_operator_gets_one_file_and_the_applications_move_to_sent_with_it(admin: Context, campaign: str, folder: Path) -> None:
    ready = [application(admin, campaign, n) for n in range(3)] + [application(admin, campaign, 3, department="财务部", plan="mzone15")]
    not_submitted = application(admin, campaign, 4, status="collected")
    without_copies = application(admin, campaign, 5, copies=False, status="draft")
    already_sent = application(admin, campaign, 6, status="sent")

    done = operator_handover.hand_over(admin, campaign, folder)

    assert done.out == folder / "移交运营商-含身份证信息-BT2012-KA-2012-02-25.zip"
    assert [p.name for p in folder.iterdir()] == [done.out.name]  # no temporary left beside it
    assert sorted(done.sent) == sorted(ready) and done.refused == () and done.waiting == 2
    now = statuses(admin)
    assert {now[i] for i in ready} == {"sent"}
    assert (now[not_submitted], now[without_copies], now[already_sent]) == ("collected", "draft", "sent")
    parts = package(done.out)
    assert list(parts) == ["01-封面.pdf", "02-办理名单.xlsx", "03-身份证复印件.pdf", "manifest.json"]
    assert checksums_hold(parts)
    doc = manifest(parts)
    assert doc["campaign"] == campaign and sorted(doc["applications"]) == sorted(ready)
    assert doc["by_department"] == {"铸造事业部": 3, "财务部": 1} and sum(doc["by_plan"].values()) == 4
    assert "员工" not in parts["manifest.json"].decode()  # ids and counts, never names
    rows = xlsx_rows(parts["02-办理名单.xlsx"])
    assert rows[1][:6] == ["序号", "部门", "姓名", "证件类型", "证件号码", "手机号码"]
    people = rows[2:]
    assert [r[2] for r in people] == ["员工0", "员工1", "员工2", "员工3"]
    assert all(len(r[4]) == 18 and "*" not in r[4] for r in people)  # the counter needs the full numbers
    assert {r[-1] for r in people} == {"已交移动公司"}
    sheets = pdf_pages(parts["03-身份证复印件.pdf"])
    assert len(sheets) == 4 and all("仅供" in page and "2012-02-25" in page for page in sheets)
    cover = " ".join(pdf_pages(parts["01-封面.pdf"]))
    assert "铸造事业部" in cover and "财务部" in cover and done.witness in cover
    assert doc["parts"]["02-办理名单.xlsx"]["sha256"] in cover and doc["parts"]["03-身份证复印件.pdf"]["sha256"] in cover
    with admin.store.read() as s:
        notes = s.scalars(select(ApplicationEvent.note).where(ApplicationEvent.to_status == "sent",
                                                              ApplicationEvent.application_id.in_(ready))).all()
        subjects = s.scalars(select(AuditEntry.subject).where(AuditEntry.action.in_(["export", "print_id_image"]))).all()
    assert notes == [f"移交运营商 {done.out.name}"] * 4
    assert subjects.count(f"operator handover {done.out.name}") == 2
    assert audit.verify(admin.store).ok


def test_applications_that_may_not_move_stay_behind_with_their_reasons(admin: Context, campaign: str, folder: Path) -> None:
    good = application(admin, campaign, 0)
    held = application(admin, campaign, 1)
    # The office submitted it, then a copy went missing (purged): it may not reach the operator without one.
    from kaccount_desk.store.models import IdCopy

    with admin.store.transaction() as s:
        s.query(IdCopy).filter(IdCopy.application_id == held, IdCopy.side == "back").delete()

    done = operator_handover.hand_over(admin, campaign, folder, department="铸造事业部")

    assert done.sent == (good,) and [r.id for r in done.refused] == [held]
    assert [r.code for r in done.refused[0].reasons] == ["missing.copy_back"]
    assert statuses(admin)[held] == "submitted"
    assert manifest(package(done.out))["applications"] == [good]
    assert "铸造事业部" in done.out.name


def test_nothing_to_send_writes_nothing_and_says_why(admin: Context, campaign: str, folder: Path) -> None:
    application(admin, campaign, 0, status="collected")
    with pytest.raises(Refused) as refused:
        operator_handover.hand_over(admin, campaign, folder)
    assert refused.value.reasons[0].code == "handover.empty"
    assert list(folder.iterdir()) == []


def test_a_named_file_keeps_its_name_with_the_id_warning_in_front(admin: Context, campaign: str, folder: Path) -> None:
    application(admin, campaign, 0)
    done = operator_handover.hand_over(admin, campaign, folder / "给移动公司.zip")
    assert done.out == folder / "移交运营商-含身份证信息-给移动公司.zip" and done.out.is_file()


def test_a_target_that_is_a_folder_refuses_before_anything_moves(admin: Context, campaign: str, folder: Path) -> None:
    app = application(admin, campaign, 0)
    (folder / "移交运营商-含身份证信息-BT2012-KA-2012-02-25.zip").mkdir()  # where today's file would go
    with pytest.raises(Refused) as refused:
        operator_handover.hand_over(admin, campaign, folder)
    assert refused.value.reasons[0].code == "file.not_regular"
    assert statuses(admin)[app] == "submitted"
    assert not [p for p in folder.iterdir() if p.name.startswith(PREFIX)]
    with pytest.raises(Refused) as missing:
        operator_handover.hand_over(admin, campaign, folder / "nowhere" / "x.zip")
    assert missing.value.reasons[0].code == "handover.no_folder"


def test_only_who_may_hand_over_and_see_full_ids_may(admin: Context, campaign: str, folder: Path) -> None:
    application(admin, campaign, 0)
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    with pytest.raises(Forbidden):
        operator_handover.hand_over(collector, campaign, folder)
    assert list(folder.iterdir()) == [] and set(statuses(admin).values()) == {Status.SUBMITTED.value}


def test_stopped_half_way_through_the_id_sheets_nothing_moves_and_no_file_stays(admin: Context, campaign: str, folder: Path) -> None:
    ready = [application(admin, campaign, n) for n in range(3)]
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> bool:
        seen.append((done, total))
        # Mid-write: the temporary is beside the target, the moves are made in the open transaction.
        assert [p.name.startswith(PREFIX) for p in folder.iterdir()] == [True]
        return done < 2

    with pytest.raises(operator_handover.Cancelled):
        operator_handover.hand_over(admin, campaign, folder, progress=stop_after_two)
    assert seen == [(1, 3), (2, 3)]
    assert list(folder.iterdir()) == [] and {statuses(admin)[i] for i in ready} == {"submitted"}
    with admin.store.read() as s:
        assert s.scalar(select(ApplicationEvent.id).where(ApplicationEvent.to_status == "sent")) is None
