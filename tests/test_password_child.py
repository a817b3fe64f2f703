"""argon2 runs in the password child: same answers as argon2 in-process, a killed child replaced,
and a login that never imports argon2 nor lifts the app's peak memory by argon2's 64 MiB."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw
from sqlalchemy import select
from support import PASSWORD

from kaccount_desk import password_child
from kaccount_desk.services import staff, vault
from kaccount_desk.services.context import Context
from kaccount_desk.store.crypto import keys_of
from kaccount_desk.store.key_slots import PasswordCost, new_pair, open_slot, seal_private, seal_to
from kaccount_desk.store.models import Staff

REPO = Path(__file__).resolve().parents[1]


def test_child_answers_as_argon2_does_here() -> None:
    hashed = password_child.hash_password("秘密-pass", 2, 16, 1)
    assert hashed.startswith("$argon2id$v=19$m=16,t=2,p=1$") and PasswordHasher().verify(hashed, "秘密-pass")
    assert password_child.verify(hashed, "秘密-pass") is True
    assert password_child.verify(hashed, "wrong") is False
    assert password_child.verify("not an argon2 hash", "秘密-pass") is False
    salt = bytes(range(16))
    assert password_child.derive_key("秘密-pass", salt, 1, 8, 1) == hash_secret_raw(
        "秘密-pass".encode(), salt, time_cost=1, memory_cost=8, parallelism=1, hash_len=32, type=Type.ID)


def test_a_killed_child_is_replaced_for_the_next_check() -> None:
    password_child.prepare()
    assert password_child._child is not None
    process = password_child._child[0]
    process.kill()
    process.join()
    assert password_child.verify(password_child.hash_password("x-pass", 1, 8, 1), "x-pass") is True


def test_costs_written_without_argon2_are_its_defaults() -> None:
    defaults = PasswordHasher()
    assert not defaults.check_needs_rehash(staff._DUMMY_HASH)
    assert (vault.DEFAULT_COST.time_cost, vault.DEFAULT_COST.memory_kib, vault.DEFAULT_COST.parallelism) == (
        defaults.time_cost, defaults.memory_cost, defaults.parallelism)


def test_a_new_password_is_hashed_at_the_key_slots_cost(admin: Context, monkeypatch) -> None:
    """One cost for the hash and the slot of the same password: the suite's cheap cost reaches both."""
    monkeypatch.setattr(vault, "COST", vault.PasswordCost(time_cost=2, memory_kib=32, parallelism=1))
    added = staff.create_staff(admin, "C777", "测试", "clerk", "秘密-pass-777", department=None)
    with admin.store.read() as session:
        hashed = session.scalar(select(Staff.password_hash).where(Staff.staff_no == added.staff_no))
    assert hashed is not None and hashed.startswith("$argon2id$v=19$m=32,t=2,p=1$")


# A login in a fresh process (as the app's): argon2 never imported, and the peak memory the
# password check and the slot's unsealing add stays far below argon2's 64 MiB.
_LOGIN = """
import sys
from pathlib import Path
sys.path.insert(0, {tests!r})
from memory_peak import peak_above_now
from kaccount_desk.services import staff
from kaccount_desk.services.context import Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.crypto import keys_of
store = Store({url!r}, resources=Path({resources!r}))
def both():
    try:
        staff.authenticate(store, "NOBODY", "wrong-guess", "PC-1")
    except Refused:
        pass
    return staff.authenticate(store, "A001", {password!r}, "PC-2").staff_no
who, peak, _ = peak_above_now(both)
print(who, peak // 2**20, "argon2" in sys.modules, "cryptography" in sys.modules, keys_of(store.engine).fingerprint)
"""


def test_a_login_neither_imports_argon2_nor_cryptography_nor_holds_argon2s_memory(admin: Context) -> None:
    """The slot is opened in the child too: cryptography is about 6 MB of a clerk's window (issue 21), and
    loads only when an ID number or image is read or written."""
    script = _LOGIN.format(tests=str(REPO / "tests"), url=admin.store.url, resources=str(REPO / "resources"),
                           password=PASSWORD)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120, check=True)
    who, peak_mib, imported, crypto_imported, fingerprint = done.stdout.split()
    assert (who, imported, crypto_imported) == ("A001", "False", "False")
    assert fingerprint == keys_of(admin.store.engine).fingerprint  # the login unlocked this store's key
    assert int(peak_mib) < 32, f"the login added {peak_mib} MiB to the peak"


def test_a_slot_opened_in_the_child_gives_the_key_sealed_in_it_and_none_for_another_password() -> None:
    private, public = new_pair()
    master = os.urandom(32)
    sealed_private, kdf = seal_private(private, "the-Passw0rd", "staff:7", PasswordCost(1, 64, 1))
    sealed_key = seal_to(public, master, "staff:7")
    assert open_slot(sealed_private, sealed_key, "the-Passw0rd", "staff:7", kdf) == master
    assert open_slot(sealed_private, sealed_key, "not-the-password", "staff:7", kdf) is None
    assert open_slot(sealed_private, sealed_key, "the-Passw0rd", "staff:8", kdf) is None  # moved into another slot
