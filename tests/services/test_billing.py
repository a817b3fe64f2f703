"""Billing import: one month at a time, idempotent, a corrected month recomputed; tiers, RFM and 异动 from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from kaccount_desk.domain.key_accounts import DEFAULT_TIER_RULES, BillingMonth, Scorer, parse_fen, window_of
from kaccount_desk.services import billing, tiers
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.archive_models import BillingMonthRow, NumberTier
from kaccount_desk.store.audit_models import AuditEntry

NUMBERS = ("13803170001", "13803170002", "13803170003")


def extract(folder: Path, month: str, bills: dict[str, str], arrears: dict[str, str] | None = None,
            header: str = "手机号码,账期,消费金额(元),欠费金额") -> Path:
    """A month's extract as the operator's system writes it: GBK, a title line above the header."""
    path = folder / f"bills-{month}-{abs(hash(tuple(bills.items()))) % 10_000}.csv"
    lines = ["XX分公司月度账单", header] + [f"{n},{month.replace('-', '')},{amount},{(arrears or {}).get(n, '0')}"
                                          for n, amount in bills.items()]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    return path


def months(year: int, first: int, last: int) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(first, last + 1)]


def load_year(admin: Context, folder: Path, amounts: dict[str, str]) -> None:
    for month in months(2026, 1, 12):
        billing.import_billing(admin, extract(folder, month, amounts), month)


def tier_of(admin: Context, number: str, month: str) -> str | None:
    with admin.store.read() as session:
        return session.scalar(select(NumberTier.tier).where(NumberTier.number == number, NumberTier.month == month))


def test_a_year_of_bills_gives_tiers_at_the_150_yuan_line(admin: Context, tmp_path: Path) -> None:
    load_year(admin, tmp_path, {NUMBERS[0]: "149.99", NUMBERS[1]: "150.00", NUMBERS[2]: "1200"})
    assert [tier_of(admin, n, "2026-12") for n in NUMBERS] == [None, "high_value", "diamond"]


def test_importing_the_same_month_twice_changes_nothing(admin: Context, tmp_path: Path) -> None:
    path = extract(tmp_path, "2026-03", {NUMBERS[0]: "168.50", NUMBERS[1]: "20"})
    first = billing.import_billing(admin, path, "2026-03")
    assert (first.changed, first.accepted, first.total_yuan) == (True, 2, "188.50")
    with admin.store.read() as session:
        entries = session.scalar(select(func.count()).select_from(AuditEntry))
        scores = session.execute(select(NumberTier).order_by(NumberTier.number)).scalars().all()
        snapshot = [(s.number, s.tier, s.recency, s.frequency, s.monetary) for s in scores]
    again = billing.import_billing(admin, path, "2026-03")
    assert again.changed is False and again.replaced == 2
    with admin.store.read() as session:
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == entries
        scores = session.execute(select(NumberTier).order_by(NumberTier.number)).scalars().all()
        assert [(s.number, s.tier, s.recency, s.frequency, s.monetary) for s in scores] == snapshot
        assert session.scalar(select(func.count()).select_from(BillingMonthRow)) == 2


def test_a_month_again_with_new_amounts_replaces_it_and_recomputes_that_month_and_later(admin: Context, tmp_path: Path) -> None:
    load_year(admin, tmp_path, {NUMBERS[0]: "300"})
    assert tier_of(admin, NUMBERS[0], "2026-12") == "silver"
    assert tier_of(admin, NUMBERS[0], "2026-06") == "silver"
    report = billing.import_billing(admin, extract(tmp_path, "2026-06", {NUMBERS[0]: "0"}), "2026-06")
    assert report.changed and report.replaced == 1
    # June's average over its six months falls to 250 yuan; December's twelve months to 275: both high value.
    assert tier_of(admin, NUMBERS[0], "2026-06") == "high_value"
    assert tier_of(admin, NUMBERS[0], "2026-12") == "high_value"
    with admin.store.read() as session:
        assert session.scalar(select(BillingMonthRow.amount_fen).where(
            BillingMonthRow.number == NUMBERS[0], BillingMonthRow.month == "2026-06")) == 0


def test_arrears_in_the_month_drop_the_tier_and_the_move_is_listed(admin: Context, tmp_path: Path) -> None:
    load_year(admin, tmp_path, {NUMBERS[0]: "600", NUMBERS[1]: "160"})
    billing.import_billing(admin, extract(tmp_path, "2027-01", {NUMBERS[0]: "600", NUMBERS[1]: "2000"},
                                          arrears={NUMBERS[0]: "35.20"}), "2027-01")
    listed = tiers.moves(admin, "2027-01")
    assert [(m.number, m.before, m.after, m.change) for m in listed] == [
        (NUMBERS[1], "high_value", "silver", "up"), (NUMBERS[0], "gold", None, "lost")]
    assert listed[1].change_name == "退出"


def test_bad_rows_are_reported_by_excel_row_and_good_rows_land(admin: Context, tmp_path: Path) -> None:
    path = tmp_path / "bills.csv"
    path.write_text("号码,月份,话费,欠费\n13803170001,2026-03,88.5,\n0317-1234567,2026-03,10,0\n"
                    "13803170002,2026-04,10,0\n13803170003,2026-03,12.345,0\n13803170001,2026-03,1,0\n", encoding="utf-8")
    report = billing.import_billing(admin, path, "2026-03")
    assert (report.accepted, report.refused) == (1, 4)
    assert [(r.row, [reason.code for reason in r.reasons]) for r in report.refused_rows] == [
        (3, ["billing.number"]), (4, ["billing.other_month"]), (5, ["billing.amount"]), (6, ["billing.repeated"])]


def test_a_dry_run_reports_and_writes_nothing(admin: Context, tmp_path: Path) -> None:
    report = billing.import_billing(admin, extract(tmp_path, "2026-03", {NUMBERS[0]: "200"}), "2026-03", dry_run=True)
    assert report.accepted == 1 and report.tiers is not None and report.tiers.scored == 1
    with admin.store.read() as session:
        assert session.scalar(select(func.count()).select_from(BillingMonthRow)) == 0


def test_not_a_billing_file_or_not_a_month_is_refused_in_words(admin: Context, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("姓名,身份证号码\n张三,11010519491231002X\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        billing.import_billing(admin, path, "2026-03")
    assert refused.value.reasons[0].code == "billing.no_header"
    with pytest.raises(Refused) as refused:
        billing.import_billing(admin, path, "March")
    assert refused.value.reasons[0].code == "billing.month"


def test_a_supervisor_sets_tier_lines_in_order_only(admin: Context) -> None:
    assert [line.min_average_yuan for line in tiers.set_line(admin, "silver", "400")] == ["1000.00", "500.00", "400.00", "150.00"]
    with pytest.raises(Refused) as refused:
        tiers.set_line(admin, "high_value", "149.99")
    assert refused.value.reasons[0].code == "tier.below_entry"


def test_an_xlsx_extract_is_read_from_its_visible_sheet_below_a_title(admin: Context, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    hidden = book.active
    hidden.title = "去年"
    hidden.append(["手机号码", "消费金额"])
    hidden.append([NUMBERS[2], 99999])
    hidden.sheet_state = "hidden"
    sheet = book.create_sheet("本月")
    sheet.append(["XX分公司 2026年3月 账单"])
    sheet.append(["用户号码", "计费月份", "应收金额", "欠款"])
    sheet.append([13803170001, "2026年3月", 149.99, None])  # typed as numbers, as Excel keeps them
    sheet.append([NUMBERS[1], "2026-03", "150", 0])
    path = tmp_path / "bills.xlsx"
    book.save(path)
    report = billing.import_billing(admin, path, "2026-03")
    assert (report.accepted, report.refused, report.total_yuan) == (2, 0, "299.99")
    with admin.store.read() as session:
        assert {n: fen for n, fen in session.execute(select(BillingMonthRow.number, BillingMonthRow.amount_fen))} == {
            NUMBERS[0]: 14_999, NUMBERS[1]: 15_000}


def test_a_damaged_workbook_is_refused_in_words_and_changes_nothing(admin: Context, tmp_path: Path) -> None:
    path = tmp_path / "bills.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    with pytest.raises(Refused) as refused:
        billing.import_billing(admin, path, "2026-03")
    assert refused.value.reasons[0].code == "sheet.unreadable"


def test_an_earlier_month_again_leaves_every_later_month_as_the_rule_gives_for_the_bills_now(admin: Context, tmp_path: Path) -> None:
    """A year imported, then March again with new amounts: every month's tiers, averages and RFM from
    March on are what the domain's rule makes of the bills as they now stand, as a fresh import would."""
    habits = {"13803170011": 1_200, "13803170012": 300, "13803170013": 151, "13803170014": 520, "13803170015": 149}
    year = {month: {number: f"{fen + index * 7 % 13}.{index % 10}0" for number, fen in habits.items()
                    if not (number == "13803170015" and index < 4)}  # one number joins in May
            for index, month in enumerate(months(2026, 1, 12))}
    owed = {"2026-05": {"13803170011": "30"}, "2026-09": {"13803170014": "1.50"}}
    for month, bills in year.items():
        billing.import_billing(admin, extract(tmp_path, month, bills, owed.get(month)), month)
    year["2026-03"] = {"13803170011": "0", "13803170012": "2000", "13803170014": "520.00",
                       "13803170016": "900"}  # one number gone, one new, the rest moved across lines
    assert billing.import_billing(admin, extract(tmp_path, "2026-03", year["2026-03"]), "2026-03").changed
    history: dict[str, list[BillingMonth]] = {}
    for month, bills in year.items():
        for number, amount in bills.items():
            arrears = parse_fen(owed.get(month, {}).get(number, "0")) or 0
            history.setdefault(number, []).append(BillingMonth(month, parse_fen(amount) or 0, arrears))
    scorer = Scorer(DEFAULT_TIER_RULES)
    with admin.store.read() as session:
        for month in months(2026, 3, 12):
            written = {row.number: (row.tier, row.average_fen, row.recency, row.frequency, row.monetary)
                       for row in session.scalars(select(NumberTier).where(NumberTier.month == month))}
            expected = {}
            for number, bills in history.items():
                window = window_of(bills, month)
                if window.billed_months:
                    s = scorer.score(window, month)
                    expected[number] = (s.tier.value if s.tier else None, s.average_fen, s.recency, s.frequency, s.monetary)
            assert written == expected, month


def test_a_long_extract_keeps_excel_row_numbers_across_its_chunks(admin: Context, tmp_path: Path) -> None:
    """An extract read a few thousand rows at a time: an empty line, a padded cell and bad rows far down are
    where Excel shows them, whichever chunk they fall in."""
    rows = [f"1380317{n:04d},202603,{100 + n % 50}.50,0" for n in range(5_000)]
    rows[1_000] = "  , ,\t,  "  # only blanks: as empty as an empty line
    rows[2_047] = ""  # Excel row 2049: empty, left out
    rows[2_500] = " 13803172500 ,202603,12.00 ,0"  # padded: read as the number and amount
    rows[3_000] = "\u300013803173000\u200b,202603,8.00,0"  # an ideographic space and a zero-width one around it
    rows[4_321] = "13803174321,202603,12.345,0"  # Excel row 4323: three decimals
    rows[4_998] = "13803170000,202603,1.00,0"  # Excel row 5000: the first row's number again
    path = tmp_path / "bills.csv"
    path.write_text("\n".join(["号码,月份,话费,欠费", *rows]) + "\n", encoding="utf-8")
    report = billing.import_billing(admin, path, "2026-03")
    assert (report.read, report.accepted, report.refused) == (4_998, 4_996, 2)
    assert [(r.row, [reason.code for reason in r.reasons]) for r in report.refused_rows] == [
        (4_323, ["billing.amount"]), (5_000, ["billing.repeated"])]
    with admin.store.read() as session:
        assert session.scalar(select(BillingMonthRow.amount_fen).where(BillingMonthRow.number == "13803172500")) == 1_200
        assert session.scalar(select(BillingMonthRow.amount_fen).where(BillingMonthRow.number == "13803173000")) == 800


def test_a_cell_too_long_far_down_is_refused_at_its_row(admin: Context, tmp_path: Path) -> None:
    rows = [f"1380317{n:04d},202603,10.00,0" for n in range(3_000)]
    rows[2_900] = "13803172900,202603,10.00," + "9" * 40_000  # Excel row 2902
    path = tmp_path / "bills.csv"
    path.write_text("\n".join(["号码,月份,话费,欠费", *rows]), encoding="utf-8")
    with pytest.raises(Refused) as refused:
        billing.import_billing(admin, path, "2026-03")
    assert refused.value.reasons[0].code == "sheet.too_big" and "2902" in refused.value.reasons[0].en
    with admin.store.read() as session:
        assert session.scalar(select(func.count()).select_from(BillingMonthRow)) == 0
