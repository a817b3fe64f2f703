"""Files written whole or not at all, and nothing half-written left behind, even after a kill.

Every document and export is built in a temporary file (or, for a batch, a temporary folder)
beside its target and moved into place only when whole. Each temporary is recorded twice while
it exists: in this process (removed at exit, whatever thread made it) and as a small marker
file in the per-user data folder, so the next start of the program removes what a killed or
crashed one left (a batch holds people's names and full ID numbers; it must not linger).
Only names that start with :data:`PREFIX` are ever removed, so a marker can never point the
sweep at a person's own file.

A file a database transaction commits to (the operator's hand-over: applications moved to "sent"
with it) is written through :func:`promising`: once whole, and just before that commit, the
caller *holds* the promise, and from then on neither this process's exit nor the next start's
sweep removes the temporary: only the store knows whether the commit happened, and the store's
record of it (services/handover_pending.py) has :func:`settle` put the file in place or remove it.

This module sits below documents/ and sheets/ (both write through it) and knows no Qt or SQL.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kaccount_desk import config
from kaccount_desk.domain.reasons import Reason

PREFIX = ".kaccount-tmp-"
_live: dict[Path, Path] = {}  # marker -> the temporary it guards, for this process's exit
_lock = threading.Lock()


class UnsafeTarget(Exception):
    """The chosen output exists and is not a regular file (a folder, a device, a FIFO)."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(reason.en)
        self.reason = reason


def pending_dir() -> Path:
    return config.data_dir() / "pending"


def check_target(path: Path) -> None:
    """Refuse to replace anything but a regular file: ``--out /dev/null`` must not become a file.

    ``os.replace`` would swap a device node or a FIFO for our file (as root, /dev/null too), and
    a folder would fail with a confusing error half-way through a job.
    """
    if path.exists() and not path.is_file():
        raise UnsafeTarget(Reason(
            "file.not_regular",
            f"“{path}”已存在且不是普通文件(是文件夹、设备或管道),不会覆盖它。请另选一个文件名。",
            f"“{path}” exists and is not a regular file (a folder, device or pipe); it is left alone. Choose another file name.",
        ))


def check_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UnsafeTarget(Reason(
            "file.not_folder",
            f"“{folder}”已存在且不是文件夹,不能把文件放进去。",
            f"“{folder}” exists and is not a folder; files cannot be put in it.",
        ))


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally, it replaces ``path``."""
    path = Path(path)
    check_target(path)
    temp = _temp_name(path.parent, path.name, ".tmp")
    marker = _register({"temp": [str(temp)]}, temp)
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield temp
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
        _unregister(marker)


@dataclass
class Promise:
    """A temporary a transaction may commit to; once held, only :func:`settle` removes it or puts it in place."""

    temp: Path
    target: Path
    marker: Path
    held: bool = False

    def hold(self, token: str) -> None:
        """Called last in the transaction that commits to this file, once the file is whole and synced.

        If the marker cannot be written the exception rolls that transaction back, so nothing is
        promised that the next start could not find.
        """
        _write_marker(self.marker, {"temp": [str(self.temp)], "target": [str(self.target)], "promise": [token]})
        with _lock:
            _live.pop(self.marker, None)  # this process's exit must not remove it either
        self.held = True


class Settled(StrEnum):
    """What became of a held promise once the store said whether its transaction committed."""

    PLACED = "placed"  # committed: the whole temporary is now the file
    IN_PLACE = "in_place"  # committed, and the file was already in place (renamed before the kill)
    REMOVED = "removed"  # not committed: the temporary is gone, no file was made
    MISSING = "missing"  # committed, but neither a whole temporary nor the file is there


@contextlib.contextmanager
def promising(path: Path) -> Iterator[Promise]:
    """:func:`replacing` for a file a transaction commits to: a held promise survives a failure.

    The block ends normally once the transaction committed: the temporary replaces ``path``. A
    failure before :meth:`Promise.hold` removes it; one after (the commit's, or the rename's) leaves
    it and its marker for the caller, or the next opening of the store, to :func:`settle`.
    """
    path = Path(path)
    check_target(path)
    temp = _temp_name(path.parent, path.name, ".tmp")
    promise = Promise(temp, path, _register({"temp": [str(temp)]}, temp))
    placed = False
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        yield promise
        _place(temp, path)
        placed = True
    finally:
        if placed or not promise.held:
            temp.unlink(missing_ok=True)
            _unregister(promise.marker)


def settle(temp: Path, target: Path, committed: bool, sha256: str | None) -> Settled:
    """Do what a held promise's transaction decided: place the whole temporary, or remove it.

    ``sha256`` is the whole file's, recorded with the commit: a temporary that does not match it is
    not put in place. An :class:`OSError` while placing leaves the temporary and its marker as
    they were, to be tried again.
    """
    temp, target = Path(temp), Path(target)
    if not temp.name.startswith(PREFIX):
        outcome = Settled.MISSING if committed else Settled.REMOVED  # never a path that is not ours
    elif not committed:
        _remove_ours(temp, final=False)
        outcome = Settled.REMOVED
    elif sha256 is not None and _sha256(temp) == sha256:
        check_target(target)
        _place(temp, target)
        outcome = Settled.PLACED
    else:
        outcome = Settled.IN_PLACE if sha256 is not None and _sha256(target) == sha256 else Settled.MISSING
        _remove_ours(temp, final=False)
    _forget(temp)
    return outcome


def synced(path: Path) -> None:
    """Make what was written to ``path`` reach the disk: a promise is held only over a whole file."""
    with Path(path).open("rb") as stream:
        os.fsync(stream.fileno())


def process_alive(pid: int) -> bool:
    """Whether a process of this computer with that id still runs (a held promise of a live one is left alone)."""
    return _alive(pid)


@contextlib.contextmanager
def folder_batch(folder: Path) -> Iterator[Path]:
    """Yield a temporary folder; when the block ends normally, its files move into ``folder``.

    A folder that does not exist yet is made by renaming the temporary one, in one step. Into an
    existing folder the files move one by one, after the marker has listed them: if the program
    dies during those milliseconds, the next start removes the ones already moved too.
    """
    folder = Path(folder)
    check_folder(folder)
    fresh = not folder.exists()
    home = folder.parent if fresh else folder
    home.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(home, folder.name, "")
    marker = _register({"temp": [str(temp)]}, temp)
    try:
        temp.mkdir(mode=0o700)
        yield temp
        if fresh:
            os.rename(temp, folder)
        else:
            names = sorted(p.name for p in temp.iterdir())
            for name in names:
                check_target(folder / name)
            _write_marker(marker, {"temp": [str(temp)], "final": [str(folder / n) for n in names]})
            for name in names:
                os.replace(temp / name, folder / name)
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        _unregister(marker)


@contextlib.contextmanager
def work_folder(home: Path, name: str) -> Iterator[Path]:
    """Yield a private scratch folder in ``home``, removed when the block ends, however it ends.

    A backup copies the whole store into one before zipping it, a restore unpacks the backup into
    one: full copies of people's names, numbers and ID images. Like a batch, it is named and
    recorded before it is made, so a kill at any moment leaves nothing the next start does not remove.
    """
    home = Path(home)
    check_folder(home)
    home.mkdir(parents=True, exist_ok=True)
    temp = _temp_name(home, name, "")
    marker = _register({"temp": [str(temp)]}, temp)
    try:
        temp.mkdir(mode=0o700)
        yield temp
    finally:
        shutil.rmtree(temp, ignore_errors=True)
        _unregister(marker)


def sweep_stale() -> int:
    """Remove what processes that are gone left behind; returns how many markers were settled."""
    for partial in sorted(pending_dir().glob("*.part")) if pending_dir().is_dir() else []:
        # A marker half-written when its process died: nothing it lists has been created or moved
        # yet (the temporary comes after its marker, the moves after the marker's update).
        pid = partial.name.split("-", 1)[0]
        if not (pid.isdigit() and int(pid) != os.getpid() and _alive(int(pid))):
            partial.unlink(missing_ok=True)
    settled = 0
    for marker in sorted(pending_dir().glob("*.json")) if pending_dir().is_dir() else []:
        try:
            record = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            record = {}
        if isinstance(record.get("pid"), int) and record["pid"] != os.getpid() and _alive(record["pid"]):
            continue
        if record.get("promise"):
            continue  # only the store knows whether its transaction committed: settle() decides
        for name in [*record.get("final", []), *record.get("temp", [])]:
            _remove_ours(Path(name), final=name in record.get("final", []))
        marker.unlink(missing_ok=True)
        settled += 1
    return settled


def exit_on_terminate() -> None:
    """Let SIGTERM (a shutdown, ``kill``) end the program as an exception, so cleanup runs."""
    if hasattr(signal, "SIGTERM") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda signum, _frame: sys.exit(128 + signum))


def _place(temp: Path, target: Path) -> None:
    """The one step that turns a whole temporary into the file: a rename, atomic on one volume."""
    os.replace(temp, target)


def _sha256(path: Path) -> str | None:
    if not path.is_file():
        return None
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _forget(temp: Path) -> None:
    """Remove the markers that name ``temp``: settled, it needs no sweep."""
    for marker in sorted(pending_dir().glob("*.json")) if pending_dir().is_dir() else []:
        try:
            record = json.loads(marker.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if str(temp) in record.get("temp", []):
            with _lock:
                _live.pop(marker, None)
            marker.unlink(missing_ok=True)


def _remove_ours(path: Path, final: bool) -> None:
    """A temporary only if it carries our prefix; a final file only as listed by an unfinished batch."""
    if not final and not path.name.startswith(PREFIX):
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()


def _temp_name(folder: Path, name: str, suffix: str) -> Path:
    """Named before it is made, so its marker is on disk first: a kill between the two steps must
    never leave a temporary that no marker points the next start's sweep at."""
    return folder / f"{PREFIX}{name}.{uuid.uuid4().hex[:12]}{suffix}"


def _register(record: dict[str, list[str]], temp: Path) -> Path:
    marker = pending_dir() / f"{os.getpid()}-{uuid.uuid4().hex}.json"
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        _write_marker(marker, record)
    except OSError:
        pass  # an unwritable data folder must not stop printing; the in-process record remains
    with _lock:
        _live[marker] = temp
    return marker


def _write_marker(marker: Path, record: dict[str, list[str]]) -> None:
    partial = marker.with_suffix(".part")
    partial.write_text(json.dumps({"pid": os.getpid(), **record}), encoding="utf-8")
    os.replace(partial, marker)


def _unregister(marker: Path) -> None:
    with _lock:
        _live.pop(marker, None)
    marker.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if handle:
            ctypes.windll.kernel32.CloseHandle(handle)
        return bool(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@atexit.register
def _at_exit() -> None:
    """A worker thread still writing when the program ends leaves its temporary here, not on disk."""
    with _lock:
        items = list(_live.items())
        _live.clear()
    for marker, temp in items:
        _remove_ours(temp, final=False)
        marker.unlink(missing_ok=True)
