"""The month's scores the database writes (store/tier_sql.py) are the domain's rule exactly: the same
tier, average and RFM as ``domain.key_accounts.Scorer`` for the same bills, on SQLite and PostgreSQL,
with amounts at every line and one fen either side, arrears, gaps and short histories."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from sqlalchemy import select
from support import REPO

from kaccount_desk.domain.key_accounts import DEFAULT_TIER_RULES, ENTRY_FEN, BillingMonth, Scorer, month_index, month_of, window_of
from kaccount_desk.services.context import Store
from kaccount_desk.store.archive_models import BillingMonthRow, NumberTier
from kaccount_desk.store.bulk import insert_rows
from kaccount_desk.store.models import table_of
from kaccount_desk.store.tier_sql import score_month

SCORED = "2026-12"
LINES = sorted({ENTRY_FEN} | {rule.min_average_fen for rule in DEFAULT_TIER_RULES})


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    url = f"sqlite:///{tmp_path / 's.db'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    opened = Store(url, resources=REPO / "resources")
    request.addfinalizer(opened.close)
    return opened


def random_bills(count: int, seed: int) -> dict[str, list[BillingMonth]]:
    """Numbers with one to fourteen months of bills ending anywhere near the scored month: amounts at a
    line or a fen off it, zeros, and arrears now and then."""
    rnd = random.Random(seed)
    bills = {}
    last = month_index(SCORED)
    for n in range(count):
        months = rnd.randint(1, 14)
        end = last - rnd.choice((0, 0, 0, 1, 2, 4, 7))
        amount = rnd.choice(LINES) + rnd.choice((-1, 0, 0, 1))
        bills[f"1380000{n:04d}"] = [
            BillingMonth(month_of(i), 0 if rnd.random() < 0.15 else amount, 500 if rnd.random() < 0.1 else 0)
            for i in range(end - months + 1, end + 1)]
    return bills


def test_the_sql_scores_equal_the_domain_rule(store: Store) -> None:
    bills = random_bills(400, seed=11)
    scorer = Scorer(DEFAULT_TIER_RULES)
    with store.transaction() as session:
        for number, months in bills.items():
            insert_rows(session, table_of(BillingMonthRow), [
                {"number": number, "month": m.month, "amount_fen": m.amount_fen, "arrears_fen": m.arrears_fen} for m in months])
        score_month(session, SCORED, scorer)
    with store.read() as session:
        written = {row.number: (row.tier, row.average_fen, row.recency, row.frequency, row.monetary)
                   for row in session.scalars(select(NumberTier).where(NumberTier.month == SCORED))}
    expected = {}
    for number, months in bills.items():
        window = window_of(months, SCORED)
        if window.billed_months:
            s = scorer.score(window, SCORED)
            expected[number] = (s.tier.value if s.tier else None, s.average_fen, s.recency, s.frequency, s.monetary)
    assert written == expected
    assert {tier for tier, *_ in expected.values()} == {None, "high_value", "silver", "gold", "diamond"}


def test_a_number_with_a_tier_last_month_and_no_bill_in_the_twelve_is_written_leaving(store: Store) -> None:
    """Only a store whose months were scored apart from their bills has such a number (every import scores
    the months after it again), but then it must still be seen leaving, and be counted so."""
    before = month_of(month_index(SCORED) - 1)
    with store.transaction() as session:
        insert_rows(session, table_of(BillingMonthRow), [
            {"number": "13800000001", "month": m, "amount_fen": 60_000, "arrears_fen": 0} for m in ("2026-10", before, SCORED)])
        insert_rows(session, table_of(NumberTier), [
            {"number": number, "month": before, "tier": tier, "average_fen": 60_000, "recency": 5, "frequency": 2, "monetary": 4}
            for number, tier in (("13800000001", "gold"), ("13800000002", "gold"), ("13800000003", None))])
        pairs = score_month(session, SCORED, Scorer(DEFAULT_TIER_RULES))
    with store.read() as session:
        written = {row.number: (row.tier, row.average_fen, row.recency, row.frequency, row.monetary)
                   for row in session.scalars(select(NumberTier).where(NumberTier.month == SCORED))}
    assert written == {"13800000001": ("gold", 60_000, 5, 1, 4), "13800000002": (None, 0, 1, 1, 1)}
    assert pairs == {("gold", "gold"): 1, ("gold", None): 1}
