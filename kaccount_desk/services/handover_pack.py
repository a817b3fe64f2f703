"""The campaign pack the office gives a department's seat (``.kapack``), and the office's key.

A pack holds the campaign (rules, plans, add-ons, deadline), the department, the reserved numbers
allotted to it and the office's X25519 public key; no personal data. The allotted numbers are
recorded at the office in the same transaction (``handover_allotments``), so no number is given
twice and the office's own intake no longer offers them (services/pool.py). The office's private
key is made with its first pack and kept in the store only encrypted under the store's data key,
which a login unseals (store/crypto.py, services/vault.py).
"""

from __future__ import annotations

import hashlib
import json
import secrets
from base64 import b64decode, b64encode
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk import safe_files
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.campaign import CampaignSpec, campaign_from_mapping
from kaccount_desk.domain.handover import allotment_problems
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tariff import RatedItem
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services import audit
from kaccount_desk.services.campaigns import WHOLE, campaign_row, get_campaign
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.services.handover_package import key_fingerprint, public_of
from kaccount_desk.store.crypto import StoreKeys, Undecryptable
from kaccount_desk.store.handover_models import HandoverAllotment
from kaccount_desk.store.key_slots import new_pair
from kaccount_desk.store.models import Application, Department, PoolNumber, StoreSetting

PACK_KIND = "kaccount-desk campaign pack"
OFFICE_KEY_SETTING = "handover_office_key"
_OFFICE_KEY_AAD = b"store_settings:handover_office_key"
MAX_PACK_BYTES = 8 << 20


@dataclass(frozen=True)
class PackMade:
    path: Path
    campaign: str
    department: str
    numbers: tuple[str, ...]
    office: str  # the office key's fingerprint, which every package for it names


@dataclass(frozen=True)
class Pack:
    """A pack read and checked: what a seat is set up from."""

    pack_id: str
    campaign: CampaignSpec
    department: str
    numbers: tuple[str, ...]
    office_public: bytes
    office: str


def office_private_key(session: Session, keys: StoreKeys, now: datetime, create: bool) -> bytes | None:
    """The office's X25519 private key, made (and kept sealed under the data key) the first time ``create`` asks."""
    row = session.get(StoreSetting, OFFICE_KEY_SETTING)
    if row is not None and isinstance(row.value, dict):
        try:
            return keys.decrypt(b64decode(str(row.value["sealed"])), _OFFICE_KEY_AAD)
        except (KeyError, ValueError, Undecryptable):
            raise Refused(Reason("handover.office_key", "办公室的交接密钥已损坏,不能打开交接包;请从备份恢复数据库",
                                 "The office's hand-over key is damaged; packages cannot be opened. Restore the store "
                                 "from a backup")) from None
    if not create:
        return None
    private, public = new_pair()
    session.add(StoreSetting(name=OFFICE_KEY_SETTING, value={
        "public": b64encode(public).decode("ascii"), "sealed": b64encode(keys.encrypt(private, _OFFICE_KEY_AAD)).decode("ascii"),
        "made_at": now.isoformat()}))
    session.flush()
    return private


def free_numbers(session: Session, campaign_id: int) -> list[str]:
    """Pool numbers neither allotted to a seat nor held by a live application, in order."""
    pool = session.scalars(select(PoolNumber.number).where(PoolNumber.campaign_id == campaign_id).order_by(PoolNumber.number))
    allotted = set(session.scalars(select(HandoverAllotment.number).where(HandoverAllotment.campaign_id == campaign_id)))
    taken = set(session.scalars(select(Application.msisdn).where(
        Application.campaign_id == campaign_id, Application.number_source == "pool", Application.status.in_(LIVE_STATUSES))))
    return [n for n in pool if n not in allotted and n not in taken]


def make_pack(ctx: Context, campaign_code: str, department: str, count: int, out: Path) -> PackMade:
    """Allot ``count`` free numbers to ``department`` and write its campaign pack; both or neither."""
    ctx.require(Permission.MANAGE_CAMPAIGNS)
    spec = get_campaign(ctx, campaign_code)
    with safe_files.replacing(out) as temp, ctx.transaction() as session:
        campaign = campaign_row(session, campaign_code, *WHOLE)
        unit = next((d for d in campaign.departments if d.name == department.strip()), None)
        if unit is None:
            raise not_found("部门", "department", department)
        free = free_numbers(session, campaign.id)
        problems = allotment_problems(free, count)
        if problems:
            raise Refused(*problems)
        numbers = tuple(free[:count])
        pack_id = secrets.token_hex(8)
        now = ctx.now()
        session.add_all(HandoverAllotment(campaign_id=campaign.id, department_id=unit.id, number=n, pack_id=pack_id,
                                          allotted_at=now) for n in numbers)
        private = office_private_key(session, ctx.store.keys, now, create=True)
        assert private is not None
        public = public_of(private)
        body = {"kind": PACK_KIND, "format": 1, "pack_id": pack_id, "made_at": now.isoformat(),
                "office_public": b64encode(public).decode("ascii"), "department": unit.name,
                "campaign": spec_mapping(spec), "numbers": list(numbers)}
        temp.write_bytes(_checked_json(body))
        audit.record_for(ctx, session, Action.EXPORT, f"campaigns {campaign.id}", what="handover_pack",
                         department=unit.name, numbers=len(numbers))
    return PackMade(out, campaign_code, unit.name, numbers, key_fingerprint(public))


def _checked_json(body: dict[str, Any]) -> bytes:
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    checked = {"body": body, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest()}
    return json.dumps(checked, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def read_pack(path: Path) -> Pack:
    """A pack file checked whole (its checksum, its campaign by the same rules as a campaign file)."""
    bad = Refused(Reason("handover.pack_damaged", f"“{path.name}”不是完好的活动包(已损坏、被改动或不是活动包)",
                         f"“{path.name}” is not a sound campaign pack (damaged, altered or not a pack)"))
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            raise bad
        checked = json.loads(path.read_bytes().decode("utf-8"))
        body = checked["body"]
        text = json.dumps(body, ensure_ascii=False, sort_keys=True)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != checked["sha256"] or body["kind"] != PACK_KIND:
            raise bad
        public = b64decode(str(body["office_public"]), validate=True)
        numbers = tuple(str(n) for n in body["numbers"])
        verdict = campaign_from_mapping(mapping_values(body["campaign"]))
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise bad from None
    if verdict.value is None:
        raise Refused(*verdict.reasons)
    if str(body["department"]) not in {d.name for d in verdict.value.departments} or len(public) != 32:
        raise bad
    return Pack(str(body["pack_id"]), verdict.value, str(body["department"]), numbers, public, key_fingerprint(public))


def _item(item: RatedItem) -> dict[str, Any]:
    values: dict[str, Any] = {"code": item.code, "name": item.name, "monthly_fee": str(item.monthly_fee),
                              "free_in_group_minutes": item.free_in_group_minutes, "free_sms": item.free_sms,
                              "free_data_mb": item.free_data_mb, "keep_current": item.keep_current}
    for key in ("in_group_rate", "out_group_rate", "sms_rate", "data_rate_per_mb"):
        rate = getattr(item, key)
        if rate is not None:
            values[key] = str(rate)
    return values


def spec_mapping(spec: CampaignSpec) -> dict[str, Any]:
    """A campaign as the plain data a campaign file holds (JSON-safe), without its pool."""
    return {
        "code": spec.code, "title": spec.title, "issuer": spec.issuer, "carrier_branch": spec.carrier_branch,
        "contact": spec.contact, "issued_on": spec.issued_on.isoformat(), "deadline": spec.deadline.isoformat(),
        "required_carrier": spec.required_carrier, "excluded_packages": list(spec.excluded_packages),
        "departments": [{"name": d.name, "kind": d.kind} for d in spec.departments],
        "plans": [{**_item(p.item), "included_addons": list(p.included_addons)} for p in spec.plans],
        "addons": [_item(a) for a in spec.addons], "notice_template": spec.notice_template,
    }


def mapping_values(raw: dict[str, Any]) -> dict[str, Any]:
    """:func:`spec_mapping`'s JSON back to the values a campaign file parses to (a date, an aware datetime)."""
    return {**raw, "issued_on": date.fromisoformat(str(raw["issued_on"])), "deadline": datetime.fromisoformat(str(raw["deadline"]))}


def department_row(session: Session, campaign_id: int, name: str) -> Department | None:
    return session.scalar(select(Department).where(Department.campaign_id == campaign_id, Department.name == name))
