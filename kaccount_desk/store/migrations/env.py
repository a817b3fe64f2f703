"""Alembic's entry point, driven from code: the engine comes in through ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import kaccount_desk.store.answer_models  # noqa: F401
import kaccount_desk.store.archive_models  # noqa: F401
import kaccount_desk.store.audit_models  # noqa: F401
import kaccount_desk.store.draft_models  # noqa: F401
import kaccount_desk.store.handover_models  # noqa: F401
import kaccount_desk.store.manager_models  # noqa: F401
import kaccount_desk.store.outage_models  # noqa: F401
import kaccount_desk.store.ticket_models  # noqa: F401
from kaccount_desk.store.models import Base

engine = context.config.attributes["engine"]


def _sqlite_foreign_keys(connection: Connection, on: bool) -> None:
    """Set on the driver's connection directly: SQLite ignores the pragma inside a transaction,
    and anything sent through SQLAlchemy first begins one (store/engine.py's BEGIN event)."""
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")  # type: ignore[union-attr]


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # A batch migration copies a table and drops the old one; with foreign keys on, that drop
        # would cascade into the children (dropping ``applications`` empties ``id_copies``).
        _sqlite_foreign_keys(connection, False)
    # render_as_batch lets later migrations alter SQLite tables, which lacks most ALTER forms.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if sqlite:
        _sqlite_foreign_keys(connection, True)
