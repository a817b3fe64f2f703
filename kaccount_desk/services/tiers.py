"""Tiers and RFM scores per number and month, their lines, and the month's upgrades and downgrades (异动).

A month's scores are worked out from the store's bills in one grouped query over its twelve months
(a hundred thousand numbers a month, so never a query per number) and written as that month's
``number_tiers`` rows, replacing any it had. A number's tier history is those rows in month order;
the 异动 list compares a month's rows with the month before's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from kaccount_desk.domain.key_accounts import (
    CHANGE_LABELS,
    DEFAULT_TIER_RULES,
    TIER_LABELS,
    Change,
    Scorer,
    Tier,
    TierRule,
    change_of,
    check_tier_rules,
    parse_fen,
    parse_month,
    previous_month,
    yuan,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.archive_models import BillingImport, NumberTier, TierRuleRow
from kaccount_desk.store.tagged_union import read_together
from kaccount_desk.store.tier_sql import score_month


@dataclass
class TierCounts:
    """A scored month: how many numbers in each tier and how many moved, by kind of move."""

    month: str
    scored: int = 0
    tiers: dict[str, int] = field(default_factory=dict)
    moves: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TierLine:
    tier: str
    name: str
    min_average_yuan: str


@dataclass(frozen=True)
class TierMove:
    """One line of the 异动 list: a number whose tier changed from the month before."""

    number: str
    before: str | None
    after: str | None
    change: str
    change_name: str
    before_name: str
    after_name: str
    average_yuan: str


def tier_rules(session: Session) -> tuple[TierRule, ...]:
    rows = session.execute(select(TierRuleRow.tier, TierRuleRow.min_average_fen)).all()
    return tuple(TierRule(Tier(tier), fen) for tier, fen in rows) or DEFAULT_TIER_RULES


def rescore(session: Session, month: str, rules: tuple[TierRule, ...]) -> TierCounts:
    """Score every number billed in the twelve months up to ``month``, and every number that had a
    tier the month before (so one whose bills stopped is seen leaving), replacing the month's rows;
    the database does it in one statement (store/tier_sql.py) and counts the month's numbers by their
    tier before and now, from which the month's tiers and moves are added up here."""
    pairs = score_month(session, month, Scorer(rules))
    audit.note_change(session, "number_tiers", "insert", [month])  # Core statements: the flush recorder cannot see them
    counts = TierCounts(month, scored=sum(pairs.values()))
    for (before, after), n in sorted(pairs.items(), key=lambda pair: (pair[0][0] or "", pair[0][1] or "")):  # as SQLite groups
        change = change_of(before, after)
        if change is not None:
            counts.moves[change.value] = counts.moves.get(change.value, 0) + n
    for after in sorted({after for _before, after in pairs if after is not None}):
        counts.tiers[after] = sum(n for (_before, now), n in pairs.items() if now == after)
    return counts


def lines(ctx: Context) -> list[TierLine]:
    """The tier lines as a supervisor sees and sets them, highest first."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    with ctx.store.read() as session:
        rules = {rule.tier: rule.min_average_fen for rule in tier_rules(session)}
    return [TierLine(tier.value, TIER_LABELS.text(tier, ctx.lang), yuan(rules[tier])) for tier in Tier if tier in rules]


def set_line(ctx: Context, tier: str, min_average_yuan: str) -> list[TierLine]:
    """A supervisor moves one tier's line; months imported from now on are judged by it (a month
    already scored keeps its tiers until it is imported again, so history does not change behind anyone)."""
    ctx.require(Permission.MANAGE_KEY_ACCOUNTS)
    fen = parse_fen(min_average_yuan)
    if tier not in Tier.__members__.values() or fen is None:
        raise Refused(Reason("tier.input", "请给出级别(diamond/gold/silver/high_value)和月均消费金额(元)",
                             "Give a tier (diamond/gold/silver/high_value) and an average monthly spend in yuan"))
    with ctx.transaction() as session:
        rules = [TierRule(rule.tier, fen if rule.tier == tier else rule.min_average_fen) for rule in tier_rules(session)]
        problems = check_tier_rules(rules)
        if problems:
            raise Refused(*problems)
        row = session.get(TierRuleRow, tier)
        if row is None:
            session.add(TierRuleRow(tier=tier, min_average_fen=fen))
        else:
            row.min_average_fen = fen
    return lines(ctx)


def moves(ctx: Context, month: str) -> list[TierMove]:
    """The month's 异动 list for the account managers: upgrades first, then entries, downgrades, exits."""
    ctx.require(Permission.VIEW_CUSTOMERS)
    wanted = parse_month(month)
    if wanted is None:
        raise Refused(Reason("billing.month", f"月份“{month[:20]}”不对,应写作 2026-03 这样的年-月",
                             f"The month “{month[:20]}” is not a month; write it as 2026-03"))
    prev = aliased(NumberTier)
    with ctx.store.read() as session:  # whether the month is in, with its moves: one statement, one round trip
        found = read_together(session, {
            "imported": select(BillingImport.month).where(BillingImport.month == wanted),
            "moves": select(NumberTier.number, prev.tier, NumberTier.tier, NumberTier.average_fen)
            .outerjoin(prev, (prev.number == NumberTier.number) & (prev.month == previous_month(wanted)))
            .where(NumberTier.month == wanted, NumberTier.tier.is_distinct_from(prev.tier)),
        })
    if not found["imported"]:
        raise Refused(Reason("billing.not_imported", f"{wanted} 的账单还没有导入", f"No bills imported for {wanted} yet"))
    rows = found["moves"]
    order = {Change.UP: 0, Change.NEW: 1, Change.DOWN: 2, Change.LOST: 3}
    listed = []
    for number, before, after, fen in rows:
        change = change_of(before, after)
        if change is not None:
            listed.append(_move(ctx, change, number, before, after, fen))
    return sorted(listed, key=lambda move: (order[Change(move.change)], move.number))


def _move(ctx: Context, change: Change, number: str, before: str | None, after: str | None, fen: int) -> TierMove:
    return TierMove(number, before, after, change.value, CHANGE_LABELS.text(change, ctx.lang),
                    TIER_LABELS.text(before, ctx.lang) if before else "", TIER_LABELS.text(after, ctx.lang) if after else "",
                    yuan(fen))
