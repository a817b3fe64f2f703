"""Roster import from departments' spreadsheets, and the roster export for the carrier.

An import checks every row with the same rules as the intake form, against the store's state
loaded once, and writes all accepted rows in one transaction: a broken file changes nothing, a
bad row is reported by the row number a person sees in Excel and the good rows still land.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from kaccount_desk.confined import Budget, ChildFailed, Failure, run_confined
from kaccount_desk.domain.eligibility import split_packages
from kaccount_desk.domain.history_notes import import_note
from kaccount_desk.domain.id_documents import IdDocumentType
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.mobile import normalize_mobile
from kaccount_desk.domain.reasons import Lang, Reason
from kaccount_desk.domain.resident_id import normalize_resident_id
from kaccount_desk.domain.roles import Permission, check_department
from kaccount_desk.domain.tariff import monthly_fee, plan_addons
from kaccount_desk.domain.workflow import LIVE_STATUSES, Status, check_editable, status_label
from kaccount_desk.safe_files import UnsafeTarget
from kaccount_desk.services import audit, id_privacy
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import apply_assessment, assessment_values
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.intake_rules import ApplicationInput, IntakeRules
from kaccount_desk.sheets.roster_reader import COLUMN_LABELS, Column, RosterFileError, RosterRow, RosterSheet, read_roster
from kaccount_desk.sheets.roster_writer import write_roster
from kaccount_desk.sheets.sheet_limits import LIMITS, Limits, too_demanding_reason, too_slow_reason
from kaccount_desk.store.constraints import violated_unique_index
from kaccount_desk.store.models import Application, ApplicationAddon, ApplicationEvent, Department, table_of

Progress = Callable[[int, int], bool]
EXPORT_STATUSES = (Status.SUBMITTED, Status.SENT, Status.ACTIVATED)


class Cancelled(Exception):
    """The person stopped the import; nothing was written."""


# What happened to one roster row, as the import report names it.
ROW_RESULT_LABELS = Labels({
    "accepted": ("新增", "New"),
    "updated": ("更新", "Updated"),
    "unchanged": ("未变", "Unchanged"),
    "rejected": ("拒收", "Refused"),
})


@dataclass(frozen=True, slots=True)
class RowResult:
    row: int
    status: str
    name: str
    reasons: tuple[Reason, ...] = ()
    warnings: tuple[Reason, ...] = ()
    application_id: int | None = None


@dataclass
class ImportReport:
    file: str
    campaign: str
    dry_run: bool
    rows: list[RowResult] = field(default_factory=list)
    notices: tuple[Reason, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def totals(self) -> dict[str, int]:
        return {s: self.count(s) for s in ("accepted", "updated", "unchanged", "rejected")}


def _input(code: str, row: RosterRow, department: str) -> ApplicationInput:
    """``department`` is the importer's choice, for a sheet without the column or a row left blank."""
    v = row.values
    new_number = v.get(Column.NEW_NUMBER, "").strip()
    fields = IntakeFields(
        department=v.get(Column.DEPARTMENT, "").strip() or department,
        name=v.get(Column.NAME, ""),
        id_number=v.get(Column.ID_NUMBER, ""),
        id_type=IdDocumentType.RESIDENT_ID.value,
        number_source="pool" if new_number else "existing",
        msisdn=new_number or v.get(Column.MOBILE, ""),
        current_packages=v.get(Column.CURRENT_PACKAGES, ""),
    )
    return ApplicationInput(
        code,
        fields,
        plan=v.get(Column.PLAN, ""),
        addons=tuple(split_packages(v.get(Column.ADDONS, ""))),
        note=v.get(Column.NOTE, ""),
    )


def _key(rules: IntakeRules, id_number: str, msisdn: str) -> tuple[str, str]:
    """A person's number in a campaign: the ID number's keyed digest (the stored one is ciphertext)."""
    return rules.keys.digest(normalize_resident_id(id_number)), normalize_mobile(msisdn)


@dataclass(eq=False, slots=True)
class NewApplication:
    """An application the import will add: plain values until one bulk INSERT gives it an id.

    Building ten thousand ORM objects cost more than checking the rows; the intake rules only
    need the few attributes below to treat it like a stored application.
    """

    values: dict[str, object]
    addon_ids: tuple[int, ...]
    event_note: str
    status: str = Status.DRAFT.value
    id: int | None = None

    @property
    def carrier(self) -> object:
        return self.values["carrier"]


_COMPARED = ("name", "department_id", "number_source", "current_packages", "plan_id", "note")


def _same(found: Application | NewApplication, values: dict[str, object], addon_ids: tuple[int, ...]) -> bool:
    if isinstance(found, NewApplication):
        have, have_addons = found.values, found.addon_ids
    else:
        have, have_addons = {k: getattr(found, k) for k in _COMPARED}, tuple(a.rated_item_id for a in found.addons)
    return all(have[k] == values[k] for k in _COMPARED) and sorted(have_addons) == sorted(addon_ids)


ATTEMPTS = 3

ALREADY_THERE = Reason(
    "roster.already_there",
    "此人刚由同时进行的另一次名单导入加入,已在名单中",
    "Already there: another import running at the same moment added this person",
)


def import_roster(ctx: Context, path: Path, campaign_code: str, dry_run: bool = False, progress: Progress | None = None,
                  department: str = "") -> ImportReport:
    """Check and write a roster; if a concurrent import added some of the same people first, do it again.

    Both imports read the store before either wrote. On PostgreSQL the second one then runs into
    the unique indexes (one number, one unnumbered application per person per campaign) and is
    rolled back whole; the next attempt sees the first one's rows and matches them, reporting
    them as already there. On SQLite writers queue (BEGIN IMMEDIATE), so the second reads after
    the first commits.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    sheet = read_sheet(path)
    if Column.DEPARTMENT not in sheet.columns and not department.strip():
        raise Refused(NO_DEPARTMENT)
    seen: set[tuple[str, str]] = set()
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _import_once(ctx, path, sheet, campaign_code, dry_run, progress, seen, department.strip())
        except IntegrityError as exc:
            index = violated_unique_index(exc, Application.__table__)
            if index not in ("uq_live_number", "uq_live_id_unnumbered") or attempt == ATTEMPTS:
                raise Refused(BUSY_IMPORT) from exc
    raise AssertionError("unreachable: the last attempt returns or raises")


READ_BUDGET = Budget(memory_bytes=768 * 1024 * 1024, seconds=60.0)


def read_sheet(path: Path, limits: Limits = LIMITS, budget: Budget = READ_BUDGET) -> RosterSheet:
    """A department's file read in a child process with a memory cap and a time limit, or refused in words.

    The checks before reading (``limits``) catch every hostile file we know of; the child is the
    net for the ones we do not: if the reader aborts, runs out of memory or of time, only the child
    dies, and the clerk's window and unsaved form stay.
    """
    try:
        return run_confined(read_roster, Path(path), limits, budget=budget)
    except RosterFileError as exc:
        raise Refused(exc.reason) from exc
    except ChildFailed as exc:
        if exc.failure is Failure.TIME:
            raise Refused(too_slow_reason(Path(path).name, budget.seconds)) from exc
        raise Refused(too_demanding_reason(Path(path).name)) from exc


def save_refused(ctx: Context, report: ImportReport, out: Path, lang: Lang = "zh") -> int:
    """The refused rows of an import, as the department sent them plus a reason column, to send back.

    Read again from the same file, so every column the department filled is there as they wrote it.
    Returns how many rows were written.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    refused = {r.row: r for r in report.rows if r.status == "rejected"}
    sheet = read_sheet(Path(report.file))
    columns = sorted(sheet.columns, key=lambda c: sheet.columns[c])
    reason_header = "退回原因" if lang == "zh" else "Reason refused"
    row_header = "原表行号" if lang == "zh" else "Row in the sheet"
    # Their own headers and row numbers, so the department finds each refused person in the sheet it keeps.
    headers = [row_header] + [sheet.header_texts.get(c) or COLUMN_LABELS.text(c, lang) for c in columns] + [reason_header]
    rows = [[row.row] + [row.values.get(c, "") for c in columns]
            + ["; ".join(r.text(lang) for r in refused[row.row].reasons)] for row in sheet.rows if row.row in refused]
    try:
        write_roster(Path(out), headers, rows, title=None)
    except UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except OSError as exc:
        raise Refused(Reason("roster.unwritable", f"无法写入文件 {out}:{exc.strerror or exc}",
                             f"Cannot write {out}: {exc.strerror or exc}")) from exc
    return len(rows)


NO_DEPARTMENT = Reason(
    "roster.no_department",
    "表中没有“部门”列:请选择这些人员所在的部门后再导入",
    "The sheet has no department column: choose the department these people belong to, then import",
)
BUSY_IMPORT = Reason(
    "roster.busy",
    "其他人正在同时导入同一批人员,本次导入没有写入任何内容,请稍后再试",
    "Others are importing the same people right now; nothing was written, please try again shortly",
)


def _import_once(
    ctx: Context, path: Path, sheet: RosterSheet, campaign_code: str, dry_run: bool, progress: Progress | None,
    seen: set[tuple[str, str]], department: str,
) -> ImportReport:
    """One attempt in one transaction; ``seen`` keeps the first attempt's people, to tell who arrived since."""
    report = ImportReport(str(path), campaign_code, dry_run, notices=sheet.notices)
    with ctx.transaction(commit=not dry_run) as session:
        campaign = campaign_row(session, campaign_code)
        rules = IntakeRules(session, campaign, ctx.store.segments, preload=True)
        existing = _live_by_key(session, campaign.id)
        arrived = set(existing) - seen if seen else set()
        seen.update(existing)
        touched: list[tuple[int, Application | NewApplication]] = []
        for done, sheet_row in enumerate(sheet.rows, start=1):
            result, row = _import_row(ctx, rules, existing, _input(campaign_code, sheet_row, department), sheet_row.row, path.name)
            if isinstance(row, Application) and (row.id_digest, row.msisdn or "") in arrived:
                result = replace(result, warnings=(ALREADY_THERE, *result.warnings))
            report.rows.append(result)
            if row is not None:
                touched.append((len(report.rows) - 1, row))
            if progress is not None and done % 200 == 0 and not progress(done, len(sheet.rows)):
                raise Cancelled()
        new_rows = [row for index, row in touched if isinstance(row, NewApplication) and report.rows[index].status == "accepted"]
        for row, new_id in zip(new_rows, _insert_new(ctx, session, campaign.id, new_rows), strict=True):
            row.id = new_id
        for index, row in touched:
            report.rows[index] = replace(report.rows[index], application_id=row.id)
        if progress is not None and not progress(len(sheet.rows), len(sheet.rows)):
            raise Cancelled()
    return report


def _live_by_key(session: Session, campaign_id: int) -> dict[tuple[str, str], Application | NewApplication]:
    rows = session.scalars(
        select(Application)
        .options(selectinload(Application.addons))
        .where(Application.campaign_id == campaign_id, Application.status.in_(LIVE_STATUSES))
    )
    return {(r.id_digest, r.msisdn or ""): r for r in rows}


INSERT_BATCH = 1000


def _insert_new(ctx: Context, session: Session, campaign_id: int, rows: list[NewApplication]) -> list[int]:
    """Write the import's new applications, their add-ons and first events, a thousand at a time.

    In batches so the statement parameters of a roster of 100,000 people are never all in memory
    at once: that alone was some 150 MB at the peak of an import.
    """
    if not rows:
        return []
    now = ctx.now()
    common = {"campaign_id": campaign_id, "status": Status.DRAFT.value, "created_by": ctx.actor.id, "created_at": now, "updated_at": now}
    # Core inserts on the tables: the ORM's bulk path adds bookkeeping these plain rows don't need.
    applications = table_of(Application)
    ids: list[int] = []
    for start in range(0, len(rows), INSERT_BATCH):
        batch = rows[start:start + INSERT_BATCH]
        batch_ids = list(
            session.scalars(
                insert(applications).returning(applications.c.id, sort_by_parameter_order=True),
                [{**row.values, **common} for row in batch],
            )
        )
        addons = [{"application_id": i, "rated_item_id": a} for i, row in zip(batch_ids, batch, strict=True) for a in row.addon_ids]
        if addons:
            session.execute(insert(table_of(ApplicationAddon)), addons)
        session.execute(
            insert(table_of(ApplicationEvent)),
            [
                {"application_id": i, "from_status": None, "to_status": Status.DRAFT.value, "staff_id": ctx.actor.id, "at": now,
                 "note": row.event_note}
                for i, row in zip(batch_ids, batch, strict=True)
            ],
        )
        ids.extend(batch_ids)
    audit.note_change(session, "applications", "insert", list(ids))  # Core inserts are not seen by the flush recorder
    return ids


def _import_row(
    ctx: Context,
    rules: IntakeRules,
    existing: dict[tuple[str, str], Application | NewApplication],
    inp: ApplicationInput,
    row_number: int,
    file_name: str,
) -> tuple[RowResult, Application | NewApplication | None]:
    """One row's verdict, and the application it added or matched (the latter may be unsaved yet)."""
    name = inp.fields.name.strip()
    not_ours = check_department(ctx.actor.role, ctx.actor.department, inp.fields.department)
    if not_ours:
        return RowResult(row_number, "rejected", name, not_ours), None
    found = existing.get(_key(rules, inp.fields.id_number, inp.fields.msisdn))
    now = ctx.now()
    if isinstance(found, Application):
        inp = replace(inp, confirmed=frozenset(found.confirmed_warnings or []))
    a = rules.assess(inp, now.date(), now, own=found, is_new=found is None)
    warnings = tuple(a.warnings)
    if a.reasons:
        return RowResult(row_number, "rejected", name, tuple(a.reasons), warnings), None
    values = assessment_values(inp, a)
    if found is not None:
        if _same(found, values, a.addon_ids):
            return RowResult(row_number, "unchanged", name, (), warnings, found.id), found
        locked = check_editable(found.status)
        if locked:
            return RowResult(row_number, "rejected", name, locked, warnings, found.id), None
        if isinstance(found, NewApplication):
            found.values, found.addon_ids = values, a.addon_ids
        else:
            apply_assessment(found, inp, a)
            found.updated_at = now
        return RowResult(row_number, "updated", name, (), warnings, found.id), found
    row = NewApplication(values, a.addon_ids, import_note(file_name, row_number))
    existing[(a.id_digest, a.msisdn or "")] = row
    rules.remember(a.msisdn, a.id_number, row)
    return RowResult(row_number, "accepted", name, (), warnings), row


EXPORT_HEADERS = ("序号", "部门", "姓名", "证件类型", "证件号码", "手机号码", "号码类型", "资费方式", "附加包", "月费(元)", "状态")


def export_roster(ctx: Context, campaign_code: str, out: Path, all_live: bool = False, full_ids: bool | None = None,
                  application_ids: Sequence[int] | None = None) -> int:
    """Write the roster the carrier's counter works from, and record who wrote it.

    The hand-over (what the office submitted) keeps full ID numbers: the carrier's counter needs
    them to open the lines. An export of every live application, or of the applications picked in
    the list (``application_ids``, whatever their status), is a working list, masked unless
    ``full_ids`` is asked for; full numbers need the right either way.
    """
    ctx.require(Permission.EXPORT_ROSTER)
    picked = application_ids is not None
    hand_over = not (all_live or picked)
    full = hand_over if full_ids is None else full_ids
    id_privacy.require_full_ids(ctx, full)
    statuses = LIVE_STATUSES if all_live else EXPORT_STATUSES
    chosen_rows = Application.id.in_(list(application_ids or ())) if picked else Application.status.in_(statuses)
    with ctx.store.read() as session:
        campaign = campaign_row(session, campaign_code)
        items = {r.id: r for r in campaign.rated_items}
        by_code = {r.code: r for r in campaign.rated_items if r.kind == "addon"}
        fees = {code: r.monthly_fee for code, r in by_code.items()}
        rows = session.execute(
            select(Application, Department.name)
            .join(Department, Department.id == Application.department_id)
            .options(selectinload(Application.addons))
            .where(Application.campaign_id == campaign.id, chosen_rows)
            .order_by(Department.position, Application.id)
        )
        lines = []
        for n, (app, dept) in enumerate(rows, start=1):
            plan = items.get(app.plan_id) if app.plan_id else None
            included = plan.included_addons if plan else ()
            chosen = [items[a.rated_item_id].code for a in app.addons]
            addons = [by_code[c] for c in plan_addons(included, chosen) if c in by_code]
            fee = monthly_fee(plan.monthly_fee if plan else None, included, chosen, fees)
            kind = IdDocumentType(app.id_type).zh if app.id_type in IdDocumentType._value2member_map_ else app.id_type
            lines.append(
                (n, dept, app.name, kind, id_privacy.shown(app.id_number, full), app.msisdn or "",
                 "新号" if app.number_source == "pool" else "老号",
                 plan.name if plan else "", "、".join(a.name for a in addons), f"{fee:.2f}", status_label(app.status))
            )
        title = f"{campaign.title} 办理名单({campaign.carrier_branch})"
    if not lines:
        raise Refused(Reason("export.empty", "没有可导出的申请(只导出办公室已提交及之后的申请)",
                             "No applications to export (only those submitted by the office or later)"))
    try:
        write_roster(out, EXPORT_HEADERS, lines, title=title)
    except UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except ValueError as exc:
        raise Refused(Reason("export.format", "只能导出为 .xlsx 或 .csv 文件", "Export to a .xlsx or .csv file")) from exc
    except OSError as exc:
        raise Refused(Reason("export.write", f"无法写入文件 {out}:{exc.strerror}", f"Cannot write {out}: {exc.strerror}")) from exc
    id_privacy.record(ctx, id_privacy.Action.EXPORT, f"roster {out.name}", campaign=campaign_code, count=len(lines), full_ids=full,
                      hand_over=hand_over)
    return len(lines)
