"""Opening a store: the engine, SQLite's pragmas, and bringing the schema up to date."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DisconnectionError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from kaccount_desk import config
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.store import pipelined
from kaccount_desk.store.crypto import KeySource, bind_keys, check_key, key_source
from kaccount_desk.store.failures import StoreFault
from kaccount_desk.store.models import KeySlot, StoreKey

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

# The newest migration's revision id, known without importing Alembic (~17 MB and a third of a
# second at every start) to tell a current store from one to upgrade. A new migration changes it;
# tests/store/test_migrations.py checks it against Alembic's script directory.
HEAD_REVISION = "0021"
# Alembic's bookkeeping table (its default name, which env.py keeps).
_VERSION_TABLE = "alembic_version"


# Six imports of a thousand rows each plus a counter saving queue for well under this on a
# loaded two-core PC (tests/benchmarks/bench_concurrency.py); a wait is better than an error.
BUSY_TIMEOUT_MS = 60_000
WRITER = "kaccount_writer"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets the GUI read while an import writes; foreign keys are off by default in SQLite;
    # a busy timeout turns a lock by another window or process into a wait, not an error.
    # The driver's own implicit BEGIN is switched off so _sqlite_begin decides how to begin.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # A deleted ID image or a number replaced by its ciphertext is overwritten, not left in a free page.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


# A pooled server connection unused for longer than this is pinged before it is handed out.
IDLE_PING_SECONDS = 30.0
_IDLE_SINCE = "kaccount_idle_since"


def _mark_idle(_dbapi_connection: Any, record: Any) -> None:
    record.info[_IDLE_SINCE] = time.monotonic()


def _ping_if_idle(engine: Engine) -> Any:
    """A pre-ping only for a connection that has sat in the pool a while.

    SQLAlchemy's ``pool_pre_ping`` costs one round trip on every checkout: on a VPN that is 20 ms
    more on every click, for connections used a second ago. A server restart or a dropped link
    leaves connections dead only after they sat idle, so those are checked; a failed check makes
    the pool connect afresh (``DisconnectionError``) instead of failing the clerk's action.
    """

    def checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get(_IDLE_SINCE)
        if idle_since is not None and time.monotonic() - idle_since < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:  # the driver's error for a dead connection: the pool replaces it
            raise DisconnectionError() from exc

    return checkout


def _sqlite_begin(connection: Connection) -> None:
    """Writers take the write lock when they begin, readers when (if ever) they write.

    A deferred transaction that reads and then writes cannot wait for the lock: SQLite answers
    "database is locked" at once, whatever the busy timeout, because waiting could deadlock.
    BEGIN IMMEDIATE makes writers queue at the start instead, where the busy timeout applies.
    """
    immediate = connection.get_execution_options().get(WRITER, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _shown_path(path: Path) -> str:
    """The path as it may be printed: a 5,000-character mistake is cut, not echoed whole."""
    text = str(path)
    return text if len(text) <= 160 else f"{text[:80]}…{text[-40:]}"


def _not_a_file(path: Path) -> StoreFault:
    shown = _shown_path(path)
    return StoreFault(Reason(
        "store.not_a_file", f"“{shown}”不是普通文件(是文件夹、设备或管道),不能用作数据库,也不会改动它",
        f"“{shown}” is not a regular file (a folder, device or pipe); it cannot be a store and is left untouched",
    ))


def _bad_path(path: Path, exc: OSError) -> StoreFault:
    shown = _shown_path(path)
    too_long = exc.errno == errno.ENAMETOOLONG
    why_zh, why_en = ("路径太长", "the path is too long") if too_long else ("路径无法使用", "the path cannot be used")
    return StoreFault(Reason(
        "store.bad_path", f"无法使用数据库文件“{shown}”:{why_zh}", f"The store file “{shown}” cannot be used: {why_en}",
    ))


def _existing_mode(path: Path) -> int | None:
    """The mode of what is at ``path`` (following links), None when nothing is there."""
    try:
        return path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _bad_path(path, exc) from None


def _create_private(path: Path, create: bool) -> None:
    """Create the store file readable by its owner only, or make an older one so; SQLite gives its
    -wal and -shm the same mode. On Windows the mode is ignored and the per-user folder's ACL is
    what protects the file; a file system without modes (a FAT stick) keeps what it has.

    Only a regular file is ever opened or has its mode changed: ``--db /dev/null`` as root once
    made the machine's /dev/null private, which breaks every other program. A folder, a device or
    a FIFO is refused in words before anything touches it.
    """
    mode = _existing_mode(path)
    if mode is None:
        if not create:
            raise StoreFault(Reason(
                "store.missing", f"没有这个数据库文件:{_shown_path(path)}(新建数据库请用 init 命令)",
                f"There is no store file at {_shown_path(path)} (use the init command to create one)",
            ))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return
        except FileExistsError:
            mode = _existing_mode(path)  # made by another process a moment ago: checked as any existing file
        except OSError as exc:
            raise _bad_path(path, exc) from None
    if mode is None or not stat.S_ISREG(mode):
        raise _not_a_file(path)
    if mode & 0o077:
        with contextlib.suppress(OSError):
            path.chmod(0o600)


def _parsed(url: str) -> URL:
    """The URL, or a refusal in words for one that is not a URL or names an engine this program does not use."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        parsed = None
    if parsed is None or parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise _bad_url()
    return parsed


def _bad_url() -> StoreFault:
    return StoreFault(Reason(
        "store.bad_url", "数据库地址无法使用:应为数据库文件的路径,或 postgresql+psycopg://用户@服务器/数据库",
        "The store address cannot be used: give a store file's path, or postgresql+psycopg://user@server/database",
    ))


def make_engine(url: str, create: bool = True, key_file: Path | None = None) -> Engine:
    """An engine with its key source bound (store/crypto.py).

    ``create=False`` refuses a SQLite file that does not exist instead of making an empty one:
    a mistyped path would otherwise become a new, empty store, and the next thing the person
    reads is "wrong staff ID or password". ``hide_parameters`` keeps names and ID numbers (SQL
    parameters) out of every database exception's message, and so out of logs and crash dialogs.
    """
    parsed = _parsed(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not parsed.database.startswith("file:"):
            _create_private(Path(parsed.database), create)
        engine = create_engine(url, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    else:
        # A server password kept by the first-run wizard sits in an owner-only libpq password file,
        # never in the URL the settings hold.
        connect_args: dict[str, object] = {} if parsed.password else {"passfile": str(config.password_file())}
        # psycopg prepares a statement the fifth time a connection runs it, in a round trip of its
        # own: across a VPN that costs more than the server's parse it saves, and makes a click
        # slow now and then. The most recently used connection is handed out first (LIFO), so the
        # one in use stays warm and the others sit idle long enough to be pinged before reuse.
        connect_args["prepare_threshold"] = None
        try:
            engine = create_engine(url, connect_args=connect_args, hide_parameters=True, pool_use_lifo=True)
        except (NoSuchModuleError, ImportError):  # postgresql+somedriver:// with a driver not installed
            raise _bad_url() from None
        for name, listener in (("connect", _mark_idle), ("checkin", _mark_idle), ("checkout", _ping_if_idle(engine))):
            event.listen(engine, name, listener)
        pipelined.install(engine)  # a transaction that asks is sent in pipeline mode (store/pipelined.py)
    bind_keys(engine, KeySource(key_file or config.key_file()))
    return engine


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # only to migrate: a current store opens without Alembic

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    """The store's schema revision as Alembic records it (None for a store not stamped yet).

    Read straight from Alembic's table, so opening a current store never imports Alembic; a
    table with several rows (branches, never made by this program) is left to Alembic to judge.
    """
    with reader(engine).connect() as connection:
        if not inspect(connection).has_table(_VERSION_TABLE):
            return None
        stamped = list(connection.scalars(text(f"SELECT version_num FROM {_VERSION_TABLE}")))
        if len(stamped) <= 1:
            return stamped[0] if stamped else None
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    return HEAD_REVISION


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the store to ``revision``; a store made by an older version keeps its rows."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


def writer(engine: Engine) -> Engine:
    """The same engine and pool, marked so that SQLite begins its transactions IMMEDIATE."""
    return engine.execution_options(**{WRITER: True})


def ping(engine: Engine) -> None:
    """Raise the driver's error unless the store answers now.

    On SQLite a read answers even while another program holds the write lock (WAL), and the lock
    is the usual condition there, so the ping also asks for the write lock, waiting briefly.
    """
    if engine.dialect.name != "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        return
    with writer(engine).connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        wait = raw.execute("PRAGMA busy_timeout").fetchone()[0]  # outside any transaction: the driver's autocommit
        raw.execute("PRAGMA busy_timeout = 200")
        try:
            with connection.begin():  # BEGIN IMMEDIATE for a writer: waits 200 ms for the lock, then fails
                pass
        finally:
            raw.execute(f"PRAGMA busy_timeout = {int(wait)}")


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS)).walk_revisions()}


def check_schema(engine: Engine, current: str | None) -> None:
    """Refuse a store this program must not migrate: one made by a newer version, or not ours at all.

    Upgrading a newer store would fail half-way or, worse, "succeed" against tables it does not
    understand; a database with tables but no revision stamp belongs to some other program.
    """
    if current is not None and current not in known_revisions():
        raise StoreFault(Reason(
            "store.too_new", f"此数据库由更新版本的程序建立(结构版本 {current}),请升级本程序后再打开",
            f"This store was made by a newer version of the program (schema {current}); upgrade the program to open it",
        ))
    if current is None and inspect(engine).get_table_names():
        raise StoreFault(Reason(
            "store.foreign", "这个数据库不是本程序建立的(没有结构版本),不会改动它",
            "This database was not made by this program (it has no schema version); it is left untouched",
        ))


def recorded_fingerprint(engine: Engine) -> tuple[str | None, bool]:
    """The fingerprint of the key this store was encrypted with, if it has been yet; and whether
    key slots hold it (then a login unseals it and no key file is needed)."""
    with reader(engine).connect() as connection:
        tables = inspect(connection)
        if not tables.has_table(StoreKey.__tablename__):
            return None, False
        slotted = tables.has_table(KeySlot.__tablename__) and connection.scalar(select(KeySlot.holder).limit(1)) is not None
        return connection.scalar(select(StoreKey.fingerprint).limit(1)), slotted


def open_store(url: str, create: bool = True, key_file: Path | None = None) -> tuple[Engine, sessionmaker[Session]]:
    """Open a store, refusing in words a newer or foreign schema, and (for a store made before key
    slots) a key file that is missing or not this store's key, before anything is migrated."""
    engine = make_engine(url, create, key_file)
    try:
        current = current_revision(engine)
        if current != head_revision():
            check_schema(engine, current)
        check_key(*recorded_fingerprint(engine), source=key_source(engine))
        if current != head_revision():
            upgrade(writer(engine))
            check_key(*recorded_fingerprint(engine), source=key_source(engine))  # an upgrade may have made the first key
    except BaseException:
        engine.dispose()
        raise
    return engine, sessionmaker(reader(engine), expire_on_commit=False)


def reader(engine: Engine) -> Engine:
    """The engine as read sessions use it: on PostgreSQL without BEGIN and ROLLBACK around each read.

    psycopg sends BEGIN and the closing ROLLBACK as round trips of their own: two of the four a
    click may cost across a VPN. A read gains nothing from them there: at PostgreSQL's READ
    COMMITTED each statement takes its own snapshot inside a transaction too. SQLite keeps its
    transaction (one snapshot for the whole read, and no network).
    """
    if engine.dialect.name == "sqlite":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def probe(url: str) -> str:
    """What opening the store would do, changing nothing: "current", "older" (upgraded on open) or "empty".

    A store that cannot be used raises as opening it would (server down, database missing, newer
    schema, not ours), so "test the connection" answers exactly what the real open will.
    """
    engine = make_engine(url, create=False)
    try:
        current = current_revision(engine)
        if current == head_revision():
            return "current"
        check_schema(engine, current)
        return "empty" if current is None else "older"
    finally:
        engine.dispose()
