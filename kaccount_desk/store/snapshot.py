"""Engine-specific copies of a whole store: SQLite's online backup API, ``pg_dump``/``pg_restore``.

Copying an SQLite file while the app has it open loses whatever still sits in the ``-wal`` file
(committed rows included), and the copy still passes ``integrity_check``; the online backup API
reads through SQLite itself and gets every committed row, with writers free to go on.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import URL, make_url

PG_PROGRAMS = ("pg_dump", "pg_restore")


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, or None for another engine or an in-memory store."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a live store; pages are copied in steps so writers are not held up."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.execute("PRAGMA busy_timeout=5000")
        src.backup(dst, pages=1024)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    finally:
        dst.close()
        src.close()


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
    bare = parsed.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), env


def pg_dump(url: str, target: Path, folder: Path) -> None:
    conninfo, env = _libpq(url)
    command = [str(folder / "pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", f"--dbname={conninfo}"]
    subprocess.run(command, check=True, capture_output=True, env=env, timeout=3600)


def pg_list(dump: Path, folder: Path) -> None:
    """Reads the dump's table of contents: a truncated or scribbled dump fails here."""
    subprocess.run([str(folder / "pg_restore"), "--list", str(dump)], check=True, capture_output=True, timeout=600)


def pg_restore(url: str, dump: Path, folder: Path) -> None:
    conninfo, env = _libpq(url)
    subprocess.run([str(folder / "pg_restore"), "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                    f"--dbname={conninfo}", str(dump)], check=True, capture_output=True, env=env, timeout=3600)
