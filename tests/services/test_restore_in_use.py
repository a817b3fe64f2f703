"""A restore while another desk writes: no commit the desk was told of may be lost unnoticed.

The guarantee, precisely: each ticket a writing process was told was committed is in exactly one
of two places after the restore, the copy of the replaced store kept aside (it was committed
before the restore) or the live store (after it), and those in the kept copy are the writer's
first ones, in order. No commit lands in a file that is no longer the store, the writer's
commits after the restore land in the live store, and ``audit verify`` finds the chain intact.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from support import PASSWORD, REPO, make_staff

from kaccount_desk.services import audit, backup
from kaccount_desk.services.context import Context, Store

WRITER = r"""
import sys, time
from datetime import datetime, timedelta, timezone
from pathlib import Path
url, log, stop = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from kaccount_desk.services import staff, tickets
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import StoreUnavailable
now = datetime(2012, 2, 25, 9, 30, tzinfo=timezone(timedelta(hours=8)))
store = Store(url, resources=Path(sys.argv[4]), clock=lambda: now)
ctx = Context(store, staff.authenticate(store, "C001", sys.argv[5]))
n = 0
with log.open("a", encoding="utf-8") as out:
    while not stop.exists():
        n += 1
        try:
            tickets.open_ticket(ctx, tickets.TicketInput("fault", "phone", "hotline", "李明", "14912345678", f"writer {n}"))
        except StoreUnavailable:  # told "not saved, try again" in words (a PostgreSQL restore's deadlock victim)
            continue
        out.write(f"{n}\n")  # only once the service has returned: the desk was told it is committed
        out.flush()
"""


def _committed(log: Path) -> list[int]:
    return [int(line) for line in log.read_text(encoding="utf-8").split()] if log.exists() else []


def _wait_for(log: Path, count: int, child: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while len(_committed(log)) < count:
        assert child.poll() is None, child.communicate()[1]
        assert time.monotonic() < deadline, "the writer stopped committing"
        time.sleep(0.02)


def _written(path: Path) -> set[int]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return {int(c.split()[1]) for (c,) in db.execute("SELECT content FROM tickets WHERE content LIKE 'writer %'")}


def test_a_restore_while_another_process_writes_orphans_no_commit(admin: Context, store_path: Path, tmp_path: Path) -> None:
    make_staff(admin, "C001", "clerk")
    taken = backup.backup(admin, tmp_path / "office.kdbackup")
    log, stop = tmp_path / "committed.txt", tmp_path / "stop"
    child = subprocess.Popen([sys.executable, "-c", WRITER, admin.store.url, str(log), str(stop), str(REPO / "resources"), PASSWORD],
                             env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for(log, 30, child)
        restored = backup.restore(admin.store.url, taken.path)
        after_restore = len(_committed(log))
        _wait_for(log, after_restore + 40, child)  # the writer goes on, unaware of the restore
    finally:
        stop.touch()
        _out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    committed = _committed(log)
    kept = restored.aside[0]
    before, after = _written(kept), _written(store_path)
    orphaned = [n for n in committed[after_restore:] if n not in after]  # told "committed" after the restore, yet not in the store
    lost = [n for n in committed if n not in before and n not in after]
    assert (len(orphaned), len(lost)) == (0, 0), f"{len(orphaned)} orphaned and {len(lost)} lost of {len(committed)} commits"
    assert not before & after
    assert sorted(before) == committed[: len(before)] and sorted(after) == committed[len(before):]
    assert len(after) >= 40 and len(before) >= 30
    admin.store.close()
    reopened = Store(admin.store.url)
    try:
        checked = audit.verify(reopened)
        assert checked.ok, checked.reason
    finally:
        reopened.close()
