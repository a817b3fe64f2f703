"""A department's seat: set up from a campaign pack, it sends its applications to the office.

``receive_pack`` makes a new local store hold the pack's campaign (its pool being the numbers
allotted to the department, so the seat's intake, the same form and rules as the office's, can
only give those) and one collector account, in one transaction. ``send`` writes every
application of the seat, its history and its ID copies into one sealed package for the office
(services/handover_package.py); each package is a whole snapshot with the next sequence number,
so a lost one is made good by the next. ``acknowledge`` reads the office's receipt.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from base64 import b64decode, b64encode
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from kaccount_desk import safe_files
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.handover import not_a_seat
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services import audit, handover_pending, staff
from kaccount_desk.services.campaigns import write_campaign
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_pack import Pack
from kaccount_desk.services.handover_package import seal
from kaccount_desk.services.id_copies import open_copy
from kaccount_desk.services.seat_info import SEAT_SETTING, SeatInfo, seat_info
from kaccount_desk.store.handover_models import HandoverSend
from kaccount_desk.store.models import Application, ApplicationEvent, RatedItemRow, Staff, StoreSetting

PACKAGE_KIND = "kaccount-desk seat package"
ACK_KIND = "kaccount-desk seat package receipt"


@dataclass(frozen=True)
class SeatSetup:
    seat: SeatInfo
    actor: Actor  # the seat's collector, whose login just unsealed the new data key
    recovery_key: str

    @property
    def staff_no(self) -> str:
        return self.actor.staff_no


@dataclass(frozen=True)
class SendView:
    sequence: int
    sent_at: datetime
    applications: int
    copies: int
    acknowledged_at: datetime | None


def receive_pack(store: Store, pack: Pack, staff_no: str, name: str, password: str) -> SeatSetup:
    """Set up an empty store as the pack's department seat, with its collector account; all or nothing.

    The pack is read (``handover_pack.read_pack``) before the store is made, so a damaged one leaves no store behind.
    """
    spec = replace(pack.campaign, pool_prefixes=(), pool_numbers=pack.numbers)
    seat_id = secrets.token_hex(8)

    def write(session: Session) -> None:
        write_campaign(session, spec, store.clock())
        session.add(StoreSetting(name=SEAT_SETTING, value={
            "seat_id": seat_id, "pack_id": pack.pack_id, "campaign": spec.code, "department": pack.department,
            "office_public": b64encode(pack.office_public).decode("ascii"), "office": pack.office,
            "numbers": len(pack.numbers)}))

    made = staff.set_up(store, staff_no, name, password, role=Role.COLLECTOR, department=pack.department, also=write)
    info = SeatInfo(seat_id, spec.code, pack.department, pack.office, len(pack.numbers))
    return SeatSetup(info, made.actor, made.recovery_key)


def _settings(session: Session) -> dict[str, Any]:
    row = session.get(StoreSetting, SEAT_SETTING)
    if row is None or not isinstance(row.value, dict):
        raise Refused(not_a_seat())
    return row.value


def next_sequence(ctx: Context) -> tuple[SeatInfo, int]:
    """The seat and the sequence number its next package will carry (for the package's default name)."""
    seat = seat_info(ctx)
    if seat is None:
        raise Refused(not_a_seat())
    with ctx.store.read() as session:
        return seat, int(session.scalar(select(func.max(HandoverSend.sequence))) or 0) + 1


def _history(session: Session) -> dict[int, list[dict[str, Any]]]:
    staff_nos = {r[0]: r[1] for r in session.execute(select(Staff.id, Staff.staff_no))}
    events: dict[int, list[dict[str, Any]]] = {}
    for e in session.scalars(select(ApplicationEvent).order_by(ApplicationEvent.id)):
        events.setdefault(e.application_id, []).append({"from": e.from_status, "to": e.to_status, "at": e.at.isoformat(),
                                                        "staff_no": staff_nos.get(e.staff_id, ""), "note": e.note})
    return events


def _entries(ctx: Context, session: Session) -> tuple[list[dict[str, Any]], list[tuple[str, bytes]]]:
    """Every application as plain data, and each ID copy's image (decrypted here, sealed again for the office)."""
    codes = {r[0]: r[1] for r in session.execute(select(RatedItemRow.id, RatedItemRow.code))}
    events = _history(session)
    entries: list[dict[str, Any]] = []
    images: list[tuple[str, bytes]] = []
    rows = session.scalars(select(Application).options(selectinload(Application.copies), selectinload(Application.addons))
                           .order_by(Application.id))
    for row in rows:
        copies = []
        for copy in sorted(row.copies, key=lambda c: c.side):
            part = f"copy/{row.id}/{copy.side}"
            images.append((part, open_copy(ctx.store.keys, copy)))
            copies.append({"side": copy.side, "part": part, "sha256": copy.sha256, "mime": copy.mime,
                           "width": copy.width, "height": copy.height})
        entries.append({
            "seat_application_id": row.id, "name": row.name, "id_type": row.id_type, "id_number": row.id_number,
            "id_valid": row.id_valid, "number_source": row.number_source, "msisdn": row.msisdn, "carrier": row.carrier,
            "current_packages": row.current_packages, "plan": codes.get(row.plan_id) if row.plan_id else None,
            "addons": sorted(codes[a.rated_item_id] for a in row.addons), "status": row.status,
            "confirmed_warnings": sorted(row.confirmed_warnings or []), "late_reason": row.late_reason, "note": row.note,
            "created_at": row.created_at.isoformat(), "updated_at": row.updated_at.isoformat(),
            "copies": copies, "events": events.get(row.id, []),
        })
    return entries, images


@dataclass(frozen=True)
class Sent:
    path: Path
    sequence: int
    applications: int
    copies: int


def send(ctx: Context, out: Path) -> Sent:
    """Write the seat's package for the office and record it; the file and the record both, or neither.

    The package is built in memory and written (already sealed) through a temporary file renamed
    into place, so no plaintext ever reaches the disk and a killed send leaves no partial package.
    The record of the send commits before the rename: a kill between the two is settled by the
    next opening of the store, which puts the package in place (services/handover_pending.py).
    """
    ctx.require(Permission.COLLECT)
    seat = seat_info(ctx)
    if seat is None:
        raise Refused(not_a_seat())
    with handover_pending.promised(ctx, Path(out), handover_pending.SEAT, seat.campaign, seat.department) as pending, \
            ctx.transaction() as session:
        settings = _settings(session)
        sequence = int(session.scalar(select(func.max(HandoverSend.sequence))) or 0) + 1
        entries, images = _entries(ctx, session)
        now = ctx.now()
        manifest = {"kind": PACKAGE_KIND, "campaign": settings["campaign"], "department": settings["department"],
                    "seat": settings["seat_id"], "sequence": sequence, "made_at": now.isoformat(),
                    "counts": {"applications": len(entries), "copies": len(images)}}
        data = json.dumps(entries, ensure_ascii=False, sort_keys=True).encode("utf-8")
        blob = seal(manifest, [("applications.json", data), *images], b64decode(str(settings["office_public"])))
        pending.temp.write_bytes(blob)
        safe_files.synced(pending.temp)
        digest = hashlib.sha256(blob).hexdigest()
        session.add(HandoverSend(sequence=sequence, sent_at=now, applications=len(entries), copies=len(images),
                                 package_sha256=digest, acknowledged_at=None))
        audit.record_for(ctx, session, Action.EXPORT, f"handover_sends {sequence}", what="handover_package",
                         applications=len(entries), copies=len(images))
        handover_pending.done(session, pending, digest)
    return Sent(Path(out), sequence, len(entries), len(images))


def sends(ctx: Context) -> list[SendView]:
    """What the seat has sent, newest first, and which the office has acknowledged."""
    with ctx.store.read() as session:
        return [SendView(r.sequence, r.sent_at, r.applications, r.copies, r.acknowledged_at)
                for r in session.scalars(select(HandoverSend).order_by(HandoverSend.sequence.desc()))]


def acknowledge(ctx: Context, path: Path) -> SendView:
    """The office's receipt for a package: that package and every earlier one are acknowledged."""
    ctx.require(Permission.COLLECT)
    bad = Refused(Reason("handover.ack_damaged", f"“{path.name}”不是完好的办公室回执",
                         f"“{path.name}” is not a sound receipt from the office"))
    try:
        receipt = json.loads(path.read_bytes()[:1 << 16].decode("utf-8"))
        seat_id, sequence, digest = str(receipt["seat"]), int(receipt["sequence"]), str(receipt["package_sha256"])
        if receipt["kind"] != ACK_KIND:
            raise bad
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise bad from None
    with ctx.transaction() as session:
        seat = _settings(session)
        row = session.get(HandoverSend, sequence)
        if seat_id != seat["seat_id"] or row is None or row.package_sha256 != digest:
            raise Refused(Reason("handover.ack_other", "这份回执不是本受理点所发交接包的回执",
                                 "This receipt is not for a package this seat sent"))
        waiting = list(session.scalars(select(HandoverSend.sequence).where(
            HandoverSend.sequence <= sequence, HandoverSend.acknowledged_at.is_(None))))
        session.execute(update(HandoverSend).where(HandoverSend.sequence.in_(waiting)).values(acknowledged_at=ctx.now()))
        audit.note_change(session, "handover_sends", "update", waiting, {"acknowledged_at"})  # a Core update: the recorder cannot see it
        session.flush()
        session.refresh(row)
        return SendView(row.sequence, row.sent_at, row.applications, row.copies, row.acknowledged_at)
