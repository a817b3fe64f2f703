"""Telling a store that cannot be used apart from a bug, in words a clerk can act on.

The driver's exception says what happened in its own dialect (SQLite's "database is locked",
psycopg's "password authentication failed"); this module is the one place that reads those and
turns them into a bilingual reason. What it does not recognise is left to propagate as a bug
(SQLite's "no such column" is an OperationalError as well, and it is a bug).
Only the driver's own message is ever quoted, never the statement or its parameters, which can
hold personal data.
"""

from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, InterfaceError, OperationalError

from kaccount_desk.domain.reasons import Reason


class StoreFault(Exception):
    """Raised by the store layer for a condition found before any SQL ran (missing file, newer schema)."""

    def __init__(self, reason: Reason) -> None:
        self.reason = reason
        super().__init__(reason.en)


def shown_url(url: str) -> str:
    """The URL as it may be shown or printed: any password replaced by ``***``."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as a placeholder rather than risk showing a secret
        return "<store URL>"


def without_password(text: str, url: str) -> str:
    """``text`` with the URL's password (if any) replaced by ``***``: for messages that may quote the URL."""
    try:
        secret = make_url(url).password
    except Exception:  # unparsable: nothing known to hide beyond what shown_url refuses to show
        return text.replace(url, "<store URL>")
    return text.replace(str(secret), "***") if secret else text


# (words in the driver's message, code, zh, en); the first match wins.
_KNOWN: list[tuple[tuple[str, ...], str, str, str]] = [
    (("database is locked", "database table is locked", "lock timeout", "could not obtain lock"), "store.locked",
     "数据库正被其他程序占用,等待超时", "The store is locked by another program and the wait timed out"),
    # A restore on PostgreSQL replaces the tables while desks work: a desk's transaction caught
    # between them is rolled back (the server's deadlock, or the restore cancelling what waits on
    # it: store/snapshot.py), and nothing of it was saved.
    (("deadlock detected", "could not serialize access", "canceling statement due to user request"), "store.busy",
     "数据库正忙(可能正在恢复备份),这次操作未保存,请重试",
     "The store was busy (perhaps a backup is being restored); nothing was saved, try again"),
    (("disk is full", "no space left", "could not extend file", "disk full"), "store.disk_full",
     "磁盘已满,无法写入数据库", "The disk is full; the store cannot be written"),
    (("file is not a database", "file is encrypted", "database disk image is malformed"), "store.not_a_store",
     "这个文件不是本程序的数据库,或已损坏", "This file is not a store of this program, or it is damaged"),
    (("password authentication failed", "authentication failed", "no password supplied", "role \"", "permission denied"),
     "store.login", "数据库拒绝了用户名或密码", "The database server refused the user name or password"),
    (("does not exist",), "store.no_database", "数据库服务器上没有这个数据库", "The server has no such database"),
    (("unable to open database file", "readonly database", "read-only"), "store.cannot_open",
     "无法打开或写入数据库文件(路径或权限不对)", "The store file cannot be opened or written (path or permissions)"),
    (("connection refused", "could not connect", "connection failed", "timeout expired", "could not translate host name",
      "server closed the connection", "terminating connection", "name or service not known", "no route to host"),
     "store.unreachable", "连接不上数据库服务器", "The database server cannot be reached"),
]


_UNAVAILABLE = ("数据库暂时无法使用", "The store cannot be used now")


def failure_words(code: str) -> tuple[str, str] | None:
    """The (zh, en) words of a store condition without the driver's own message (which is in English)."""
    if code == "store.unavailable":
        return _UNAVAILABLE
    return next(((zh, en) for _, known, zh, en in _KNOWN if known == code), None)


def failure_reason(exc: BaseException, url: str) -> Reason | None:
    """A reason for ``exc`` if it is a store condition (not a bug), naming the store without its password."""
    if isinstance(exc, StoreFault):
        return exc.reason
    # A plain DatabaseError is what SQLite raises for a file that is not a database; its subclasses
    # (IntegrityError, ProgrammingError, DataError) are the program's own mistakes or refusals.
    if not (isinstance(exc, OperationalError | InterfaceError) or type(exc) is DatabaseError):
        return None
    assert isinstance(exc, DBAPIError)
    message = str(exc.orig).strip()
    lowered = message.lower()
    where = shown_url(url)
    detail = message.splitlines()[0][:200] if message else type(exc.orig).__name__
    for words, code, zh, en in _KNOWN:
        if any(w in lowered for w in words):
            return Reason(code, f"{zh}:{where}({detail})", f"{en}: {where} ({detail})")
    # SQLite reports a misspelt column as an OperationalError too: only a lost connection is a condition.
    if isinstance(exc, InterfaceError):
        return Reason("store.unavailable", f"数据库暂时无法使用:{where}({detail})", f"The store cannot be used now: {where} ({detail})")
    return None
