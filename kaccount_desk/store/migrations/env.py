"""Alembic's entry point, driven from code: the engine comes in through ``config.attributes``."""

from __future__ import annotations

from alembic import context

import kaccount_desk.store.audit_models  # noqa: F401
import kaccount_desk.store.ticket_models  # noqa: F401
from kaccount_desk.store.models import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    # render_as_batch lets later migrations alter SQLite tables, which lacks most ALTER forms.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
