"""ID numbers and ID-card images encrypted at rest, under a data key that only a login unseals.

PIPL treats both as sensitive personal information; a copied store file, a backup left on a
share or a stolen laptop's disk must not hand them over. The data key is kept in the store only
sealed, once per staff member under their password and once to a recovery key printed at setup
(``store/key_slots.py``, ``services/vault.py``), so a store, or a PC's disk, shows no ID number or
image without a staff password. Stores made before the key slots kept the key in a file in the
per-user config folder (``config.key_file()``); such a file still opens its own store, and the
logins seal its key into their slots.

One 32-byte secret gives two keys (HKDF): AES-256-GCM for the ciphertext, and HMAC-SHA256 for a
deterministic digest of each ID number, which is what lookups and the one-application-per-person
index compare (a random nonce makes two ciphertexts of one number differ, so they cannot be
compared). The store records a fingerprint of the key, so a wrong key file is told in words
instead of failing on the first row.
"""

from __future__ import annotations

import base64
import contextlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy import Engine, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.resident_id import normalize_resident_id

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

VERSION = b"\x01"
NONCE_BYTES = 12
TEXT_PREFIX = "v1:"
# What ID numbers were bound to before each was bound to its row (revision 0013 and the first
# unlocking login re-bind them: services/vault_bind.py).
UNBOUND_ID_NUMBER_AAD = b"applications.id_number"


def id_number_aad(row_id: int) -> bytes:
    """An ID number is bound to its application's row: swapped onto another row, with its digest, it no longer opens."""
    return b"applications.id_number:%d" % row_id


class RowBound(str):
    """An ID number on its way into a given row: the row's id is what its ciphertext is bound to."""

    row_id: int

    def __new__(cls, plain: str, row_id: int) -> RowBound:
        made = super().__new__(cls, plain)
        made.row_id = row_id
        return made


class KeyProblem(Exception):
    """The key file is missing, unreadable or not the one this store was encrypted with."""

    def __init__(self, reason: Reason) -> None:
        self.reason = reason
        super().__init__(f"{reason.zh} / {reason.en}")


class Undecryptable(Exception):
    """Ciphertext whose GCM tag does not match: changed on disk, or encrypted with another key.

    The message names neither the value nor the person, so it is safe in logs and dialogs.
    """


def _derive(master: bytes, purpose: bytes) -> bytes:
    """HKDF-SHA256 (RFC 5869) with no salt, 32 bytes: one HMAC to extract, one to expand.

    Written with the standard library's HMAC rather than cryptography's HKDF (the same bytes, which
    tests/store/test_encryption.py holds it to), so that opening a store and unlocking its key load no
    cryptography: AES-GCM loads at the first ID number or image read or written.
    """
    extracted = hmac.digest(bytes(32), master, "sha256")
    return hmac.digest(extracted, b"kaccount-desk " + purpose + b"\x01", "sha256")


@dataclass(frozen=True)
class StoreKeys:
    """The AES-GCM key, the digest key and a fingerprint that names them without revealing them (and the master)."""

    cipher_key: bytes
    digest_key: bytes
    fingerprint: str
    path: Path | None = None
    master: bytes = field(default=b"", repr=False)  # kept to seal it into a new key slot
    # Made once, at the first use: building the cipher per value was three quarters of encrypting an ID
    # number (a roster writes thousands); building it with the keys loaded cryptography at every login.
    _aead: AESGCM | None = field(default=None, init=False, repr=False, compare=False)

    def _cipher(self) -> AESGCM:
        if self._aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            object.__setattr__(self, "_aead", AESGCM(self.cipher_key))
        assert self._aead is not None
        return self._aead

    @classmethod
    def from_master(cls, master: bytes, path: Path | None = None) -> StoreKeys:
        return cls(_derive(master, b"aes-gcm"), _derive(master, b"id digest"), _derive(master, b"fingerprint")[:8].hex(),
                   path, master)

    def encrypt(self, plain: bytes, aad: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return VERSION + nonce + self._cipher().encrypt(nonce, plain, aad)

    def decrypt(self, blob: bytes, aad: bytes) -> bytes:
        if len(blob) < 1 + NONCE_BYTES + 16 or blob[:1] != VERSION:
            raise Undecryptable("not a ciphertext this program wrote")
        from cryptography.exceptions import InvalidTag

        nonce = blob[1 : 1 + NONCE_BYTES]
        try:
            return self._cipher().decrypt(nonce, blob[1 + NONCE_BYTES :], aad)
        except InvalidTag:
            raise Undecryptable("the GCM tag does not match: the bytes were changed or another key encrypted them") from None

    def encrypt_text(self, plain: str, aad: bytes) -> str:
        return TEXT_PREFIX + base64.b64encode(self.encrypt(plain.encode("utf-8"), aad)).decode("ascii")

    def decrypt_text(self, stored: str, aad: bytes) -> str:
        if not stored.startswith(TEXT_PREFIX):
            raise Undecryptable("not a ciphertext this program wrote")
        try:
            blob = base64.b64decode(stored[len(TEXT_PREFIX) :], validate=True)
        except ValueError:
            raise Undecryptable("the stored text is not base64") from None
        return self.decrypt(blob, aad).decode("utf-8")

    def digest(self, id_number: str) -> str:
        """The same number always gives the same digest, whatever its case or spacing; none gives ""."""
        text = normalize_resident_id(id_number)
        if not text:
            return ""
        return hmac.digest(self.digest_key, text.encode("utf-8"), "sha256").hex()  # one call into OpenSSL, as hmac.new(...).hexdigest()


def _key_problem(code: str, zh: str, en: str) -> KeyProblem:
    return KeyProblem(Reason(f"store.key.{code}", zh, en))


def read_keys(path: Path) -> StoreKeys | None:
    """The key file's keys, or None when there is no key file yet."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        why = exc.strerror
        raise _key_problem("unreadable", f"无法读取密钥文件 {path}:{why}", f"Cannot read the key file {path}: {why}") from None
    try:
        master = base64.b64decode(json.loads(raw)["key"], validate=True)
        if len(master) != 32:
            raise ValueError("wrong length")
    except (ValueError, KeyError, TypeError):
        raise _key_problem("damaged", f"密钥文件 {path} 已损坏", f"The key file {path} is damaged") from None
    return StoreKeys.from_master(master, path)


def create_keys(path: Path) -> StoreKeys:
    """Write a new key file readable by its owner only; if another process won the race, use its key.

    The file is written whole under a temporary name and linked into place, which fails when the
    name exists, so two first starts at once never end with two different keys.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    master = secrets.token_bytes(32)
    body = json.dumps({"version": 1, "key": base64.b64encode(master).decode("ascii")}).encode("ascii")
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(body)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    keys = read_keys(path)
    assert keys is not None
    return keys


class KeySource:
    """Where an engine gets its keys: the data key a login unsealed, or an older store's key file.

    A store made before key slots (``store/key_slots.py``) was encrypted with the key in a file in
    the per-user config folder; while that file is there and its fingerprint is the store's, it
    still opens the store, and each login seals the key into the member's slot. A store with no
    fingerprint recorded, or one whose file is gone, opens only through a login (or the recovery
    key): until then every decrypt raises a :class:`KeyProblem` that says so.
    """

    def __init__(self, path: Path | None, keys: StoreKeys | None = None) -> None:
        self.path = path
        self._keys = keys
        self.recorded: str | None = None  # the store's fingerprint, set when it is opened
        self.put_away = False  # forgotten at a logout or the lock screen: only a password brings it back

    def from_file(self) -> StoreKeys | None:
        """The key file's keys when they are this store's (a store made before key slots)."""
        if self.path is None or self.recorded is None:
            return None
        keys = read_keys(self.path)
        return keys if keys is not None and keys.fingerprint == self.recorded else None

    def existing(self) -> StoreKeys | None:
        if self._keys is None and not self.put_away:
            self._keys = self.from_file()
        return self._keys

    def get(self) -> StoreKeys:
        keys = self.existing()
        if keys is None and self.put_away:
            raise _key_problem(
                "put_away", "已锁定或已注销:证件资料的密钥已收起,输入密码登录后再读取",
                "Locked or logged out: the key to the ID data is put away until a password is typed again",
            )
        if keys is None:
            raise _key_problem(
                "locked", "证件号码和证件照片已加密,请先用工号和密码登录后再读取",
                "ID numbers and ID images are encrypted: log in with your staff ID and password to read them",
            )
        return keys

    def unlock(self, master: bytes) -> StoreKeys:
        """Hold the data key a login unsealed, until :meth:`forget`."""
        self._keys = StoreKeys.from_master(master)
        self.put_away = False
        return self._keys

    def forget(self) -> None:
        """Drop the data key (logout, lock): Python cannot wipe the bytes, but nothing refers to them any more.

        An older store's key file is not read again either: only a login (``take_back``) re-opens it.
        """
        self._keys = None
        self.put_away = True

    def take_back(self) -> None:
        """A password was just checked: an older store's key file may open the store again."""
        self.put_away = False


_ATTRIBUTE = "_kaccount_key_source"


def bind_keys(engine: Engine, source: KeySource) -> None:
    """Each engine has its own dialect object, so two stores in one process keep their own keys."""
    setattr(engine.dialect, _ATTRIBUTE, source)


def key_source(bind: Any) -> KeySource:
    """The key source of an engine, a connection or a dialect (what migrations and columns hold)."""
    dialect = bind if isinstance(bind, Dialect) else bind.dialect
    source = getattr(dialect, _ATTRIBUTE, None)
    if source is None:
        raise RuntimeError("this engine was made without a key source; use store.engine.make_engine")
    return source


def keys_of(bind: Any) -> StoreKeys:
    return key_source(bind).get()


class EncryptedIdNumber(TypeDecorator[str]):
    """An ID number: plain text in Python, AES-GCM ciphertext (base64 text) bound to its row's id in the store.

    A column type never sees the row, so both ways carry the id along: a write takes a
    :class:`RowBound` value (the ORM's ``before_insert`` chooses the id first, bulk writers choose
    theirs), and every SELECT of the column reads ``id || ':' || id_number`` (``column_expression``),
    so views, lists, prints and exports all check the binding without knowing of it.
    """

    impl = String(128)
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, RowBound):
            raise TypeError("an ID number is written only bound to its row (store.crypto.RowBound)")
        return keys_of(dialect).encrypt_text(value, id_number_aad(value.row_id))

    def column_expression(self, colexpr: Any) -> Any:
        row_id = colexpr.table.c.id
        bound = sa.cast(row_id, String()).concat(":").concat(sa.type_coerce(colexpr, String()))
        return sa.type_coerce(bound, self)  # read back through process_result_value

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        row_text, _, stored = str(value).partition(":")
        try:
            return keys_of(dialect).decrypt_text(stored, id_number_aad(int(row_text)))
        except (Undecryptable, ValueError):
            raise _key_problem(
                "id_altered",
                f"申请 {row_text} 的证件号码已被改动或从另一条记录移来(加密校验不符),不能显示;请运行 audit verify 并从备份恢复",
                f"The ID number of application {row_text} was altered or moved from another record (its encryption check "
                "fails); it cannot be shown. Run audit verify and restore from a backup",
            ) from None


def copy_aad(application_id: int, side: str) -> bytes:
    """An image is bound to its application and side: moved onto another row, it no longer opens."""
    return f"id_copies:{application_id}:{side}".encode("ascii")


def check_key(recorded: str | None, slotted: bool, source: KeySource) -> None:
    """Refuse, in words, a store made before key slots whose key file is missing or another store's.

    A store with key slots needs no file (a login unseals its key); nor does one with no
    fingerprint yet (nothing is encrypted). Either way the file is then left alone.
    """
    source.recorded = recorded
    if recorded is None or slotted or source.path is None:
        return
    keys = read_keys(source.path)
    if keys is None:
        raise _key_problem(
            "missing",
            f"这个数据库的证件号码和证件照片是加密保存的(密钥指纹 {recorded}),但找不到密钥文件 {source.path}。"
            "请从密钥备份中恢复该文件;没有它,证件号码和照片无法读取。",
            f"This store keeps ID numbers and ID images encrypted (key fingerprint {recorded}), but the key file {source.path} "
            "is missing. Restore it from your key backup; without it the ID numbers and images cannot be read.",
        )
    if keys.fingerprint != recorded:
        raise _key_problem(
            "mismatch",
            f"密钥文件 {source.path}(指纹 {keys.fingerprint})不是加密这个数据库所用的密钥(指纹 {recorded})。请换上正确的密钥文件。",
            f"The key file {source.path} (fingerprint {keys.fingerprint}) is not the key this store was encrypted with "
            f"(fingerprint {recorded}). Put the right key file in place.",
        )


class EncryptedText(TypeDecorator[str]):
    """Any personal text (a draft's typed fields): plain in Python, AES-GCM ciphertext in the store.

    ``aad`` names the column, so a ciphertext copied into another column does not open there.
    """

    impl = Text
    cache_ok = True

    def __init__(self, aad: bytes) -> None:
        super().__init__()
        self.aad = aad

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else keys_of(dialect).encrypt_text(value, self.aad)

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else keys_of(dialect).decrypt_text(str(value), self.aad)
