"""Key slots: the store's data key sealed once per staff member and once to a recovery key.

LUKS key slots and Electrum's password-encrypted storage are the models. Each staff member has an
X25519 key pair; its private half is sealed (AES-GCM) under a key derived from their password with
argon2id, its public half is kept in the clear. The data key (the 32-byte master of
``crypto.StoreKeys``) is sealed to each public key (an ephemeral X25519 exchange, HKDF, AES-GCM),
so sealing it for a new colleague, after a reset or after a rotation needs nobody's password: only
the data key, which the admin doing it holds since their own login. A recovery key pair gets a
sealed copy too; its private half is shown once, at setup, for the administrator to keep on paper,
and is never stored.

Every sealed value carries its slot's name as associated data, so a sealed copy moved into another
slot does not open there.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kaccount_desk import password_child

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

# cryptography (about 6 MB resident once loaded) is imported by each function that seals or opens, not
# here: a login opens its slot in the password child (open_slot), so a clerk's window never loads it
# unless an ID number or image is read or written, or a slot is made.

NONCE = 12
RECOVERY = "recovery"


@dataclass(frozen=True)
class PasswordCost:
    """argon2id's cost for a slot, kept with it: a slot sealed today opens after the cost changes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def as_json(self, salt: bytes) -> dict[str, object]:
        return {"alg": "argon2id", "t": self.time_cost, "m": self.memory_kib, "p": self.parallelism,
                "salt": base64.b64encode(salt).decode("ascii")}


def slot_name(staff_id: int | None) -> str:
    """The name a slot is kept under and sealed to: ``staff:12`` or ``recovery``."""
    return RECOVERY if staff_id is None else f"staff:{staff_id}"


def _raw_public(private: X25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def new_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as raw bytes: (private, public)."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), _raw_public(private)


def public_of(private: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    return _raw_public(X25519PrivateKey.from_private_bytes(private))


def _password_key(password: str, kdf: dict[str, object]) -> bytes:
    # argon2id runs in the password child: its 64 MiB never count in the app's peak memory.
    salt = base64.b64decode(str(kdf["salt"]))
    return password_child.derive_key(password, salt, int(str(kdf["t"])), int(str(kdf["m"])), int(str(kdf["p"])))


def seal_private(private: bytes, password: str, name: str, cost: PasswordCost) -> tuple[bytes, dict[str, object]]:
    """The private key sealed under the password, with its own random salt; and the KDF's parameters."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = cost.as_json(secrets.token_bytes(16))
    nonce = secrets.token_bytes(NONCE)
    return nonce + AESGCM(_password_key(password, kdf)).encrypt(nonce, private, name.encode("ascii")), kdf


def open_private(sealed: bytes, password: str, name: str, kdf: dict[str, object]) -> bytes | None:
    """The private key, or None when the password is not the one it was sealed with."""
    return _open_private_with(_password_key(password, kdf), sealed, name)


def _open_private_with(password_key: bytes, sealed: bytes, name: str) -> bytes | None:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(password_key).decrypt(sealed[:NONCE], sealed[NONCE:], name.encode("ascii"))
    except (InvalidTag, ValueError):
        return None


def open_slot(sealed_private: bytes, sealed_key: bytes, password: str, name: str, kdf: dict[str, object]) -> bytes | None:
    """The data key sealed in a member's slot, or None when the password does not open it (or the slot is damaged).

    Opened in the password child, beside the argon2 it needs anyway (``unseal_in_child``): the app's own
    process loads no cryptography for a login, and gets back the 32 bytes it would have opened itself.
    """
    salt = base64.b64decode(str(kdf["salt"]))
    return password_child.open_slot(password, salt, int(str(kdf["t"])), int(str(kdf["m"])), int(str(kdf["p"])),
                                    sealed_private, sealed_key, name)


def unseal_in_child(password_key: bytes, sealed_private: bytes, sealed_key: bytes, name: str) -> bytes | None:
    """In the password child (kaccount_desk/password_child.py): :func:`open_slot`'s work once argon2 gave the key."""
    private = _open_private_with(password_key, sealed_private, name)
    return open_sealed(private, sealed_key, name) if private is not None else None


def load_for_child() -> None:
    """In the password child, as it starts: import what :func:`unseal_in_child` uses, ahead of the login."""
    import cryptography.hazmat.primitives.asymmetric.x25519
    import cryptography.hazmat.primitives.ciphers.aead
    import cryptography.hazmat.primitives.kdf.hkdf  # noqa: F401


def _wrap_key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"kaccount-desk key slot" + ephemeral + public).derive(shared)


def seal_to(public: bytes, secret: bytes, name: str) -> bytes:
    """``secret`` sealed so that only the holder of the private half of ``public`` opens it."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    ephemeral = X25519PrivateKey.generate()
    sent = _raw_public(ephemeral)
    key = _wrap_key(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), sent, public)
    nonce = secrets.token_bytes(NONCE)
    return sent + nonce + AESGCM(key).encrypt(nonce, secret, name.encode("ascii"))


def open_sealed(private: bytes, sealed: bytes, name: str) -> bytes | None:
    """What :func:`seal_to` sealed to this private key's public half, or None (another key, changed bytes)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if len(sealed) < 32 + NONCE + 16:
        return None
    me = X25519PrivateKey.from_private_bytes(private)
    public = _raw_public(me)
    sent, nonce, body = sealed[:32], sealed[32 : 32 + NONCE], sealed[32 + NONCE :]
    try:
        key = _wrap_key(me.exchange(X25519PublicKey.from_public_bytes(sent)), sent, public)
        return AESGCM(key).decrypt(nonce, body, name.encode("ascii"))
    except (InvalidTag, ValueError):
        return None


_CHECK = 3  # bytes of SHA-256 after the key: 35 bytes are 56 base32 characters, no padding


def recovery_text(private: bytes) -> str:
    """The recovery key as it is written on paper: 14 groups of 4 base32 characters, the last ones a check."""
    body = base64.b32encode(private + hashlib.sha256(private).digest()[:_CHECK]).decode("ascii")
    return "-".join(body[i : i + 4] for i in range(0, len(body), 4))


def parse_recovery(text: str) -> bytes | None:
    """The private key from a recovery key as typed (any case, spaces or dashes, 0 for O, 1 for I), or None
    when it is not one (a typo is caught by the check characters)."""
    cleaned = "".join(c for c in text.upper() if c.isalnum()).replace("0", "O").replace("1", "I")
    if len(cleaned) != 56:
        return None
    try:
        raw = base64.b32decode(cleaned)
    except ValueError:
        return None
    private, check = raw[:32], raw[32:]
    return private if hashlib.sha256(private).digest()[:_CHECK] == check else None
