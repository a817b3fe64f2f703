"""A company's member list from the operator (集团成员清单), imported into ``company_members``.

The operator's counter knows every line of a group, also those that never came through this
office's intake; its list makes them members here, so the company card counts them and the
customer card of such a number finds its company and account manager. The file is read in a child
process with a memory cap and a time limit, as the activation list is; every row is judged first
(the domain's mobile-number rule, each number once, not another company's member), then the new
members are written in one transaction with an audit entry naming the file and the counts.

Importing the same list again changes nothing (every number is "already a member"). A member the
new list no longer names stays: the import adds and reports (``absent`` counts them), since a
removal from a group is its own decision, not what a missing row means.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaccount_desk.confined import Budget, ChildFailed, Failure, run_confined
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.member_lists import MemberOutcome, other_company_reason, repeated_member_reason
from kaccount_desk.domain.mobile import check_mobile
from kaccount_desk.domain.reasons import Lang, Reason, joined
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.companies import company_row, member_count
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.sheets.member_list_reader import MemberRow, read_member_list
from kaccount_desk.sheets.sheet_limits import LIMITS, RosterFileError, too_demanding_reason, too_slow_reason
from kaccount_desk.store.archive_models import Company, CompanyMember

__all__ = ["MemberImport", "MemberLine", "import_members"]

READ_BUDGET = Budget(memory_bytes=768 * 1024 * 1024, seconds=60.0)
CHUNK = 500  # numbers per query: far below any store's limit on bound parameters
SOURCE = "operator_list"


@dataclass(frozen=True)
class MemberLine:
    """One row of the list and what became of it."""

    row: int
    number: str
    outcome: MemberOutcome
    reasons: tuple[Reason, ...] = ()

    def text(self, lang: Lang = "zh") -> str:
        return joined(self.reasons, lang)


@dataclass(frozen=True)
class MemberImport:
    """What a list did (or would do, ``dry_run``): each row, the members the list no longer names, the count after."""

    company: str
    file: str
    dry_run: bool
    lines: tuple[MemberLine, ...]
    absent: int  # members already kept that this list does not name: they stay
    members: int  # the company's members after the import (applications and lists, each number once)

    def count(self, outcome: MemberOutcome) -> int:
        return sum(1 for line in self.lines if line.outcome == outcome)

    @property
    def totals(self) -> dict[str, int]:
        return {str(outcome): self.count(outcome) for outcome in MemberOutcome}


def import_members(ctx: Context, company: str, path: Path, dry_run: bool = False) -> MemberImport:
    """Add the list's numbers to the company's members in one transaction, and say what each row did."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    path = Path(path)
    rows = _read(path)
    good, lines = _checked(ctx, rows)
    with ctx.transaction(commit=not dry_run) as session:
        row = company_row(session, company)
        kept = set(session.scalars(select(CompanyMember.number).where(CompanyMember.company_id == row.id)))
        elsewhere = _other_companies(session, row.id, [number for _row, number in good if number not in kept])
        for at, number in good:
            if number in kept:
                lines.append(MemberLine(at, number, MemberOutcome.UNCHANGED))
            elif number in elsewhere:
                lines.append(MemberLine(at, number, MemberOutcome.REFUSED, (other_company_reason(elsewhere[number]),)))
            else:
                session.add(CompanyMember(company_id=row.id, number=number, source=SOURCE, added_at=ctx.now()))
                lines.append(MemberLine(at, number, MemberOutcome.NEW))
        session.flush()
        report = MemberImport(row.name, path.name, dry_run, tuple(sorted(lines, key=lambda line: line.row)),
                              len(kept - {number for _row, number in good}), member_count(session, row.id))
        if report.count(MemberOutcome.NEW):
            audit.record_for(ctx, session, Action.CHANGE, f"companies {row.id}", what="member_list_import", file=path.name[:100],
                             **report.totals)
    return report


def _read(path: Path) -> tuple[MemberRow, ...]:
    """The operator's file read in a child with a memory cap and a time limit, or refused in words (as a roster is)."""
    try:
        return run_confined(read_member_list, path, LIMITS, budget=READ_BUDGET)
    except RosterFileError as exc:
        raise Refused(exc.reason) from exc
    except ChildFailed as exc:
        if exc.failure is Failure.TIME:
            raise Refused(too_slow_reason(path.name, READ_BUDGET.seconds)) from exc
        raise Refused(too_demanding_reason(path.name)) from exc


def _checked(ctx: Context, rows: Sequence[MemberRow]) -> tuple[list[tuple[int, str]], list[MemberLine]]:
    """(row, number) of each row holding a mobile number the first time; the others refused with the reason."""
    good: list[tuple[int, str]] = []
    refused: list[MemberLine] = []
    first_row: dict[str, int] = {}
    for row in rows:
        verdict = check_mobile(row.number, ctx.store.segments, for_calls=False)
        if verdict.value is None:
            refused.append(MemberLine(row.row, row.number[:20], MemberOutcome.REFUSED, verdict.reasons))
        elif verdict.value.number in first_row:
            refused.append(MemberLine(row.row, verdict.value.number, MemberOutcome.REFUSED,
                                      (repeated_member_reason(first_row[verdict.value.number]),)))
        else:
            first_row[verdict.value.number] = row.row
            good.append((row.row, verdict.value.number))
    return good, refused


def _other_companies(session: Session, company_id: int, numbers: Sequence[str]) -> dict[str, str]:
    """Each number already listed for another company, with that company's name (a chunk of numbers per query)."""
    found: dict[str, str] = {}
    for chunk in _chunks(numbers):
        for number, name in session.execute(
                select(CompanyMember.number, func.min(Company.name)).join(Company, Company.id == CompanyMember.company_id)
                .where(CompanyMember.number.in_(chunk), CompanyMember.company_id != company_id)
                .group_by(CompanyMember.number)):
            found[number] = name
    return found


def _chunks(numbers: Sequence[str]) -> Iterable[list[str]]:
    it = iter(numbers)
    return iter(lambda: list(islice(it, CHUNK)), [])
