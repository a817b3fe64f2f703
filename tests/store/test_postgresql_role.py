"""As the least-privilege role of packaging/postgresql-app-role.sql, the app works and the
history cannot be rewritten: UPDATE, DELETE, TRUNCATE, upserts and trigger changes all fail; the
desk role cannot make anyone an admin, move the audit head or forge an entry unnoticed; and what
the owner changes past the app (staff, the chain, the triggers) is found by ``audit verify``."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN, make_staff

from kaccount_desk.domain.audit import Action
from kaccount_desk.services import audit, campaigns, staff, vault, vault_rotate
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
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


@contextmanager
def _desk(pg_url: str) -> Iterator[tuple[Store, Context]]:
    """The store as a desk PC opens it (a login in kaccount_app), with an admin and a clerk C001."""
    owner_engine, _ = open_store(pg_url)
    login = f"desk_{uuid.uuid4().hex[:10]}"
    with owner_engine.begin() as c:
        with c.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
            cursor.execute(SCRIPT.read_text(encoding="utf-8"))
        c.exec_driver_sql(f"CREATE ROLE {login} LOGIN IN ROLE kaccount_app")
    owner_engine.dispose()
    store = Store(make_url(pg_url).set(username=login).render_as_string(hide_password=False), resources=REPO / "resources")
    try:
        admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
        make_staff(admin, "C001", "clerk")
        yield store, admin
    finally:
        store.close()
        cleanup = create_engine(pg_url)
        with cleanup.begin() as c:
            c.execute(text(f"DROP OWNED BY {login}"))
            c.execute(text(f"DROP ROLE {login}"))
        cleanup.dispose()


def _owner(pg_url: str, *statements: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.begin() as c:
            for statement in statements:
                c.exec_driver_sql(statement)
    finally:
        engine.dispose()


DESK_ATTEMPTS = [
    "UPDATE staff SET role = 'admin' WHERE staff_no = 'C001'",
    "UPDATE staff SET staff_no = 'A002' WHERE staff_no = 'C001'",
    "DELETE FROM staff WHERE staff_no = 'C001'",
    "UPDATE audit_head SET seq = 1",
    "INSERT INTO audit_log SELECT seq + 1000, at, actor, action, subject, detail, hash, hash FROM audit_log WHERE seq = 1",
    "INSERT INTO staff_changes (staff_id, op, fields, at) VALUES (1, 'update', '', now())",
    "UPDATE store_identity SET store_id = 'another'",
    "SELECT audit_append(2, now()::timestamp, 'A001', 'login', 'login', '{}', repeat('0', 64), repeat('1', 64))",
]


@pytest.mark.postgres
def test_the_desk_role_cannot_make_itself_admin_move_the_head_or_rewrite_the_trail(pg_url: str) -> None:
    with _desk(pg_url) as (store, admin):
        with pytest.raises(Refused):
            staff.authenticate(store, "C001", "wrong password")  # what the desk does change in staff: it may
        staff.unlock(admin, "C001")
        staff.set_active(admin, "C001", False)
        assert audit.verify(store).ok
        for attempt in DESK_ATTEMPTS:
            with pytest.raises(DatabaseError, match="permission denied|only appended after the head"), store.engine.begin() as c:
                c.exec_driver_sql(attempt)
        with store.read() as session:
            assert session.scalar(text("SELECT role FROM staff WHERE staff_no = 'C001'")) == "clerk"
        assert audit.verify(store).ok


@pytest.mark.postgres
def test_an_entry_forged_through_the_append_path_is_found(pg_url: str) -> None:
    with _desk(pg_url) as (store, _admin):
        head = audit.verify(store).head
        with store.engine.begin() as c:  # the next place is the only one open, and the hash is not the entry's
            c.execute(text("SELECT audit_append(:seq, now()::timestamp, 'A001', 'login', 'login', '{}', :prev, :forged)"),
                      {"seq": head.seq + 1, "prev": head.hash, "forged": "f" * 64})
        result = audit.verify(store)
        assert result.reason is not None and (result.broken_at, result.reason.code) == (head.seq + 1, "audit.edited")


@pytest.mark.postgres
def test_the_owners_changes_past_the_app_are_found(pg_url: str) -> None:
    with _desk(pg_url) as (store, admin):
        _owner(pg_url, "UPDATE staff SET role = 'admin' WHERE staff_no = 'C001'")
        result = audit.verify(store)
        assert result.reason is None and [p.code for p in result.problems] == ["audit.staff_unrecorded"]
        assert "update role" in result.problems[0].en
        _owner(pg_url, "ALTER TABLE staff DISABLE TRIGGER staff_trail", "DROP TRIGGER audit_log_append_only ON audit_log")
        named = " ".join(p.en for p in audit.verify(store).problems)
        assert "staff_trail" in named and "audit_log_append_only" in named


@pytest.mark.postgres
def test_a_deleted_tail_then_an_ordinary_day_keeps_the_alarm_on_postgresql(pg_url: str) -> None:
    with _desk(pg_url) as (store, admin):
        for n in range(4):
            with admin.transaction() as session:
                audit.record_for(admin, session, Action.EXPORT, f"list-{n}.xlsx")
        head = audit.verify(store).head
        keep = head.seq - 3
        _owner(pg_url, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only", f"DELETE FROM audit_log WHERE seq > {keep}",
               f"UPDATE audit_head SET seq = {keep}, hash = (SELECT hash FROM audit_log WHERE seq = {keep})",
               "ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")
        for n in range(6):
            with admin.transaction() as session:
                audit.record_for(admin, session, Action.EXPORT, f"roster-{n}.xlsx")
        result = audit.verify(store)
        assert result.entries > head.seq and result.anchor is not None and result.anchor.seq == head.seq
        assert result.reason is not None and result.reason.code == "audit.rewritten"
        assert audit.standing_alarm(store) is not None


@pytest.mark.postgres
def test_the_desk_role_keeps_key_slots_in_step_but_cannot_move_one(pg_url: str) -> None:
    with _desk(pg_url) as (store, admin):
        other = Store(store.url, resources=REPO / "resources")  # a second desk PC: locked until a login
        try:
            staff.authenticate(other, "C001", PASSWORD)
            assert other.keys.fingerprint == store.keys.fingerprint
            staff.change_password(other, "C001", PASSWORD, "another-pass-77")
            rotated = vault_rotate.rotate(admin)
            assert rotated.slots == 3
            vault.lock(other)
            staff.authenticate(other, "C001", "another-pass-77")
            assert other.keys.fingerprint == rotated.new_fingerprint
        finally:
            other.close()
        staff.set_active(admin, "C001", False)
        with store.read() as session:
            assert session.scalar(text("SELECT count(*) FROM key_slots")) == 2
        for attempt in ("UPDATE key_slots SET holder = 'staff:99'", "UPDATE key_slots SET public_key = public_key",
                        "UPDATE key_slots SET staff_id = NULL"):
            with pytest.raises(DatabaseError, match="permission denied"), store.engine.begin() as c:
                c.exec_driver_sql(attempt)
