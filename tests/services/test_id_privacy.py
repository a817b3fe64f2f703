"""IDs masked on paper and in files by default for everyone; full numbers a recorded, permitted
choice; nothing personal in a crash's text, on SQLite or PostgreSQL."""

from __future__ import annotations

import json
import traceback
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import text
from support import REPO, make_staff, valid_id

from kaccount_desk.domain.audit import Entry
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, crash_report, enrollment, id_copies, printing, rosters
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Forbidden
from kaccount_desk.sheets.roster_reader import read_roster

IDS = [valid_id("13098119780101123"), valid_id("13098119850612224")]
MASKED = [n[:4] + "**********" + n[-4:] for n in IDS]


def _jpeg(shade: int) -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (shade, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


@pytest.fixture
def apps(admin: Context, campaign: str) -> list[int]:
    made = []
    for name, number, msisdn in (("张三", IDS[0], "18832758801"), ("李四", IDS[1], "18832758802")):
        inp = ApplicationInput(
            campaign, IntakeFields(department="铸造事业部", name=name, id_number=number, number_source="pool", msisdn=msisdn),
            plan="group8",
        )
        view = enrollment.save_application(admin, inp)
        for side in ("front", "back"):
            id_copies.attach_id_copy(admin, view.id, side, _jpeg(90 + view.id))
        made.append(view.id)
    return made


OURS = {"print_full_id", "print_id_image", "export", "purge"}


def _entries(ctx: Context) -> list[Entry]:
    """The audit log's entries about ID data (not the change entries every write appends)."""
    with ctx.store.read() as session:
        return [e for e in audit.read_chain(session) if e.action in OURS]


def test_every_print_masks_ids_by_default_even_for_the_admin(admin, campaign, apps, tmp_path: Path) -> None:
    texts = [
        _text(printing.print_forms(admin, campaign, tmp_path / "f.pdf").out),
        _text(printing.print_roster(admin, campaign, tmp_path / "r.pdf", "铸造事业部").out),
        _text(printing.print_summary(admin, campaign, tmp_path / "s.pdf", all_live=True).out),
    ]
    for printed in texts:
        assert IDS[0] not in printed and IDS[1] not in printed and MASKED[0] in printed
    assert _entries(admin) == [], "a masked print is not a disclosure"
    folder = tmp_path / "one-by-one"
    folder.mkdir()
    files = printing.print_form_files(admin, campaign, folder)
    assert all(IDS[0] not in _text(p) and IDS[1] not in _text(p) for p in files.files)


def test_full_ids_are_a_permitted_choice_and_recorded(admin, campaign, apps, tmp_path: Path) -> None:
    full = _text(printing.print_forms(admin, campaign, tmp_path / "f.pdf", full_ids=True).out)
    assert IDS[0] in full and IDS[1] in full
    [entry] = _entries(admin)
    assert (entry.action, entry.actor, entry.subject) == ("print_full_id", "A001", "forms f.pdf")
    assert json.loads(entry.detail) == {"campaign": campaign, "count": 2}
    assert IDS[0] not in str(entry) and "张三" not in str(entry)
    clerk = make_staff(admin, "C001", "clerk")
    with pytest.raises(Forbidden):
        printing.print_forms(clerk, campaign, tmp_path / "c.pdf", full_ids=True)
    with pytest.raises(Forbidden):
        printing.print_roster(clerk, campaign, tmp_path / "c.pdf", "铸造事业部", full_ids=True)
    assert not (tmp_path / "c.pdf").exists()
    assert IDS[0] not in _text(printing.print_forms(clerk, campaign, tmp_path / "m.pdf").out)


def test_id_sheets_need_the_full_id_right_and_are_recorded(admin, campaign, apps, tmp_path: Path) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    with pytest.raises(Forbidden) as refused:
        printing.print_id_sheets(clerk, campaign, tmp_path / "ids.pdf")
    assert "查看完整证件号码" in refused.value.text() and not (tmp_path / "ids.pdf").exists()
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    with pytest.raises(Forbidden):
        printing.print_id_sheets(collector, campaign, tmp_path / "ids.pdf", department="铸造事业部")
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    assert printing.print_id_sheets(office, campaign, tmp_path / "ids.pdf").pages == 2
    assert [(e.action, e.actor, e.subject) for e in _entries(admin)] == [("print_id_image", "O001", "id sheets ids.pdf")]


def test_the_hand_over_export_keeps_full_ids_and_is_recorded_a_working_list_is_masked(admin, campaign, apps, tmp_path: Path) -> None:
    for app_id in apps:
        for target in ("collected", "submitted"):
            enrollment.move_application(admin, app_id, target)
    hand_over = tmp_path / "carrier.xlsx"
    assert rosters.export_roster(admin, campaign, hand_over) == 2
    cells = {str(v) for row in read_roster(hand_over).rows for v in row.values.values()}
    assert IDS[0] in cells
    working = tmp_path / "working.csv"
    rosters.export_roster(admin, campaign, working, all_live=True)
    written = working.read_text(encoding="utf-8-sig")
    assert IDS[0] not in written and MASKED[0] in written
    entries = _entries(admin)
    subjects = [(e.action, e.actor, e.subject) for e in entries]
    assert subjects == [("export", "A001", "roster carrier.xlsx"), ("export", "A001", "roster working.csv")]
    details = [json.loads(e.detail) for e in entries]
    assert [(d["full_ids"], d["hand_over"], d["count"]) for d in details] == [(True, True, 2), (False, False, 2)]
    clerk = make_staff(admin, "X001", "clerk")
    with pytest.raises(Forbidden):
        rosters.export_roster(clerk, campaign, tmp_path / "x.csv")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources")
    yield store
    store.close()


def test_a_database_error_about_an_id_number_is_told_without_it(any_store: Store) -> None:
    """The same ID number written twice where it must be unique: its text must not leave the process."""
    number, name = IDS[1], "张三"
    statement = text("INSERT INTO store_settings (name, value) VALUES (:name, :value)")
    with any_store.transaction() as session:
        session.execute(statement, {"name": number, "value": '"x"'})
    with pytest.raises(Exception) as raised, any_store.transaction() as session:  # noqa: B017 - whichever IntegrityError
        session.execute(statement, {"name": number, "value": f'"{name}"'})
    exc = raised.value
    assert type(exc).__name__ == "IntegrityError"
    described = crash_report.describe(exc)
    details = crash_report.safe_traceback(type(exc), exc, exc.__traceback__)
    assert "[SQL parameters hidden" in str(exc)
    assert number not in described and number not in details and name not in details
    assert "IntegrityError" in described and "INSERT INTO store_settings" in described
    assert "test_a_database_error_about_an_id_number_is_told_without_it" in details, "the frames are kept"
    if any_store.engine.dialect.name == "postgresql":
        # What the plain traceback would have shown: PostgreSQL quotes the clashing key in DETAIL.
        assert number in "".join(traceback.format_exception(exc))
        assert "SQLSTATE 23505" in described and "store_settings_pkey" in described
