"""The operator's monthly billing extract imported, and each number's tier and RFM scores worked out from it.

One import is one month (``--month``), in one transaction: its rows replace whatever that month
held, then every number billed in the twelve months up to it is scored again (``tiers.py``), and
so is each later month already imported, whose twelve months include this one. The same file
imported again finds the month as it is and writes nothing; a corrected file replaces the month
and the scores follow. A bad row (a number that is not a mobile number, an amount that is not
money, another month) is reported by its Excel row number, and the good rows still land.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import cast

from sqlalchemy import delete, select

from kaccount_desk.confined import Budget, ChildFailed, Failure, run_confined
from kaccount_desk.domain.key_accounts import parse_fens, parse_month, yuan
from kaccount_desk.domain.mobile import normalize_mobile
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.tiers import TierCounts, rescore, tier_rules
from kaccount_desk.sheets.billing_reader import BILLING_LIMITS, BillingSheet, read_billing
from kaccount_desk.sheets.sheet_limits import RosterFileError, too_demanding_reason, too_slow_reason
from kaccount_desk.store.archive_models import BillingImport, BillingMonthRow
from kaccount_desk.store.billing_rows import insert_month

READ_BUDGET = Budget(memory_bytes=1536 * 1024 * 1024, seconds=300.0)
_MOBILE = re.compile(r"1[0-9]{10}\Z")
REFUSED_LISTED = 200  # refused rows reported one by one; the rest are counted
Bill = tuple[int, int]  # amount, arrears (fen)


@dataclass(frozen=True)
class RefusedRow:
    row: int
    reasons: tuple[Reason, ...]


@dataclass
class BillingReport:
    """What an import did (or a dry run would do): counts, refused rows, the month's tiers and moves."""

    file: str
    month: str
    dry_run: bool
    read: int = 0
    accepted: int = 0
    refused: int = 0
    refused_rows: list[RefusedRow] = field(default_factory=list)
    changed: bool = False  # False: the month already held exactly these bills, nothing was written
    replaced: int = 0  # rows the month held before and this import replaced
    total_yuan: str = "0.00"
    tiers: TierCounts | None = None


@dataclass(frozen=True)
class MonthBills:
    """The good rows of an extract, in their order, as three lists side by side (a number once each):
    a hundred thousand of them go to the store in one statement without a Python object per row."""

    numbers: list[str]
    amounts: list[int]
    arrears: list[int]

    def by_number(self) -> dict[str, Bill]:
        return dict(zip(self.numbers, zip(self.amounts, self.arrears, strict=True), strict=True))


def import_billing(ctx: Context, path: Path, month: str, dry_run: bool = False) -> BillingReport:
    """Import one month's extract (a supervisor's job: it decides every number's tier)."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    wanted = parse_month(month)
    if wanted is None:
        raise Refused(Reason("billing.month", f"月份“{month[:20]}”不对,应写作 2026-03 这样的年-月",
                             f"The month “{month[:20]}” is not a month; write it as 2026-03"))
    sheet = read_sheet(Path(path))
    report = BillingReport(Path(path).name, wanted, dry_run, read=len(sheet.rows))
    bills = _checked(sheet, wanted, report)
    report.accepted = len(bills.numbers)
    total = sum(bills.amounts)
    report.total_yuan = yuan(total)
    with ctx.transaction(commit=not dry_run) as session:
        held = {number: (amount, arrears) for number, amount, arrears in session.execute(
            select(BillingMonthRow.number, BillingMonthRow.amount_fen, BillingMonthRow.arrears_fen)
            .where(BillingMonthRow.month == wanted))}
        report.replaced = len(held)
        if len(held) == len(bills.numbers) and held == bills.by_number() and session.get(BillingImport, wanted) is not None:
            return report
        report.changed = True
        if held:
            session.execute(delete(BillingMonthRow).where(BillingMonthRow.month == wanted))
        insert_month(session, wanted, bills.numbers, bills.amounts, bills.arrears)
        audit.note_change(session, "billing_months", "delete", [wanted])  # Core statements: the flush recorder cannot see them
        audit.note_change(session, "billing_months", "insert", [wanted])
        session.merge(BillingImport(month=wanted, file_name=report.file[:255], rows=len(bills.numbers), total_fen=total,
                                    imported_by=ctx.actor.id, imported_at=ctx.now()))
        session.flush()
        rules = tier_rules(session)
        later = list(session.scalars(select(BillingImport.month).where(BillingImport.month > wanted).order_by(BillingImport.month)))
        report.tiers = rescore(session, wanted, rules)
        for month_after in later:
            rescore(session, month_after, rules)
    return report


def _checked(sheet: BillingSheet, month: str, report: BillingReport) -> MonthBills:
    """Each good row's number and bill; each bad one reported with every reason it has."""
    amounts, owed = parse_fens(sheet.amounts, blank=0), parse_fens(sheet.arrears, blank=0)  # an empty cell is nothing
    clean = _all_good(sheet, month, amounts, owed)
    if clean is not None:
        return clean
    bills: dict[str, Bill] = {}
    first_row: dict[str, int] = {}
    months: dict[str, bool] = {}  # each month's text judged once: a whole extract has the same one
    mobile = _MOBILE.match
    written_months = sheet.months if sheet.has_month else repeat(month)
    for row, number, written, amount, arrears in zip(sheet.rows, sheet.numbers, written_months, amounts, owed, strict=False):
        if not mobile(number):  # most rows of an operator's extract need no cleaning
            number = normalize_mobile(number)
        in_month = months.get(written)
        if in_month is None:
            in_month = months[written] = parse_month(written) == month
        if (in_month and amount is not None and amount >= 0 and arrears is not None and arrears >= 0
                and number not in first_row and mobile(number)):
            first_row[number] = row
            bills[number] = (amount, arrears)
        else:
            report.refused += 1
            if len(report.refused_rows) < REFUSED_LISTED:
                report.refused_rows.append(RefusedRow(row, _reasons(number, written, in_month, amount, arrears, first_row, month)))
    return MonthBills(list(bills), [amount for amount, _ in bills.values()], [arrears for _, arrears in bills.values()])


def _all_good(sheet: BillingSheet, month: str, amounts: list[int | None], owed: list[int | None]) -> MonthBills | None:
    """The bills of an extract where every row is good (an operator's usually is), judged a column at a
    time; None when any row is not, and then the rows are judged one by one for their reasons."""
    if sheet.has_month and any(parse_month(written) != month for written in set(sheet.months)):
        return None
    if None in amounts or None in owed:
        return None
    spent, arrears = cast(list[int], amounts), cast(list[int], owed)
    if min(spent, default=0) < 0 or min(arrears, default=0) < 0 or not all(map(_MOBILE.match, sheet.numbers)):
        return None
    if len(set(sheet.numbers)) < len(sheet.numbers):  # a number twice: its second row is refused
        return None
    return MonthBills(sheet.numbers, spent, arrears)


def _reasons(number: str, written: str, in_month: bool, amount: int | None, arrears: int | None, first_row: dict[str, int],
             month: str) -> tuple[Reason, ...]:
    """Every reason a row is refused, in the clerk's words."""
    reasons: list[Reason] = []
    if not _MOBILE.match(number):
        reasons.append(Reason("billing.number", "号码不是11位手机号码", "The number is not an 11-digit mobile number"))
    elif number in first_row:
        reasons.append(Reason("billing.repeated", f"号码与第 {first_row[number]} 行重复", f"The same number as row {first_row[number]}"))
    if not in_month:
        reasons.append(Reason("billing.other_month", f"月份“{written[:20]}”不是导入的 {month}",
                              f"The month “{written[:20]}” is not {month}, the month imported"))
    if amount is None or amount < 0:
        reasons.append(Reason("billing.amount", "消费金额应为不小于0的金额,最多两位小数",
                              "The amount must be money of zero or more, with at most two decimals"))
    if arrears is None or arrears < 0:
        reasons.append(Reason("billing.arrears", "欠费金额应为空或不小于0的金额,最多两位小数",
                              "The arrears must be empty or money of zero or more, with at most two decimals"))
    return tuple(reasons)


def read_sheet(path: Path) -> BillingSheet:
    """The extract read in a child process with a memory cap and a time limit, or refused in words."""
    try:
        return run_confined(read_billing, path, BILLING_LIMITS, budget=READ_BUDGET)
    except RosterFileError as exc:
        raise Refused(exc.reason) from exc
    except ChildFailed as exc:
        if exc.failure is Failure.TIME:
            raise Refused(too_slow_reason(path.name, READ_BUDGET.seconds)) from exc
        raise Refused(too_demanding_reason(path.name)) from exc
