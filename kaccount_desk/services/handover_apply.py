"""Writing one application of a seat's package into the office's store (services/handover_import.py decides which).

A new one is added with its department, its seat history (each step kept, naming the seat's
staff ID, since the seat's staff are not the office's) and its ID copies encrypted at rest as
every copy is (bound to the new row and side, store/crypto.py ``copy_aad``). A changed one gets
the seat's fields and copies anew, and one event if its status moved.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.handover import damaged
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.crypto import copy_aad
from kaccount_desk.store.models import Application, ApplicationAddon, ApplicationEvent, Campaign, Department, IdCopy, RatedItemRow


@dataclass
class Imported:
    """What every row of one import shares: who imports, into which campaign and department, the package's parts."""

    ctx: Context
    session: Session
    campaign: Campaign
    department: Department
    parts: dict[str, bytes]
    label: str  # the package as history notes name it: "铸造事业部 #3"
    now: datetime
    items: dict[tuple[str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.items = {(r.kind, r.code): r.id for r in self.session.scalars(
            select(RatedItemRow).where(RatedItemRow.campaign_id == self.campaign.id))}

    def unknown_items(self, entry: dict[str, Any]) -> list[Reason]:
        wanted = [("plan", entry["plan"])] if entry.get("plan") else []
        wanted += [("addon", code) for code in entry.get("addons") or []]
        return [Reason("handover.unknown_item", f"资费或附加包“{code}”在本活动中不存在", f"Plan or add-on {code!r} is not in this campaign")
                for key in wanted if key not in self.items for code in (key[1],)]


def number_holder(imported: Imported, msisdn: str | None) -> int | None:
    """The office's live application holding ``msisdn`` in the campaign, if any."""
    if not msisdn:
        return None
    return imported.session.scalar(select(Application.id).where(
        Application.campaign_id == imported.campaign.id, Application.msisdn == msisdn, Application.status.in_(LIVE_STATUSES)))


def _fields(imported: Imported, entry: dict[str, Any]) -> dict[str, Any]:
    return {
        "department_id": imported.department.id, "name": str(entry["name"]), "id_type": str(entry["id_type"]),
        "id_number": str(entry["id_number"]), "id_valid": bool(entry["id_valid"]), "number_source": str(entry["number_source"]),
        "msisdn": entry.get("msisdn"), "carrier": entry.get("carrier"), "current_packages": str(entry.get("current_packages") or ""),
        "plan_id": imported.items[("plan", entry["plan"])] if entry.get("plan") else None,
        "confirmed_warnings": list(entry.get("confirmed_warnings") or []), "late_reason": entry.get("late_reason"),
        "note": str(entry.get("note") or ""), "status": str(entry["status"]),
    }


def _copies(imported: Imported, row: Application, entry: dict[str, Any]) -> None:
    for old in list(row.copies):
        row.copies.remove(old)
    imported.session.flush()
    for copy in entry.get("copies") or []:
        data = imported.parts.get(str(copy["part"]), b"")
        if hashlib.sha256(data).hexdigest() != copy["sha256"]:
            raise Refused(damaged("证件照片与清单不符", "an ID copy does not match its manifest"))
        side = str(copy["side"])
        row.copies.append(IdCopy(side=side, sha256=copy["sha256"], mime=str(copy["mime"]), width=int(copy["width"]),
                                 height=int(copy["height"]), data=imported.ctx.store.keys.encrypt(data, copy_aad(row.id, side)),
                                 added_by=imported.ctx.actor.id, added_at=imported.now))


def _seat_note(imported: Imported, event: dict[str, Any]) -> str:
    said = str(event.get("note") or "")
    return f"[{imported.label} {event.get('staff_no', '')}] {said}".strip()


def add_application(imported: Imported, entry: dict[str, Any]) -> Application:
    values = _fields(imported, entry)
    row = Application(campaign_id=imported.campaign.id, created_by=imported.ctx.actor.id,
                      created_at=datetime.fromisoformat(str(entry["created_at"])), updated_at=imported.now, copies=[], **values)
    row.late_accepted_by = imported.ctx.actor.id if values["late_reason"] else None
    row.addons = [ApplicationAddon(rated_item_id=imported.items[("addon", c)]) for c in entry.get("addons") or []]
    imported.session.add(row)
    imported.session.flush()
    for event in entry.get("events") or []:
        imported.session.add(ApplicationEvent(application_id=row.id, from_status=event.get("from"), to_status=str(event["to"]),
                                              staff_id=imported.ctx.actor.id, at=datetime.fromisoformat(str(event["at"])),
                                              note=_seat_note(imported, event)))
    _copies(imported, row, entry)
    imported.session.flush()
    return row


def update_application(imported: Imported, row: Application, entry: dict[str, Any]) -> None:
    before = row.status
    for key, value in _fields(imported, entry).items():
        setattr(row, key, value)
    row.addons = [ApplicationAddon(rated_item_id=imported.items[("addon", c)]) for c in entry.get("addons") or []]
    row.updated_at = imported.now
    _copies(imported, row, entry)
    if before != row.status:
        imported.session.add(ApplicationEvent(application_id=row.id, from_status=before, to_status=row.status,
                                              staff_id=imported.ctx.actor.id, at=imported.now, note=f"[{imported.label}]"))
    imported.session.flush()
