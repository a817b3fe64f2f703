"""The operator's list of activated numbers: the matching "sent" applications move to "activated" in one batch.

The operator's counter sends back a spreadsheet of the lines it opened (number and date, under its
own headers). Every row is checked first; the moves are then made in one transaction, so a broken
list or a failure half-way moves nothing. A number already activated is counted, not moved again:
importing the same list twice changes nothing. A number not found, or found in another state
(not yet handed over, rejected, withdrawn), and a row that cannot be read, are reported by the row
number the clerk sees in Excel, in words. The file is read in a child process, as rosters are.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kaccount_desk.confined import Budget, ChildFailed, Failure, run_confined
from kaccount_desk.domain.history_notes import activation_note
from kaccount_desk.domain.mobile import MOBILE_LENGTH, normalize_mobile
from kaccount_desk.domain.operator_handover import (
    AMBIGUOUS,
    NO_DATE_COLUMN,
    NOT_FOUND,
    Outcome,
    activation_date,
    bad_date_reason,
    bad_number_reason,
    future_date_reason,
    other_state_reason,
    repeated_reason,
)
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Lang, Reason, joined
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.workflow import LIVE_STATUSES, STATUS_LABELS, Status
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import move_row
from kaccount_desk.services.errors import Refused
from kaccount_desk.sheets.activation_reader import ActivationRow, ActivationSheet, read_activations
from kaccount_desk.sheets.sheet_limits import LIMITS, RosterFileError, too_demanding_reason, too_slow_reason
from kaccount_desk.store.models import Application

__all__ = ["ActivationLine", "ActivationReport", "import_activations"]

READ_BUDGET = Budget(memory_bytes=768 * 1024 * 1024, seconds=60.0)
CHUNK = 500  # numbers per query: far below any store's limit on bound parameters


@dataclass(frozen=True)
class ActivationLine:
    """One row of the list and what became of it; ``application_id`` when a number matched one."""

    row: int
    number: str
    outcome: Outcome
    application_id: int | None = None
    activated_on: date | None = None
    reasons: tuple[Reason, ...] = ()

    def text(self, lang: Lang = "zh") -> str:
        return joined(self.reasons, lang)


@dataclass(frozen=True)
class ActivationReport:
    file: str
    dry_run: bool
    lines: tuple[ActivationLine, ...]
    notices: tuple[Reason, ...] = field(default_factory=tuple)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def totals(self) -> dict[str, int]:
        return {str(outcome): self.count(outcome) for outcome in Outcome}


@dataclass(frozen=True)
class _Wanted:
    row: ActivationRow
    number: str
    on: date


def import_activations(ctx: Context, path: Path, campaign_code: str | None = None, dry_run: bool = False) -> ActivationReport:
    """Move every "sent" application whose number the list names to "activated", in one transaction, and say what each row did."""
    ctx.require(Permission.RECORD_CARRIER_RESULT)
    path = Path(path)
    sheet = _read(path)
    today = ctx.now().astimezone(OPERATOR_TZ).date()
    wanted, bad = _checked_rows(sheet, today)
    lines = list(bad)
    with ctx.transaction(commit=not dry_run) as session:
        campaign_id = campaign_row(session, campaign_code).id if campaign_code else None
        found = _applications(session, [w.number for w in wanted], campaign_id)
        for w in wanted:
            lines.append(_apply(ctx, session, w, found.get(w.number, []), path.name))
        session.flush()
    notices = () if sheet.has_date else (NO_DATE_COLUMN,)
    return ActivationReport(path.name, dry_run, tuple(sorted(lines, key=lambda line: line.row)), notices)


def _read(path: Path) -> ActivationSheet:
    """The operator's file read in a child with a memory cap and a time limit, or refused in words (as a roster is)."""
    try:
        return run_confined(read_activations, path, LIMITS, budget=READ_BUDGET)
    except RosterFileError as exc:
        raise Refused(exc.reason) from exc
    except ChildFailed as exc:
        if exc.failure is Failure.TIME:
            raise Refused(too_slow_reason(path.name, READ_BUDGET.seconds)) from exc
        raise Refused(too_demanding_reason(path.name)) from exc


def _checked_rows(sheet: ActivationSheet, today: date) -> tuple[list[_Wanted], list[ActivationLine]]:
    """Rows whose number and date read, each number once; the others as bad rows with the reason."""
    wanted: list[_Wanted] = []
    bad: list[ActivationLine] = []
    first_row: dict[str, int] = {}
    for row in sheet.rows:
        number = normalize_mobile(row.number)
        if not (len(number) == MOBILE_LENGTH and number.isascii() and number.isdigit() and number.startswith("1")):
            bad.append(ActivationLine(row.row, row.number, Outcome.BAD_ROW, reasons=(bad_number_reason(row.number),)))
            continue
        on = activation_date(row.date) if sheet.has_date else today
        problem = None if on is None or on <= today else future_date_reason(on)
        if on is None:
            problem = bad_date_reason(row.date)
        if number in first_row:
            problem = repeated_reason(first_row[number])
        if problem is not None:
            bad.append(ActivationLine(row.row, number, Outcome.BAD_ROW, reasons=(problem,)))
            continue
        first_row[number] = row.row
        assert on is not None
        wanted.append(_Wanted(row, number, on))
    return wanted, bad


def _applications(session: Session, numbers: Sequence[str], campaign_id: int | None) -> dict[str, list[Application]]:
    """The live applications holding each number, a chunk of numbers per query, with their copies (a move checks them)."""
    found: dict[str, list[Application]] = {}
    for chunk in _chunks(numbers):
        stmt = (select(Application).options(selectinload(Application.copies))
                .where(Application.msisdn.in_(chunk), Application.status.in_([s.value for s in LIVE_STATUSES]))
                .order_by(Application.id))
        if campaign_id is not None:
            stmt = stmt.where(Application.campaign_id == campaign_id)
        for app in session.scalars(stmt):
            found.setdefault(app.msisdn or "", []).append(app)
    return found


def _chunks(numbers: Sequence[str]) -> Iterable[list[str]]:
    it = iter(numbers)
    return iter(lambda: list(islice(it, CHUNK)), [])


def _apply(ctx: Context, session: Session, w: _Wanted, apps: list[Application], file_name: str) -> ActivationLine:
    """The one move a row asks for, or why there is none."""
    sent = [a for a in apps if a.status == Status.SENT]
    if len(sent) == 1:
        app = sent[0]
        try:
            move_row(ctx, session, app, Status.ACTIVATED, note=activation_note(w.on.isoformat(), file_name, w.row.row))
        except Refused as exc:
            return ActivationLine(w.row.row, w.number, Outcome.OTHER_STATE, app.id, w.on, exc.reasons)
        return ActivationLine(w.row.row, w.number, Outcome.ACTIVATED, app.id, w.on)
    if sent:  # the same number handed over in two campaigns: only the campaign can tell which one the operator opened
        return ActivationLine(w.row.row, w.number, Outcome.OTHER_STATE, None, w.on, (AMBIGUOUS,))
    activated = [a for a in apps if a.status == Status.ACTIVATED]
    if activated:
        return ActivationLine(w.row.row, w.number, Outcome.ALREADY, activated[0].id, w.on)
    if apps:
        status = apps[0].status
        return ActivationLine(w.row.row, w.number, Outcome.OTHER_STATE, apps[0].id, w.on,
                              (other_state_reason(STATUS_LABELS.zh(status), STATUS_LABELS.en(status)),))
    return ActivationLine(w.row.row, w.number, Outcome.NOT_FOUND, None, w.on, (NOT_FOUND,))

