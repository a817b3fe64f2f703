"""The benchmarks' store: a new SQLite store filled by ``kaccount-desk demo`` (``services.demo``).

One fill for every benchmark, the one a new user runs: the demo staff, an open campaign (``DEMO-1``)
with applications in every status (those past draft with both ID-copy sides), and a year of
tickets with their history, search text and referrals, all through the store's own tables,
encryption and audit trail. The benchmarks once had generators of their own, raw inserts that had
to follow every schema change by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.demo import DEMO_PASSWORD, DEMO_STAFF_NOS, fill_demo

CST = timezone(timedelta(hours=8))
# The hall's clock while the store is filled and measured: the demo's year of tickets ends here and
# its campaign is open a month beyond it.
NOW = datetime(2012, 2, 25, 9, 30, tzinfo=CST)
ADMIN, ADMIN_PASSWORD = "A001", "secret-pass"
SEED = 1
CAMPAIGN = f"DEMO-{SEED}"
CLERK = DEMO_STAFF_NOS[0]  # a demo clerk, owner of some of the tickets
__all__ = ["ADMIN", "ADMIN_PASSWORD", "CAMPAIGN", "CLERK", "DEMO_PASSWORD", "NOW", "fill", "filled_store"]


def fill(path: Path, applications: int, tickets: int = 0) -> None:
    """Make the store at ``path`` (its key beside it, ``.key``), with the first administrator and the demo data."""
    store = Store(f"sqlite:///{path}", clock=lambda: NOW, key_file=path.with_suffix(".key"))
    try:
        admin = Context(store, staff.create_first_admin(store, ADMIN, "管理员", ADMIN_PASSWORD))
        made = fill_demo(admin, tickets, applications, seed=SEED)
        assert (made.applications, made.tickets) == (applications, tickets), "the demo fill was not stopped"
    finally:
        store.close()


@contextmanager
def filled_store(path: Path, applications: int, tickets: int = 0) -> Iterator[tuple[Context, str]]:
    """A filled store opened as its administrator; yields the context and the campaign's code."""
    fill(path, applications, tickets)
    store = Store(f"sqlite:///{path}", clock=lambda: NOW, key_file=path.with_suffix(".key"))
    try:
        yield Context(store, staff.authenticate(store, ADMIN, ADMIN_PASSWORD)), CAMPAIGN
    finally:
        store.close()
