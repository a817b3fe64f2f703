"""Drafts of forms being typed: kept every few seconds, offered back after a crash, gone once saved.

A draft is not an application or a ticket: it has passed no rule and lives apart from them, in its
own row per staff member and form, written in a transaction of its own so that a refusal or a
crash in the form's real save never takes the typing with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import delete, select

from kaccount_desk.services.context import Context
from kaccount_desk.store.draft_models import Draft

DraftKind = Literal["application", "ticket"]


@dataclass(frozen=True)
class KeptDraft:
    kind: DraftKind
    fields: dict[str, object]
    saved_at: datetime


def keep(ctx: Context, kind: DraftKind, fields: dict[str, object]) -> None:
    """Replace this person's draft of ``kind`` with ``fields`` (plain JSON values)."""
    payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
    with ctx.store.transaction() as s:
        row = s.scalars(select(Draft).where(Draft.staff_no == ctx.actor.staff_no, Draft.kind == kind)).first()
        if row is None:
            s.add(Draft(staff_no=ctx.actor.staff_no, kind=kind, payload=payload, saved_at=ctx.now()))
        else:
            row.payload, row.saved_at = payload, ctx.now()


def kept(ctx: Context, kind: DraftKind) -> KeptDraft | None:
    """This person's draft of ``kind``, if a form was left with typing in it."""
    with ctx.store.read() as s:
        row = s.scalars(select(Draft).where(Draft.staff_no == ctx.actor.staff_no, Draft.kind == kind)).first()
        if row is None:
            return None
        fields = json.loads(row.payload)
        return KeptDraft(kind, fields if isinstance(fields, dict) else {}, row.saved_at)


def drop(ctx: Context, kind: DraftKind) -> None:
    """The form was saved or its typing discarded: nothing to offer back any more."""
    with ctx.store.transaction() as s:
        s.execute(delete(Draft).where(Draft.staff_no == ctx.actor.staff_no, Draft.kind == kind))
