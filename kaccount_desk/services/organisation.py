"""The organisation's name, one for the whole store: every PC of a shared office prints the same.

It is a store setting (``store_settings``), not a per-PC one, so the print services read it in
the same transaction as the rows they print. Only an administrator changes it; the change is an
ordinary recorded write, so the audit log names who changed it and when.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kaccount_desk.domain.organisation import check_organisation_name
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.models import StoreSetting

SETTING = "organisation_name"


def name_in(session: Session) -> str:
    """The name as stored, "" when none was ever set: for services printing in their own transaction."""
    row = session.get(StoreSetting, SETTING)
    return name_of(row.value if row is not None else None)


def name_of(stored: object) -> str:
    """The name a stored setting's value holds, "" for none."""
    return stored if isinstance(stored, str) else ""


def organisation_name(ctx: Context) -> str:
    """The name every document of this store is headed with ("" when none is set)."""
    with ctx.store.read() as session:
        return name_in(session)


def set_organisation_name(ctx: Context, name: str) -> str:
    """Set (or with "" clear) the office's name for every PC on this store; returns it as it will print."""
    ctx.require(Permission.MANAGE_STAFF)
    verdict = check_organisation_name(name)
    if verdict.value is None:
        raise Refused(*verdict.reasons)
    with ctx.transaction() as session:
        row = session.get(StoreSetting, SETTING)
        if row is None:
            session.add(StoreSetting(name=SETTING, value=verdict.value))
        elif row.value != verdict.value:
            row.value = verdict.value
    return verdict.value
