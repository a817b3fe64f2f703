"""Backups: taken while the store is in use, checked before a restore replaces anything, and a
round trip that keeps every row and every ID-image byte."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from support import PASSWORD, REPO, Clock, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, backup, enrollment, id_copies, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused, StoreUnavailable
from kaccount_desk.store.crypto import create_keys


def _jpeg(shade: int) -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (shade, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _apply(ctx: Context, campaign: str, n: int) -> int:
    view = enrollment.save_application(ctx, ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name=f"张{n}", id_number=valid_id(f"13098119780101{n:03}"), number_source="pool",
                     msisdn=f"188327588{n:02}"),
        plan="group8",
    ))
    id_copies.attach_id_copy(ctx, view.id, "front", _jpeg(n))
    id_copies.attach_id_copy(ctx, view.id, "back", _jpeg(255 - n))
    return view.id


def _dump(path: Path, skip: tuple[str, ...] = ()) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                                           "AND name NOT LIKE 'ticket_search%' ORDER BY name")]
        return {t: db.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables if t not in skip}


def test_a_round_trip_keeps_every_row_and_image_byte(admin: Context, campaign: str, store_path: Path, tmp_path: Path) -> None:
    for n in range(3):
        _apply(admin, campaign, n)
    out = tmp_path / "b" / "office.kdbackup"
    info = backup.backup(admin, out)
    before = _dump(store_path, skip=("audit_log", "audit_head"))
    with sqlite3.connect(store_path) as db:
        log_before = db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
        images = db.execute("SELECT data FROM id_copies ORDER BY id").fetchall()
    assert len(images) == 6 and info.rows["id_copies"] == 6 and oct(out.stat().st_mode)[-3:] == "600"
    _apply(admin, campaign, 7)  # work after the backup, which the restore must undo
    admin.store.close()

    restored = backup.restore(admin.store.url, out)
    after = _dump(store_path, skip=("audit_log", "audit_head"))
    assert after == before
    with sqlite3.connect(store_path) as db:
        assert db.execute("SELECT data FROM id_copies ORDER BY id").fetchall() == images
        log_after = db.execute("SELECT * FROM audit_log ORDER BY seq").fetchall()
    assert log_after[: len(log_before)] == log_before and log_after[-1][3] == "restore"
    assert [p.name for p in restored.aside] == [f"{store_path.name}.replaced-{p.name.split('replaced-')[1]}" for p in restored.aside]
    assert restored.aside and _dump(restored.aside[0]) != {}  # the replaced store is kept, whole
    reopened = Store(admin.store.url)
    try:
        assert audit.verify(reopened).ok
    finally:
        reopened.close()


def test_copying_the_open_file_loses_committed_rows_the_backup_does_not(admin: Context, store_path: Path, tmp_path: Path) -> None:
    """The finding: with the app's connection open, committed rows sit in the -wal file."""
    with admin.store.engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT)")
        c.exec_driver_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
                          "INSERT INTO probe (v) SELECT 'row' FROM n")
    copied = tmp_path / "copied.sqlite3"
    shutil.copyfile(store_path, copied)
    with sqlite3.connect(copied) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        lost = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'probe'").fetchone()[0] == 0
    assert lost, "the plain copy kept the rows: the WAL was checkpointed, so this test shows nothing"
    info = backup.backup(admin, tmp_path / "office.kdbackup")
    assert info.rows["probe"] == 1000


@pytest.mark.parametrize("damage", ["truncate", "scribble", "checksum"])
def test_a_damaged_backup_is_refused_and_nothing_is_replaced(
    admin: Context, campaign: str, store_path: Path, tmp_path: Path, damage: str
) -> None:
    _apply(admin, campaign, 1)
    out = tmp_path / "office.kdbackup"
    backup.backup(admin, out)
    raw = bytearray(out.read_bytes())
    if damage == "truncate":
        raw = raw[: len(raw) * 2 // 3]
    elif damage == "scribble":
        middle = len(raw) // 2
        raw[middle : middle + 64] = bytes(64)
    out.write_bytes(bytes(raw))
    if damage == "checksum":  # a well-formed zip whose store differs from what the manifest says
        with zipfile.ZipFile(out) as zf:
            manifest, store = zf.read(backup.MANIFEST), bytearray(zf.read(backup.SQLITE_MEMBER))
        store[-100] ^= 0xFF
        with zipfile.ZipFile(out, "w") as zf:
            zf.writestr(backup.MANIFEST, manifest)
            zf.writestr(backup.SQLITE_MEMBER, bytes(store))
    before = _dump(store_path)
    with pytest.raises(Refused) as refused:
        backup.restore(admin.store.url, out)
    assert refused.value.reasons[0].code in {"backup.damaged", "backup.not_backup"}
    assert _dump(store_path) == before
    assert sorted(p.name for p in store_path.parent.iterdir() if ".replaced-" in p.name) == []


def test_a_backup_whose_store_was_rewritten_inside_is_refused(admin: Context, campaign: str, tmp_path: Path) -> None:
    """A store swapped inside the zip with a matching checksum still fails the audit check."""
    out = tmp_path / "office.kdbackup"
    backup.backup(admin, out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read(backup.MANIFEST))
        (tmp_path / "s.sqlite3").write_bytes(zf.read(backup.SQLITE_MEMBER))
    with sqlite3.connect(tmp_path / "s.sqlite3") as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET actor = 'X' WHERE seq = 2")
    manifest["files"][backup.SQLITE_MEMBER]["sha256"] = hashlib.sha256((tmp_path / "s.sqlite3").read_bytes()).hexdigest()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(backup.MANIFEST, json.dumps(manifest))
        zf.write(tmp_path / "s.sqlite3", backup.SQLITE_MEMBER)
    with pytest.raises(Refused) as refused:
        backup.check_backup(out)
    assert refused.value.reasons[0].code == "backup.audit" and "#2" in refused.value.reasons[0].en


def test_daily_backup_runs_once_a_day_and_keeps_the_newest(admin: Context, clock: Clock, tmp_path: Path) -> None:
    folder = tmp_path / "daily"
    taken = []
    for _day in range(5):
        taken.append(backup.daily_backup(admin.store, folder, keep=3))
        assert backup.daily_backup(admin.store, folder, keep=3) is None  # not due again the same day
        clock.advance(hours=25)
    assert all(taken)
    assert backup.backups_in(folder) == sorted(taken)[-3:]  # type: ignore[type-var]
    assert backup.latest_backup(folder) == taken[-1]
    backup.check_backup(taken[-1])  # type: ignore[arg-type]


def test_a_backup_opens_with_its_own_key_slots_whatever_key_file_this_pc_has(
    admin: Context, campaign: str, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The data key travels sealed in the backup's own slots: another store's key file on this PC
    neither blocks the restore nor opens the data; a login does."""
    _apply(admin, campaign, 1)
    out = tmp_path / "office.kdbackup"
    backup.backup(admin, out)
    fingerprint = admin.store.keys.fingerprint
    admin.store.close()
    create_keys(tmp_path / "another.key")
    monkeypatch.setenv("KACCOUNT_KEY_FILE", str(tmp_path / "another.key"))
    backup.restore(admin.store.url, out)
    restored = Store(admin.store.url, resources=REPO / "resources")
    try:
        with pytest.raises(StoreUnavailable):
            _ = restored.keys
        staff.authenticate(restored, "A001", PASSWORD)
        assert restored.keys.fingerprint == fingerprint
    finally:
        restored.close()
