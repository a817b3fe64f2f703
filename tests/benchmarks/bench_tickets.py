"""Benchmark (not a test): ticket queues and search on a store of 1,000,000 tickets.

Run ``python3 tests/benchmarks/bench_tickets.py [--rows 1000000]``. A deterministic generator
writes tickets made of clauses of the seed text plus a phone number into a temporary SQLite
store (raw executemany, for speed), then each query is timed through the service layer beside
the raw sqlite3 query it boils down to, median of 7 runs after a warm-up. Finally the store is
measured with and without its search index. Targets: each queue and search call < 20 ms; size
ratio < 2.5. The one-year report (per window and per staff member, ten figures each) has no
target: the Reports tab runs it off the GUI thread; its raw line is a plain count per window.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from kaccount_desk.domain.search_text import bigram_query, bigram_text  # noqa: E402
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

# A copy of ../shared/domain/seed-documents.txt, so the generator makes the same tickets on any checkout.
SEED = Path(__file__).resolve().parent / "data" / "seed-documents.txt"
CATEGORIES = ["consultation", "lookup", "complaint", "fault", "business"]
CHANNELS = ["face", "phone", "letter", "visit", "online"]
WINDOWS = ["self_run_hall", "partner_hall", "hotline", "billing_desk", "key_account_desk"]
START = datetime(2020, 1, 1)
BATCH = 50_000


def clauses() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    parts = [p.strip() for p in re.split(r"[,。;!?\n,;!?]", text)]
    return [p for p in parts if 4 <= len(p) <= 60]


def generate(path: Path, rows: int) -> None:
    rng = random.Random(20120222)
    pool = clauses()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.executemany(
        "INSERT INTO staff (staff_no, name, role, password_hash, active, created_at) VALUES (?, ?, 'clerk', 'x', 1, ?)",
        [(f"C{i:03d}", f"员工{i}", START) for i in range(2, 21)],
    )
    made = 0
    while made < rows:
        n = min(BATCH, rows - made)
        tickets, events, search = [], [], []
        for i in range(made + 1, made + n + 1):
            received = START + timedelta(minutes=3 * i)
            number = f"13{rng.randint(4, 9)}{rng.randint(0, 99_999_999):08d}"
            content = "，".join(rng.sample(pool, 2)) + f" 联系电话{number}"
            category = rng.choice(CATEGORIES)
            status = "closed" if rng.random() < 0.8 else rng.choice(["open", "in_progress", "referred", "replied"])
            due = received + timedelta(hours=48)
            tickets.append((i, received, rng.choice(CHANNELS), rng.choice(WINDOWS), category, "town", f"客户{i % 997}", number, 0, content,
                            status, 1, rng.randint(1, 20), due, 0, 0, 0, 0, due if status == "closed" else None, received))
            events.append((i, i, "receive", 1, received, content, "{}"))
            search.append((i, bigram_text(f"{content} 客户{i % 997} {number}")))
        db.executemany(
            "INSERT INTO tickets (id, received_at, channel, window, category, area, customer_name, customer_number, key_account,"
            " content, status, first_receiver_id, owner_id, due_at, referred, replied, callback_tries, handset_cause, closed_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            tickets,
        )
        db.executemany("INSERT INTO ticket_events (id, ticket_id, action, staff_id, at, text, data) VALUES (?,?,?,?,?,?,?)", events)
        db.executemany("INSERT INTO ticket_search (rowid, body) VALUES (?, ?)", search)
        db.commit()
        made += n
        print(f"  {made:,} tickets", end="\r", flush=True)
    db.execute("ANALYZE")
    db.commit()
    db.close()
    print()


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
    now = START + timedelta(minutes=3 * args.rows, hours=1)
    store = Store(f"sqlite:///{path}", clock=lambda: now.replace(tzinfo=UTC))
    ctx = Context(store, staff.create_first_admin(store, "A001", "管理员", "bench-pass"))
    began = time.perf_counter()
    generate(path, args.rows)
    print(f"generated {args.rows:,} tickets in {time.perf_counter() - began:.0f} s into {path}")
    raw = sqlite3.connect(path)
    first = TicketQuery(queue=Queue.ALL, sort=Sort.RECEIVED, descending=True)
    filtered = TicketQuery(queue=Queue.ALL, category="fault", window="hotline", sort=Sort.RECEIVED, descending=True)
    mine = TicketQuery(queue=Queue.MINE)
    fts = "SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT 50"
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("queue all, first page of 50", lambda: page_tickets(ctx, first, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets ORDER BY received_at DESC, id DESC LIMIT 50").fetchall()),
        ("queue all, capped count", lambda: count_tickets(ctx, first),
         lambda: raw.execute("SELECT count(*) FROM (SELECT 1 FROM tickets LIMIT 1001)").fetchall()),
        ("queue mine (open, by due), first page", lambda: page_tickets(ctx, mine, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets WHERE owner_id = 1 AND status != 'closed' ORDER BY due_at, id LIMIT 50").fetchall()),
        ("filtered: fault + hotline, first page", lambda: page_tickets(ctx, filtered, 0, 50),
         lambda: raw.execute("SELECT * FROM tickets WHERE category='fault' AND window='hotline'"
                             " ORDER BY received_at DESC, id DESC LIMIT 50").fetchall()),
        ("filtered: capped count", lambda: count_tickets(ctx, filtered),
         lambda: raw.execute("SELECT count(*) FROM (SELECT 1 FROM tickets WHERE category='fault' AND window='hotline'"
                             " LIMIT 1001)").fetchall()),
    ]
    for term in ("话费", "客户", "基站故障", "大客户服务", "亲情一家"):
        cases.append((f"search {term} ({len(term)} chars)", lambda term=term: search_tickets(ctx, term),
                      lambda term=term: raw.execute(fts, (bigram_query(term),)).fetchall()))
    cases.append(("search number prefix 1391234", lambda: search_tickets(ctx, "1391234"),
                  lambda: raw.execute("SELECT id FROM tickets WHERE customer_number >= '1391234'"
                                      " AND customer_number < '1391235' LIMIT 50").fetchall()))
    year_start = START.replace(tzinfo=UTC)
    year_end = year_start + timedelta(days=365)
    cases.append(("report per window and staff, one year", lambda: ticket_report(ctx, year_start, year_end),
                  lambda: raw.execute("SELECT window, count(*), sum(status = 'closed') FROM tickets"
                                      " WHERE received_at >= ? AND received_at < ? GROUP BY window",
                                      (START, START + timedelta(days=365))).fetchall()))
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
