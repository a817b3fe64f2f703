"""The office's hand-over to the operator: one file, and the applications moved to "sent" with it, or neither.

The operator's counter gets one .zip: a cover page (counts by department and tariff option, the
audit chain's head, each part's SHA-256), the roster in the operator's columns (.xlsx), the
watermarked ID-copy sheets (PDF) and a manifest (JSON) with the checksum of every part. The file
is written to a temporary beside its target while the transaction that moves the applications
is still open, and put in place only once that transaction has committed: a failure while
writing moves nothing, a failed commit removes the temporary. A row committed before the moves
and marked done with them (services/handover_pending.py) covers a kill: killed before the commit,
the next start removes the temporary; killed after it, before the rename, the next opening of the
store puts the whole file in place. The file carries full ID numbers and ID-card images, so its
name says so (``domain.operator_handover``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaccount_desk.documents import Cancelled, DocumentError, render_id_sheets
from kaccount_desk.documents.handover_cover import CoverCount, CoverData, render_handover_cover
from kaccount_desk.documents.layout import format_yuan
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.history_notes import handover_note
from kaccount_desk.domain.operator_handover import HANDOVER_SUFFIX, handover_file_name, id_data_name
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.workflow import Status
from kaccount_desk.safe_files import UnsafeTarget
from kaccount_desk.services import audit, handover_pending, id_privacy, organisation
from kaccount_desk.services.batches import MoveResult
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import move_row
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.print_data import Pricing, Selection, id_copy_data, load_applications, scoped_department
from kaccount_desk.services.rosters import EXPORT_HEADERS, carrier_line, carrier_title
from kaccount_desk.sheets.roster_writer import write_roster_xlsx
from kaccount_desk.store.models import Application, Campaign

__all__ = ["COVER", "Cancelled", "Handover", "ID_SHEETS", "MANIFEST", "Progress", "ROSTER", "hand_over", "target_path"]

COVER, ROSTER, ID_SHEETS, MANIFEST = "01-封面.pdf", "02-办理名单.xlsx", "03-身份证复印件.pdf", "manifest.json"
FORMAT = "kaccount-desk operator hand-over"
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class Handover:
    """What a hand-over did: the file written, who moved to "sent", who stayed behind and why."""

    out: Path
    campaign: str
    department: str | None
    sent: tuple[int, ...]
    refused: tuple[MoveResult, ...]
    waiting: int  # applications of this scope not yet submitted by the office (drafts, collected)
    by_department: tuple[tuple[str, int], ...]
    by_plan: tuple[tuple[str, int], ...]
    sha256: str  # of the whole file
    witness: str  # the audit chain's head printed on the cover


def target_path(out: Path, campaign_code: str, department: str | None, day: date) -> Path:
    """A folder gets the standard name inside it; a .zip name is kept, with the ID-data warning put in front when missing."""
    out = Path(out)
    if out.is_dir() or out.suffix.lower() != HANDOVER_SUFFIX:
        return out / handover_file_name(campaign_code, department, day)
    return out.with_name(id_data_name(out.name))


def hand_over(ctx: Context, campaign_code: str, out: Path, department: str | None = None, progress: Progress | None = None) -> Handover:
    """Write the operator's hand-over of the office's submitted applications and move them to "sent", together.

    ``progress(done, total)`` is asked after each ID sheet (the long part); False stops with
    :class:`Cancelled`, and, as with any failure, no file is left and no application moves.
    """
    for needed in (Permission.HAND_OVER, Permission.EXPORT_ROSTER, Permission.VIEW_FULL_ID):
        ctx.require(needed)
    department = scoped_department(ctx, department)
    day = ctx.now().astimezone(OPERATOR_TZ).date()
    target = target_path(Path(out), campaign_code, department, day)
    if not target.parent.is_dir():
        raise Refused(Reason("handover.no_folder", f"文件夹“{target.parent}”不存在", f"The folder “{target.parent}” does not exist"))
    try:
        with handover_pending.promised(ctx, target, handover_pending.OPERATOR, campaign_code, department) as pending:
            result = _in_one_transaction(ctx, campaign_code, department, target, pending, progress)
    except UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except DocumentError as exc:
        raise Refused(exc.reason) from exc
    except OSError as exc:
        why = exc.strerror or type(exc).__name__
        raise Refused(Reason("handover.unwritable", f"无法写入移交文件 {target}:{why};申请的状态没有改变",
                             f"Cannot write the hand-over file {target}: {why}; no application changed state")) from exc
    return result


def _in_one_transaction(ctx: Context, code: str, department: str | None, target: Path, pending: handover_pending.Pending,
                        progress: Progress | None) -> Handover:
    """Move, write the temporary, record, mark the pending row done; the caller renames once this has returned (committed)."""
    temp = pending.temp
    with ctx.transaction() as session:
        campaign = campaign_row(session, code)
        rows = load_applications(session, campaign, Selection((Status.SUBMITTED,), department, with_copies=True))
        moved, refused = [], []
        for app, dept in rows:
            try:
                move_row(ctx, session, app, Status.SENT, note=handover_note(target.name))
            except Refused as exc:
                refused.append(MoveResult(app.id, app.name, app.status, exc.reasons))
            else:
                moved.append((app, dept))
        if not moved:
            raise Refused(_nothing_to_send(code, department, refused), *(_held_back(r) for r in refused))
        session.flush()
        witness = audit.witness(session).printed
        parts, cover = _write_package(ctx, session, campaign, department, moved, witness, temp, progress)
        digest = _sha256(temp)
        subject = f"operator handover {target.name}"
        id_privacy.record(ctx, Action.EXPORT, subject, session=session, campaign=code, count=len(moved), sha256=digest[:16])
        id_privacy.record(ctx, Action.PRINT_ID_IMAGE, subject, session=session, campaign=code, count=len(moved))
        waiting = _waiting(session, campaign, department)
        handover_pending.done(session, pending, digest)
    return Handover(target, code, department, tuple(app.id for app, _ in moved), tuple(refused), waiting,
                    tuple((c.name, c.count) for c in cover.by_department), tuple((c.name, c.count) for c in cover.by_plan), digest, witness)


def _write_package(ctx: Context, session: Session, campaign: Campaign, department: str | None,
                   moved: list[tuple[Application, str]], witness: str, temp: Path, progress: Progress | None,
                   ) -> tuple[dict[str, str], CoverData]:
    """The four parts into the temporary .zip, each hashed; the cover lists the two it precedes, the manifest all three."""
    pricing = Pricing(campaign)
    office = organisation.name_in(session)
    day = ctx.now().astimezone(OPERATOR_TZ).date()
    roster = io.BytesIO()
    lines = [carrier_line(n, app, dept, pricing, True) for n, (app, dept) in enumerate(moved, start=1)]
    write_roster_xlsx(roster, EXPORT_HEADERS, lines, title=carrier_title(campaign))
    sheets = io.BytesIO()
    purpose = f"仅供{campaign.carrier_branch}办理大客户业务使用"
    render_id_sheets(id_copy_data(ctx.store.keys, moved), purpose, day, sheets, progress, office)
    parts = {ROSTER: roster.getvalue(), ID_SHEETS: sheets.getvalue()}
    sums = {name: hashlib.sha256(data).hexdigest() for name, data in parts.items()}
    cover_data = _cover(ctx, campaign, department, moved, pricing, office, witness, sums)
    cover = io.BytesIO()
    render_handover_cover(cover_data, cover)
    parts = {COVER: cover.getvalue(), **parts}
    sums = {name: hashlib.sha256(data).hexdigest() for name, data in parts.items()}
    manifest = _manifest(ctx, campaign, department, moved, cover_data, parts, sums)
    with temp.open("wb") as stream:
        with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as package:
            for name, data in parts.items():
                package.writestr(name, data)
            package.writestr(MANIFEST, manifest)
        stream.flush()
        os.fsync(stream.fileno())
    return sums, cover_data


def _cover(ctx: Context, campaign: Campaign, department: str | None, moved: list[tuple[Application, str]], pricing: Pricing,
           office: str, witness: str, sums: dict[str, str]) -> CoverData:
    departments: Counter[str] = Counter(dept for _, dept in moved)
    plans: Counter[str] = Counter()
    fees: dict[str, Decimal] = defaultdict(Decimal)
    for app, _ in moved:
        plan = pricing.plan_name(app)
        plans[plan] += 1
        fees[plan] += pricing.monthly_fee(app)
    return CoverData(
        campaign_title=campaign.title, campaign_code=campaign.code, organisation=office, carrier_branch=campaign.carrier_branch,
        handed_on=ctx.now().astimezone(OPERATOR_TZ).date(), department=department,
        by_department=tuple(CoverCount(name, n) for name, n in departments.items()),
        by_plan=tuple(CoverCount(name, n, format_yuan(fees[name])) for name, n in plans.items()),
        parts=tuple(sums.items()), audit_witness=witness, handed_by=f"{ctx.actor.staff_no} {ctx.actor.name}",
        total_fee=format_yuan(sum(fees.values(), Decimal(0))),
    )


def _manifest(ctx: Context, campaign: Campaign, department: str | None, moved: list[tuple[Application, str]], cover: CoverData,
              parts: dict[str, bytes], sums: dict[str, str]) -> bytes:
    """What the package holds and how to check it; ids and counts only, no names or ID numbers."""
    doc = {
        "format": FORMAT, "version": 1,
        "campaign": campaign.code, "department": department,
        "handed_at": ctx.now().astimezone(OPERATOR_TZ).isoformat(timespec="seconds"), "handed_by": ctx.actor.staff_no,
        "applications": [app.id for app, _ in moved],
        "by_department": {c.name: c.count for c in cover.by_department},
        "by_plan": {c.name: c.count for c in cover.by_plan},
        "audit_witness": cover.audit_witness,
        "parts": {name: {"sha256": sums[name], "bytes": len(data)} for name, data in parts.items()},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _waiting(session: Session, campaign: Campaign, department: str | None) -> int:
    """Applications of this scope the office has not submitted yet: told, so none is forgotten at the counter."""
    stmt = select(func.count()).select_from(Application).where(
        Application.campaign_id == campaign.id, Application.status.in_([Status.DRAFT.value, Status.COLLECTED.value]))
    if department:
        stmt = stmt.where(Application.department_id.in_([d.id for d in campaign.departments if d.name == department]))
    return int(session.scalar(stmt) or 0)


def _nothing_to_send(code: str, department: str | None, refused: list[MoveResult]) -> Reason:
    scope_zh = f"部门“{department}”" if department else f"活动“{code}”"
    scope_en = f"department {department}" if department else f"campaign {code}"
    if not refused:
        return Reason("handover.empty", f"{scope_zh}没有办公室已审的申请可交移动公司;没有写入任何文件",
                      f"{scope_en} has no application submitted by the office to hand over; no file was written")
    return Reason("handover.none_may_move", f"{scope_zh}的 {len(refused)} 份已审申请都还不能交移动公司;没有写入任何文件",
                  f"None of the {len(refused)} submitted applications of {scope_en} may be handed over yet; no file was written")


def _held_back(result: MoveResult) -> Reason:
    """One refused application by its number (no name: this is an error text, and may reach a log)."""
    return Reason("handover.refused", f"申请编号{result.id}:{result.text('zh')}", f"Application no. {result.id}: {result.text('en')}")
