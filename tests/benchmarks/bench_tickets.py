"""Benchmark (not a test): ticket queues and search on a store of 1,000,000 tickets.

Run ``python3 tests/benchmarks/bench_tickets.py [--rows 1000000]``. The store is filled by
``kaccount-desk demo`` (store_fill: a year of tickets with their history, referrals and search
text, and the demo staff), then each query is timed through the service layer, as a demo clerk,
beside the raw sqlite3 query it boils down to, median of 7 runs after a warm-up. Finally the store
is measured with and without its search index. Targets: each queue and search call < 20 ms; size
ratio < 2.5. The one-year report (per window and per staff member, ten figures each) has no
target: the Reports tab runs it off the GUI thread; its raw line is a plain count per window.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import store_fill  # noqa: E402

from kaccount_desk.domain.search_text import bigram_query  # noqa: E402
from kaccount_desk.services import staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.services.ticket_queries import (  # noqa: E402
    Queue,
    Sort,
    TicketQuery,
    count_tickets,
    page_tickets,
    search_tickets,
    ticket_report,
)

# From the demo's ticket texts (services/demo_values.py): frequent to rare, two to four characters.
SEARCH_TERMS = ("话费", "信号", "集团短号", "大客户包", "停机保号")


def median_ms(work: Callable[[], object]) -> float:
    work()
    times = []
    for _ in range(7):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def vacuumed_size(path: Path, drop_index: bool) -> int:
    copy = path.with_name(f"{path.stem}-{'plain' if drop_index else 'full'}.sqlite3")
    shutil.copy(path, copy)
    for suffix in ("-wal", "-shm"):
        if Path(str(path) + suffix).exists():
            shutil.copy(str(path) + suffix, str(copy) + suffix)
    db = sqlite3.connect(copy)
    if drop_index:
        db.execute("DROP TABLE ticket_search")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.execute("VACUUM")
    db.close()
    size = copy.stat().st_size
    copy.unlink()
    return size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-tickets-"))
    path = folder / "store.sqlite3"
    began = time.perf_counter()
    store_fill.fill(path, 0, args.rows)
    print(f"filled {args.rows:,} demo tickets in {time.perf_counter() - began:.0f} s into {path}")
    store = Store(f"sqlite:///{path}", clock=lambda: store_fill.NOW, key_file=path.with_suffix(".key"))
    ctx = Context(store, staff.authenticate(store, store_fill.CLERK, store_fill.DEMO_PASSWORD))
    raw = sqlite3.connect(path)
    first = TicketQuery(queue=Queue.ALL, sort=Sort.RECEIVED, descending=True)
    filtered = TicketQuery(queue=Queue.ALL, category="fault", window="hotline", sort=Sort.RECEIVED, descending=True)
    mine = TicketQuery(queue=Queue.MINE)
    clerk = ctx.actor.id
    fts = "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT 50"
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("queue all, first page of 50", lambda: page_tickets(ctx, first, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets ORDER BY received_at DESC, id DESC LIMIT 50").fetchall()),
        ("queue all, capped count", lambda: count_tickets(ctx, first),
         lambda: raw.execute("SELECT count(*) FROM (SELECT 1 FROM tickets LIMIT 1001)").fetchall()),
        ("queue mine (open, by due), first page", lambda: page_tickets(ctx, mine, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets WHERE owner_id = ? AND status != 'closed' ORDER BY due_at, id LIMIT 50",
                                (clerk,)).fetchall()),
        ("filtered: fault + hotline, first page", lambda: page_tickets(ctx, filtered, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets WHERE category='fault' AND window='hotline'"
                             " ORDER BY received_at DESC, id DESC LIMIT 50").fetchall()),
        ("filtered: capped count", lambda: count_tickets(ctx, filtered),
         lambda: raw.execute("SELECT count(*) FROM (SELECT 1 FROM tickets WHERE category='fault' AND window='hotline'"
                             " LIMIT 1001)").fetchall()),
    ]
    for term in SEARCH_TERMS:
        cases.append((f"search {term} ({len(term)} chars)", lambda term=term: search_tickets(ctx, term),
                      lambda term=term: raw.execute(fts, (bigram_query(term),)).fetchall()))
    prefix = raw.execute("SELECT substr(customer_number, 1, 7) FROM tickets WHERE customer_number != '' LIMIT 1").fetchone()[0]
    cases.append((f"search number prefix {prefix}", lambda: search_tickets(ctx, prefix),
                  lambda: raw.execute("SELECT id FROM tickets WHERE customer_number >= ? AND customer_number < ? LIMIT 50",
                                      (prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1))).fetchall()))
    year_end = store_fill.NOW.astimezone(UTC)
    year_start = year_end - timedelta(days=365)
    cases.append(("report per window and staff, one year", lambda: ticket_report(ctx, year_start, year_end),
                  lambda: raw.execute("SELECT window, count(*), sum(status = 'closed') FROM tickets"
                                      " WHERE received_at >= ? AND received_at < ? GROUP BY window",
                                      (year_start.replace(tzinfo=None), year_end.replace(tzinfo=None))).fetchall()))
    print(f"\n{'query':42} {'service ms':>11} {'raw ms':>8}  hits")
    for name, service, reference in cases:
        result = service()
        by_window = getattr(result, "by_window", None)
        if by_window is not None:
            hits = sum(r.received for r in by_window)
        else:
            hits = len(result) if isinstance(result, list) else getattr(result, "count", result)
        print(f"{name:42} {median_ms(service):11.2f} {median_ms(reference):8.2f}  {hits}")
    raw.close()
    store.close()
    with_index = vacuumed_size(path, drop_index=False)
    without = vacuumed_size(path, drop_index=True)
    print(f"\nstore size: {with_index / 1e6:.0f} MB with the search index, {without / 1e6:.0f} MB without:"
          f" ratio {with_index / without:.2f}")
    if not os.environ.get("BENCH_KEEP"):
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
