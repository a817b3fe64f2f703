"""The sealed hand-over package a department's seat writes for the office (``.kahp``).

Layout (lengths are 4-byte big-endian)::

    MAGIC | len | header (JSON) | len | manifest (JSON) | AES-GCM ciphertext of the parts | tag (16)

The header names the office's key (its fingerprint) and carries the seat's ephemeral X25519
public key and the nonce; the manifest says what the package is (campaign, department, seat,
sequence, counts) and lists every part with its size and SHA-256. The parts (the applications
with their history as JSON, then each ID copy's JPEG) are encrypted with a key from an X25519
exchange with the office's public key (HKDF-SHA256), so only the office can read them; everything
before the ciphertext is the associated data, so one changed byte anywhere (header, manifest,
payload, tag) fails the tag and the whole file is refused. The manifest carries no personal data
(names, ID numbers, mobile numbers stay inside the ciphertext); the plaintext parts exist only in
memory, on both sides.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import struct
from base64 import b64decode, b64encode
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kaccount_desk.domain.handover import damaged, wrong_office
from kaccount_desk.services.errors import Refused

MAGIC = b"KAHP\x00\x01\r\n"
FORMAT = 1
NONCE = 12
TAG = 16
_RAW = serialization.Encoding.Raw
_LENGTH = struct.Struct(">I")
MAX_JSON = 1 << 20  # a header or a manifest longer than a mebibyte is not one this program wrote


def key_fingerprint(public: bytes) -> str:
    """What names an office's key in a pack, a package and an acknowledgement, without being the key."""
    return hashlib.sha256(b"kaccount-desk office key" + public).hexdigest()[:16]


def public_of(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def _key(shared: bytes, ephemeral: bytes, public: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"kaccount-desk handover package" + ephemeral + public).derive(shared)


def _canonical(value: dict[str, Any]) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Opened:
    """A package checked whole: its manifest and its parts by name, in memory only."""

    manifest: dict[str, Any]
    parts: dict[str, bytes]


def seal(manifest: dict[str, Any], parts: list[tuple[str, bytes]], office_public: bytes) -> bytes:
    """The package's bytes; ``manifest`` gains the part list (name, size, SHA-256) before it is sealed."""
    listed = [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()} for name, data in parts]
    body = _canonical({**manifest, "parts": listed})
    ephemeral = X25519PrivateKey.generate()
    sent = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    nonce = secrets.token_bytes(NONCE)
    header = _canonical({"format": FORMAT, "office": key_fingerprint(office_public),
                         "ephemeral": b64encode(sent).decode("ascii"), "nonce": b64encode(nonce).decode("ascii")})
    aad = MAGIC + _LENGTH.pack(len(header)) + header + _LENGTH.pack(len(body)) + body
    key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(office_public)), sent, office_public)
    return aad + AESGCM(key).encrypt(nonce, b"".join(data for _, data in parts), aad)


def _refused(zh: str, en: str) -> Refused:
    return Refused(damaged(zh, en))


def _json_at(blob: bytes, at: int) -> tuple[dict[str, Any], int]:
    if len(blob) < at + 4:
        raise _refused("文件不完整", "the file is cut short")
    (length,) = _LENGTH.unpack_from(blob, at)
    end = at + 4 + length
    if length > MAX_JSON or len(blob) < end:
        raise _refused("文件不完整", "the file is cut short")
    try:
        value = json.loads(blob[at + 4 : end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _refused("文件头不可读", "its header cannot be read") from None
    if not isinstance(value, dict):
        raise _refused("文件头不可读", "its header cannot be read")
    return value, end


def read_manifest(blob: bytes) -> dict[str, Any]:
    """The manifest as written, before anything is decrypted: not yet trusted (``open_package`` checks it)."""
    if not blob.startswith(MAGIC):
        raise Refused(damaged("不是交接包", "it is not a hand-over package"))
    header, end = _json_at(blob, len(MAGIC))
    manifest, _ = _json_at(blob, end)
    return {"header": header, **manifest}


def open_package(blob: bytes, office_private: bytes) -> Opened:
    """Check the whole package with the office's private key; refused whole, in words, on any change."""
    if not blob.startswith(MAGIC):
        raise Refused(damaged("不是交接包", "it is not a hand-over package"))
    header, end = _json_at(blob, len(MAGIC))
    manifest, end = _json_at(blob, end)
    public = public_of(office_private)
    if header.get("office") != key_fingerprint(public):
        raise Refused(wrong_office())
    try:
        sent = b64decode(str(header["ephemeral"]), validate=True)
        nonce = b64decode(str(header["nonce"]), validate=True)
        key = _key(X25519PrivateKey.from_private_bytes(office_private).exchange(X25519PublicKey.from_public_bytes(sent)),
                   sent, public)
        payload = AESGCM(key).decrypt(nonce, blob[end:], blob[:end])
    except (KeyError, ValueError, InvalidTag):
        raise _refused("加密校验不符", "its encryption check fails") from None
    return Opened(manifest, _split(manifest, payload))


def _split(manifest: dict[str, Any], payload: bytes) -> dict[str, bytes]:
    """The parts by name, each checked against the manifest's size and SHA-256."""
    parts: dict[str, bytes] = {}
    at = 0
    for item in manifest.get("parts") or []:
        size = int(item["size"])
        data = payload[at : at + size]
        at += size
        if len(data) != size or hashlib.sha256(data).hexdigest() != item["sha256"]:
            raise _refused("内容与清单不符", "its contents do not match its manifest")
        parts[str(item["name"])] = data
    if at != len(payload):
        raise _refused("内容与清单不符", "its contents do not match its manifest")
    return parts
