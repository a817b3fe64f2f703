"""``init`` shows the recovery key once; ``vault status``, ``recovery-key``, ``recover`` and ``rotate`` in a script's hands."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from clirun import kad

from kaccount_desk import config

KEY = re.compile(r"(?:[A-Z2-7]{4}-){13}[A-Z2-7]{4}")


def _new_store(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "s.sqlite3"
    made = kad("init", "--admin", "A001", "--organisation", "泊头铸造有限公司", db=db, staff=None, lang="en")
    assert made.returncode == 0, made.stderr
    keys = KEY.findall(made.stdout)
    assert len(keys) == 1 and "write it on paper" in made.stdout
    return db, keys[0]


def test_init_prints_the_recovery_key_and_writes_no_key_file(tmp_path: Path) -> None:
    db, key = _new_store(tmp_path)
    assert not config.key_file().exists()
    status = kad("vault", "status", "--json", db=db).json()
    assert status["staff_with_slot"] == ["A001"] and status["recovery"] and not status["key_file_needed"]
    assert key not in kad("vault", "status", db=db).stdout


def test_recover_with_the_printed_key_sets_a_new_admin_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, key = _new_store(tmp_path)
    monkeypatch.setenv("KACCOUNT_RECOVERY_KEY", key.replace("A", "B", 1) if "A" in key else key.replace("B", "C", 1))
    wrong = kad("vault", "recover", "--admin", "A001", db=db, staff=None, lang="en")
    assert wrong.returncode == 1 and "recovery key is not right" in wrong.stderr and "Traceback" not in wrong.stderr
    monkeypatch.setenv("KACCOUNT_RECOVERY_KEY", key)
    done = kad("vault", "recover", "--admin", "A001", db=db, staff=None, lang="en")
    assert done.returncode == 0 and "A001" in done.stdout and key not in done.stdout


def test_a_new_recovery_key_replaces_the_old_and_rotate_prints_nothing_secret(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db, old = _new_store(tmp_path)
    fresh = KEY.findall(kad("vault", "recovery-key", db=db).stdout)
    assert len(fresh) == 1 and fresh[0] != old
    rotated = kad("vault", "rotate", db=db, lang="en")
    assert rotated.returncode == 0 and "rotated" in rotated.stdout and not KEY.search(rotated.stdout)
    monkeypatch.setenv("KACCOUNT_RECOVERY_KEY", old)
    assert kad("vault", "recover", "--admin", "A001", db=db, staff=None).returncode == 1
    monkeypatch.setenv("KACCOUNT_RECOVERY_KEY", fresh[0])  # the recovery slot was resealed by the rotation
    assert kad("vault", "recover", "--admin", "A001", db=db, staff=None).returncode == 0


def test_a_clerk_may_not_rotate(tmp_path: Path) -> None:
    db, _ = _new_store(tmp_path)
    assert kad("staff", "add", "C001", "--name", "张三", "--role", "clerk", "--department", "财务部", db=db).returncode == 0
    refused = kad("vault", "rotate", db=db, staff="C001", lang="en")
    assert refused.returncode == 1 and "may not" in refused.stderr


def test_staff_password_and_reset_password_reseal_the_slot(tmp_path: Path) -> None:
    """The script's new password is KACCOUNT_NEW_PASSWORD (clirun sets the suite's one); what is resealed
    is checked by the slot's bytes, the opening by services/test_key_slots.py."""
    db, _ = _new_store(tmp_path)
    assert kad("staff", "add", "C001", "--name", "张三", "--role", "clerk", "--department", "财务部", db=db).returncode == 0
    before = _slot(db)
    changed = kad("staff", "password", db=db, staff="C001", lang="en")
    assert changed.returncode == 0 and "changed" in changed.stdout
    after = _slot(db)
    assert after[0] == before[0] and after[1] != before[1], "the same key pair, its private half sealed anew"
    assert kad("staff", "reset-password", "C001", db=db).returncode == 0
    assert _slot(db)[0] != before[0], "a reset gives a new key pair"
    assert kad("staff", "reset-password", "C001", db=db, staff="C001", lang="en").returncode == 1


def _slot(db: Path) -> tuple[bytes, bytes]:
    with sqlite3.connect(db) as c:
        public, sealed = c.execute("SELECT public_key, sealed_private FROM key_slots WHERE holder LIKE 'staff:%' "
                                   "AND staff_id = (SELECT id FROM staff WHERE staff_no = 'C001')").fetchone()
    return bytes(public), bytes(sealed)
