"""Killed backups and restores leave no copy of the store behind once the program starts again.

A backup copies the whole store (names, mobile numbers, ID images) into a scratch folder before
zipping it; a restore unpacks the backup beside the store. A child process is killed at the
first file operation after such a temporary appears (Python's audit hook announces each one),
and the next start's sweep must remove everything it left, and change nothing else.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO

from kaccount_desk import safe_files
from kaccount_desk.services import backup
from kaccount_desk.services.context import Context

DIE_WHEN_IT_APPEARS = r"""
import os, sys
from pathlib import Path
kind, url, file, where, watched = sys.argv[1:6]
from kaccount_desk.services import backup
from kaccount_desk.services.context import Store
store = Store(url) if kind == "backup" else None
busy = False

def die_once_it_exists(event, args):
    # The first file operation after a hidden temporary (or the one watched inside it) is on
    # disk is the earliest moment a kill can land with it there.
    global busy
    if busy:
        return
    busy = True
    for _root, dirs, files in os.walk(where):
        if any(watched in n if watched else n.startswith(".") for n in dirs + files):
            os._exit(9)
    busy = False

sys.addaudithook(die_once_it_exists)
if kind == "backup":
    backup.backup_store(store, Path(file))
else:
    backup.restore(url, Path(file))
"""


def _hidden(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob(".*"))


def _rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return db.execute("SELECT seq, hash FROM audit_log ORDER BY seq").fetchall()


@pytest.mark.parametrize(("kind", "watched"), [
    ("backup", ""), ("backup", ".tmp"), ("restore", ""), ("restore", "replaced.sqlite3"),
])
def test_a_kill_the_moment_a_temporary_appears_leaves_no_copy_after_the_next_start(
    admin: Context, store_path: Path, tmp_path: Path, kind: str, watched: str
) -> None:
    taken = backup.backup(admin, tmp_path / "kept" / "office.kdbackup")
    admin.store.close()
    if kind == "backup":
        where, file = tmp_path / "usb", tmp_path / "usb" / "new folder" / "office.kdbackup"
        where.mkdir()
    else:
        where, file = store_path.parent, taken.path
    before, hidden_before = _rows(store_path), _hidden(where)
    child = subprocess.run(
        [sys.executable, "-c", DIE_WHEN_IT_APPEARS, kind, admin.store.url, str(file), str(where), watched],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300,
    )
    assert child.returncode == 9, child.stderr[-2000:]
    assert _hidden(where) != hidden_before  # the kill landed with a temporary on disk
    safe_files.sweep_stale()
    assert _hidden(where) == hidden_before
    assert not file.exists() or kind == "restore"
    assert not [p.name for p in store_path.parent.iterdir() if ".replaced-" in p.name]
    assert _rows(store_path) == before or kind == "backup"  # a killed restore changed nothing (a backup adds its audit entry)
    assert not list(safe_files.pending_dir().glob("*"))
