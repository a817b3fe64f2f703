"""The reserved number pool: what is still free, found by tail digits and simple patterns."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from kaccount_desk.domain.number_patterns import Pattern, matches
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services.campaigns import campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.store.handover_models import HandoverAllotment
from kaccount_desk.store.models import Application, PoolNumber


@dataclass(frozen=True)
class PoolEntry:
    number: str
    free: bool


def browse_pool(
    ctx: Context,
    campaign_code: str,
    tail: str = "",
    patterns: frozenset[Pattern] = frozenset(),
    free_only: bool = True,
    limit: int = 500,
) -> list[PoolEntry]:
    """A campaign reserves hundreds of numbers, not millions, so filtering in Python is instant."""
    tail = "".join(ch for ch in tail if ch.isdigit())
    with ctx.store.read() as session:
        campaign = campaign_row(session, campaign_code)
        numbers = session.scalars(select(PoolNumber.number).where(PoolNumber.campaign_id == campaign.id).order_by(PoolNumber.number))
        # Numbers allotted to a department's seat are that seat's to give (services/handover_pack.py).
        taken = set(session.scalars(select(HandoverAllotment.number).where(HandoverAllotment.campaign_id == campaign.id))) | set(
            session.scalars(
                select(Application.msisdn).where(
                    Application.campaign_id == campaign.id,
                    Application.number_source == "pool",
                    Application.status.in_(LIVE_STATUSES),
                )
            )
        )
        found: list[PoolEntry] = []
        for number in numbers:
            free = number not in taken
            if (free or not free_only) and matches(number, tail, patterns):
                found.append(PoolEntry(number, free))
                if len(found) >= limit:
                    break
        return found
