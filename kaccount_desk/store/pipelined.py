"""A writing transaction on PostgreSQL sent in psycopg's pipeline mode: fewer round trips per save.

Across a VPN each round trip is 10–40 ms, and a plain transaction pays one for BEGIN, one for
each statement and one for COMMIT, even for statements whose answer nobody reads. In pipeline
mode (psycopg 3.1+, libpq 14+) the client sends without waiting, and the server answers in order:
so BEGIN rides with the first statement, an INSERT without RETURNING rides with the next statement
whose answer is read, and the last writes ride with COMMIT. A transaction asks for this with the
execution option :data:`PIPELINED` on its first connection (``services/context.py``); others run
as before. SQLite has no network: the option does nothing there.

What waits and what does not, statement by statement (``store/psycopg_pipeline.py``): a
statement whose rows or row count SQLAlchemy reads is awaited at once (its cursor syncs the pipeline
when asked for its ``description`` or ``rowcount``), so the ORM and every query work unchanged; an INSERT without
RETURNING, or a statement given :data:`UNREAD` (the audit log's appends), is sent and not
awaited. A failure of one not awaited (a unique index) is raised at the next statement awaited or
at COMMIT, still inside the same transaction, which then rolls back whole.

BEGIN and COMMIT are sent as ordinary statements on a connection the driver treats as autocommit
for the while: psycopg would otherwise send its own BEGIN and wait for it. The connection goes
back to the driver's ordinary mode when the transaction ends, before the pool has it again.
"""

from __future__ import annotations

from sqlalchemy import Engine

PIPELINED = "kaccount_pipelined"  # execution option: this transaction is sent pipelined
UNREAD = "kaccount_unread"  # execution option: nobody reads this statement's answer


def install(engine: Engine) -> None:
    """Let ``engine``'s transactions opened with :data:`PIPELINED` run in pipeline mode (PostgreSQL with psycopg only).

    The driver's side is imported only here, for a server store: psycopg costs a SQLite desk
    nothing at start.
    """
    if engine.dialect.driver != "psycopg":
        return
    from kaccount_desk.store import psycopg_pipeline

    psycopg_pipeline.install(engine)
