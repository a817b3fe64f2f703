"""The one home for the audit log: appending entries, the change recorder, and verifying the chain.

Every use case that changes data is recorded without asking: :func:`install` hangs a recorder on
the store's sessions that, after each flush, appends one entry per table and kind of change
(insert, update, delete) naming the rows' ids and, for updates, the columns touched, never their
values (the log must not become a second copy of personal data). What a flush cannot see (a full
ID shown or printed, an export, a login, a purge) is recorded by the service that does it, with
:func:`record` in the same transaction, so the entry and the act stand or fall together.

After each commit that appended, the latest (seq, hash) is written outside the store, in the
per-user data folder (services/audit_anchor.py), once the entry anchored before is found still in
the chain; a log whose tail was deleted or rewritten is found by :func:`verify` too. Changes to
``staff`` are also seen by a database trigger (``staff_changes``); the entry for them names those
rows, so a change made past the app is a row no entry names.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from kaccount_desk.domain.audit import (
    Action,
    Entry,
    StaffChangeRow,
    Witness,
    anchor_alarm_reason,
    canonical_detail,
    entry_hash,
    first_break,
    missing_guards_reason,
    trail_gaps,
    witness_of,
)
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.audit_anchor import (
    Alarm,
    Appended,
    legacy_key,
    move_anchor,
    raise_alarm,
    read_alarm,
    read_anchor,
    write_anchor,
)
from kaccount_desk.store import audit_sql
from kaccount_desk.store.audit_models import AuditEntry, AuditHead

if TYPE_CHECKING:
    from kaccount_desk.services.context import Context, Store

log = logging.getLogger("kaccount_desk.audit")

SYSTEM = "-"  # the actor of entries no logged-in person caused (first admin, migrations, startup backup)
IDS_LISTED = 50
# Rows that tell their own story elsewhere (the history tables, the entries a service records) or are the log itself.
UNRECORDED = {"audit_log", "audit_head", "application_events", "ticket_events", "ticket_search", "alembic_version",
              "staff_changes", "store_identity",
              "handover_pending_files"}  # bookkeeping of a file being written; its settlement records its own entry


def record(session: Session, *, actor: str, action: Action | str, at: datetime, subject: str = "",
           detail: Mapping[str, object] | None = None) -> None:
    """Append one entry in ``session``'s transaction; it commits or rolls back with the act it records.

    ``actor`` is a staff ID (``ctx.actor.staff_no``) or what was typed at a failed login;
    ``subject`` names what was acted on ("applications 12", "export roster.xlsx");
    ``detail`` holds small facts (ids, counts, file names), never names or ID numbers.
    On PostgreSQL, in a session the recorder watches (:func:`install`), the entry waits for the
    commit, which appends it with the change entries in one statement: a round trip each fewer.
    """
    connection = session.connection()
    entry = (actor[:32], str(action), subject[:64], canonical_detail(detail), at)
    if MARK in session.info and connection.dialect.name == "postgresql":
        session.info.setdefault(QUEUED, []).append(entry)
        return
    # The head is locked first (PostgreSQL's row lock, SQLite's write lock), so the head read is the
    # latest and no other appender can chain onto it before we commit. A transaction that appended
    # already holds the lock and knows the head it wrote: asking again would be one more round trip.
    held = session.info.get("audit_head")
    last, prev_hash = (held.seq, held.hash) if isinstance(held, Appended) else audit_sql.lock_head(connection)
    new = _chained(last, prev_hash, entry)
    audit_sql.append(connection, new)
    session.info["audit_head"] = Appended(new.seq, new.hash)


def _chained(last: int, prev_hash: str, entry: Queued) -> audit_sql.NewEntry:
    """``entry`` as the next after (``last``, ``prev_hash``), with its hash."""
    actor, action, subject, text, at = entry
    seq = last + 1
    digest = entry_hash(seq, _iso(at), actor, action, subject, text, prev_hash)
    return audit_sql.NewEntry(seq, at, actor, action, subject, text, prev_hash, digest)


def record_for(ctx: Context, session: Session, action: Action | str, subject: str = "", **detail: object) -> None:
    """:func:`record` for the logged-in person, at the store's clock."""
    record(session, actor=ctx.actor.staff_no, action=action, at=ctx.now(), subject=subject, detail=detail)


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


# --- the change recorder -------------------------------------------------------------------------

Changes = dict[tuple[str, str], tuple[list[object], set[str]]]
Queued = tuple[str, str, str, str, datetime]  # actor, action, subject, canonical detail, at
PENDING, QUEUED = "audit_changes", "audit_queued"


def note_change(session: Session, table: str, kind: str, ids: Sequence[object], fields: set[str] | None = None) -> None:
    """Queue a change the flush cannot see (a Core ``insert``/``update``/``delete``) to be recorded at commit."""
    _add_change(session.info.setdefault(PENDING, {}), (table, kind), ids, fields or set())


def _add_change(changes: Changes, key: tuple[str, str], ids: Sequence[object], fields: set[str]) -> None:
    listed, touched = changes.setdefault(key, ([], set()))
    listed.extend(ids)
    touched |= fields


def install(store: Store, sessions: sessionmaker[Session]) -> None:
    """Record every flushed change of ``sessions`` and keep the outside anchor after each commit.

    Changes are gathered at each flush and appended just before the commit: the head row is
    then locked only for the last moment of the transaction and nothing else is waited for while
    it is held, so two transactions can never deadlock over it (one holding the head and waiting
    for a row the other wrote first).
    """
    with store.read() as session:  # no BEGIN and ROLLBACK on a server: two round trips fewer to open a store
        key = audit_sql.store_id(session.connection())
    legacy = legacy_key(store.url)

    def after_begin(session: Session, _transaction: Any, connection: Connection) -> None:
        session.info[MARK] = audit_sql.trail_mark(connection)

    def after_flush(session: Session, _context: Any) -> None:
        for kind, objects in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted)):
            for obj in objects:
                state = inspect(obj)
                table = state.mapper.local_table.name
                if table in UNRECORDED:
                    continue
                touched = {a.key for a in state.attrs if a.history.has_changes()} if kind == "update" else set()
                if kind == "update" and not touched:
                    continue
                note_change(session, table, kind, [_identity(state.mapper.primary_key_from_instance(obj))], touched)

    def before_commit(session: Session) -> None:
        session.flush()  # the commit's own flush comes after this hook; its changes must be in the log
        if MARK not in session.info:
            return  # nothing was sent to the store in this transaction
        connection = session.connection()
        changes: Changes = session.info.pop(PENDING, {})
        if connection.dialect.name == "postgresql":
            session.info.pop(MARK)
            if changes or session.info.get(QUEUED) or audit_sql.own_staff_changes(connection, None):
                _commit_postgresql(session, connection, changes, read_anchor(key, legacy), store.clock())
            return
        trails = _with_trail(changes, audit_sql.own_staff_changes(connection, session.info.pop(MARK)))
        at = store.clock()
        for entry in _change_entries(session, changes, trails, at):
            record(session, actor=entry[0], action=entry[1], at=at, subject=entry[2], detail=entry[3])
        head = session.info.get("audit_head")
        if head is not None:
            seen = session.info[SEEN] = read_anchor(key, legacy)
            session.info[STEP] = _anchor_step(connection, seen, head)

    def after_commit(session: Session) -> None:
        session.info.pop("audit_head", None)
        step = session.info.pop(STEP, None)
        seen = session.info.pop(SEEN, None)
        # Only over the anchor checked inside the transaction, compared and moved in one locked
        # step: a restore that ran between this commit and now has set the anchor to the restored
        # chain, where this head is not.
        if isinstance(step, Appended):
            move_anchor(key, step, seen, legacy)
        elif isinstance(step, Alarm) and raise_alarm(key, Appended(step.seq, step.hash), step.noticed_at, legacy):
            log.warning("audit anchor #%s is no longer in the chain; the anchor stays there", step.seq)

    def after_rollback(session: Session) -> None:
        for name in ("audit_head", PENDING, QUEUED, MARK, STEP, SEEN):
            session.info.pop(name, None)

    event.listen(sessions, "after_begin", after_begin)
    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "before_commit", before_commit)
    event.listen(sessions, "after_commit", after_commit)
    event.listen(sessions, "after_soft_rollback", lambda session, _tx: after_rollback(session))


MARK, STEP, SEEN = "audit_trail_mark", "audit_anchor_step", "audit_anchor_seen"


def _change_entries(session: Session, changes: Changes, trails: dict[tuple[str, str], list[int]],
                    at: datetime) -> list[tuple[str, str, str, dict[str, object]]]:
    """(actor, action, subject, detail) of one entry per table and kind of change, ids and fields only."""
    actor = session.info.get("actor", SYSTEM)
    entries = []
    for (table, kind), (ids, fields) in sorted(changes.items()):
        detail: dict[str, object] = {"op": kind, "count": len(ids), "ids": ids[:IDS_LISTED]}
        if fields:
            detail["fields"] = sorted(fields)
        if (table, kind) in trails:
            detail["trail"] = trails[(table, kind)]
        entries.append((actor, str(Action.CHANGE), table, detail))
    return entries


def _commit_postgresql(session: Session, connection: Connection, changes: Changes, seen: Appended | None, at: datetime) -> None:
    """Append the queued and the change entries in two round trips: lock the head (with the staff
    trail and the anchored entry in the same statement), then append them all in one.

    The anchor is compared before the appends rather than after: they only add entries above the
    head, so the entry at the anchored seq reads the same either way (one the tail lost is absent
    before, and not the anchored one after).
    """
    head = audit_sql.lock_head_for_commit(connection, seen.seq if seen is not None else 0)
    trails = _with_trail(changes, head.staff_changes)
    queued: list[Queued] = session.info.pop(QUEUED, [])
    queued += [(actor[:32], action, subject[:64], canonical_detail(detail), at)
               for actor, action, subject, detail in _change_entries(session, changes, trails, at)]
    new, (last, prev_hash) = [], (head.seq, head.hash)
    for entry in queued:
        new.append(_chained(last, prev_hash, entry))
        last, prev_hash = new[-1].seq, new[-1].hash
    audit_sql.append_all(connection, new)
    session.info[SEEN] = seen
    if seen is None or seen.seq == 0 or head.anchored == seen.hash:
        session.info[STEP] = Appended(last, prev_hash)
    else:
        session.info[STEP] = Alarm(seen.seq, seen.hash, datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"))


def _with_trail(changes: Changes, rows: list[tuple[int, int, str, str]]) -> dict[tuple[str, str], list[int]]:
    """Name this transaction's staff_changes rows in its staff entries (adding an entry for a change
    the recorder could not see), and return which rows each (table, kind) entry names."""
    trails: dict[tuple[str, str], list[int]] = {}
    for row_id, staff_id, op, fields in rows:
        key = ("staff", op)
        trails.setdefault(key, []).append(row_id)
        if key not in changes or staff_id not in changes[key][0]:
            _add_change(changes, key, [staff_id], set(fields.split()))
    return trails


def _anchor_step(connection: Connection, anchor: Appended | None, head: Appended) -> Appended | Alarm:
    """The head to anchor, if the entry anchored before is still in the chain where it was; else the alarm."""
    if anchor is None or anchor.seq == 0:
        return head
    found = connection.scalar(select(AuditEntry.hash).where(AuditEntry.seq == anchor.seq))
    if found == anchor.hash:
        return head
    return Alarm(anchor.seq, anchor.hash, datetime.now(UTC).astimezone().strftime("%Y-%m-%d %H:%M"))


def _identity(key: list[Any]) -> object:
    return key[0] if len(key) == 1 else list(key)


# --- verifying -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verification:
    entries: int
    head: Appended
    broken_at: int | None
    reason: Reason | None
    anchor: Appended | None
    problems: tuple[Reason, ...] = ()  # beside the chain: missing triggers, staff changed past the app, an anchor alarm

    @property
    def ok(self) -> bool:
        return self.reason is None and not self.problems

    @property
    def witness(self) -> Witness:
        return witness_of(self.head.seq, self.head.hash)


def read_chain(session: Session) -> list[Entry]:
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return [Entry(r.seq, _iso(r.at), r.actor, r.action, r.subject, r.detail, r.prev_hash, r.hash) for r in rows]


def verify(store: Store, anchor: Appended | None = None, use_saved_anchor: bool = True) -> Verification:
    """Walk the whole log; name the first entry edited, deleted, inserted or moved; and say which
    guarding triggers are gone, which changes to staff no entry records, and any anchor alarm.

    The anchor is the one saved in this user's data folder unless one is given (a backup's).
    """
    with store.read() as session:
        connection = session.connection()
        key = audit_sql.store_id(connection)
        entries = read_chain(session)
        missing = audit_sql.missing_guards(connection)
        trail = [StaffChangeRow(i, s, o, f, a.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
                 for i, s, o, f, a in audit_sql.all_staff_changes(connection)]
    if anchor is None and use_saved_anchor:
        anchor = read_anchor(key, legacy_key(store.url))
    found = first_break(entries, (anchor.seq, anchor.hash) if anchor else None)
    problems = [r for r in (missing_guards_reason(missing),) if r is not None] + trail_gaps(entries, trail)
    alarm = read_alarm(key) if use_saved_anchor else None
    if alarm is not None and found is None:
        problems.append(anchor_alarm_reason(alarm.seq, alarm.noticed_at))
    head = Appended(entries[-1].seq, entries[-1].hash) if entries else Appended(0, "0" * 64)
    return Verification(len(entries), head, found[0] if found else None, found[1] if found else None, anchor, tuple(problems))


def standing_alarm(store: Store) -> Reason | None:
    """The anchor alarm this PC holds for ``store``, without walking the chain (for the Admin page)."""
    with store.read() as session:
        alarm = read_alarm(audit_sql.store_id(session.connection()))
    return anchor_alarm_reason(alarm.seq, alarm.noticed_at) if alarm else None


def reset_anchor(store: Store, head: Appended) -> None:
    """Set this PC's anchor to ``head``, backwards if need be, clearing any alarm (what a restore does)."""
    with store.read() as session:
        write_anchor(audit_sql.store_id(session.connection()), head, backwards=True)


def witness(session: Session) -> Witness:
    """The chain's head now, as printed hand-overs and backup manifests carry it."""
    seq, digest = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    return witness_of(int(seq), str(digest))
