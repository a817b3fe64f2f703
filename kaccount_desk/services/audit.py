"""The one home for the audit log: appending entries, the change recorder, and verifying the chain.

Every use case that changes data is recorded without asking: :func:`install` hangs a recorder on
the store's sessions that, after each flush, appends one entry per table and kind of change
(insert, update, delete) naming the rows' ids and, for updates, the columns touched, never their
values (the log must not become a second copy of personal data). What a flush cannot see (a full
ID shown or printed, an export, a login, a purge) is recorded by the service that does it, with
:func:`record` in the same transaction, so the entry and the act stand or fall together.

After each commit that appended, the latest (seq, hash) is written outside the store, in the
per-user data folder, so a log whose tail was deleted is found by :func:`verify` too.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import event, insert, inspect, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from kaccount_desk import config
from kaccount_desk.domain.audit import Action, Entry, canonical_detail, entry_hash, first_break
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.store.audit_models import AuditEntry, AuditHead

if TYPE_CHECKING:
    from kaccount_desk.services.context import Context, Store

ANCHOR_FILE = "audit-anchors.json"
SYSTEM = "-"  # the actor of entries no logged-in person caused (first admin, migrations, startup backup)
IDS_LISTED = 50
# Rows that tell their own story elsewhere (the history tables) or are the log itself.
UNRECORDED = {"audit_log", "audit_head", "application_events", "ticket_events", "ticket_search", "alembic_version"}


@dataclass(frozen=True)
class Appended:
    seq: int
    hash: str


def record(session: Session, *, actor: str, action: Action | str, at: datetime, subject: str = "",
           detail: Mapping[str, object] | None = None) -> Appended:
    """Append one entry in ``session``'s transaction; it commits or rolls back with the act it records.

    ``actor`` is a staff ID (``ctx.actor.staff_no``) or what was typed at a failed login;
    ``subject`` names what was acted on ("applications 12", "export roster.xlsx");
    ``detail`` holds small facts (ids, counts, file names), never names or ID numbers.
    """
    connection = session.connection()
    # Updating the head first takes the row lock (PostgreSQL) or the write lock (SQLite), so the
    # head read next is the latest and no other appender can chain onto it before we commit.
    connection.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq + 1))
    seq, prev_hash = connection.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    stamp = _iso(at)
    text = canonical_detail(detail)
    digest = entry_hash(seq, stamp, actor[:32], str(action), subject[:64], text, prev_hash)
    connection.execute(
        insert(AuditEntry).values(seq=seq, at=at, actor=actor[:32], action=str(action), subject=subject[:64],
                                  detail=text, prev_hash=prev_hash, hash=digest)
    )
    connection.execute(update(AuditHead).where(AuditHead.id == 1).values(hash=digest))
    session.info["audit_head"] = Appended(seq, digest)
    return Appended(seq, digest)


def record_for(ctx: Context, session: Session, action: Action | str, subject: str = "", **detail: object) -> Appended:
    """:func:`record` for the logged-in person, at the store's clock."""
    return record(session, actor=ctx.actor.staff_no, action=action, at=ctx.now(), subject=subject, detail=detail)


def _iso(at: datetime) -> str:
    return at.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


# --- the change recorder -------------------------------------------------------------------------

Changes = dict[tuple[str, str], tuple[list[object], set[str]]]
PENDING = "audit_changes"


def note_change(session: Session, table: str, kind: str, ids: Sequence[object], fields: set[str] | None = None) -> None:
    """Queue a change the flush cannot see (a Core ``insert``/``update``/``delete``) to be recorded at commit."""
    changes: Changes = session.info.setdefault(PENDING, {})
    listed, touched = changes.setdefault((table, kind), ([], set()))
    listed.extend(ids)
    touched |= fields or set()


def install(store: Store, sessions: sessionmaker[Session]) -> None:
    """Record every flushed change of ``sessions`` and keep the outside anchor after each commit.

    Changes are gathered at each flush and appended just before the commit: the head row is
    then locked only for the last moment of the transaction and nothing else is waited for while
    it is held, so two transactions can never deadlock over it (one holding the head and waiting
    for a row the other wrote first).
    """
    key = store_key(store.url)

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
        changes: Changes = session.info.pop(PENDING, {})
        if not changes:
            return
        actor = session.info.get("actor", SYSTEM)
        at = store.clock()
        for (table, kind), (ids, fields) in sorted(changes.items()):
            detail: dict[str, object] = {"op": kind, "count": len(ids), "ids": ids[:IDS_LISTED]}
            if fields:
                detail["fields"] = sorted(fields)
            record(session, actor=actor, action=Action.CHANGE, at=at, subject=table, detail=detail)

    def after_commit(session: Session) -> None:
        head = session.info.pop("audit_head", None)
        if head is not None:
            write_anchor(key, head)

    def after_rollback(session: Session) -> None:
        session.info.pop("audit_head", None)
        session.info.pop(PENDING, None)

    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "before_commit", before_commit)
    event.listen(sessions, "after_commit", after_commit)
    event.listen(sessions, "after_soft_rollback", lambda session, _tx: after_rollback(session))


def _identity(key: list[Any]) -> object:
    return key[0] if len(key) == 1 else list(key)


# --- the anchor outside the store ----------------------------------------------------------------

def store_key(url: str) -> str:
    """Which store an anchor belongs to: the URL without its password, hashed."""
    shown = make_url(url).render_as_string(hide_password=True)
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:32]


def _anchor_path() -> Path:
    return config.data_dir() / ANCHOR_FILE


def read_anchor(key: str) -> Appended | None:
    try:
        data = json.loads(_anchor_path().read_text(encoding="utf-8"))
        found = data[key]
        return Appended(int(found["seq"]), str(found["hash"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_anchor(key: str, head: Appended, *, backwards: bool = False) -> None:
    """Move the anchor forward (only ``restore`` may move it back), replacing the file atomically."""
    path = _anchor_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    known = data.get(key)
    if not backwards and isinstance(known, dict) and int(known.get("seq", 0)) >= head.seq:
        return
    data[key] = {"seq": head.seq, "hash": head.hash}
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(temp, path)


# --- verifying -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verification:
    entries: int
    head: Appended
    broken_at: int | None
    reason: Reason | None
    anchor: Appended | None

    @property
    def ok(self) -> bool:
        return self.reason is None


def read_chain(session: Session) -> list[Entry]:
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.seq)).scalars()
    return [Entry(r.seq, _iso(r.at), r.actor, r.action, r.subject, r.detail, r.prev_hash, r.hash) for r in rows]


def verify(store: Store, anchor: Appended | None = None, use_saved_anchor: bool = True) -> Verification:
    """Walk the whole log; name the first entry edited, deleted, inserted or moved.

    The anchor is the one saved in this user's data folder unless one is given (a backup's).
    """
    if anchor is None and use_saved_anchor:
        anchor = read_anchor(store_key(store.url))
    with store.read() as session:
        entries = read_chain(session)
    found = first_break(entries, (anchor.seq, anchor.hash) if anchor else None)
    head = Appended(entries[-1].seq, entries[-1].hash) if entries else Appended(0, "0" * 64)
    return Verification(len(entries), head, found[0] if found else None, found[1] if found else None, anchor)
