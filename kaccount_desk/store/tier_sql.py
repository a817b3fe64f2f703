"""A month's tiers and RFM scores written by the database itself: the domain's rule rendered as SQL.

Scoring a hundred thousand numbers in Python meant carrying their twelve-month sums out of the
store and a hundred thousand score rows back in, most of an import's time. Here the same rule
(``domain.key_accounts.Scorer``: its tier lines, the RFM steps, the entry and the least months) is
rendered as CASE expressions over the grouped bills and run as one INSERT ... SELECT. Nothing of the
rule is decided here: every figure comes from the domain, and ``tests/store/test_tier_sql.py``
checks that this SQL and the Python rule give the same score for the same bills, at every boundary.
Written with SQLAlchemy Core, so SQLite and PostgreSQL run the same statement.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, case, cast, delete, exists, func, insert, literal, null, select
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.key_accounts import (
    FREQUENCY_STEPS,
    MIN_MONTHS,
    RECENCY_STEPS,
    Scorer,
    month_index,
    month_of,
    previous_month,
    window_start,
)
from kaccount_desk.store.archive_models import BillingMonthRow, NumberTier

Pair = tuple[str | None, str | None]  # a tier the month before, the tier now (None: no tier)


def score_month(session: Session, month: str, scorer: Scorer) -> dict[Pair, int]:
    """Replace ``month``'s ``number_tiers`` rows: every number billed in its twelve months, and every one
    that had a tier the month before and no bill since (scored as having none, so it is seen leaving);
    return how many of the month's numbers went from each tier the month before to each tier now.

    Every bill of the twelve months passes through the grouping (a million rows for a year of a
    county), so each figure is taken there as cheaply as the database can: the active months counted,
    the scored month's arrears summed under a FILTER, and the latest active month compared with the
    month texts the recency steps reach (``gap <= n`` is ``last_active >= month - n``: "YYYY-MM" texts
    order as months do) rather than worked out as a number for each row."""
    b = BillingMonthRow
    window = (select(b.number.label("number"), func.count().label("billed"),
                     cast(func.sum(b.amount_fen), BigInteger).label("total"),
                     func.count(case((b.amount_fen > 0, 1))).label("active"),
                     func.max(case((b.amount_fen > 0, b.month))).label("last_active"),
                     cast(func.sum(b.arrears_fen).filter(b.month == month), BigInteger).label("arrears"))
              .where(b.month.between(window_start(month), month)).group_by(b.number).subquery())
    billed, total = window.c.billed, window.c.total
    tier = case(*[(total >= line * billed, literal(name.value)) for line, name in scorer.lines], else_=null())
    scored = month_index(month)
    recency = case(*[(window.c.last_active >= month_of(scored - most), points) for most, points in RECENCY_STEPS], else_=1)
    frequency = case(*[(window.c.active >= least, points) for least, points in FREQUENCY_STEPS], else_=1)
    monetary = case(*[(total >= line * billed, points) for line, points in scorer.steps], else_=1)
    judged = case(((func.coalesce(window.c.arrears, 0) > 0) | (billed < MIN_MONTHS), null()), else_=tier)
    columns = ["number", "month", "tier", "average_fen", "recency", "frequency", "monetary"]
    session.execute(delete(NumberTier).where(NumberTier.month == month))
    session.execute(insert(NumberTier).from_select(columns, select(
        window.c.number, literal(month), judged, total // billed, recency, frequency, monetary)))
    pairs = tier_pairs(session, month)
    tiered_before = session.scalar(select(func.count()).where(NumberTier.month == previous_month(month), NumberTier.tier.is_not(None)))
    if (tiered_before or 0) > sum(n for (before, _after), n in pairs.items() if before is not None):
        # Some number with a tier the month before has no row now (no bill in the twelve months): it is
        # written as having none, so it is seen leaving. The pairs above show whether any did, so the
        # lookup of each tiered number is made only then.
        before, now = aliased(NumberTier), aliased(NumberTier)
        session.execute(insert(NumberTier).from_select(columns, select(
            before.number, literal(month), null(), literal(0), literal(1), literal(1), literal(1))
            .where(before.month == previous_month(month), before.tier.is_not(None),
                   ~exists().where(now.number == before.number, now.month == month))))
        pairs = tier_pairs(session, month)
    return pairs


def tier_pairs(session: Session, month: str) -> dict[Pair, int]:
    """How many of ``month``'s numbers had each tier the month before (None: none, or no row) and each now."""
    prev = aliased(NumberTier)
    return {(before, after): n for before, after, n in session.execute(
        select(prev.tier, NumberTier.tier, func.count())
        .outerjoin(prev, (prev.number == NumberTier.number) & (prev.month == previous_month(month)))
        .where(NumberTier.month == month).group_by(prev.tier, NumberTier.tier))}
