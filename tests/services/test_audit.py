"""The audit log: every change recorded, the chain verified, and every way of rewriting it named.

Tampering is done the way someone with the store file would do it: a plain ``sqlite3``
connection, the protecting triggers dropped first (that they refuse is tested on its own).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from support import PASSWORD, make_staff

from kaccount_desk.domain.audit import Action
from kaccount_desk.services import audit, audit_anchor, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused

PROTECTED = ("audit_log", "application_events", "ticket_events")


def _entries(store: Store) -> list[tuple[int, str, str, str]]:
    with store.read() as session:
        return [(e.seq, e.actor, e.action, e.subject) for e in audit.read_chain(session)]


def _tamper(store_path: Path, *statements: str) -> None:
    with sqlite3.connect(store_path) as raw:
        for table in PROTECTED:
            for verb in ("update", "delete", "replace"):
                raw.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb}")
        for statement in statements:
            raw.execute(statement)


def test_changes_logins_and_views_are_chained_and_verify(admin: Context, campaign: str) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    staff.set_active(admin, "C001", False)
    with clerk.transaction() as session:
        audit.record_for(clerk, session, Action.VIEW_FULL_ID, "applications 7", fields="id_number")
    entries = _entries(admin.store)
    assert ("A001", "change", "campaigns") in [e[1:] for e in entries]
    assert ("A001", "change", "staff") in [e[1:] for e in entries]
    assert entries[-1][1:] == ("C001", "view_full_id", "applications 7")
    assert [e[0] for e in entries] == list(range(1, len(entries) + 1))
    result = audit.verify(admin.store)
    assert result.ok and result.entries == len(entries) and result.anchor == result.head


def test_a_refused_use_case_leaves_no_entry(admin: Context) -> None:
    before = _entries(admin.store)
    with pytest.raises(RuntimeError), admin.transaction() as session:
        audit.record_for(admin, session, Action.EXPORT, "x.xlsx")
        raise RuntimeError("the export failed")
    assert _entries(admin.store) == before
    assert audit.verify(admin.store).ok


def test_update_values_are_not_copied_into_the_log(admin: Context) -> None:
    make_staff(admin, "C002", "clerk")
    staff.set_active(admin, "C002", False)
    with admin.store.read() as session:
        details = [e.detail for e in audit.read_chain(session)]
    assert any('"fields":["active"]' in d for d in details)
    assert not any("员工C002" in d for d in details)


@pytest.mark.parametrize("table", PROTECTED)
@pytest.mark.parametrize(
    "statement",
    ["UPDATE {t} SET {c} = {c}", "DELETE FROM {t}", "INSERT OR REPLACE INTO {t} SELECT * FROM {t}", "REPLACE INTO {t} SELECT * FROM {t}"],
)
def test_history_tables_refuse_rewrites_on_sqlite(admin: Context, campaign: str, table: str, statement: str, store_path: Path) -> None:
    with admin.store.engine.begin() as c:
        c.execute(text("INSERT INTO tickets (received_at, channel, window, category, customer_name, customer_number, key_account,"
                       " content, status, first_receiver_id, owner_id, due_at, referred, replied, callback_tries, handset_cause,"
                       " updated_at) VALUES ('2012-01-01', 'phone', 'hotline', 'fault', '李', '1', 0, 'x', 'open', 1, 1,"
                       " '2012-01-01', 0, 0, 0, 0, '2012-01-01')"))
        c.execute(text("INSERT INTO ticket_events (ticket_id, action, staff_id, at, text, data)"
                       " VALUES (1, 'receive', 1, '2012-01-01', '', '{}')"))
        c.execute(text("INSERT INTO applications (campaign_id, department_id, name, id_type, id_number, id_digest, id_tail, id_valid,"
                       " number_source, current_packages, status, confirmed_warnings, note, created_by, created_at, updated_at)"
                       " VALUES (1, 1, '张', 'resident', 'x', '', '', 0, 'keep', '', 'draft', '[]', '', 1, '2012-01-01', '2012-01-01')"))
        c.execute(text("INSERT INTO application_events (application_id, from_status, to_status, staff_id, at, note)"
                       " VALUES (1, NULL, 'draft', 1, '2012-01-01', '')"))
    column = {"audit_log": "actor", "application_events": "note", "ticket_events": "text"}[table]
    with sqlite3.connect(store_path) as raw:
        before = raw.execute(f"SELECT * FROM {table}").fetchall()
    assert before
    with pytest.raises(DatabaseError, match="append-only"), admin.store.engine.begin() as c:
        c.execute(text(statement.format(t=table, c=column)))
    with sqlite3.connect(store_path) as raw:
        assert raw.execute(f"SELECT * FROM {table}").fetchall() == before


def _populated(admin: Context, campaign: str) -> int:
    for n in range(3):
        make_staff(admin, f"C{n:03}", "clerk")
    count = len(_entries(admin.store))
    assert count >= 8 and audit.verify(admin.store).ok
    return count


def test_an_edited_entry_is_named(admin: Context, campaign: str, store_path: Path) -> None:
    _populated(admin, campaign)
    _tamper(store_path, "UPDATE audit_log SET actor = 'C001' WHERE seq = 4")
    result = audit.verify(admin.store)
    assert (result.broken_at, result.reason and result.reason.code) == (4, "audit.edited")
    assert "#4" in result.reason.en  # type: ignore[union-attr]


def test_a_deleted_entry_is_named(admin: Context, campaign: str, store_path: Path) -> None:
    _populated(admin, campaign)
    _tamper(store_path, "DELETE FROM audit_log WHERE seq = 3")
    result = audit.verify(admin.store)
    assert (result.broken_at, result.reason and result.reason.code) == (3, "audit.deleted")


def test_reordered_entries_are_named(admin: Context, campaign: str, store_path: Path) -> None:
    _populated(admin, campaign)
    _tamper(store_path, "UPDATE audit_log SET seq = -5 WHERE seq = 5", "UPDATE audit_log SET seq = 5 WHERE seq = 6",
            "UPDATE audit_log SET seq = 6 WHERE seq = -5")
    result = audit.verify(admin.store)
    assert (result.broken_at, result.reason and result.reason.code) == (5, "audit.reordered")


def test_a_deleted_tail_is_found_through_the_hash_kept_outside(
    admin: Context, campaign: str, store_path: Path, kaccount_home: Path
) -> None:
    count = _populated(admin, campaign)
    assert (kaccount_home / "data" / audit_anchor.ANCHOR_FILE).exists()
    _tamper(store_path, f"DELETE FROM audit_log WHERE seq >= {count - 1}", f"UPDATE audit_head SET seq = {count - 2}")
    result = audit.verify(admin.store)
    assert (result.broken_at, result.reason and result.reason.code) == (count - 1, "audit.tail_deleted")
    assert audit.verify(admin.store, use_saved_anchor=False).reason is None  # the chain alone cannot tell


def test_appends_from_two_stores_on_one_file_stay_one_chain(store_path: Path, admin: Context) -> None:
    other = Store(admin.store.url, resources=admin.store.resources, clock=admin.store.clock)
    try:
        second = Context(other, admin.actor)
        for n in range(5):
            for ctx in (admin, second):
                with ctx.transaction() as session:
                    audit.record_for(ctx, session, Action.EXPORT, f"file {n}")
    finally:
        other.close()
    assert audit.verify(admin.store).ok


def test_logins_and_failed_logins_are_recorded(admin: Context) -> None:
    make_staff(admin, "C003", "clerk")
    with pytest.raises(Refused):
        staff.authenticate(admin.store, "C003", "wrong password")
    with pytest.raises(Refused):
        staff.authenticate(admin.store, "NOBODY", "wrong password")
    staff.authenticate(admin.store, "C003", PASSWORD)
    logins = [e[1:3] for e in _entries(admin.store) if e[2] in ("login", "login_failed")]
    assert logins[-3:] == [("C003", "login_failed"), ("NOBODY", "login_failed"), ("C003", "login")]
    assert audit.verify(admin.store).ok


def test_pool_numbers_taken_out_by_a_core_delete_are_recorded(admin: Context, campaign: str) -> None:
    from dataclasses import replace

    from kaccount_desk.services import campaigns

    spec = campaigns.get_campaign(admin, campaign)
    campaigns.save_campaign(admin, replace(spec, pool_prefixes=spec.pool_prefixes[:1]))
    with admin.store.read() as session:
        deletes = [e for e in audit.read_chain(session) if e.subject == "pool_numbers" and '"op":"delete"' in e.detail]
    assert len(deletes) == 1 and '"count":300' in deletes[0].detail
