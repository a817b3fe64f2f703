"""As the least-privilege role of packaging/postgresql-app-role.sql, the app works and the
history cannot be rewritten: UPDATE, DELETE, TRUNCATE, upserts and trigger changes all fail."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN

from kaccount_desk.services import audit, campaigns, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.store.engine import open_store

SCRIPT = REPO / "packaging" / "postgresql-app-role.sql"

ATTEMPTS = [
    "UPDATE audit_log SET actor = 'X'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "UPDATE application_events SET note = 'x'",
    "DELETE FROM application_events",
    "TRUNCATE application_events",
    "UPDATE ticket_events SET text = 'x'",
    "DELETE FROM ticket_events",
    "TRUNCATE ticket_events CASCADE",
    "DROP TRIGGER audit_log_append_only ON audit_log",
    "DROP TRIGGER ticket_events_append_only ON ticket_events",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "DROP TABLE audit_log CASCADE",
    "INSERT INTO audit_log SELECT * FROM audit_log WHERE seq = 1 ON CONFLICT (seq) DO UPDATE SET actor = 'X'",
    "CREATE TABLE shadow (id int)",
]


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_the_app_role_cannot_rewrite_history(pg_url: str, attempt: str, tmp_path: Path) -> None:
    owner_engine, _ = open_store(pg_url)
    login = f"desk_{uuid.uuid4().hex[:10]}"
    with owner_engine.begin() as c:
        with c.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute(SCRIPT.read_text(encoding="utf-8"))  # as psql would: no parameters, so % is plain text
        c.exec_driver_sql(f"CREATE ROLE {login} LOGIN IN ROLE kaccount_app")
    owner_engine.dispose()
    desk_url = make_url(pg_url).set(username=login).render_as_string(hide_password=False)
    store = Store(desk_url, resources=REPO / "resources")
    try:
        admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
        campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN)
        assert audit.verify(store).ok and audit.verify(store).entries >= 5
        with pytest.raises(DatabaseError, match="permission denied|must be owner|append-only"), store.engine.begin() as c:
            c.exec_driver_sql(attempt)
        assert audit.verify(store).ok
    finally:
        store.close()
        cleanup = create_engine(pg_url)
        with cleanup.begin() as c:
            c.execute(text(f"DROP OWNED BY {login}"))
            c.execute(text(f"DROP ROLE {login}"))
        cleanup.dispose()


@pytest.mark.postgres
@pytest.mark.parametrize("attempt", ["UPDATE audit_log SET actor = 'X'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                                     "TRUNCATE application_events", "TRUNCATE ticket_events CASCADE"])
def test_even_the_owner_meets_the_triggers(pg_url: str, attempt: str) -> None:
    store = Store(pg_url, resources=REPO / "resources")
    try:
        admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
        campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN)
        with pytest.raises(DatabaseError, match="append-only"), store.engine.begin() as c:
            c.exec_driver_sql(attempt)
    finally:
        store.close()
