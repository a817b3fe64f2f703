"""``backup``, ``restore`` and ``audit verify`` as a script runs them: exit codes and what they say."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from support import PASSWORD, SAMPLE_CAMPAIGN


def kad(*args: str, db: Path | str, staff: str | None = "A001") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KACCOUNT_PASSWORD=PASSWORD)
    head = ["--db", str(db), "--lang", "en"] + (["--as", staff] if staff else [])
    return subprocess.run([sys.executable, "-m", "kaccount_desk", *head, *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_backup_verify_tamper_and_restore_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=db, staff=None).returncode == 0
    assert kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=db).returncode == 0
    verified = kad("audit", "verify", "--json", db=db, staff=None)
    assert verified.returncode == 0, verified.stderr
    entries = json.loads(verified.stdout)["entries"]
    assert entries >= 5

    out = tmp_path / "office.kdbackup"
    made = kad("backup", "--out", str(out), "--json", db=db)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["audit_seq"] == entries + 2  # the login, then the backup itself
    assert kad("backup", "--out", str(tmp_path / "x.kdbackup"), db=db, staff=None).returncode == 2  # a backup needs a login

    truncated = tmp_path / "truncated.kdbackup"
    truncated.write_bytes(out.read_bytes()[:-4000])
    refused = kad("restore", str(truncated), db=db, staff=None)
    assert refused.returncode == 1 and "damaged" in refused.stderr and "Traceback" not in refused.stderr

    with sqlite3.connect(db) as raw:
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("UPDATE audit_log SET subject = 'staff' WHERE seq = 3")
    tampered = kad("audit", "verify", db=db, staff=None)
    assert tampered.returncode == 1 and "entry #3 was edited" in tampered.stderr

    assert kad("restore", str(out), "--check", db=db, staff=None).returncode == 0
    restored = kad("restore", str(out), db=db, staff=None)
    assert restored.returncode == 0, restored.stderr
    assert "replaced store is kept at" in restored.stdout
    assert [p for p in tmp_path.iterdir() if p.name.startswith("cli.sqlite3.replaced-")]
    again = kad("audit", "verify", db=db, staff=None)
    assert again.returncode == 0, again.stderr


def test_a_damaged_store_says_so_and_names_the_latest_backup(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=db, staff=None).returncode == 0
    daily = tmp_path / "backups" / "kaccount-20120225-013000.kdbackup"  # where the daily backups of this store go
    assert kad("backup", "--out", str(daily), db=db).returncode == 0
    db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    opened = kad("staff", "list", db=db)
    assert opened.returncode == 3, opened.stderr
    assert "damaged" in opened.stderr and str(daily) in opened.stderr and "Traceback" not in opened.stderr
    assert kad("restore", str(daily), db=db, staff=None).returncode == 0
    assert kad("staff", "list", db=db).returncode == 0


def test_verify_finds_the_anchor_by_any_spelling_and_names_a_dropped_trigger(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=db, staff=None).returncode == 0
    assert kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=db).returncode == 0
    spelled = kad("audit", "verify", db=f"sqlite:///{tmp_path}/./cli.sqlite3", staff=None)
    assert spelled.returncode == 0 and "matches the hash kept outside" in spelled.stdout, spelled.stdout
    with sqlite3.connect(db) as raw:
        raw.execute("DROP TRIGGER staff_trail_update")
    named = kad("audit", "verify", db=db, staff=None)
    assert named.returncode == 1 and "staff_trail_update" in named.stderr and "Traceback" not in named.stderr
