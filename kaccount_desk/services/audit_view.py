"""The audit log as an administrator reads it: filtered pages, a count, and an export.

Reading is permission-checked (only administrators hold ``VIEW_AUDIT``) and an export is itself
recorded, so taking the log away leaves a trace in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Select, func, select

from kaccount_desk.domain.audit import ACTION_LABELS, Action
from kaccount_desk.domain.reasons import Lang
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.store.audit_models import AuditEntry

EXPORT_BATCH = 2000
T = TypeVar("T", bound=Any)


@dataclass(frozen=True)
class AuditFilter:
    action: str | None = None
    actor: str | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    actor: str
    action: str
    action_label: str
    subject: str
    detail: str  # canonical JSON, as the chain hashes it (and the export keeps it)

    @property
    def detail_text(self) -> str:
        """The detail as a person reads it: ``count: 3 · ids: 1, 2, 3`` rather than ``{"count":3,"ids":[1,2,3]}``."""
        return readable_detail(self.detail)


def readable_detail(detail: str) -> str:
    """Each fact of an entry's detail as ``name: value``, lists joined by commas; text that is not JSON as it is."""
    try:
        data = json.loads(detail)
    except ValueError:
        return detail
    if isinstance(data, dict):
        return " · ".join(f"{key}: {_plain(value)}" for key, value in data.items())
    return _plain(data)


def _plain(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{key} {_plain(v)}" for key, v in value.items())
    return "—" if value is None else str(value)


def action_label(action: str, lang: Lang) -> str:
    try:
        zh, en = ACTION_LABELS[Action(action)]
    except ValueError:
        return action
    return en if lang == "en" else zh


def _filtered(query: Select[T], f: AuditFilter) -> Select[T]:
    if f.action:
        query = query.where(AuditEntry.action == f.action)
    if f.actor:
        query = query.where(AuditEntry.actor == f.actor.strip())
    if f.since:
        query = query.where(AuditEntry.at >= f.since)
    if f.until:
        query = query.where(AuditEntry.at < f.until)
    return query


def count(ctx: Context, f: AuditFilter) -> int:
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.store.read() as session:
        return int(session.scalar(_filtered(select(func.count()).select_from(AuditEntry), f)) or 0)


def page(ctx: Context, f: AuditFilter, offset: int, limit: int) -> list[AuditRow]:
    """Newest first, ``limit`` rows from ``offset``."""
    ctx.require(Permission.VIEW_AUDIT)
    with ctx.store.read() as session:
        rows = session.scalars(_filtered(select(AuditEntry), f).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit))
        return [AuditRow(r.seq, r.at, r.actor, r.action, action_label(r.action, ctx.lang), r.subject, r.detail) for r in rows]


def _all(ctx: Context, f: AuditFilter) -> Iterator[list[object]]:
    offset = 0
    while batch := page(ctx, f, offset, EXPORT_BATCH):
        for r in batch:
            yield [r.seq, r.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), r.actor, r.action_label, r.subject, r.detail]
        offset += len(batch)


def export(ctx: Context, f: AuditFilter, path: Path) -> int:
    """Write the filtered log to .xlsx or .csv; returns how many entries were written."""
    ctx.require(Permission.VIEW_AUDIT)
    total = count(ctx, f)
    headers = ["序号 No.", "时间 Time", "工号 Staff", "事项 Action", "对象 Subject", "详情 Detail"]
    from kaccount_desk.sheets.roster_writer import write_roster  # openpyxl loads when a sheet is written, not at start

    write_roster(path, headers, _all(ctx, f), title="审计记录 Audit log", sheet_name="审计记录")
    with ctx.transaction() as session:
        audit.record_for(ctx, session, Action.EXPORT, f"audit log {path.name}"[:64], count=total)
    return total
