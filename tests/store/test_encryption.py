"""ID numbers and ID-card images are ciphertext on disk, under a key kept outside the store.

The store's bytes are searched for what a thief would look for; an image whose ciphertext was
changed is refused in words; a store opened without its key or with another one says so.
"""

from __future__ import annotations

import random
import shutil
import stat
import sys
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select, text, update
from support import PASSWORD, REPO, valid_id

from kaccount_desk import config
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies, printing, rosters, staff
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused
from kaccount_desk.sheets.roster_writer import write_roster
from kaccount_desk.store import crypto as crypto_keys
from kaccount_desk.store.crypto import id_number_aad
from kaccount_desk.store.engine import make_engine, upgrade
from kaccount_desk.store.models import Application, IdCopy

IDS = [valid_id("13098119780101123"), valid_id("13098119850612224"), valid_id("11010519491231001")]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX; Windows relies on the folder's ACL")


def _jpeg(seed: int) -> bytes:
    """A noisy photo: its re-encoded bytes are distinctive, so finding a slice of them means a leak."""
    noise = random.Random(seed).randbytes(428 * 270 * 3)
    out = BytesIO()
    Image.frombytes("RGB", (428, 270), noise).resize((856, 540)).save(out, format="JPEG")
    return out.getvalue()


def _slices(jpeg: bytes) -> list[bytes]:
    """Three 32-byte pieces of the scan data, from its middle and near its end."""
    return [jpeg[n : n + 32] for n in (len(jpeg) // 3, len(jpeg) // 2, len(jpeg) - 100)]


@pytest.fixture(autouse=True)
def own_key_file(monkeypatch: pytest.MonkeyPatch, session_key_file: Path) -> None:
    """These tests look at the key file itself: each gets its own copy where a user's would be (the
    stores the fixtures copy from a template were encrypted with the run's key)."""
    monkeypatch.delenv("KACCOUNT_KEY_FILE")
    config.key_file().parent.mkdir(parents=True, exist_ok=True)
    if session_key_file.exists():
        shutil.copyfile(session_key_file, config.key_file())
        config.key_file().chmod(0o600)


@pytest.fixture
def filled(admin: Context, campaign: str, tmp_path: Path) -> tuple[list[int], list[bytes]]:
    """Two applications from the form (with both card sides) and one from a roster import."""
    made = [
        enrollment.save_application(admin, ApplicationInput(
            campaign, IntakeFields(department="铸造事业部", name=name, id_number=number, number_source="pool", msisdn=msisdn),
        )).id
        for name, number, msisdn in (("张三", IDS[0], "18832758801"), ("李四", IDS[1].lower(), "18832758802"))
    ]
    sheet = tmp_path / "roster.xlsx"
    write_roster(sheet, ("部门", "姓名", "身份证号码", "新号码"), [("财务部", "王五", IDS[2], "18832758803")])
    report = rosters.import_roster(admin, sheet, campaign)
    assert report.totals["accepted"] == 1
    stored = []
    for app_id in made:
        for side in ("front", "back"):
            id_copies.attach_id_copy(admin, app_id, side, _jpeg(40 + app_id * 7 + len(side)))
            image = id_copies.id_copy(admin, app_id, side)
            assert image is not None
            stored.append(image.data)
    return made, stored


def test_the_store_file_holds_no_id_number_and_no_image_bytes(admin: Context, filled, store_path: Path) -> None:
    _, images = filled
    admin.store.close()
    assert not Path(f"{store_path}-wal").exists() or Path(f"{store_path}-wal").stat().st_size == 0
    raw = store_path.read_bytes()
    for number in IDS:
        assert number.encode() not in raw
        assert number[:14].encode() not in raw  # not even the first fourteen characters
    for jpeg in images:
        assert jpeg[:2] == b"\xff\xd8"
        assert all(piece not in raw for piece in _slices(jpeg))


def test_services_read_back_what_was_written_and_lookups_use_the_digest(admin: Context, campaign: str, filled) -> None:
    made, _ = filled
    assert enrollment.get_application(admin, made[1]).id_number == IDS[1]
    keys = admin.store.keys
    with admin.store.read() as session:
        stored = session.execute(text("SELECT id, id_number, id_digest, id_tail FROM applications ORDER BY id")).all()
    assert [tail for _, _, _, tail in stored] == [n[-4:] for n in IDS]
    assert [digest for _, _, digest, _ in stored] == [keys.digest(n) for n in IDS]
    assert all(value.startswith("v1:") and keys.decrypt_text(value, id_number_aad(row_id)) in IDS for row_id, value, _, _ in stored)
    # The same number typed in lower case is the same person: 一证五号 counts and matching see it.
    assert keys.digest(IDS[1].lower()) == keys.digest(IDS[1])
    from kaccount_desk.services.application_list import ApplicationQuery, count_applications

    assert count_applications(admin, ApplicationQuery(campaign, search=IDS[2])) == 1
    assert count_applications(admin, ApplicationQuery(campaign, search=IDS[0][-4:])) == 1
    assert count_applications(admin, ApplicationQuery(campaign, search=IDS[0][:10])) == 0


def test_a_changed_image_is_refused_in_words(admin: Context, campaign: str, filled, tmp_path: Path) -> None:
    made, _ = filled
    with admin.store.transaction() as session:
        blob = session.scalar(select(IdCopy.data).where(IdCopy.application_id == made[1], IdCopy.side == "back"))
        assert blob is not None
        flipped = blob[:40] + bytes([blob[40] ^ 0x01]) + blob[41:]
        session.execute(update(IdCopy).where(IdCopy.application_id == made[1], IdCopy.side == "back").values(data=flipped))
    with pytest.raises(Refused) as refused:
        id_copies.id_copy(admin, made[1], "back")
    assert refused.value.reasons[0].code == "image.damaged"
    assert "加密校验不符" in refused.value.text() and "encryption check" in refused.value.text("en")
    assert id_copies.id_copy(admin, made[1], "front") is not None
    out = tmp_path / "ids.pdf"
    with pytest.raises(Refused) as printed:
        printing.print_id_sheets(admin, campaign, out, application_ids=made)
    assert printed.value.reasons[0].code == "image.damaged" and not out.exists()
    # An image moved onto another application's row does not open there either.
    with admin.store.transaction() as session:
        front = session.scalar(select(IdCopy.data).where(IdCopy.application_id == made[0], IdCopy.side == "front"))
        session.execute(update(IdCopy).where(IdCopy.application_id == made[1], IdCopy.side == "front").values(data=front))
    with pytest.raises(Refused):
        id_copies.id_copy(admin, made[1], "front")


@posix_only
def test_store_files_are_owner_only_and_a_new_store_writes_no_key_file(tmp_path: Path) -> None:
    config.key_file().unlink(missing_ok=True)
    fresh = tmp_path / "fresh.sqlite3"
    store = Store(f"sqlite:///{fresh}", resources=REPO / "resources")
    staff.create_first_admin(store, "A001", "管理员", PASSWORD)
    assert not config.key_file().exists(), "the data key is kept sealed in the store's key slots, never in a file"
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(f"{fresh}-wal").stat().st_mode) == 0o600
    store.close()
    # A store made by an older version (0644, readable by every local user) is made private when opened.
    fresh.chmod(0o644)
    Store(f"sqlite:///{fresh}", resources=REPO / "resources").close()
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_plain_rows_of_an_older_store_are_encrypted_by_the_upgrade_and_back_on_downgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, "0003")
    jpeg = _jpeg(7)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO staff (id, staff_no, name, role, password_hash, active, created_at) "
                "VALUES (1, 'A1', 'a', 'admin', 'x', 1, '2012-01-01')"
            )
        )
        c.execute(
            text(
                "INSERT INTO campaigns (id, code, title, issuer, carrier_branch, contact, issued_on, deadline, deadline_offset_minutes, "
                "excluded_packages, created_at) VALUES (1, 'C', 't', 'i', 'b', 'c', '2012-02-22', '2012-02-27', 480, '[]', '2012-01-01')"
            )
        )
        c.execute(text("INSERT INTO departments (id, campaign_id, name, kind, position) VALUES (1, 1, '财务部', 'functional', 0)"))
        c.execute(
            text(
                "INSERT INTO applications (id, campaign_id, department_id, name, id_type, id_number, id_valid, number_source, "
                "current_packages, status, confirmed_warnings, note, created_by, created_at, updated_at) VALUES "
                "(1, 1, 1, '王五', 'resident_id', :n, 1, 'existing', '', 'draft', '[]', '', 1, '2012-01-01', '2012-01-01')"
            ),
            {"n": IDS[2]},
        )
        c.execute(
            text(
                "INSERT INTO id_copies (application_id, side, sha256, mime, width, height, data, added_by, added_at) "
                "VALUES (1, 'front', 'x', 'image/jpeg', 856, 540, :d, 1, '2012-01-01')"
            ),
            {"d": jpeg},
        )
    engine.dispose()
    store = Store(url, resources=REPO / "resources")
    with store.read() as session:
        assert session.scalar(select(Application.id_number)) == IDS[2]
        assert session.scalar(select(Application.id_digest)) == store.keys.digest(IDS[2])
        assert session.scalar(select(func.count()).select_from(IdCopy)) == 1, "the batch copy of applications kept its children"
    context = Context(store, Actor(1, "A1", "a", "admin", None))
    copy = id_copies.id_copy(context, 1, "front")
    assert copy is not None and copy.data == jpeg
    store.close()
    raw = (tmp_path / "old.sqlite3").read_bytes()
    assert IDS[2].encode() not in raw and all(piece not in raw for piece in _slices(jpeg))
    engine = make_engine(url)
    from alembic import command

    from kaccount_desk.store.engine import alembic_config

    command.downgrade(alembic_config(engine), "0003")
    with engine.connect() as c:
        assert c.scalar(text("SELECT id_number FROM applications")) == IDS[2]
        assert c.scalar(text("SELECT data FROM id_copies")) == jpeg
    engine.dispose()


def test_the_keys_are_derived_as_cryptographys_hkdf_derives_them() -> None:
    """store/crypto.py derives with the standard library's HMAC, so opening a store loads no cryptography;
    the keys of every store ever made must stay the same bytes."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    generator = random.Random(21)
    for purpose in (b"aes-gcm", b"id digest", b"fingerprint", b""):
        master = generator.randbytes(32)
        expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kaccount-desk " + purpose).derive(master)
        assert crypto_keys._derive(master, purpose) == expected
