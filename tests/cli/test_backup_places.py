"""Backups to awkward places, and restores without room, answered in words with exit code 1.

The README's own example writes to a USB stick, a new folder on another drive: the rename from a
temporary on the system drive crossed file systems (EXDEV) and ended in a traceback. Here the
other drive is /dev/shm (a tmpfs) when the test folder is not on it, a full stick is a child
process with a file-size limit (RLIMIT_FSIZE: the kernel answers EFBIG, as a FAT stick does at
4 GB), and ``/proc/version`` is a file nobody can write.
"""

from __future__ import annotations

import os
import resource
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from support import PASSWORD, REPO

from kaccount_desk.services.context import Context

LIMIT = 100 * 1024  # bytes per file: room for the store's -wal and -shm, not for a copy of the store


def _kad(*args: str, db: Path, staff: str | None = "A001", limit: int | None = None) -> subprocess.CompletedProcess[str]:
    def small_files() -> None:
        assert limit is not None
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    head = ["--db", str(db), "--lang", "en"] + (["--as", staff] if staff else [])
    return subprocess.run([sys.executable, "-m", "kaccount_desk", *head, *args], capture_output=True, text=True,
                          env={**os.environ, "KACCOUNT_PASSWORD": PASSWORD, "PYTHONPATH": str(REPO)}, stdin=subprocess.DEVNULL,
                          preexec_fn=small_files if limit else None, timeout=180)


def _audit(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        return c.execute("SELECT seq, hash FROM audit_log ORDER BY seq").fetchall()


@pytest.fixture
def db(admin: Context, store_path: Path) -> Path:
    admin.store.close()
    return store_path


def test_a_backup_into_a_new_folder_on_another_drive_is_written(db: Path, tmp_path: Path) -> None:
    other = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.stat("/dev/shm").st_dev != os.stat(tmp_path).st_dev else tmp_path
    stick = other / f"kaccount-test-{uuid.uuid4().hex[:8]}"
    try:
        done = _kad("backup", "--out", str(stick / "new folder" / "office.kdbackup"), db=db)
        assert done.returncode == 0, done.stderr
        assert sorted(p.name for p in (stick / "new folder").iterdir()) == ["office.kdbackup"]
        assert _kad("restore", "--check", str(stick / "new folder" / "office.kdbackup"), db=db, staff=None).returncode == 0
    finally:
        subprocess.run(["rm", "-rf", str(stick)], check=True)


def test_a_backup_over_a_file_nobody_can_write_is_refused_in_words(db: Path) -> None:
    done = _kad("backup", "--out", "/proc/version", db=db)
    assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
    assert "Cannot write the backup file /proc/version" in done.stderr


def test_a_backup_to_a_full_stick_is_refused_in_words_and_leaves_nothing(db: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    done = _kad("backup", "--out", str(stick / "office.kdbackup"), db=db, limit=LIMIT)
    assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
    assert "Cannot write the backup file" in done.stderr and "Choose another place" in done.stderr
    assert list(stick.iterdir()) == []


def test_a_restore_without_room_beside_the_store_is_refused_and_changes_nothing(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "office.kdbackup"
    assert _kad("backup", "--out", str(out), db=db).returncode == 0
    before = _audit(db)
    for check in ([], ["--check"]):
        done = _kad("restore", *check, str(out), db=db, staff=None, limit=LIMIT)
        assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr
        assert "The store was not changed" in done.stderr and "damaged" not in done.stderr
    assert _audit(db) == before
    assert [p.name for p in db.parent.iterdir() if p.name.startswith(".")] == []
