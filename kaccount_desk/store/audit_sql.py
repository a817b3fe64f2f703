"""What the audit log needs that differs between SQLite and PostgreSQL: appending at the head,
finding the staff changes of the current transaction, and the triggers that guard the history.

On PostgreSQL the desk role may not write ``audit_head`` or ``audit_log`` (packaging/
postgresql-app-role.sql); it appends through ``audit_head_lock()`` and ``audit_append(...)``
(migration 0009c), which refuse anything but the next entry after the head. On SQLite, where the
file's owner can do anything anyway, the tables are written directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, func, insert, select, text, update

from kaccount_desk.store.audit_models import AuditEntry, AuditHead, StaffChange, StoreIdentity
from kaccount_desk.store.pipelined import UNREAD

HISTORY = ("audit_log", "application_events", "ticket_events", "staff_changes")
# The triggers without which the history could be rewritten, or staff changed without a trail.
SQLITE_GUARDS = tuple(f"{t}_no_{verb}" for t in HISTORY for verb in ("update", "delete", "replace")) + tuple(
    f"staff_trail_{verb}" for verb in ("insert", "update", "delete"))
POSTGRESQL_GUARDS = tuple(f"{t}_{kind}" for t in HISTORY for kind in ("append_only", "no_truncate")) + ("staff_trail",)


@dataclass(frozen=True)
class NewEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: str
    prev_hash: str
    hash: str


def _postgresql(connection: Connection) -> bool:
    return connection.dialect.name == "postgresql"


def lock_head(connection: Connection) -> tuple[int, str]:
    """The latest entry's (seq, hash), locked until the transaction ends so appends take turns."""
    if _postgresql(connection):
        seq, digest = connection.execute(text("SELECT seq, hash FROM audit_head_lock()")).one()
        return int(seq), str(digest)
    # Writing the head takes SQLite's write lock, if the transaction does not hold it already.
    connection.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq))
    seq, digest = connection.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    return int(seq), str(digest)


@dataclass(frozen=True)
class LockedHead:
    """What a PostgreSQL commit needs before appending, asked in one statement: the head (locked),
    the hash now at the anchored seq (None: gone) and this transaction's staff_changes rows."""

    seq: int
    hash: str
    anchored: str | None
    staff_changes: list[tuple[int, int, str, str]]


def lock_head_for_commit(connection: Connection, anchor_seq: int) -> LockedHead:
    """PostgreSQL: :func:`lock_head`, the anchor's entry and :func:`own_staff_changes` in one round trip."""
    row = connection.execute(text(
        "SELECT h.seq, h.hash, (SELECT a.hash FROM audit_log a WHERE a.seq = :anchor) AS anchored, "
        "(SELECT coalesce(json_agg(json_build_array(c.id, c.staff_id, c.op, c.fields) ORDER BY c.id), '[]'::json) "
        " FROM staff_changes c WHERE c.tx = txid_current_if_assigned()) AS trail "
        "FROM audit_head_lock() h"), {"anchor": anchor_seq}).one()
    trail = [(int(i), int(s), str(o), str(f)) for i, s, o, f in row.trail]
    return LockedHead(int(row.seq), str(row.hash), None if row.anchored is None else str(row.anchored), trail)


def append_all(connection: Connection, entries: list[NewEntry]) -> None:
    """PostgreSQL: :func:`append` for each of ``entries`` in one statement, in their order (a
    select list is evaluated left to right; ``audit_append`` refuses any entry out of turn)."""
    calls, values = [], {}
    for n, entry in enumerate(entries):
        names = ("seq", "at", "actor", "action", "subject", "detail", "prev_hash", "hash")
        calls.append("audit_append(" + ", ".join(f":{name}{n}" for name in names) + ")")
        at = entry.at.astimezone(UTC).replace(tzinfo=None)
        values.update({f"seq{n}": entry.seq, f"at{n}": at, f"actor{n}": entry.actor, f"action{n}": entry.action,
                       f"subject{n}": entry.subject, f"detail{n}": entry.detail, f"prev_hash{n}": entry.prev_hash,
                       f"hash{n}": entry.hash})
    # Nothing is read back: in a pipelined transaction (store/pipelined.py) the appends ride with COMMIT.
    connection.execute(text("SELECT " + ", ".join(calls)), values, execution_options={UNREAD: True})


def append(connection: Connection, entry: NewEntry) -> None:
    """Add ``entry`` right after the head and make it the head."""
    if _postgresql(connection):
        at = entry.at.astimezone(UTC).replace(tzinfo=None)
        connection.execute(
            text("SELECT audit_append(:seq, :at, :actor, :action, :subject, :detail, :prev_hash, :hash)"),
            {"seq": entry.seq, "at": at, "actor": entry.actor, "action": entry.action, "subject": entry.subject,
             "detail": entry.detail, "prev_hash": entry.prev_hash, "hash": entry.hash},
        )
        return
    connection.execute(insert(AuditEntry).values(seq=entry.seq, at=entry.at, actor=entry.actor, action=entry.action,
                                                 subject=entry.subject, detail=entry.detail, prev_hash=entry.prev_hash,
                                                 hash=entry.hash))
    connection.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=entry.seq, hash=entry.hash))


def store_id(connection: Connection) -> str:
    return str(connection.scalar(select(StoreIdentity.store_id).where(StoreIdentity.id == 1)))


def trail_mark(connection: Connection) -> int | None:
    """Where this transaction's staff changes will start (SQLite: one writer at a time, so every row
    above the mark taken at BEGIN is this transaction's); None on PostgreSQL, which asks by transaction id."""
    if _postgresql(connection):
        return None
    return int(connection.scalar(select(func.coalesce(func.max(StaffChange.id), 0))) or 0)


def own_staff_changes(connection: Connection, mark: int | None) -> list[tuple[int, int, str, str]]:
    """(id, staff id, op, fields) of the staff_changes rows this transaction's writes caused."""
    query = select(StaffChange.id, StaffChange.staff_id, StaffChange.op, StaffChange.fields).order_by(StaffChange.id)
    if _postgresql(connection):
        query = query.where(text("staff_changes.tx = txid_current_if_assigned()"))
    elif mark is not None:
        query = query.where(StaffChange.id > mark)
    else:
        return []
    return [(int(i), int(s), str(o), str(f)) for i, s, o, f in connection.execute(query)]


def all_staff_changes(connection: Connection) -> list[tuple[int, int, str, str, datetime]]:
    """Every staff_changes row, oldest first: (id, staff id, op, fields, at)."""
    query = select(StaffChange.id, StaffChange.staff_id, StaffChange.op, StaffChange.fields, StaffChange.at).order_by(StaffChange.id)
    return [(int(i), int(s), str(o), str(f), a) for i, s, o, f, a in connection.execute(query)]


def missing_guards(connection: Connection) -> list[str]:
    """The guarding triggers that are gone (or, on PostgreSQL, disabled), by name."""
    if _postgresql(connection):
        rows = connection.execute(text("SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                       "WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relnamespace = 'public'::regnamespace"))
        expected = POSTGRESQL_GUARDS
    else:
        rows = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        expected = SQLITE_GUARDS
    present = {str(name) for name, in rows}
    return [name for name in expected if name not in present]
