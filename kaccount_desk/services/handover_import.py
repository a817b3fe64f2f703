"""The office imports a department seat's package: checked whole, previewed, applied in one transaction.

The preview is the import itself run in a transaction that is rolled back (``dry_run``), so what
it shows (new, changed, unchanged, conflicts, refused rows, each with its reasons) is exactly what
the real import does. The rules (sequence, allotment, what a row becomes) are domain/handover.py's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kaccount_desk import safe_files
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.handover import (
    RowKind,
    SequenceVerdict,
    conflict_reason,
    damaged,
    number_problem,
    older_package,
    row_kind,
    sequence_verdict,
    unknown_department,
    wrong_campaign,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.workflow import STATUS_LABELS
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_apply import Imported, add_application, number_holder, update_application
from kaccount_desk.services.handover_pack import department_row, office_private_key
from kaccount_desk.services.handover_package import open_package, read_manifest
from kaccount_desk.services.handover_seat import ACK_KIND, PACKAGE_KIND
from kaccount_desk.store.handover_models import HandoverAllotment, HandoverImport, HandoverLink
from kaccount_desk.store.models import Application, Campaign

MAX_PACKAGE_BYTES = 2 << 30
SEAT_STATUSES = frozenset({"draft", "collected", "withdrawn"})


@dataclass(frozen=True)
class PreviewRow:
    seat_application_id: int
    name: str
    msisdn: str | None
    kind: RowKind
    reasons: tuple[Reason, ...] = ()
    application_id: int | None = None


@dataclass(frozen=True)
class HandoverPreview:
    file: str
    campaign: str
    department: str
    seat: str
    sequence: int
    dry_run: bool
    already_imported: bool
    rows: tuple[PreviewRow, ...]

    def count(self, kind: RowKind) -> int:
        return sum(1 for r in self.rows if r.kind == kind)

    @property
    def totals(self) -> dict[str, int]:
        return {kind.value: self.count(kind) for kind in RowKind}


NO_KEY = Reason("handover.no_office_key", "本办公室还没有制作过活动包,没有交接密钥,不能导入交接包",
                "This office has made no campaign pack yet, so it has no hand-over key; packages cannot be imported")
ALREADY_THERE = Reason("handover.already_there", "交接包中的号码或人员已有另一份有效申请,整个交接包未导入;请与部门核对",
                       "A number or person in the package already has another live application; nothing was imported. "
                       "Check with the department")


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise Refused(damaged("文件过大", "the file is too large"))
        return path.read_bytes()
    except OSError as exc:
        raise Refused(Reason("handover.unreadable", f"无法读取文件“{path.name}”:{exc.strerror}",
                             f"Cannot read “{path.name}”: {exc.strerror}")) from None


def import_package(ctx: Context, path: Path, dry_run: bool = False, ack_out: Path | None = None) -> HandoverPreview:
    """Check and apply a seat's package (or only preview it); the acknowledgement written after the commit."""
    ctx.require(Permission.SUBMIT)
    blob = _read(path)
    digest = hashlib.sha256(blob).hexdigest()
    try:
        with ctx.transaction(commit=not dry_run) as session:
            preview = _apply(ctx, session, blob, digest, path.name, dry_run)
    except IntegrityError:
        raise Refused(ALREADY_THERE) from None
    if ack_out is not None and not dry_run:
        write_receipt(ctx, preview.seat, preview.sequence, ack_out)
    return preview


def write_receipt(ctx: Context, seat: str, sequence: int, out: Path) -> Path:
    """Write the office's receipt for a package it imported, for the seat to read (``handover_seat.acknowledge``).

    The one home of the receipt's format. It is made from the office's record of the import, not
    from the file, so the receipt written again later (a lost one, or one saved from the GUI after
    the import) is the same: the package's checksum and counts, no personal data.
    """
    ctx.require(Permission.SUBMIT)
    with ctx.store.read() as session:
        done = session.scalar(select(HandoverImport).where(HandoverImport.seat_id == seat, HandoverImport.sequence == sequence))
        if done is None:
            raise Refused(Reason("handover.not_imported", f"这个受理点的第 {sequence} 个交接包还没有导入,不能写回执",
                                 f"Package {sequence} of this seat has not been imported, so there is no receipt to write"))
        receipt = {"kind": ACK_KIND, "seat": seat, "sequence": sequence, "package_sha256": done.package_sha256,
                   "imported_at": done.imported_at.isoformat(),
                   "totals": {"new": done.added, "changed": done.updated, "conflicts": done.conflicts}}
    try:
        with safe_files.replacing(out) as temp:
            temp.write_text(json.dumps(receipt, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        raise Refused(Reason("handover.receipt_unwritable", f"无法写入回执“{out}”:{exc.strerror}。请换一个位置。",
                             f"Cannot write the receipt {out}: {exc.strerror}. Choose another place.")) from None
    return out


def _apply(ctx: Context, session: Session, blob: bytes, digest: str, name: str, dry_run: bool) -> HandoverPreview:
    now = ctx.now()
    read_manifest(blob)  # not a package at all is said as such, before the key is asked for
    private = office_private_key(session, ctx.store.keys, now, create=False)
    if private is None:
        raise Refused(NO_KEY)
    opened = open_package(blob, private)
    m = opened.manifest
    if m.get("kind") != PACKAGE_KIND or "applications.json" not in opened.parts:
        raise Refused(damaged("不是受理点的交接包", "it is not a seat's package"))
    campaign = session.scalar(select(Campaign).where(Campaign.code == str(m["campaign"])))
    if campaign is None:
        raise Refused(wrong_campaign(str(m["campaign"])))
    unit = department_row(session, campaign.id, str(m["department"]))
    if unit is None:
        raise Refused(unknown_department(str(m["department"])))
    seat, sequence = str(m["seat"]), int(m["sequence"])
    last = session.scalar(select(func.max(HandoverImport.sequence)).where(HandoverImport.seat_id == seat))
    verdict = sequence_verdict(last, sequence)
    if verdict is SequenceVerdict.OLDER:
        assert last is not None
        raise Refused(older_package(sequence, last))
    entries: list[dict[str, Any]] = json.loads(opened.parts["applications.json"].decode("utf-8"))
    head = (name, campaign.code, unit.name, seat, sequence, dry_run)
    if verdict is SequenceVerdict.SAME:
        rows = tuple(PreviewRow(int(e["seat_application_id"]), str(e["name"]), e.get("msisdn"), RowKind.UNCHANGED) for e in entries)
        return HandoverPreview(*head, already_imported=True, rows=rows)
    allotment = set(session.scalars(select(HandoverAllotment.number).where(
        HandoverAllotment.campaign_id == campaign.id, HandoverAllotment.department_id == unit.id)))
    links = {link.seat_application_id: link for link in session.scalars(select(HandoverLink).where(HandoverLink.seat_id == seat))}
    imported = Imported(ctx, session, campaign, unit, opened.parts, f"{unit.name} #{sequence}", now)
    rows = tuple(_one(imported, entry, links, allotment, seat) for entry in entries)
    session.add(HandoverImport(seat_id=seat, sequence=sequence, campaign_id=campaign.id, department_id=unit.id,
                               package_sha256=digest, added=sum(r.kind == RowKind.NEW for r in rows),
                               updated=sum(r.kind == RowKind.CHANGED for r in rows),
                               conflicts=sum(r.kind in (RowKind.CONFLICT, RowKind.REFUSED) for r in rows),
                               imported_by=ctx.actor.id, imported_at=now))
    session.flush()
    return HandoverPreview(*head, already_imported=False, rows=rows)


def content_digest(entry: dict[str, Any]) -> str:
    """What decides "unchanged": everything the seat sent of an application but its history, which only grows."""
    kept = {k: v for k, v in entry.items() if k != "events"}
    return hashlib.sha256(json.dumps(kept, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _one(imported: Imported, entry: dict[str, Any], links: dict[int, HandoverLink], allotment: set[str], seat: str) -> PreviewRow:
    seat_app = int(entry["seat_application_id"])
    content = content_digest(entry)
    link = links.get(seat_app)
    office = imported.session.get(Application, link.application_id) if link is not None else None
    kind = row_kind(office.status if office is not None else None, link is not None and link.content_sha256 == content)
    row = PreviewRow(seat_app, str(entry["name"]), entry.get("msisdn"), kind, (), office.id if office else None)
    if kind is RowKind.UNCHANGED:
        return row
    if kind is RowKind.CONFLICT:
        assert office is not None
        return PreviewRow(seat_app, row.name, row.msisdn, kind,
                          (conflict_reason(STATUS_LABELS.zh(office.status), STATUS_LABELS.en(office.status)),), office.id)
    problems = _problems(imported, entry, allotment, office)
    if problems:
        return PreviewRow(seat_app, row.name, row.msisdn, RowKind.REFUSED, problems, row.application_id)
    if office is None:
        office = add_application(imported, entry)
        imported.session.add(HandoverLink(seat_id=seat, seat_application_id=seat_app, application_id=office.id, content_sha256=content))
    else:
        update_application(imported, office, entry)
        assert link is not None
        link.content_sha256 = content
    audit.record_for(imported.ctx, imported.session, Action.CHANGE, f"applications {office.id}", what="handover_import",
                     seat=seat, package=imported.label, result=kind.value)
    return PreviewRow(seat_app, row.name, row.msisdn, kind, (), office.id)


def _problems(imported: Imported, entry: dict[str, Any], allotment: set[str], office: Application | None) -> tuple[Reason, ...]:
    found: list[Reason] = []
    if str(entry.get("status")) not in SEAT_STATUSES:
        found.append(Reason("handover.seat_status", "受理点不能把申请交到这个状态", "A seat cannot hand over an application in this state"))
    outside = number_problem(str(entry.get("number_source")), entry.get("msisdn"), allotment)
    if outside is not None:
        found.append(outside)
    holder = number_holder(imported, entry.get("msisdn"))
    if holder is not None and (office is None or holder != office.id) and str(entry.get("status")) != "withdrawn":
        found.append(Reason("handover.number_taken", "这个号码在办公室已有另一份有效申请",
                            "This number already has another live application at the office"))
    found.extend(imported.unknown_items(entry))
    return tuple(found)
