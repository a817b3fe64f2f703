"""Who sees a full ID number on paper or in a file, and the audit entry each such choice leaves.

PIPL art. 28 and 51: a resident ID number is masked wherever the full one is not needed. Every
print and export masks it by default, for everyone, office and admin included; printing or
exporting full numbers is a separate choice that needs the VIEW_FULL_ID right and is recorded.
ID-card sheets show the number and the photo, so they always need the right and are recorded.

Every such act is appended to the audit log (services/audit.py) through :func:`record`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.resident_id import mask_resident_id
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import audit
from kaccount_desk.services.context import WRITES, Context

__all__ = ["Action", "may_show_full_ids", "record", "record_view", "require_full_ids", "shown"]


def may_show_full_ids(ctx: Context) -> bool:
    """Whether the face should offer "full ID numbers" at all (the service still checks)."""
    return ctx.actor.may(Permission.VIEW_FULL_ID)


def require_full_ids(ctx: Context, full: bool) -> None:
    if full:
        ctx.require(Permission.VIEW_FULL_ID)


def shown(number: str, full: bool) -> str:
    return number if full else mask_resident_id(number)


def record(ctx: Context, action: Action, subject: str, session: Session | None = None, **detail: object) -> None:
    """One audit entry for an act on ID data; ``detail`` holds ids, counts and file names only.

    Given a ``session``, the entry joins that transaction (a purge and its entry commit together);
    otherwise it is appended in its own, after the print or export it records was written.
    """
    if session is not None:
        audit.record_for(ctx, session, action, subject, **detail)
        return
    with ctx.transaction() as own:
        audit.record_for(ctx, own, action, subject, **detail)


def record_view(ctx: Context, session: Session, application_id: int, why: str) -> None:
    """A full ID number shown on a screen or printed by a command: who (the entry's actor), which
    application, and why (the use case that showed it: show, save, move, ...).

    Inside a use case's transaction the entry commits with it; a plain read has no transaction to
    join, so the entry is appended in its own (WAL lets it write beside the open read).
    """
    subject = f"applications {application_id}"
    if session.info.get(WRITES):
        audit.record_for(ctx, session, Action.VIEW_FULL_ID, subject, why=why)
    else:
        record(ctx, Action.VIEW_FULL_ID, subject, why=why)
