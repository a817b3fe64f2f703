"""The login unlocks the data: the data key lives in the store only sealed, per staff member and to a recovery key.

Each test opens the store file again as another PC would (a new ``Store``, an empty config
folder, no key file) and logs in for real, so what it sees is what a counter sees.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text
from support import PASSWORD, REPO, make_staff, valid_id

from kaccount_desk import config
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import backup, enrollment, staff, vault, vault_rotate
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused, StoreUnavailable
from kaccount_desk.store.engine import make_engine, upgrade
from kaccount_desk.store.key_slots import parse_recovery, recovery_text
from kaccount_desk.store.models import Application, KeySlot

ID = valid_id("13098119780101123")
NEW_PASSWORD = "another-pass-77"
KEY_TEXT = re.compile(r"(?:[A-Z2-7]{4}-){13}[A-Z2-7]{4}")


@pytest.fixture
def filled(admin: Context, campaign: str) -> int:
    return enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=ID, number_source="pool", msisdn="18832758801"),
    )).id


def _another_pc(store_path: Path) -> Store:
    """The same store opened afresh, as a second PC or a copied file: nothing unlocked, no key file."""
    assert not config.key_file().exists()
    return Store(f"sqlite:///{store_path}", resources=REPO / "resources")


def _id_numbers(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(Application.id_number)))


def _locked(store: Store, code: str = "store.key.locked") -> None:
    with pytest.raises(StoreUnavailable) as refused:
        _id_numbers(store)
    assert refused.value.reasons[0].code == code and "登录" in refused.value.reasons[0].zh


def test_a_copied_store_shows_no_id_until_a_login_and_a_new_pc_needs_no_key_file(admin: Context, filled: int, store_path: Path,
                                                                                   tmp_path: Path) -> None:
    admin.store.close()
    copy = tmp_path / "copied.sqlite3"
    shutil.copyfile(store_path, copy)
    assert ID.encode() not in copy.read_bytes()
    other = _another_pc(copy)
    _locked(other)
    with pytest.raises(Refused):
        staff.authenticate(other, "A001", "wrong-password-1")
    _locked(other)  # a wrong password unseals nothing
    staff.authenticate(other, "A001", PASSWORD)
    assert _id_numbers(other) == [ID]
    vault.lock(other)
    _locked(other, "store.key.put_away")  # logout or the idle lock forgets the key
    other.close()
    assert not config.key_file().exists(), "nothing was written beside the store"


def test_new_members_password_changes_and_resets_keep_their_own_slots(admin: Context, filled: int, store_path: Path) -> None:
    clerk = make_staff(admin, "C001", "clerk", "铸造事业部")
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    admin.store.close()
    desk = _another_pc(store_path)
    staff.authenticate(desk, "O001", PASSWORD)
    assert _id_numbers(desk) == [ID]  # sealed to the new member when the admin created them
    staff.change_password(desk, "O001", PASSWORD, NEW_PASSWORD)
    with desk.read() as session:
        before = session.get(KeySlot, f"staff:{clerk.actor.id}")
        assert before is not None and session.get(KeySlot, f"staff:{office.actor.id}") is not None
    desk.close()

    desk = _another_pc(store_path)
    with pytest.raises(Refused):
        staff.authenticate(desk, "O001", PASSWORD)
    staff.authenticate(desk, "O001", NEW_PASSWORD)
    assert _id_numbers(desk) == [ID]
    me = staff.authenticate(desk, "A001", PASSWORD)
    staff.reset_password(Context(desk, me), "C001", NEW_PASSWORD)
    with desk.read() as session:
        after = session.get(KeySlot, f"staff:{clerk.actor.id}")
        assert after is not None and after.public_key != before.public_key, "a reset gives a new key pair"
    desk.close()

    desk = _another_pc(store_path)
    staff.authenticate(desk, "C001", NEW_PASSWORD)
    assert _id_numbers(desk) == [ID]
    desk.close()


def test_a_member_who_leaves_loses_their_slot(admin: Context, store_path: Path) -> None:
    clerk = make_staff(admin, "C001", "clerk", "铸造事业部")
    staff.set_active(admin, "C001", False)
    with admin.store.read() as session:
        assert session.get(KeySlot, f"staff:{clerk.actor.id}") is None
        assert session.get(KeySlot, f"staff:{admin.actor.id}") is not None


def test_the_recovery_key_printed_at_setup_recovers_when_every_password_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    made = Store(f"sqlite:///{path}", resources=REPO / "resources")
    first = staff.set_up(made, "A001", "管理员", PASSWORD)
    made.close()
    groups = first.recovery_key.split("-")
    assert len(groups) == 14 and all(len(g) == 4 for g in groups)
    desk = _another_pc(path)
    typo = first.recovery_key[:-1] + ("A" if first.recovery_key[-1] != "A" else "B")
    for wrong in (typo, "not a key", recovery_text(bytes(32))):
        with pytest.raises(Refused) as refused:
            vault.recover(desk, wrong, "A001", NEW_PASSWORD)
        assert refused.value.reasons[0].code == "vault.recovery_wrong"
    # as typed from paper: lower case, spaces for dashes
    assert vault.recover(desk, first.recovery_key.lower().replace("-", " "), "a001", NEW_PASSWORD) == "A001"
    desk.close()
    desk = _another_pc(path)
    with pytest.raises(Refused):
        staff.authenticate(desk, "A001", PASSWORD)
    staff.authenticate(desk, "A001", NEW_PASSWORD)
    desk.close()
    assert parse_recovery(first.recovery_key) is not None and parse_recovery(typo) is None


def test_rotation_reencrypts_everything_and_an_older_backup_keeps_its_own_slots(admin: Context, filled: int, store_path: Path,
                                                                                tmp_path: Path) -> None:
    make_staff(admin, "C001", "clerk", "铸造事业部")
    before = backup.backup(admin, tmp_path / "before.kdbackup")
    with admin.store.read() as session:
        cipher = session.execute(text("SELECT id_number, id_digest FROM applications")).one()
    done = vault_rotate.rotate(admin)
    assert (done.id_numbers, done.slots) == (1, 3) and done.old_fingerprint != done.new_fingerprint
    with admin.store.read() as session:
        after = session.execute(text("SELECT id_number, id_digest FROM applications")).one()
    assert after[0] != cipher[0] and after[1] != cipher[1]
    assert _id_numbers(admin.store) == [ID]
    admin.store.close()
    for who in ("A001", "C001"):
        desk = _another_pc(store_path)
        staff.authenticate(desk, who, PASSWORD)
        assert _id_numbers(desk) == [ID]
        desk.close()
    backup.restore(f"sqlite:///{store_path}", before.path)
    desk = _another_pc(store_path)
    staff.authenticate(desk, "C001", PASSWORD)
    assert _id_numbers(desk) == [ID]
    desk.close()


def test_a_store_made_with_a_key_file_migrates_at_each_login_without_loss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key_file = tmp_path / "config" / "store.key"
    monkeypatch.setenv("KACCOUNT_KEY_FILE", str(key_file))
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, "0003")  # as the version before encryption left it; the upgrade makes the key file, as it did then
    hashed = PasswordHasher().hash(PASSWORD)
    with engine.begin() as c:
        for staff_id, no, role in ((1, "A001", "admin"), (2, "C001", "clerk")):
            c.execute(text("INSERT INTO staff (id, staff_no, name, role, password_hash, active, created_at) "
                           "VALUES (:i, :n, 'x', :r, :h, 1, '2012-01-01')"), {"i": staff_id, "n": no, "r": role, "h": hashed})
        c.execute(text("INSERT INTO campaigns (id, code, title, issuer, carrier_branch, contact, issued_on, deadline, "
                       "deadline_offset_minutes, excluded_packages, created_at) VALUES (1, 'C', 't', 'i', 'b', 'c', "
                       "'2012-02-22', '2012-02-27', 480, '[]', '2012-01-01')"))
        c.execute(text("INSERT INTO departments (id, campaign_id, name, kind, position) VALUES (1, 1, '财务部', 'functional', 0)"))
        c.execute(text("INSERT INTO applications (id, campaign_id, department_id, name, id_type, id_number, id_valid, number_source, "
                       "current_packages, status, confirmed_warnings, note, created_by, created_at, updated_at) VALUES "
                       "(1, 1, 1, '王五', 'resident_id', :n, 1, 'existing', '', 'draft', '[]', '', 1, '2012-01-01', '2012-01-01')"),
                  {"n": ID})
    engine.dispose()
    old = Store(url, resources=REPO / "resources")
    assert key_file.exists() and _id_numbers(old) == [ID]  # the key file still opens its own store
    admin = staff.authenticate(old, "A001", PASSWORD)
    ctx = Context(old, admin)
    assert vault.status(ctx).active_without_slot == ("C001",) and vault.status(ctx).key_file_needed
    staff.authenticate(old, "C001", PASSWORD)
    assert not vault.status(ctx).key_file_needed and not vault.status(ctx).recovery
    assert KEY_TEXT.fullmatch(vault.new_recovery_key(ctx))
    old.close()
    key_file.unlink()
    desk = Store(url, resources=REPO / "resources")
    _locked(desk)
    staff.authenticate(desk, "C001", PASSWORD)
    assert _id_numbers(desk) == [ID]
    desk.close()


def test_rotation_over_a_changed_ciphertext_is_refused_in_words_and_changes_nothing(admin: Context, filled: int) -> None:
    with admin.store.transaction() as session:
        stored = session.execute(text("SELECT id_number FROM applications")).scalar_one()
        changed = stored[:-6] + ("AAAA==" if stored[-6:] != "AAAA==" else "BBBB==")
        session.execute(text("UPDATE applications SET id_number = :c"), {"c": changed})
        fingerprint = session.execute(text("SELECT fingerprint FROM store_keys")).scalar_one()
    with pytest.raises(Refused) as refused:
        vault_rotate.rotate(admin)
    assert refused.value.reasons[0].code == "vault.undecryptable"
    with admin.store.read() as session:
        assert session.execute(text("SELECT fingerprint FROM store_keys")).scalar_one() == fingerprint


def test_a_slot_at_the_real_cost_is_as_costly_as_a_password_hash_and_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vault, "COST", vault.DEFAULT_COST)  # the suite runs cheaper slots (conftest.py)
    path = tmp_path / "real.sqlite3"
    made = Store(f"sqlite:///{path}", resources=REPO / "resources")
    staff.set_up(made, "A001", "管理员", PASSWORD)
    with made.read() as session:
        kdf = session.execute(select(KeySlot.kdf).where(KeySlot.holder.startswith("staff:"))).scalar_one()
    made.close()
    hasher = PasswordHasher()
    assert (kdf["alg"], kdf["t"], kdf["m"], kdf["p"]) == ("argon2id", hasher.time_cost, hasher.memory_cost, hasher.parallelism)
    desk = _another_pc(path)
    staff.authenticate(desk, "A001", PASSWORD)
    assert desk.keys.fingerprint
    desk.close()
