"""Backups a counter can trust: taken while the app is in use, checked before anything is replaced.

A backup is one zip file holding the store (SQLite's online-backup copy, or a ``pg_dump``
archive) and a manifest: the schema revision, the audit log's latest entry, row counts and the
store file's SHA-256. ID images live in the store (``id_copies``), so they travel with it.
``restore`` checks all of that on a copy first (zip and checksum, SQLite's ``integrity_check``, a
revision this program knows, the audit chain up to the manifest's entry) and only then keeps
the current content aside and puts the backup in its place, in a way no desk still at work can
outrun (see :func:`restore`). The copies of the store both need are temporaries of
``safe_files``: recorded before they are made, so a kill leaves nothing the next start keeps.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from kaccount_desk import config, safe_files
from kaccount_desk.domain.audit import Action, first_break
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit, file_trouble
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused, StoreUnavailable
from kaccount_desk.store import snapshot
from kaccount_desk.store.audit_models import AuditHead
from kaccount_desk.store.crypto import KeyProblem
from kaccount_desk.store.engine import BUSY_TIMEOUT_MS, known_revisions, open_store
from kaccount_desk.store.failures import StoreFault

FORMAT, VERSION = "kaccount-desk-backup", 1
MANIFEST = "manifest.json"
SQLITE_MEMBER, PG_MEMBER = "store.sqlite3", "store.pgdump"
SUFFIX = ".kdbackup"
DAILY_PREFIX = "kaccount-"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    engine: str
    created_at: str
    schema_revision: str
    audit_seq: int
    audit_hash: str
    size: int
    rows: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Restored:
    backup: BackupInfo
    aside: list[Path]


def _refuse(code: str, zh: str, en: str) -> Refused:
    return Refused(Reason(f"backup.{code}", zh, en))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stamp(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")


# --- taking a backup ------------------------------------------------------------------------------

def backup(ctx: Context, out: Path) -> BackupInfo:
    """A person's backup (an administrator's: it holds every ID number and ID image)."""
    ctx.require(Permission.MANAGE_STAFF)
    return backup_store(ctx.store, out, actor=ctx.actor.staff_no)


def backup_store(store: Store, out: Path, actor: str = audit.SYSTEM) -> BackupInfo:
    """Write a backup of ``store`` to ``out``, whole or not at all.

    Everything is written in ``out``'s own folder (the store's copy, then the zip, renamed into
    place once synced): a rename never crosses drives, and a kill leaves only named, recorded
    temporaries that the next start removes. A target that cannot be written is refused in words.
    """
    out = out.expanduser()
    try:
        safe_files.check_target(out)
        safe_files.check_folder(out.parent)
    except safe_files.UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    _record_backup(store, out, actor)
    try:
        manifest = _write_backup(store, out)
    except safe_files.UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except subprocess.CalledProcessError as exc:
        raise file_trouble.tool_failed(exc, store.url) from exc
    except OSError as exc:
        raise file_trouble.unwritable(out, exc) from exc
    return _info(out, manifest)


def _record_backup(store: Store, out: Path, actor: str) -> None:
    with store.transaction() as session:
        audit.record(session, actor=actor, action=Action.BACKUP, at=store.clock(), subject=out.name[:64])


def _write_backup(store: Store, out: Path) -> dict[str, object]:
    with safe_files.work_folder(out.parent, f"{out.name}-work") as folder, safe_files.replacing(out) as packed:
        source = snapshot.sqlite_path(store.url)
        if source is not None:
            member, copy = SQLITE_MEMBER, folder / SQLITE_MEMBER
            snapshot.sqlite_copy(source, copy)
            revision, seq, digest, rows = _sqlite_facts(copy)
            engine = "sqlite"
        else:
            member, copy = PG_MEMBER, folder / PG_MEMBER
            with store.read() as session:
                revision = str(session.scalar(text("SELECT version_num FROM alembic_version")))
                seq, digest = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
            snapshot.pg_dump(store.url, copy, _pg_bin())
            engine, rows = "postgresql", {}
        manifest = {
            "format": FORMAT, "version": VERSION, "engine": engine, "created_at": store.clock().astimezone(UTC).isoformat(),
            "schema_revision": revision, "audit": {"seq": seq, "hash": digest}, "rows": rows,
            "witness": audit.witness_of(seq, digest).text,
            "files": {member: {"sha256": _sha256(copy), "size": copy.stat().st_size}},
        }
        with packed.open("wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                zf.write(copy, member)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(packed, 0o600)
    return manifest


def _sqlite_facts(copy: Path) -> tuple[str, int, str, dict[str, int]]:
    engine = create_engine(f"sqlite:///{copy}")
    try:
        with Session(engine) as session:
            revision = str(session.scalar(text("SELECT version_num FROM alembic_version")))
            seq, digest = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
            tables = session.scalars(text("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
                                          "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'ticket_search_%' ORDER BY name")).all()
            rows = {t: int(session.scalar(text(f'SELECT count(*) FROM "{t}"')) or 0) for t in tables}
    finally:
        engine.dispose()
    return revision, int(seq), str(digest), rows


def _pg_bin() -> Path:
    found = snapshot.pg_bin()
    if found is None:
        raise _refuse("no_pg_dump", "找不到 pg_dump/pg_restore/psql:请安装 PostgreSQL 客户端程序,或设置 KACCOUNT_PG_BIN 指向其所在文件夹",
                      "pg_dump/pg_restore/psql not found: install PostgreSQL's client programs or point KACCOUNT_PG_BIN at their folder")
    return found


def _info(path: Path, manifest: dict[str, object]) -> BackupInfo:
    head = manifest["audit"]
    assert isinstance(head, dict)
    rows = manifest.get("rows") or {}
    assert isinstance(rows, dict)
    return BackupInfo(path, str(manifest["engine"]), str(manifest["created_at"]), str(manifest["schema_revision"]),
                      int(head["seq"]), str(head["hash"]), path.stat().st_size, {str(k): int(v) for k, v in rows.items()})


# --- checking a backup ----------------------------------------------------------------------------

@contextmanager
def unpacked(path: Path, work: Path) -> Iterator[tuple[BackupInfo, Path]]:
    """The backup's manifest and its store, extracted into ``work`` and checked; Refused otherwise."""
    damaged = _refuse("damaged", f"备份文件“{path.name}”已损坏或不完整,不能用于恢复",
                      f"The backup {path.name} is damaged or incomplete and cannot be restored")
    if not path.is_file():
        raise _refuse("missing", f"找不到备份文件“{path}”", f"No backup file {path}")
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read(MANIFEST))
            if manifest.get("format") != FORMAT:
                raise _refuse("not_backup", f"“{path.name}”不是本程序的备份", f"{path.name} is not a backup made by this program")
            (member, expected), = manifest["files"].items()
            target = work / Path(member).name
            with zf.open(member) as src, target.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
    except Refused:
        raise
    except OSError as exc:
        if exc.errno in file_trouble.WRITING:  # our side: the copy could not be written, the backup may be fine
            raise
        raise damaged from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, TypeError, EOFError) as exc:
        raise damaged from exc
    if _sha256(target) != expected.get("sha256"):
        raise damaged
    info = _info(path, manifest)
    if info.schema_revision not in known_revisions():
        raise _refuse("newer", f"备份来自更新版本的程序(数据库版本 {info.schema_revision}),请先升级程序",
                      f"The backup comes from a newer version of the program (schema {info.schema_revision}); upgrade first")
    if info.engine == "sqlite":
        _check_sqlite(target, info, damaged)
    else:
        try:
            snapshot.pg_list(target, _pg_bin())
        except subprocess.CalledProcessError as exc:
            raise damaged from exc
    yield info, target


def _check_sqlite(copy: Path, info: BackupInfo, damaged: Refused) -> None:
    if snapshot.sqlite_problems(copy) is not None:
        raise damaged
    revision, _seq, _digest, rows = _sqlite_facts(copy)
    if revision != info.schema_revision or rows != info.rows:
        raise damaged
    engine = create_engine(f"sqlite:///{copy}")
    try:
        with Session(engine) as session:
            broken = first_break(audit.read_chain(session), (info.audit_seq, info.audit_hash))
    finally:
        engine.dispose()
    if broken is not None:
        seq, reason = broken
        raise Refused(Reason("backup.audit", f"备份中的审计记录不完整:{reason.zh}", f"The backup's audit log is not intact: {reason.en}"))


def check_backup(path: Path) -> BackupInfo:
    try:
        with safe_files.work_folder(Path(tempfile.gettempdir()), "check") as work, unpacked(path, work) as (info, _store):
            return info
    except OSError as exc:
        raise file_trouble.restore_failed(exc, Path(tempfile.gettempdir())) from exc


# --- restoring ------------------------------------------------------------------------------------

def restore(url: str, path: Path, now: datetime | None = None) -> Restored:
    """Check the backup, keep the current store aside, put the backup in its place; nothing is
    replaced when any check fails, and the replaced content is always kept.

    On SQLite the backup is written into the live file through the online-backup API (see
    :func:`_put_back_sqlite`), so a desk that has the store open goes on working in the restored
    store; no commit can land in a file that is no longer the store. On PostgreSQL one transaction
    locks the tables against writing, backs the database up beside the backup file, restores it
    and grants the roles' rights again (``snapshot.pg_restore``).
    """
    now = now or datetime.now(UTC)
    target = snapshot.sqlite_path(url)
    home = target.parent if target is not None else Path(tempfile.gettempdir())
    try:
        with safe_files.work_folder(home, "restore") as work, unpacked(path, work) as (info, copy):
            if (info.engine == "sqlite") != (target is not None):
                raise _refuse("engine", "备份与目标数据库的类型不同(SQLite/PostgreSQL)",
                              "The backup and the target store are different engines")
            if target is not None:
                _open_as_a_desk_would(copy)
                aside = _put_back_sqlite(target, copy, work, now)
            else:
                aside = _put_back_postgresql(url, path, copy, now)
    except safe_files.UnsafeTarget as exc:
        raise Refused(exc.reason) from exc
    except subprocess.CalledProcessError as exc:
        raise file_trouble.tool_failed(exc, url) from exc
    except OSError as exc:
        raise file_trouble.restore_failed(exc, home) from exc
    store = Store(url)
    try:
        audit.reset_anchor(store, audit.Appended(info.audit_seq, info.audit_hash))
        with store.transaction() as session:
            audit.record(session, actor=audit.SYSTEM, action=Action.RESTORE, at=store.clock(), subject=path.name[:64],
                         detail={"backup_audit_seq": info.audit_seq, "created_at": info.created_at})
    finally:
        store.close()
    return Restored(info, aside)


def _open_as_a_desk_would(copy: Path) -> None:
    """Open the checked copy as the program opens a store, before it replaces anything: a backup
    this PC's key cannot read is refused while the store is still whole, and one from an older
    version is brought up to date here, so a desk never meets the older tables in the live store."""
    try:
        engine, _sessions = open_store(f"sqlite:///{copy}", create=False)
    except (StoreFault, KeyProblem) as exc:
        raise Refused(exc.reason) from exc
    engine.dispose()


def _put_back_sqlite(target: Path, copy: Path, work: Path, now: datetime) -> list[Path]:
    """Write the checked copy into the live store, its current content kept as ``NAME.replaced-…``
    (``snapshot.sqlite_put_back``: taken under the restore's own write lock)."""
    try:
        return snapshot.sqlite_put_back(target, copy, work, f".replaced-{_stamp(now)}", wait_seconds=BUSY_TIMEOUT_MS / 1000)
    except snapshot.StoreBusy as exc:
        raise StoreUnavailable(Reason(
            "store.locked", f"数据库正被其他程序占用,等待超时,未恢复:{target}",
            f"The store is locked by another program and the wait timed out; nothing was restored: {target}")) from exc


def _put_back_postgresql(url: str, path: Path, copy: Path, now: datetime) -> list[Path]:
    """Back the database up beside the backup file, with every commit a desk was told of, then
    restore: the copy is taken inside the restore's lock (``snapshot.pg_restore``)."""
    kept = path.with_name(f"replaced-{make_url(url).database}-{_stamp(now)}{SUFFIX}")
    live = Store(url)
    try:
        _record_backup(live, kept, audit.SYSTEM)  # before the lock: once the tables are locked, nothing can be written

        def keep() -> None:
            try:
                _write_backup(live, kept)
            except OSError as exc:
                raise file_trouble.unwritable(kept, exc) from exc

        snapshot.pg_restore(url, copy, _pg_bin(), copy.parent, keep)
    except BaseException:
        kept.unlink(missing_ok=True)
        raise
    finally:
        live.close()
    return [kept]


# --- the daily backup -----------------------------------------------------------------------------

def default_folder(url: str | None = None) -> Path:
    """``backups`` beside a local store (the per-user data folder for the default store)."""
    path = snapshot.sqlite_path(url) if url else None
    return (path.parent if path is not None else config.data_dir()) / "backups"


def backups_in(folder: Path) -> list[Path]:
    """This program's daily backups in ``folder``, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{DAILY_PREFIX}*{SUFFIX}") if p.is_file())


def _taken_at(path: Path) -> datetime:
    """When a daily backup was taken, from its name (the store's clock, not the file system's)."""
    try:
        return datetime.strptime(path.name[len(DAILY_PREFIX):-len(SUFFIX)], "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def latest_backup(folder: Path) -> Path | None:
    found = backups_in(folder)
    return found[-1] if found else None


def daily_backup(store: Store, folder: Path | None = None, keep: int = 7) -> Path | None:
    """Back up a local store when the newest backup is a day old or more, keeping the ``keep``
    newest; None when nothing was due (or the store is not a local file)."""
    if snapshot.sqlite_path(store.url) is None:
        return None
    folder = folder or default_folder(store.url)
    now = store.clock()
    newest = latest_backup(folder)
    if newest is not None and _taken_at(newest) > now - timedelta(days=1):
        return None
    out = folder / f"{DAILY_PREFIX}{_stamp(now)}{SUFFIX}"
    backup_store(store, out)
    for old in backups_in(folder)[: -max(keep, 1)]:
        with suppress(OSError):
            old.unlink()
    return out


# --- a damaged store ------------------------------------------------------------------------------

DAMAGED = {"store.damaged", "store.not_a_store"}


def closed_mark(url: str) -> str:
    """A local store file as it is now (its path, size and modification time); "" for a server store.

    The desktop app keeps it when it closes its store after a normal session: a file found just
    as it was left has not been cut short by a killed run nor written by anyone else since.
    """
    path = snapshot.sqlite_path(url)
    if path is None or not path.is_file():
        return ""
    stat = path.stat()
    return f"{path}|{stat.st_size}|{stat.st_mtime_ns}"


def damage(url: str, closed_as: str = "") -> Reason | None:
    """Whether a local store file is damaged (truncated, scribbled), by SQLite's ``quick_check``;
    None for a sound file, a file not there yet, or a server store.

    ``quick_check`` reads every page (3.6 s for a store of a million tickets), so a file still
    exactly as this program closed it (``closed_as``, from :func:`closed_mark`) is not read again.
    """
    path = snapshot.sqlite_path(url)
    if path is None or not path.is_file():
        return None
    if closed_as and closed_as == closed_mark(url):
        return None
    if snapshot.sqlite_problems(path, quick=True) is None:
        return None
    return Reason("store.damaged", f"数据库文件已损坏:{path}", f"The store file is damaged: {path}")


def restore_offer(url: str, folder: Path | None = None) -> tuple[Path | None, Reason]:
    """The latest daily backup and a sentence offering it (or saying there is none)."""
    folder = folder or default_folder(url)
    latest = latest_backup(folder)
    if latest is None:
        return None, Reason("backup.none", f"在“{folder}”中没有找到备份", f"No backup was found in {folder}")
    return latest, Reason("backup.offer", f"最新的备份是“{latest}”;恢复它:kaccount-desk restore \"{latest}\"",
                          f"The latest backup is {latest}; restore it with: kaccount-desk restore \"{latest}\"")
