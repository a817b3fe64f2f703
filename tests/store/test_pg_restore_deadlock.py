"""A PostgreSQL restore the server ends to break a deadlock with a desk is made again, not lost.

The deadlock, made on purpose here as a desk meets it by chance: the desk has read ``tickets`` in
its open transaction (so the restore's DROP waits for it) and then asks to write ``ticket_events``
(so it waits for the restore's lock). The restore starts waiting first, so the server ends the restore's
transaction; nothing was replaced, the desk's write goes through, and the restore is made again.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from postgresql_server import server_programs
from sqlalchemy import create_engine, text
from support import REPO

from kaccount_desk.services.context import Store
from kaccount_desk.store import snapshot

pytestmark = pytest.mark.postgres


def _restore_waits_on_a_lock(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as watch:
            return bool(watch.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%DROP%'")))
    finally:
        engine.dispose()


def test_a_restore_ended_by_a_deadlock_with_a_desk_is_made_again(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store(pg_url, resources=REPO / "resources").close()
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))  # pg_dump beside the test server's own programs
    bin_dir = snapshot.pg_bin()
    assert bin_dir is not None
    dump = tmp_path / "office.dump"
    snapshot.pg_dump(pg_url, dump, bin_dir)
    desk_engine = create_engine(pg_url)
    desk = desk_engine.connect()
    desk.begin()
    desk.execute(text("SELECT count(*) FROM tickets"))  # read in its transaction: ACCESS SHARE held
    kept: list[float] = []
    wrote: list[str] = []

    def desk_writes() -> None:
        deadline = time.monotonic() + 30
        while not _restore_waits_on_a_lock(pg_url) and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            # What an INSERT into another table asks for (on the same table the server would end the
            # desk at once, as the later of two waiters in one lock's queue).
            desk.execute(text("LOCK TABLE ticket_events IN ROW EXCLUSIVE MODE"))
            desk.commit()
            wrote.append("committed")
        except Exception as exc:  # noqa: BLE001 - the test reports which side the server ended
            wrote.append(f"{type(exc).__name__}: {str(exc)[:300]}")

    writer = threading.Thread(target=desk_writes)

    def keep() -> None:
        kept.append(time.monotonic())
        if len(kept) == 1:
            writer.start()

    try:
        snapshot.pg_restore(pg_url, dump, bin_dir, tmp_path, keep)
        writer.join(60)
    finally:
        desk.close()
        desk_engine.dispose()
    assert wrote == ["committed"], "the desk was ended instead of the restore"
    assert len(kept) == 2, "the restore ended by the deadlock was not made again"
