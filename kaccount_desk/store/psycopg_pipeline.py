"""psycopg's side of store/pipelined.py: the cursor that waits only for answers that are read, and
the transaction's BEGIN, COMMIT and ROLLBACK sent in the pipeline. Imported for a server store only."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, NoReturn

import psycopg
from sqlalchemy import Connection, Engine, event
from sqlalchemy.exc import DBAPIError

from kaccount_desk.store.pipelined import PIPELINED, UNREAD

_OPEN = "kaccount_pipeline"  # the connection's open pipeline, in its pool record's info
_TURNED = "kaccount_autocommit_turned"  # its driver is in autocommit for a pipelined transaction


@dataclass(frozen=True)
class Open:
    """A connection's pipeline while its transaction runs, and what leaves it."""

    stack: contextlib.ExitStack[bool | None]
    pipeline: psycopg.Pipeline


class AwaitingCursor(psycopg.Cursor[Any]):
    """A cursor that waits for its own answer when SQLAlchemy asks about it, unless told it is unread."""

    pipeline: psycopg.Pipeline | None = None
    unread = False

    def _awaited(self) -> None:
        if self.pipeline is not None and not self.unread and self.pgresult is None and not self.closed:
            self.pipeline.sync()

    @property
    def description(self) -> list[psycopg.Column] | None:
        self._awaited()
        return super().description

    @property
    def rowcount(self) -> int:
        self._awaited()
        return super().rowcount


def install(engine: Engine) -> None:
    """Hang the listeners on ``engine`` (a psycopg engine), where the driver's libpq has pipeline mode (14 and later)."""
    if not psycopg.Pipeline.is_supported():
        return
    event.listen(engine, "connect", _use_awaiting_cursors)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "before_cursor_execute", _mark)
    event.listen(engine, "commit", _commit)
    event.listen(engine, "rollback", _rollback)
    event.listen(engine, "checkin", _on_checkin)


def _use_awaiting_cursors(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.cursor_factory = AwaitingCursor


def _driver(connection: Connection) -> psycopg.Connection[Any]:
    driver = connection.connection.driver_connection
    assert isinstance(driver, psycopg.Connection)
    return driver


def _begin(connection: Connection) -> None:
    if not connection.get_execution_options().get(PIPELINED, False):
        return
    driver = _driver(connection)
    driver.autocommit = True  # BEGIN is ours to send, in the pipeline
    connection.info[_TURNED] = True
    held = contextlib.ExitStack()
    connection.info[_OPEN] = Open(held, held.enter_context(driver.pipeline()))
    driver.execute("BEGIN")


def _mark(connection: Connection, cursor: Any, _statement: str, _parameters: Any, context: Any, _many: bool) -> None:
    """Tell the cursor of a pipelined transaction's statement whether its answer will be read."""
    held = connection.info.get(_OPEN)
    if held is None or not isinstance(cursor, AwaitingCursor):
        return
    cursor.pipeline = held.pipeline
    cursor.unread = context is not None and (
        bool(context.execution_options.get(UNREAD, False))
        or (context.isinsert and context.compiled is not None and not context.compiled.effective_returning)
    )


def _commit(connection: Connection) -> None:
    """COMMIT with everything not yet awaited, in one round trip; a failure is rolled back here and
    raised as SQLAlchemy's error (what the services catch), the connection back in the driver's mode."""
    held = connection.info.pop(_OPEN, None)
    if held is None:
        return
    driver = _driver(connection)
    try:
        driver.execute("COMMIT")  # raises here when an error of a statement not awaited is already back
    except psycopg.Error as exc:
        with contextlib.suppress(psycopg.Error):  # the pipeline left all the same; its "aborted" is not the news
            held.stack.close()
        _failed(driver, connection, exc)
    try:
        held.stack.close()  # leaving the pipeline syncs it: one round trip
    except psycopg.Error as exc:
        _failed(driver, connection, exc)
    _ordinary(driver, connection.info)


def _failed(driver: psycopg.Connection[Any], connection: Connection, exc: psycopg.Error) -> NoReturn:
    """Roll back and raise the statement's own error as SQLAlchemy's (a unique index, as the services know it)."""
    _end(driver, connection.info)
    raise DBAPIError.instance(None, None, exc, psycopg.Error, hide_parameters=True, dialect=connection.dialect) from None


def _rollback(connection: Connection) -> None:
    """Leave the pipeline (its errors are why we roll back) and roll back now, on the driver's own.

    A connection the server dropped is left alone: asking it anything raises, and the pool discards
    it with its notes (pipeline and autocommit go with it).
    """
    if connection.invalidated:
        return
    held = connection.info.pop(_OPEN, None)
    if held is not None:
        with contextlib.suppress(psycopg.Error):  # the failure already raised, or a connection the pool will find broken
            held.stack.close()
    if connection.info.get(_TURNED):
        _end(_driver(connection), connection.info)


def _on_checkin(dbapi_connection: Any, record: Any) -> None:
    """A transaction that ended past the events above (a connection lost half-way) leaves no pipeline
    and no autocommit behind for the next one the pool lends this connection to."""
    if record is None or not isinstance(dbapi_connection, psycopg.Connection):
        return
    held = record.info.pop(_OPEN, None)
    if held is not None:
        with contextlib.suppress(psycopg.Error):
            held.stack.close()
    if record.info.get(_TURNED):
        _end(dbapi_connection, record.info)


def _end(driver: psycopg.Connection[Any], info: dict[Any, Any]) -> None:
    """Roll back what is left (nothing after a COMMIT) and give the driver its own BEGIN back."""
    with contextlib.suppress(psycopg.Error):
        driver.rollback()
    _ordinary(driver, info)


def _ordinary(driver: psycopg.Connection[Any], info: dict[Any, Any]) -> None:
    """Back to the driver's own BEGIN once the transaction is over (a broken connection is left to the pool)."""
    if driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE:
        driver.autocommit = False
        info.pop(_TURNED, None)
