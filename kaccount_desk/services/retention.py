"""Deleting ID-card images once the law no longer lets us keep them: a dry-run list first, then the purge.

The policy (domain/retention.py) is a store setting, shared by every PC on the store, and only an
administrator changes it or purges. A purge deletes the images and nothing else: the application,
its history and its (encrypted) ID number stay, so the roster and the audit trail still add up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaccount_desk.domain.retention import RetentionPolicy, check_policy, copies_due
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import id_privacy
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.models import Application, ApplicationEvent, Campaign, Department, IdCopy, StoreSetting

SETTING = "id_copy_retention"


@dataclass(frozen=True)
class DueCopies:
    """One application whose ID copies are past their keeping date: ids and dates, no names."""

    application_id: int
    campaign_code: str
    department: str
    status: str
    settled_at: datetime | None
    due_at: datetime
    sides: tuple[str, ...]


@dataclass(frozen=True)
class PurgeReport:
    policy: RetentionPolicy
    dry_run: bool
    due: tuple[DueCopies, ...]

    @property
    def images(self) -> int:
        return sum(len(d.sides) for d in self.due)


def _policy(session: Session) -> RetentionPolicy:
    row = session.get(StoreSetting, SETTING)
    return policy_of(row.value if row is not None else None)


def policy_of(stored: object) -> RetentionPolicy:
    """The rule a stored setting's value holds; the default where none was set or it no longer checks."""
    value = stored if isinstance(stored, dict) else {}
    default = RetentionPolicy()
    policy, reasons = check_policy(str(value.get("mode", default.mode.value)), int(value.get("days", default.days)),
                                   int(value.get("abandoned_days", default.abandoned_days)))
    return policy if policy is not None and not reasons else default


def get_policy(ctx: Context) -> RetentionPolicy:
    with ctx.store.read() as session:
        return _policy(session)


def set_policy(ctx: Context, mode: str, days: int, abandoned_days: int | None = None) -> RetentionPolicy:
    """The rule every PC on the store follows; ``abandoned_days`` None keeps the one set before."""
    ctx.require(Permission.MANAGE_STAFF)
    if abandoned_days is None:
        abandoned_days = get_policy(ctx).abandoned_days
    policy, reasons = check_policy(mode, days, abandoned_days)
    if policy is None:
        raise Refused(*reasons)
    with ctx.transaction() as session:
        row = session.get(StoreSetting, SETTING)
        value = {"mode": policy.mode.value, "days": policy.days, "abandoned_days": policy.abandoned_days}
        if row is None:
            session.add(StoreSetting(name=SETTING, value=value))
        else:
            row.value = value
    return policy


def _due(session: Session, policy: RetentionPolicy, now: datetime) -> list[DueCopies]:
    """Every application holding copies, with the moment it reached its present state, in one query."""
    settled = (
        select(func.max(ApplicationEvent.at))
        .where(ApplicationEvent.application_id == Application.id, ApplicationEvent.to_status == Application.status)
        .correlate(Application)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Application.id, Campaign.code, Campaign.deadline, Department.name, Application.status, settled)
        .join(Campaign, Campaign.id == Application.campaign_id)
        .join(Department, Department.id == Application.department_id)
        .where(Application.id.in_(select(IdCopy.application_id)))
        .order_by(Application.id)
    ).all()
    sides: dict[int, list[str]] = {}
    for application_id, side in session.execute(select(IdCopy.application_id, IdCopy.side).order_by(IdCopy.side)):
        sides.setdefault(application_id, []).append(side)
    due = []
    for application_id, code, deadline, department, status, settled_at in rows:
        when = copies_due(policy, status, settled_at, deadline)
        if when is not None and when <= now:
            due.append(DueCopies(application_id, code, department, status, settled_at, when, tuple(sides.get(application_id, ()))))
    return due


def purge_id_copies(ctx: Context, dry_run: bool = True) -> PurgeReport:
    """List (``dry_run``) or delete the ID copies past their keeping date; a purge and its audit
    entry commit together."""
    ctx.require(Permission.MANAGE_STAFF)
    now = ctx.now()
    with ctx.transaction(commit=not dry_run) as session:
        policy = _policy(session)
        report = PurgeReport(policy, dry_run, tuple(_due(session, policy, now)))
        if not dry_run and report.due:
            ids = [d.application_id for d in report.due]
            for copy in session.scalars(select(IdCopy).where(IdCopy.application_id.in_(ids))):
                session.delete(copy)
            session.flush()
            id_privacy.record(ctx, id_privacy.Action.PURGE, "id_copies", session, images=report.images, applications=ids[:200],
                              mode=policy.mode.value, days=policy.days, abandoned_days=policy.abandoned_days)
    return report
