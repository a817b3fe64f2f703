"""Engine-specific copies of a whole store: SQLite's online backup API, ``pg_dump``/``pg_restore``.

Copying an SQLite file while the app has it open loses whatever still sits in the ``-wal`` file
(committed rows included), and the copy still passes ``integrity_check``; the online backup API
reads through SQLite itself and gets every committed row, with writers free to go on.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy.engine import URL, make_url

from kaccount_desk.store import pg_rights

PG_PROGRAMS = ("pg_dump", "pg_restore", "psql")
LOCKED = "kaccount: tables locked"  # what the restore's psql session says once no desk can write


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, or None for another engine or an in-memory store."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


@contextlib.contextmanager
def _disk_errors() -> Iterator[None]:
    """SQLite's "disk is full" and "disk I/O error" while copying are the file system's refusal
    (a full stick, a file-size limit), not a bug: raised as the ``OSError`` they stand for."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name == "SQLITE_FULL":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)) from exc
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")):
            raise OSError(errno.EIO, os.strerror(errno.EIO)) from exc
        raise


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live store; pages are copied in steps so writers are not held up."""
    with _disk_errors():
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.execute("PRAGMA busy_timeout=5000")
            src.backup(dst, pages=1024)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            dst.close()
            src.close()


# sqlite3_backup_step's answers: a step done with more to come (the destination stays locked),
# the other side busy (nothing held, the step is retried), or the copy complete and committed.
STEP_OK, STEP_BUSY, STEP_LOCKED, STEP_DONE = 0, 5, 6, 101


class StoreBusy(Exception):
    """Another program held the store's write lock for the whole wait; nothing was changed."""


def sqlite_overwrite(live: Path, restored: Path, keep: Callable[[], None], wait_seconds: float) -> None:
    """Write ``restored`` into the live store through the online-backup API, as one transaction.

    Every connection the desks hold stays on the live file and sees the restored content from
    their next transaction on; none can write to a file that is no longer the store. ``keep`` is
    called once the first page is written, while this restore holds the store's write lock and
    before anything is committed: what it copies from the live file (by another connection) is the
    latest committed content, and no desk can commit anything between that copy and the restore.
    An exception from ``keep``, or a lock held by others for ``wait_seconds``, rolls the restore
    back untouched (``StoreBusy`` for the latter).
    """
    _match_page_size(live, restored)
    if int(str(sqlite_scalar(restored, "PRAGMA page_count"))) < 2:  # done in its first step, before ``keep`` could run
        raise sqlite3.DatabaseError("a one-page file is not a store")
    source = sqlite3.connect(f"file:{restored}?mode=ro", uri=True)
    target = sqlite3.connect(live, isolation_level=None)
    deadline = time.monotonic() + wait_seconds
    kept = False

    def step(status: int, _remaining: int, _total: int) -> None:
        nonlocal kept
        if status in (STEP_BUSY, STEP_LOCKED) and time.monotonic() > deadline:
            raise StoreBusy(str(live))
        if status == STEP_OK and not kept:
            keep()
            kept = True

    try:
        target.execute("PRAGMA busy_timeout=1000")
        with _disk_errors():
            source.backup(target, pages=1, progress=step, sleep=0.05)
    finally:
        target.close()
        source.close()


def sqlite_put_back(target: Path, copy: Path, work: Path, aside: str, wait_seconds: float) -> list[Path]:
    """Put ``copy`` in place of the store ``target``, keeping what it held as ``target`` + ``aside``.

    The kept copy is taken while the restore holds the store's write lock (:func:`sqlite_overwrite`),
    so every commit a desk was told of is either in it (made before the restore) or in the
    restored store (after it); it is renamed into place before the restore commits, so no kill
    can lose it once the store has changed. A store file that is missing or damaged is open
    nowhere useful (no desk opens a damaged store), and the backup API cannot write over a
    damaged header: that file is renamed aside, with its -wal and -shm, and the copy put in its place.
    """
    if not target.is_file() or sqlite_problems(target, quick=True) is not None:
        return _swap_files(target, copy, aside)
    kept, scratch = target.with_name(target.name + aside), work / "replaced.sqlite3"

    def keep() -> None:
        sqlite_copy(target, scratch)
        os.chmod(scratch, 0o600)
        os.replace(scratch, kept)

    try:
        sqlite_overwrite(target, copy, keep, wait_seconds)
    except BaseException:
        kept.unlink(missing_ok=True)  # the restore was rolled back: the live store still holds this content
        raise
    return [kept]


def _swap_files(target: Path, copy: Path, aside: str) -> list[Path]:
    kept = []
    for suffix in ("", "-wal", "-shm"):  # a -wal left beside a new file would be replayed into it
        current = Path(f"{target}{suffix}")
        if current.exists():
            kept.append(current.with_name(f"{target.name}{aside}{suffix}"))
            os.replace(current, kept[-1])
    os.replace(copy, target)
    return kept


def _match_page_size(live: Path, restored: Path) -> None:
    """A store in WAL mode only accepts a copy with its own page size; rebuild the copy if they differ."""
    wanted = sqlite_scalar(live, "PRAGMA page_size")
    if sqlite_scalar(restored, "PRAGMA page_size") == wanted:
        return
    db = sqlite3.connect(restored, isolation_level=None)
    try:
        db.execute(f"PRAGMA page_size={int(str(wanted))}")
        db.execute("VACUUM")
    finally:
        db.close()


def sqlite_problems(path: Path, quick: bool = False) -> str | None:
    """What SQLite says is wrong with a store file, or None when ``integrity_check`` says ok.

    ``quick`` runs ``quick_check`` (every page read, indexes not compared with their tables),
    which is fast enough to run each time the desktop app opens its store.
    """
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        db.close()
    return None if rows == ["ok"] else "; ".join(rows[:5])


def sqlite_scalar(path: Path, sql: str) -> object:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = db.execute(sql).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def pg_bin() -> Path | None:
    """The folder of ``pg_dump``: KACCOUNT_PG_BIN, the server's own programs, or the PATH.

    pg_dump must be at least as new as the server, so the newest installed server's folder wins
    over a wrapper on the PATH.
    """
    override = os.environ.get("KACCOUNT_PG_BIN")
    candidates = [Path(override)] if override else []
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True)]
    try:
        import pgserver  # type: ignore[import-not-found,unused-ignore]

        candidates.append(Path(pgserver.__file__).parent / "pginstall" / "bin")
    except ImportError:
        pass
    found = shutil.which("pg_dump")
    if found:
        candidates.append(Path(found).parent)
    for folder in candidates:
        if all((folder / name).exists() or (folder / f"{name}.exe").exists() for name in PG_PROGRAMS):
            return folder
    return None


def _version(folder: str) -> int:
    name = Path(folder).parent.name
    return int(name) if name.isdigit() else 0


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """A libpq connection string without the password, which goes in the environment instead
    (a command line can be read by every local user through ``ps``)."""
    parsed: URL = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    # URL.set ignores a None, so the password must be left out by building the URL anew.
    bare = URL.create("postgresql", parsed.username, None, parsed.host, parsed.port, parsed.database, parsed.query)
    return bare.render_as_string(hide_password=False), env


def pg_dump(url: str, target: Path, folder: Path) -> None:
    conninfo, env = _libpq(url)
    command = [str(folder / "pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", f"--dbname={conninfo}"]
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=3600)


def pg_list(dump: Path, folder: Path) -> None:
    """Reads the dump's table of contents: a truncated or scribbled dump fails here."""
    subprocess.run([str(folder / "pg_restore"), "--list", str(dump)], check=True, capture_output=True, timeout=600)


def pg_restore(url: str, dump: Path, folder: Path, work: Path, keep: Callable[[], None]) -> None:
    """Put ``dump`` in place of the database's tables in one transaction, keeping the rights the
    roles have on them now, and calling ``keep`` (a ``pg_dump`` of the current content) once no
    desk can write any more and before anything is replaced.

    The dump carries no owners or rights (``--no-owner --no-privileges``): the rights that count
    are this server's (the desk group of packaging/postgresql-app-role.sql, column grants, who
    may run which function), not those of wherever the backup was taken. Dropping and making the
    tables again would lose them, and every desk would fail until the role script was run again,
    so they are read first and granted again in the restore's own transaction: no desk ever sees
    the restored tables without its rights. That transaction is one ``psql`` session fed through
    a pipe: it first locks every table against writing (reading stays free, so ``keep``'s
    ``pg_dump`` sees every commit and no desk can commit after it), then gets the restore script
    (written to ``work``, a private temporary folder: it holds the data) and the grants.

    A desk that read a table in its open transaction and then waits to write holds what the DROPs
    need while it waits for the restore: a deadlock the server breaks by ending the restore (it
    asks last, in the same lock's queue). So once ``keep`` has its copy, the restore cancels the
    statements that wait on it and takes every table whole (``ACCESS EXCLUSIVE``), trying again
    while desks slip in (:func:`_take_whole`): such a desk is told "not saved, try again" (what the server's
    deadlock would have told it), its transaction rolls back and lets go. A restoring role that may
    not cancel them (neither superuser nor in ``pg_signal_backend``) gives up after
    :data:`TAKE_WHOLE_SECONDS` and is refused in words, with nothing replaced.
    """
    conninfo, env = _libpq(url)
    script = work / "restore.sql"
    subprocess.run([str(folder / "pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", f"--file={script}", str(dump)],
                   check=True, capture_output=True, timeout=3600)
    tables, grants = pg_rights.tables(url), pg_rights.regrant_script(url)
    command = [str(folder / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-f", "-", f"--dbname={conninfo}"]
    psql = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert psql.stdin is not None and psql.stderr is not None
    try:
        psql.stdin.write(f"BEGIN;\n{_lock_against_writing(tables)}\\warn {LOCKED}\n".encode())
        psql.stdin.flush()
        said = psql.stderr.readline()
        if said.strip() != LOCKED.encode():
            raise subprocess.CalledProcessError(psql.wait(60), command, stderr=said + psql.stderr.read())
        keep()
        feed = _take_whole(tables).encode() + script.read_bytes() + f"\n{grants}\nCOMMIT;\n".encode()
        _, stderr = psql.communicate(feed, timeout=3600)
    except BaseException:
        psql.kill()  # the transaction dies with the session: nothing was replaced
        psql.wait()
        raise
    if psql.returncode != 0:
        raise subprocess.CalledProcessError(psql.returncode, command, stderr=stderr)


TAKE_WHOLE_SECONDS = 20
_WAIT_EACH = "1s"
_PAUSE = 0.05


def _lock_against_writing(tables: list[str]) -> str:
    """The statement that locks every table against writing, one table after another, trying again
    when a desk's transaction and the restore each hold a table the other waits for.

    A desk's save takes its tables as its statements reach them (a pipelined save sends them all
    at once); the restore takes them in another order. The server ends one of the two at once; a
    plain LOCK ended the restore, refused in words ("deadlock detected"), with nothing replaced but
    nothing restored either. In its own subtransaction the failed try lets go of the tables it had
    taken, the desk's save goes through and is kept by ``keep``, and the next try waits for it.
    """
    return f"""DO $lock_against_writing$
DECLARE give_up timestamptz := clock_timestamp() + interval '{TAKE_WHOLE_SECONDS} seconds';
BEGIN
  LOOP
    BEGIN
      LOCK TABLE {', '.join(tables)} IN EXCLUSIVE MODE;
      RETURN;
    EXCEPTION WHEN deadlock_detected THEN
      IF clock_timestamp() > give_up THEN RAISE; END IF;
    END;
    PERFORM pg_sleep({_PAUSE});
  END LOOP;
END
$lock_against_writing$;
"""


def _take_whole(tables: list[str]) -> str:
    """The statement that takes every table whole, cancelling the statements that wait on the restore
    (see :func:`pg_restore`).

    It waits for the tables (so a desk's new read queues behind it instead of slipping in) but only
    a second each try: a desk that slipped in and now waits on the restore makes the server end the
    restore's try at once (deadlock) or the wait runs out; the try is given up, what waits is
    cancelled, and after a pause (a cancelled desk needs a moment to roll back) the next try
    begins. The tables already locked against writing stay locked throughout.
    """
    return f"""DO $take_whole$
DECLARE give_up timestamptz := clock_timestamp() + interval '{TAKE_WHOLE_SECONDS} seconds';
BEGIN
  SET LOCAL lock_timeout = '{_WAIT_EACH}';
  LOOP
    BEGIN
      PERFORM pg_cancel_backend(l.pid) FROM pg_locks l
       WHERE NOT l.granted AND l.pid <> pg_backend_pid()
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
    EXCEPTION WHEN insufficient_privilege THEN NULL;
    END;
    BEGIN
      LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE;
      RETURN;
    EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
      IF clock_timestamp() > give_up THEN RAISE; END IF;
    END;
    PERFORM pg_sleep({_PAUSE});
  END LOOP;
END
$take_whole$;
"""
