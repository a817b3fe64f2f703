"""Roster import from departments' spreadsheets, and the roster export for the carrier.

An import checks every row with the same rules as the intake form, against the store's state
loaded once, and writes all accepted rows in one transaction: a broken file changes nothing, a
bad row is reported by the row number a person sees in Excel and the good rows still land. The
file is read in a child process (here); its rows are checked and written a chunk at a time
(``roster_rows``), so a big roster costs the app little more than its report.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from kaccount_desk.confined import Budget, ChildFailed, Failure, run_confined, start_ahead
from kaccount_desk.domain.id_documents import IdDocumentType
from kaccount_desk.domain.reasons import Lang, Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.workflow import LIVE_STATUSES, Status, status_label
from kaccount_desk.safe_files import UnsafeTarget
from kaccount_desk.services import id_privacy
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.print_data import Pricing
from kaccount_desk.services.roster_rows import ROW_RESULT_LABELS, Cancelled, ImportReport, Progress, RowResult, import_rows
from kaccount_desk.sheets.roster_reader import COLUMN_LABELS, Column, RosterFileError, RosterSheet, read_roster
from kaccount_desk.sheets.roster_writer import write_roster
from kaccount_desk.sheets.sheet_limits import LIMITS, Limits, too_demanding_reason, too_slow_reason
from kaccount_desk.store.constraints import violated_unique_index
from kaccount_desk.store.models import Application, Campaign, Department

EXPORT_STATUSES = (Status.SUBMITTED, Status.SENT, Status.ACTIVATED)
__all__ = ["ROW_RESULT_LABELS", "Cancelled", "ImportReport", "RowResult", "export_roster", "import_roster", "read_ahead", "read_sheet",
           "save_refused"]


ATTEMPTS = 3


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
    with heap_set_aside() as set_aside:
        sheet = read_sheet(path, meanwhile=set_aside)
        if Column.DEPARTMENT not in sheet.columns and not department.strip():
            raise Refused(NO_DEPARTMENT)
        seen: set[tuple[str, str]] = set()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return import_rows(ctx, path, sheet, campaign_code, dry_run, progress, seen, department.strip())
            except IntegrityError as exc:
                index = violated_unique_index(exc, Application.__table__)
                if index not in ("uq_live_number", "uq_live_id_unnumbered") or attempt == ATTEMPTS:
                    raise Refused(BUSY_IMPORT) from exc
    raise AssertionError("unreachable: the last attempt returns or raises")


@contextmanager
def heap_set_aside() -> Iterator[Callable[[], None]]:
    """The objects alive before an import are left out of the garbage collector's passes until it ends.

    An import makes tens of thousands of objects that live to its end (the report, who holds
    which number), so the collector's full passes come often, and each walked the whole app's
    heap (SQLAlchemy, the pages): a fifth of a 10,000-row import's time. Frozen, they are not
    walked; garbage made during the import is still collected. One full pass first, so that garbage
    already waiting (a previous import's) is not frozen with them and kept to the end: without it a
    re-import of 100,000 rows peaked 10 MB higher, with it 27 MB lower than with no freezing at all
    (bench_roster_memory.py). Two imports at once only unfreeze early, which costs time, never memory.

    The block calls what it is given to set the heap aside, while the reading child works: the full
    pass then costs the import no time, only CPU the app had spare while it waited on the pipe. A
    block left before it (a file refused) just unfreezes nothing.
    """

    def set_aside() -> None:
        gc.collect()
        gc.freeze()

    try:
        yield set_aside
    finally:
        gc.unfreeze()


READ_BUDGET = Budget(memory_bytes=768 * 1024 * 1024, seconds=60.0)


def read_ahead(ctx: Context) -> None:
    """Start the reading child now, while the person chooses the file: the import's read then skips its start.

    Nothing is read yet; the child waits for the file and takes its memory cap and time limit with it.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    start_ahead(read_roster)


def read_sheet(path: Path, limits: Limits = LIMITS, budget: Budget = READ_BUDGET,
               meanwhile: Callable[[], object] | None = None) -> RosterSheet:
    """A department's file read in a child process with a memory cap and a time limit, or refused in words.

    The checks before reading (``limits``) catch every hostile file we know of; the child is the
    net for the ones we do not: if the reader aborts, runs out of memory or of time, only the child
    dies, and the clerk's window and unsaved form stay. ``meanwhile`` runs here while the child reads.
    """
    try:
        return run_confined(read_roster, Path(path), limits, budget=budget, meanwhile=meanwhile)
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


def carrier_line(n: int, app: Application, department: str, pricing: Pricing, full: bool) -> tuple[object, ...]:
    """One row of the carrier's roster, in ``EXPORT_HEADERS``' columns (the export and the hand-over to the operator share it)."""
    kind = IdDocumentType(app.id_type).zh if app.id_type in IdDocumentType._value2member_map_ else app.id_type
    return (n, department, app.name, kind, id_privacy.shown(app.id_number, full), app.msisdn or "",
            "新号" if app.number_source == "pool" else "老号", pricing.plan_name(app),
            "、".join(a.name for a in pricing.addons(app)), f"{pricing.monthly_fee(app):.2f}", status_label(app.status))


def carrier_title(campaign: Campaign) -> str:
    """The title row above the carrier's roster."""
    return f"{campaign.title} 办理名单({campaign.carrier_branch})"


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
        pricing = Pricing(campaign)
        rows = session.execute(
            select(Application, Department.name)
            .join(Department, Department.id == Application.department_id)
            .options(selectinload(Application.addons))
            .where(Application.campaign_id == campaign.id, chosen_rows)
            .order_by(Department.position, Application.id)
        )
        lines = [carrier_line(n, app, dept, pricing, full) for n, (app, dept) in enumerate(rows, start=1)]
        title = carrier_title(campaign)
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
