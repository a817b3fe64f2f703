"""Evidence the store's owner cannot quietly rewrite (SQLite): the anchor outside the store does not
follow a deleted or rewritten chain, it is found whatever the path's spelling, missing guard
triggers are named, a change to staff made past the app is found, and the chain's head is
witnessed by backups and printed hand-overs.

Tampering is done as someone with the store file would: a plain ``sqlite3`` connection, guard
triggers dropped first, then the app used as on any other day.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest
from pdf_probe import all_text
from sqlalchemy import event
from support import make_staff, valid_id

from kaccount_desk.domain.audit import Action, entry_hash
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, audit_anchor, backup, enrollment, printing, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused


def _populated(admin: Context) -> int:
    for n in range(3):
        make_staff(admin, f"C{n:03}", "clerk")
    result = audit.verify(admin.store)
    assert result.ok and result.anchor == result.head
    return result.entries


def _tamper(store_path: Path, *statements: str) -> None:
    """Run ``statements`` with the audit log's guard triggers dropped, and put them back after, so
    the only trace left is the one the test is about."""
    with sqlite3.connect(store_path) as raw:
        saved = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").fetchall()
        for name, _sql in saved:
            raw.execute(f"DROP TRIGGER {name}")
        for statement in statements:
            raw.execute(statement)
        for _name, sql in saved:
            raw.execute(sql)


def _ordinary_day(admin: Context, n: int = 6) -> None:
    """What a desk does anyway: logins, a new colleague, exports."""
    for i in range(n):
        with admin.transaction() as session:
            audit.record_for(admin, session, Action.EXPORT, f"roster-{i}.xlsx")
    with pytest.raises(Refused):
        staff.authenticate(admin.store, "A001", "wrong password")


def test_a_deleted_tail_then_an_ordinary_day_keeps_the_alarm(admin: Context, store_path: Path, kaccount_home: Path) -> None:
    count = _populated(admin)
    _tamper(store_path, f"DELETE FROM audit_log WHERE seq > {count - 3}",
            f"UPDATE audit_head SET seq = {count - 3}, hash = (SELECT hash FROM audit_log WHERE seq = {count - 3})")
    _ordinary_day(admin)
    result = audit.verify(admin.store)
    assert result.entries > count  # the chain grew past the old head again...
    assert not result.ok and result.reason is not None and result.anchor is not None
    assert result.anchor.seq == count  # ...and the anchor stayed on the entry that was lost
    assert (result.broken_at, result.reason.code) == (count, "audit.rewritten")
    alarm = audit.standing_alarm(admin.store)
    assert alarm is not None and f"#{count}" in alarm.en


def test_a_consistently_rewritten_chain_is_not_anchored(admin: Context, store_path: Path) -> None:
    count = _populated(admin)
    with admin.store.read() as session:
        chain = audit.read_chain(session)
    statements, previous = [], chain[2].prev_hash
    for entry in chain[2:]:  # entry #3 gets another actor, and every hash after it is made again
        actor = "X999" if entry.seq == 3 else entry.actor
        digest = entry_hash(entry.seq, entry.at, actor, entry.action, entry.subject, entry.detail, previous)
        statements.append(f"UPDATE audit_log SET actor = '{actor}', prev_hash = '{previous}', hash = '{digest}' WHERE seq = {entry.seq}")
        previous = digest
    _tamper(store_path, *statements, f"UPDATE audit_head SET hash = '{previous}'")
    assert audit.verify(admin.store, use_saved_anchor=False).reason is None  # the chain alone looks whole
    _ordinary_day(admin)
    result = audit.verify(admin.store)
    assert not result.ok and result.reason is not None and result.reason.code == "audit.rewritten"
    assert result.anchor is not None and result.anchor.seq == count
    assert audit.standing_alarm(admin.store) is not None


def test_another_spelling_of_the_path_finds_the_same_anchor(admin: Context, store_path: Path) -> None:
    count = _populated(admin)
    spelled = Store(f"sqlite:///{store_path.parent}/./{store_path.name}", resources=admin.store.resources)
    try:
        assert audit.verify(spelled).anchor == audit_anchor.Appended(count, audit.verify(admin.store).head.hash)
        _tamper(store_path, f"DELETE FROM audit_log WHERE seq > {count - 2}", f"UPDATE audit_head SET seq = {count - 2}")
        result = audit.verify(spelled)
        assert result.reason is not None and result.reason.code == "audit.tail_deleted"
    finally:
        spelled.close()


def test_an_anchor_filed_under_the_url_by_an_older_version_is_still_read(admin: Context, kaccount_home: Path) -> None:
    count = _populated(admin)
    anchors = kaccount_home / "data" / audit_anchor.ANCHOR_FILE
    data = json.loads(anchors.read_text(encoding="utf-8"))
    (_key, head), = data.items()
    anchors.write_text(json.dumps({audit_anchor.legacy_key(admin.store.url): head}), encoding="utf-8")
    assert audit.verify(admin.store).anchor == audit_anchor.Appended(count, head["hash"])


@pytest.mark.parametrize("trigger", ["audit_log_no_delete", "ticket_events_no_update", "staff_trail_update", "staff_changes_no_delete"])
def test_a_dropped_guard_trigger_is_named(admin: Context, store_path: Path, trigger: str) -> None:
    _populated(admin)
    with sqlite3.connect(store_path) as raw:
        raw.execute(f"DROP TRIGGER {trigger}")
    result = audit.verify(admin.store)
    assert result.reason is None and not result.ok
    assert [p.code for p in result.problems] == ["audit.guards_missing"] and trigger in result.problems[0].en


def test_a_staff_change_past_the_app_is_found(admin: Context, store_path: Path) -> None:
    _populated(admin)
    clerk = make_staff(admin, "C100", "clerk")
    staff.set_active(admin, "C001", False)
    with pytest.raises(Refused):
        staff.authenticate(admin.store, "C100", "wrong password")  # failed counts: changed by the app, recorded
    staff.unlock(admin, "C100")
    assert audit.verify(admin.store).ok
    with sqlite3.connect(store_path) as raw:
        raw.execute("UPDATE staff SET role = 'admin' WHERE staff_no = 'C100'")
    result = audit.verify(admin.store)
    assert result.reason is None and [p.code for p in result.problems] == ["audit.staff_unrecorded"]
    assert f"staff row {clerk.actor.id}" in result.problems[0].en and "update role" in result.problems[0].en
    _ordinary_day(admin)  # later work by the app does not cover it
    assert [p.code for p in audit.verify(admin.store).problems] == ["audit.staff_unrecorded"]


def test_backups_and_printed_rosters_witness_the_head(admin: Context, campaign: str, tmp_path: Path) -> None:
    out = tmp_path / "office.kdbackup"
    info = backup.backup(admin, out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["witness"] == f"#{info.audit_seq} · {info.audit_hash[:12]}"

    enrollment.save_application(admin, ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool",
                     msisdn="18832758801"),
        plan="mzone15",
    ))
    roster, summary = tmp_path / "roster.pdf", tmp_path / "summary.pdf"
    printing.print_roster(admin, campaign, roster, "铸造事业部")
    printing.print_summary(admin, campaign, summary, all_live=True)
    head = audit.verify(admin.store).witness  # printing masked numbers appends nothing: the head is the printed one
    for pdf in (roster, summary):
        assert f"审计链 #{head.entries} · {head.short}" in all_text(pdf)


def test_a_commit_whose_anchor_a_restore_reset_meanwhile_does_not_move_it(admin: Context) -> None:
    """A desk commits; before its anchor reaches the file, a restore sets the anchor to the restored
    chain. Writing the desk's (old-chain) head then raised a false alarm at the next verify, seen
    once in a full run of the restore-under-a-writer test; the anchor written is checked in place."""
    restored = audit.Appended(1, "restored-chain-head")

    def restore_lands_first(_session: object) -> None:
        audit.reset_anchor(admin.store, restored)

    sessions = admin.store._writers
    event.listen(sessions, "after_commit", restore_lands_first, insert=True)  # before the recorder's own hook
    try:
        staff.create_staff(admin, "C777", "员工C777", "clerk", "secret-pass")
    finally:
        event.remove(sessions, "after_commit", restore_lands_first)
    with admin.store.read() as session:
        key = audit.audit_sql.store_id(session.connection())
    assert audit_anchor.read_anchor(key) == restored
