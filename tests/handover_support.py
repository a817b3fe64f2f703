"""Two real stores for the hand-over tests: an office that makes a campaign pack, and a seat set up from it."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image
from sqlalchemy import select
from support import PASSWORD, REPO, Clock, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.handover_pack import make_pack, read_pack
from kaccount_desk.services.handover_seat import receive_pack
from kaccount_desk.store.models import Staff

DEPARTMENT = "铸造事业部"
IDS = [valid_id(f"13098119780101{n:03d}") for n in range(1, 20)]


def card(shade: int) -> bytes:
    """A card-sized JPEG with detail in it, so a pixel-for-pixel comparison means something."""
    image = Image.effect_noise((856, 540), 40 + shade).convert("RGB")
    out = BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def pack_for(office: Context, campaign: str, folder: Path, count: int = 5, department: str = DEPARTMENT) -> Path:
    out = folder / f"pack-{department}-{count}.kapack"
    make_pack(office, campaign, department, count, out)
    return out


def seat_from(pack: Path, folder: Path, clock: Clock, staff_no: str = "C101") -> Context:
    """A new SQLite store set up from the pack, acting as its collector."""
    store = Store(f"sqlite:///{folder / 'seat.sqlite3'}", resources=REPO / "resources", clock=clock)
    made = receive_pack(store, read_pack(pack), staff_no, "统计员", PASSWORD)
    with store.read() as session:
        row = session.scalar(select(Staff).where(Staff.staff_no == made.staff_no))
    assert row is not None
    return Context(store, Actor(row.id, row.staff_no, row.name, row.role, row.department))


def take(seat: Context, campaign: str, index: int, msisdn: str, collect: bool = True) -> int:
    """One complete application at the seat, with both ID copies; collected unless told otherwise."""
    view = enrollment.save_application(seat, ApplicationInput(
        campaign, IntakeFields(department=DEPARTMENT, name=f"申请人{index}", id_number=IDS[index], number_source="pool",
                               msisdn=msisdn), plan="group8"))
    id_copies.attach_id_copy(seat, view.id, "front", card(index))
    id_copies.attach_id_copy(seat, view.id, "back", card(index + 50))
    if collect:
        enrollment.move_application(seat, view.id, "collected")
    return view.id
