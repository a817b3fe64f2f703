"""The demo's bills: twelve months for its numbers, so its customer cards have tiers and a tier history.

Part of ``demo`` (services/demo.py): the numbers of its applications and its tickets' callers get a
year of bills ending last month, deterministic by the seed, scored month by month exactly as an
imported extract is (``tiers.rescore``). A trainee then finds 钻石卡 to 个人高价值客户, a few in
arrears, and the 异动 list of the last month filled, without any real customer's bill.
"""

from __future__ import annotations

import random

from sqlalchemy import select

from kaccount_desk.domain.key_accounts import month_index, month_of
from kaccount_desk.domain.operator_time import local
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.services.tiers import rescore, tier_rules
from kaccount_desk.store.archive_models import BillingImport, BillingMonthRow
from kaccount_desk.store.bulk import insert_rows
from kaccount_desk.store.models import Application, table_of
from kaccount_desk.store.ticket_models import Ticket

MONTHS = 12
# Typical monthly spend in fen by kind of customer, and how many of a hundred are of that kind.
SPENDERS = ((4_000, 40), (12_000, 25), (20_000, 15), (35_000, 10), (60_000, 7), (130_000, 3))


def insert_bills(ctx: Context, seed: int) -> int:
    """Write a year of bills for every number the demo made; return how many numbers were billed."""
    with ctx.store.read() as session:
        found = set(session.scalars(select(Application.msisdn).where(Application.msisdn.is_not(None))))
        found |= set(session.scalars(select(Ticket.customer_number).distinct()))
    numbers = sorted(n for n in found if n and len(n) == 11 and n.isdigit() and n.startswith("1"))  # a landline has no bill here
    rnd = random.Random(seed * 7919)
    habits = {n: rnd.choices([fen for fen, _ in SPENDERS], [weight for _, weight in SPENDERS])[0] for n in numbers}
    last = month_index(f"{local(ctx.now()):%Y-%m}") - 1
    with ctx.transaction() as session:
        rules = tier_rules(session)
        for month in (month_of(last - back) for back in range(MONTHS - 1, -1, -1)):
            rows = [{"number": n, "amount_fen": max(0, int(fen * rnd.uniform(0.6, 1.4))),
                     "arrears_fen": rnd.choice((1_000, 5_000)) if rnd.random() < 0.02 else 0} for n, fen in habits.items()]
            insert_rows(session, table_of(BillingMonthRow), rows, {"month": month})
            session.add(BillingImport(month=month, file_name="demo", rows=len(rows), total_fen=sum(r["amount_fen"] for r in rows),
                                      imported_by=ctx.actor.id, imported_at=ctx.now()))
            session.flush()
            rescore(session, month, rules)
            audit.note_change(session, "billing_months", "insert", [month])
    return len(numbers)
