"""Issue 22: a department seat and the office exchange packages, with two real stores (the office on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from handover_support import DEPARTMENT, IDS, pack_for, seat_from, take
from PIL import Image
from sqlalchemy import func, select
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock

from kaccount_desk.domain.handover import RowKind
from kaccount_desk.services import campaigns, enrollment, id_copies, pool, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_import import import_package
from kaccount_desk.services.handover_pack import make_pack
from kaccount_desk.services.handover_seat import acknowledge, send, sends
from kaccount_desk.store.audit_models import AuditEntry
from kaccount_desk.store.handover_models import HandoverAllotment
from kaccount_desk.store.models import Application, ApplicationEvent, IdCopy


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[tuple[Context, str]]:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
    yield admin, code
    store.close()


@pytest.fixture
def seat(office: tuple[Context, str], tmp_path: Path, clock: Clock) -> Iterator[Context]:
    admin, code = office
    (tmp_path / "seat").mkdir()
    ctx = seat_from(pack_for(admin, code, tmp_path), tmp_path / "seat", clock)
    yield ctx
    ctx.store.close()


def _numbers(ctx: Context, code: str) -> list[str]:
    return [e.number for e in pool.browse_pool(ctx, code)]


def _count(ctx: Context, model: type) -> int:
    with ctx.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def _pixels(jpeg: bytes) -> bytes:
    return Image.open(BytesIO(jpeg)).convert("RGB").tobytes()


def test_round_trip_brings_applications_history_and_identical_images(office: tuple[Context, str], seat: Context,
                                                                      tmp_path: Path) -> None:
    admin, code = office
    allotted = _numbers(seat, code)
    assert len(allotted) == 5 and not set(allotted) & set(_numbers(admin, code))  # the office no longer offers them
    ids = [take(seat, code, i, allotted[i]) for i in range(3)]
    done = send(seat, tmp_path / "p1.kahp")
    assert (done.sequence, done.applications, done.copies) == (1, 3, 6)
    preview = import_package(admin, done.path, ack_out=tmp_path / "ack")
    assert preview.totals[RowKind.NEW] == 3 and not preview.already_imported
    with admin.store.read() as session:
        rows = session.scalars(select(Application).order_by(Application.id)).all()
        assert [r.status for r in rows] == ["collected"] * 3
        assert {r.department_id for r in rows} == {campaigns.campaign_row(session, code).departments[0].id}
        assert [r.msisdn for r in rows] == allotted[:3]
        events = session.scalars(select(ApplicationEvent).where(ApplicationEvent.application_id == rows[0].id)).all()
        assert [e.to_status for e in events] == ["draft", "collected"] and "C101" in events[1].note
        audited = session.scalars(select(AuditEntry.subject).where(AuditEntry.detail.contains("handover_import"))).all()
        assert sorted(audited) == sorted(f"applications {r.id}" for r in rows)
    for seat_id, office_row in zip(ids, rows, strict=True):
        with seat.store.read() as session:  # the collector is shown the number masked: read it as stored
            seat_row = session.get(Application, seat_id)
            assert seat_row is not None and office_row.id_number == seat_row.id_number
        for side in ("front", "back"):
            theirs, ours = id_copies.id_copy(seat, seat_id, side), id_copies.id_copy(admin, office_row.id, side)
            assert theirs is not None and ours is not None
            assert _pixels(ours.data) == _pixels(theirs.data)
    assert [s.acknowledged_at for s in sends(seat)] == [None]
    assert acknowledge(seat, tmp_path / "ack").acknowledged_at is not None


def test_the_same_package_twice_changes_nothing(office: tuple[Context, str], seat: Context, tmp_path: Path) -> None:
    admin, code = office
    take(seat, code, 0, _numbers(seat, code)[0])
    path = send(seat, tmp_path / "p1.kahp").path
    import_package(admin, path)
    before = (_count(admin, Application), _count(admin, IdCopy), _count(admin, AuditEntry))
    again = import_package(admin, path)
    assert again.already_imported and again.totals[RowKind.UNCHANGED] == 1
    assert (_count(admin, Application), _count(admin, IdCopy), _count(admin, AuditEntry)) == before


def test_an_older_package_after_a_newer_is_refused(office: tuple[Context, str], seat: Context, tmp_path: Path) -> None:
    admin, code = office
    take(seat, code, 0, _numbers(seat, code)[0])
    first = send(seat, tmp_path / "p1.kahp").path
    second = send(seat, tmp_path / "p2.kahp").path
    assert import_package(admin, second).totals[RowKind.NEW] == 1
    with pytest.raises(Refused) as refused:
        import_package(admin, first)
    assert refused.value.reasons[0].code == "handover.older"


def test_a_later_package_updates_what_the_office_may_still_change_and_reports_a_conflict_otherwise(
        office: tuple[Context, str], seat: Context, tmp_path: Path) -> None:
    admin, code = office
    numbers = _numbers(seat, code)
    first, second = take(seat, code, 0, numbers[0]), take(seat, code, 1, numbers[1])
    import_package(admin, send(seat, tmp_path / "p1.kahp").path)
    with admin.store.read() as session:
        office_ids = list(session.scalars(select(Application.id).order_by(Application.id)))
    enrollment.move_application(admin, office_ids[1], "submitted")  # the office took the second one on
    for seat_id in (first, second):
        view = enrollment.get_application(seat, seat_id)
        enrollment.move_application(seat, seat_id, "draft")
        enrollment.save_application(seat, enrollment.ApplicationInput(
            code, enrollment.IntakeFields(department=DEPARTMENT, name=view.name + "改", id_number=view.id_number,
                                          number_source="pool", msisdn=view.msisdn), plan="group8"), seat_id)
    preview = import_package(admin, send(seat, tmp_path / "p2.kahp").path, dry_run=True)
    assert [r.kind for r in preview.rows] == [RowKind.CHANGED, RowKind.CONFLICT]
    assert preview.rows[1].reasons[0].code == "handover.conflict"
    assert enrollment.get_application(admin, office_ids[0]).name == "申请人0"  # the dry run changed nothing
    import_package(admin, tmp_path / "p2.kahp")
    assert enrollment.get_application(admin, office_ids[0]).name == "申请人0改"
    assert enrollment.get_application(admin, office_ids[1]).name == "申请人1"


def test_a_number_outside_the_allotment_is_refused_by_row(office: tuple[Context, str], seat: Context, tmp_path: Path) -> None:
    admin, code = office
    allotted = _numbers(seat, code)
    take(seat, code, 0, allotted[0])
    take(seat, code, 1, allotted[1])
    with admin.store.transaction() as session:  # the office takes the allotment back (say, by mistake)
        session.query(HandoverAllotment).filter(HandoverAllotment.number == allotted[1]).delete()
    preview = import_package(admin, send(seat, tmp_path / "p1.kahp").path)
    assert [r.kind for r in preview.rows] == [RowKind.NEW, RowKind.REFUSED]
    assert preview.rows[1].reasons[0].code == "handover.not_allotted"
    assert _count(admin, Application) == 1


def test_a_pack_never_gives_a_number_twice(office: tuple[Context, str], tmp_path: Path) -> None:
    admin, code = office
    make_pack(admin, code, "铸造事业部", 30, tmp_path / "a.kapack")
    make_pack(admin, code, "装配事业部", 30, tmp_path / "b.kapack")
    with admin.store.read() as session:
        numbers = list(session.scalars(select(HandoverAllotment.number)))
    assert len(numbers) == len(set(numbers)) == 60
    with pytest.raises(Refused) as refused:
        make_pack(admin, code, "财务部", 10_000, tmp_path / "c.kapack")
    assert refused.value.reasons[0].code == "handover.pool_short" and not (tmp_path / "c.kapack").exists()
    assert _count(admin, HandoverAllotment) == 60


def test_a_number_the_office_gave_meanwhile_is_refused_by_row(office: tuple[Context, str], seat: Context, tmp_path: Path) -> None:
    """The office's pool browser no longer offers an allotted number, but one typed at the office's
    counter still reaches the store; the seat's application for it is then refused, the rest imported."""
    admin, code = office
    allotted = _numbers(seat, code)
    take(seat, code, 0, allotted[0])
    take(seat, code, 1, allotted[1])
    enrollment.save_application(admin, enrollment.ApplicationInput(code, enrollment.IntakeFields(
        department="装配事业部", name="办公室受理", id_number=IDS[9], number_source="pool", msisdn=allotted[1]), plan="group8"))
    preview = import_package(admin, send(seat, tmp_path / "p1.kahp").path)
    assert [r.kind for r in preview.rows] == [RowKind.NEW, RowKind.REFUSED]
    assert preview.rows[1].reasons[0].code == "handover.number_taken"
    assert allotted[1] not in preview.rows[1].reasons[0].text("zh")
    assert _count(admin, Application) == 2
