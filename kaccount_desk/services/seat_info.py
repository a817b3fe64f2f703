"""Whether this store is a department's seat (services/handover_seat.py), asked by the window at every start.

Apart from the seat's sending (the package, its sealing, the ID copies), so that the question the
File menu asks at window-up does not load them: a counter's window shows no seat actions on an
office's store, and a seat's clerk sends a package only now and then.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaccount_desk.services.context import Context
from kaccount_desk.store.models import StoreSetting

SEAT_SETTING = "handover_seat"


@dataclass(frozen=True)
class SeatInfo:
    seat_id: str
    campaign: str
    department: str
    office: str
    numbers: int


def seat_info(ctx: Context) -> SeatInfo | None:
    """This store's seat, or None when it is not one (an office's store)."""
    with ctx.store.read() as session:
        row = session.get(StoreSetting, SEAT_SETTING)
        if row is None or not isinstance(row.value, dict):
            return None
        v = row.value
        return SeatInfo(str(v["seat_id"]), str(v["campaign"]), str(v["department"]), str(v["office"]), int(v["numbers"]))
