"""The audit log's chain: how an entry's hash is made and how a broken chain is named.

Plain Python so the rule is written once and tested without a database: the service reads the
entries in order and hands them here. Each entry's hash covers its own position (``seq``) and the
hash of the entry before, so editing, deleting, inserting or moving an entry breaks the chain at
that place, and the first place it breaks is what ``audit verify`` names.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kaccount_desk.domain.reasons import Reason

GENESIS = "0" * 64


class Action(StrEnum):
    CHANGE = "change"
    VIEW_FULL_ID = "view_full_id"
    PRINT_FULL_ID = "print_full_id"
    VIEW_ID_IMAGE = "view_id_image"
    PRINT_ID_IMAGE = "print_id_image"
    EXPORT = "export"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCKOUT = "lockout"
    UNLOCK = "unlock"
    PURGE = "purge"
    BACKUP = "backup"
    RESTORE = "restore"
    DEMO_FILL = "demo_fill"


ACTION_LABELS: dict[Action, tuple[str, str]] = {
    Action.CHANGE: ("修改数据", "Change"),
    Action.VIEW_FULL_ID: ("查看完整证件号码", "View full ID"),
    Action.PRINT_FULL_ID: ("打印完整证件号码", "Print full ID"),
    Action.VIEW_ID_IMAGE: ("查看证件照片", "View ID image"),
    Action.PRINT_ID_IMAGE: ("打印证件照片", "Print ID image"),
    Action.EXPORT: ("导出", "Export"),
    Action.LOGIN: ("登录", "Login"),
    Action.LOGIN_FAILED: ("登录失败", "Failed login"),
    Action.LOCKOUT: ("锁定工号", "Lockout"),
    Action.UNLOCK: ("解除锁定", "Unlock"),
    Action.PURGE: ("清除证件资料", "Purge"),
    Action.BACKUP: ("备份", "Backup"),
    Action.RESTORE: ("恢复备份", "Restore"),
    Action.DEMO_FILL: ("填入演示数据", "Demo data filled in"),
}


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str  # ISO 8601 in UTC, as hashed
    actor: str
    action: str
    subject: str
    detail: str  # canonical JSON, as hashed
    prev_hash: str
    hash: str


def canonical_detail(detail: Mapping[str, object] | None) -> str:
    """One spelling per detail, so the same facts always hash the same."""
    return json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(seq: int, at: str, actor: str, action: str, subject: str, detail: str, prev_hash: str) -> str:
    body = json.dumps([seq, at, actor, action, subject, detail, prev_hash], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _recomputed(entry: Entry, seq: int | None = None) -> str:
    return entry_hash(entry.seq if seq is None else seq, entry.at, entry.actor, entry.action, entry.subject, entry.detail, entry.prev_hash)


def _break(code: str, seq: int, zh: str, en: str) -> tuple[int, Reason]:
    return seq, Reason(f"audit.{code}", zh, en)


def _original_positions(entries: list[Entry]) -> dict[str, int]:
    """Where each entry stood when it was written, found by following the links from the start."""
    following = {entry.prev_hash: entry for entry in entries}
    positions: dict[str, int] = {}
    link, position = GENESIS, 1
    while link in following and following[link].hash not in positions:
        positions[following[link].hash] = position
        link, position = following[link].hash, position + 1
    return positions


def first_break(entries: Iterable[Entry], anchor: tuple[int, str] | None = None) -> tuple[int, Reason] | None:
    """The first entry where the chain breaks and what happened there, or None for an intact log.

    ``anchor`` is the (seq, hash) last written outside the store: a log that ends before it, or
    holds another hash there, lost or rewrote its tail, which the chain alone cannot show.
    """
    log = list(entries)
    original = _original_positions(log)
    seen: dict[str, int] = {}
    previous: Entry | None = None
    before_previous: Entry | None = None
    for entry in log:
        expected_seq = previous.seq + 1 if previous else 1
        if entry.seq != expected_seq:
            return _break("deleted", expected_seq, f"第{expected_seq}至{entry.seq - 1}条记录被删除",
                          f"entries #{expected_seq} to #{entry.seq - 1} were deleted")
        if _recomputed(entry) != entry.hash:
            if previous and before_previous and entry.prev_hash == before_previous.hash and _recomputed(entry, previous.seq) == entry.hash:
                return _break("inserted", previous.seq, f"第{previous.seq}条记录是插入的", f"entry #{previous.seq} was inserted")
            was = original.get(entry.hash)
            if was is not None and was != entry.seq and _recomputed(entry, was) == entry.hash:
                return _break("reordered", entry.seq, f"第{entry.seq}条记录被移动(原为第{was}条)",
                              f"entry #{entry.seq} was moved (it was #{was})")
            if entry.prev_hash not in original and entry.prev_hash != GENESIS and (previous is None or entry.prev_hash != previous.hash):
                return _break("deleted", entry.seq, f"第{entry.seq}条记录之前有记录被删除", f"an entry before #{entry.seq} was deleted")
            return _break("edited", entry.seq, f"第{entry.seq}条记录被修改", f"entry #{entry.seq} was edited")
        if entry.prev_hash != (previous.hash if previous else GENESIS):
            gone = previous.seq if previous else entry.seq
            return _break("inserted", gone, f"第{gone}条记录是插入或替换的", f"entry #{gone} was inserted or replaced")
        seen[entry.hash] = entry.seq
        before_previous, previous = previous, entry
    if anchor is not None:
        seq, digest = anchor
        last = previous.seq if previous else 0
        if last < seq:
            return _break("tail_deleted", last + 1, f"第{last + 1}至{seq}条记录被删除(库外保存的最新记录是第{seq}条)",
                          f"entries #{last + 1} to #{seq} were deleted (the latest hash kept outside the store is #{seq})")
        if seq > 0 and seen.get(digest) != seq:
            return _break("rewritten", seq, f"第{seq}条及以前的记录被改写(与库外保存的哈希不符)",
                          f"entries up to #{seq} were rewritten (they differ from the hash kept outside the store)")
    return None


# --- witnesses and the staff trail ---------------------------------------------------------------

WITNESS_CHARS = 12


@dataclass(frozen=True)
class Witness:
    """The chain's head as paper and backups carry it: how many entries, and the latest hash's start.

    Twelve hex digits (48 bits) cannot be matched by a rewritten chain by chance, and can be read
    aloud or typed from a printed page.
    """

    entries: int
    short: str

    @property
    def text(self) -> str:
        return f"#{self.entries} · {self.short}"

    @property
    def printed(self) -> str:
        """As a printed hand-over carries it (the documents are in Chinese)."""
        return f"审计链 {self.text}"


def witness_of(seq: int, digest: str) -> Witness:
    return Witness(seq, digest[:WITNESS_CHARS])


@dataclass(frozen=True)
class StaffChangeRow:
    """A row of ``staff_changes``: what the database itself saw happen to ``staff``."""

    id: int
    staff_id: int
    op: str
    fields: str
    at: str


def trail_named(entries: Iterable[Entry]) -> dict[int, int]:
    """Which staff_changes row each entry names in its ``trail`` (row id -> entry seq)."""
    named: dict[int, int] = {}
    for entry in entries:
        if entry.subject != "staff" or '"trail"' not in entry.detail:
            continue
        try:
            trail = json.loads(entry.detail).get("trail", [])
        except (ValueError, AttributeError):
            continue
        for row in trail if isinstance(trail, list) else []:
            if isinstance(row, int):
                named.setdefault(row, entry.seq)
    return named


OP_ZH = {"insert": "新增", "update": "修改", "delete": "删除"}


def trail_gaps(entries: Iterable[Entry], rows: Iterable[StaffChangeRow], listed: int = 5) -> list[Reason]:
    """Changes to staff that no audit entry names (made past the app, with plain SQL), and named
    changes whose row is gone; at most ``listed`` of each are spelled out."""
    named = trail_named(entries)
    rows = list(rows)
    unnamed = [r for r in rows if r.id not in named]
    gone = sorted(set(named) - {r.id for r in rows})
    reasons: list[Reason] = []
    for row in unnamed[:listed]:
        what = f"{row.op} {row.fields}".strip()
        zh = f"{OP_ZH.get(row.op, row.op)} {row.fields}".strip()
        reasons.append(Reason("audit.staff_unrecorded",
                              f"员工表 id {row.staff_id} 在{row.at}被直接改动({zh}),审计记录里没有这次改动",
                              f"staff row {row.staff_id} was changed directly at {row.at} ({what}); no audit entry records it"))
    if len(unnamed) > listed:
        more = len(unnamed) - listed
        reasons.append(Reason("audit.staff_unrecorded", f"另有{more}次员工表改动没有审计记录",
                              f"{more} more changes to staff have no audit entry"))
    if gone:
        reasons.append(Reason("audit.staff_trail_deleted", f"员工表改动记录被删除:第{gone[0]}条等{len(gone)}条",
                              f"{len(gone)} records of changes to staff were deleted (the first: #{gone[0]})"))
    return reasons


def missing_guards_reason(names: Iterable[str]) -> Reason | None:
    names = list(names)
    if not names:
        return None
    shown = "、".join(names)
    return Reason("audit.guards_missing", f"保护历史记录的触发器不见了或被停用:{shown}",
                  f"triggers that guard the history are missing or disabled: {', '.join(names)}")


def anchor_alarm_reason(seq: int, noticed_at: str) -> Reason:
    return Reason("audit.anchor_lost",
                  f"库外保存的第{seq}条审计记录已不在记录链中({noticed_at}发现):记录被删除或改写过",
                  f"audit entry #{seq}, kept outside the store, was no longer in the chain (noticed {noticed_at}): "
                  "entries were deleted or rewritten")
