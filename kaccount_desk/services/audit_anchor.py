"""The audit chain's head kept outside the store, on this PC (``audit-anchors.json`` in the per-user
data folder), so a log whose tail was deleted or rewritten is found by ``audit verify`` too.

Anchors are filed under the store's identity (a UUID kept in the store, migration 0009c), so
``sqlite:///a/./s.sqlite3`` and ``sqlite:///a/s.sqlite3`` find the same one; an anchor filed under
the URL by an older version is still read. The anchor only moves forward once the entry it names
is found in the chain at its place with its hash; otherwise it stays and an alarm is kept beside
it, which ``audit verify`` and the Admin page's audit tab report until a restore resets it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

from kaccount_desk import config

ANCHOR_FILE = "audit-anchors.json"


@dataclass(frozen=True)
class Appended:
    seq: int
    hash: str


@dataclass(frozen=True)
class Alarm:
    """The anchored entry was missing from the chain when the head was about to move on."""

    seq: int
    hash: str
    noticed_at: str


def legacy_key(url: str) -> str:
    """How versions before 0009c filed an anchor: the URL without its password, hashed."""
    shown = make_url(url).render_as_string(hide_password=True)
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:32]


def _path() -> Path:
    return config.data_dir() / ANCHOR_FILE


def _load() -> dict[str, Any]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(data: dict[str, Any]) -> None:
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(temp, path)


@contextmanager
def _exclusive() -> Iterator[None]:
    """Every change of the anchors file under one lock across the PC's processes.

    A commit moves the anchor only over the one it checked, and a restore (another process) may
    set it back meanwhile: read, compare and write must be one step, or the commit writes the old
    chain's head over the restored one, a false alarm at the next verify.
    """
    path = _path().with_name("audit-anchors.lock")  # stays, empty: a lock, not a temporary
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def read_anchor(key: str, legacy: str | None = None) -> Appended | None:
    return _anchor_in(_load(), key, legacy)


def _anchor_in(data: dict[str, Any], key: str, legacy: str | None) -> Appended | None:
    for name in (key, legacy or key):
        try:
            found = data[name]
            return Appended(int(found["seq"]), str(found["hash"]))
        except (KeyError, TypeError, ValueError):
            continue
    return None


def read_alarm(key: str) -> Alarm | None:
    try:
        found = _load()[key]["alarm"]
        return Alarm(int(found["seq"]), str(found["hash"]), str(found["noticed_at"]))
    except (KeyError, TypeError, ValueError):
        return None


def write_anchor(key: str, head: Appended, *, backwards: bool = False) -> None:
    """Set the anchor back to ``head`` and clear an alarm (a restore), or move it forward as :func:`move_anchor` does."""
    with _exclusive():
        data = _load()
        known = data.get(key)
        if not backwards and isinstance(known, dict) and (known.get("alarm") or int(known.get("seq", 0)) >= head.seq):
            return
        data[key] = {"seq": head.seq, "hash": head.hash}
        _save(data)


def move_anchor(key: str, head: Appended, over: Appended | None, legacy: str | None = None) -> bool:
    """Move the anchor forward to ``head`` only if it still is ``over``, the one the commit checked in the chain.

    False when it moved meanwhile (a restore set it to the restored chain, where ``head`` is not).
    """
    with _exclusive():
        data = _load()
        if _anchor_in(data, key, legacy) != over:
            return False
        known = data.get(key)
        if isinstance(known, dict) and (known.get("alarm") or int(known.get("seq", 0)) >= head.seq):
            return False
        data[key] = {"seq": head.seq, "hash": head.hash}
        _save(data)
        return True


def raise_alarm(key: str, anchor: Appended, noticed_at: str, legacy: str | None = None) -> bool:
    """Keep the anchor where it is and note that its entry was missing, only if the anchor still is
    the one the commit found missing; False when it moved meanwhile (a restore set it to the
    restored chain, and the old chain's anchor is rightly not in it) or the alarm was noted before
    (the first time is kept)."""
    with _exclusive():
        data = _load()
        if _anchor_in(data, key, legacy) != anchor:
            return False
        known = data.get(key) if isinstance(data.get(key), dict) else None
        if known is not None and known.get("alarm"):
            return False
        data[key] = {"seq": anchor.seq, "hash": anchor.hash,
                     "alarm": {"seq": anchor.seq, "hash": anchor.hash, "noticed_at": noticed_at}}
        _save(data)
        return True
