"""Every full ID number shown is recorded, with who and why; lists never show one (issue 20, item 7).

Also the guards for two rules that once had none (run under tests/mutations/run_mutations.py):
the list's masking, and the audit note of applications a roster import inserts with Core.
"""

from __future__ import annotations

import json
from io import BytesIO
from pathlib import Path

import openpyxl
from PIL import Image
from support import application_input, make_staff, valid_id

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.resident_id import mask_resident_id
from kaccount_desk.services import application_list, audit, enrollment, id_copies, rosters
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput

ID_1 = valid_id("13098119780101123")
ID_2 = valid_id("13098119850612004")


def _views(ctx: Context) -> list[tuple[str, str, dict[str, object]]]:
    """(actor, subject, detail) of each VIEW_FULL_ID entry, oldest first."""
    with ctx.store.read() as session:
        return [(e.actor, e.subject, json.loads(e.detail)) for e in audit.read_chain(session) if e.action == Action.VIEW_FULL_ID]


def _input(campaign: str, **changes: object) -> ApplicationInput:
    base: dict[str, object] = dict(department="铸造事业部", name="张三", id_number=ID_1,
                                   number_source="pool", msisdn="18832758801", plan="group8")
    base.update(changes)
    return application_input(campaign, **base)


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (200, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def test_each_full_view_by_an_admin_is_recorded_with_who_and_why(admin: Context, campaign: str) -> None:
    app_id = enrollment.save_application(admin, _input(campaign)).id
    before = len(_views(admin))
    for _ in range(10):
        assert enrollment.get_application(admin, app_id).id_number == ID_1
    shown = _views(admin)[before:]
    assert shown == [("A001", f"applications {app_id}", {"why": "show"})] * 10


def test_the_creator_sees_the_whole_number_only_while_taking_it(admin: Context, campaign: str) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    taken = enrollment.save_application(clerk, _input(campaign))
    assert taken.id_number == ID_1 and not taken.id_masked and taken.editable
    assert ("C001", f"applications {taken.id}", {"why": "save"}) in _views(admin)
    id_copies.attach_id_copy(clerk, taken.id, "front", _jpeg())
    id_copies.attach_id_copy(clerk, taken.id, "back", _jpeg())
    enrollment.move_application(admin, taken.id, "collected")
    before = len(_views(admin))
    later = enrollment.get_application(clerk, taken.id)
    assert later.id_masked and later.id_number == mask_resident_id(ID_1) and not later.editable
    assert len(_views(admin)) == before  # nothing shown, nothing recorded


def test_a_colleague_without_the_right_sees_a_masked_number_and_leaves_no_view_entry(admin: Context, campaign: str) -> None:
    app_id = enrollment.save_application(admin, _input(campaign)).id
    clerk = make_staff(admin, "C001", "clerk")
    before = len(_views(admin))
    assert enrollment.get_application(clerk, app_id).id_number == mask_resident_id(ID_1)
    assert len(_views(admin)) == before


def test_lists_show_masked_numbers_to_everyone_including_the_admin(admin: Context, campaign: str) -> None:
    enrollment.save_application(admin, _input(campaign))
    clerk = make_staff(admin, "C001", "clerk")
    for ctx in (admin, clerk):
        rows = application_list.page_applications(ctx, ApplicationQuery(campaign), 0, 10)
        assert [r.id_number for r in rows] == [mask_resident_id(ID_1)]


def test_a_roster_import_records_the_applications_it_inserts(admin: Context, campaign: str, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "部门", "身份证号码", "手机号码", "资费方式", "已办业务", "新号"])
    sheet.append([1, "张三", "铸造事业部", ID_1, 13803170001, "group8", "", ""])
    sheet.append([2, "李四", "铸造事业部", ID_2, 13803170002, "group8", "", ""])
    book.save(tmp_path / "roster.xlsx")
    report = rosters.import_roster(admin, tmp_path / "roster.xlsx", campaign)
    ids = sorted(r.application_id for r in report.rows if r.application_id)
    assert len(ids) == 2
    with admin.store.read() as session:
        inserts = [json.loads(e.detail) for e in audit.read_chain(session)
                   if e.action == Action.CHANGE and e.subject == "applications" and json.loads(e.detail)["op"] == "insert"]
    assert [sorted(d["ids"]) for d in inserts] == [ids]  # type: ignore[type-var]
