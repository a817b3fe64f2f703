"""A desk caught between a PostgreSQL restore's lock and its DROPs is told to try again; the restore goes through.

The deadlock a desk meets by chance, made on purpose here: the desk has read ``tickets`` in its
open transaction (so the restore's DROP would wait for it) and then asks to write (so it waits for
the restore's lock). Left to the server, the restore is the one ended (it asks last in the same
lock's queue) and fails in words; the restore cancels the waiting desk's statement instead.
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


def test_a_desk_waiting_between_the_restores_lock_and_its_drops_is_told_to_try_again(pg_url: str, tmp_path: Path,
                                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
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
    desk_pid = desk.scalar(text("SELECT pg_backend_pid()"))
    kept: list[float] = []
    wrote: list[str] = []

    def desk_writes() -> None:
        try:
            desk.execute(text("LOCK TABLE tickets IN ROW EXCLUSIVE MODE"))  # what its INSERT asks for
            desk.commit()
            wrote.append("committed")
        except Exception as exc:  # noqa: BLE001 - the test reports how the desk's wait ended
            wrote.append(str(exc)[:300])
            desk.rollback()  # as the app's session does at once: the desk lets go of its read

    writer = threading.Thread(target=desk_writes)

    def keep() -> None:
        kept.append(time.monotonic())
        writer.start()
        with desk_engine.connect() as watch:  # until the desk waits on the restore's lock, holding its read
            deadline = time.monotonic() + 30
            while not watch.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = :pid"), {"pid": desk_pid}):
                assert time.monotonic() < deadline, "the desk never waited on the restore"
                time.sleep(0.02)

    try:
        snapshot.pg_restore(pg_url, dump, bin_dir, tmp_path, keep)
        writer.join(60)
    finally:
        desk.close()
        desk_engine.dispose()
    assert len(wrote) == 1 and "canceling statement due to user request" in wrote[0], wrote
    assert len(kept) == 1
    with desk_engine.connect() as after:  # the restored tables are there
        assert after.scalar(text("SELECT count(*) FROM tickets")) == 0
