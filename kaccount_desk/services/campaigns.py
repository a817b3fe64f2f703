"""Campaigns: loading one from a TOML file, editing it, listing them, and reading one back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.interfaces import ORMOption

from kaccount_desk.domain.campaign import CampaignSpec, DepartmentSpec, PlanSpec, parse_campaign_toml
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tariff import RatedItem
from kaccount_desk.services import audit
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.store.models import Application, ApplicationAddon, Campaign, Department, PoolNumber, RatedItemRow

SAMPLE_FILE = "campaigns/botou-2012.toml"


@dataclass(frozen=True)
class CampaignSummary:
    code: str
    title: str
    deadline: datetime
    departments: int
    pool_size: int
    expired: bool = False  # the deadline has passed: shown marked, and not opened by default


@dataclass(frozen=True)
class CampaignListing:
    """The campaign list, and each campaign's department names in their order (by code)."""

    summaries: list[CampaignSummary]
    departments: dict[str, tuple[str, ...]]


def read_campaign_file(path: Path) -> CampaignSpec:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise Refused(Reason("campaign.file", f"无法读取文件 {path}:{exc}", f"Cannot read {path}: {exc}")) from exc
    verdict = parse_campaign_toml(text)
    if verdict.value is None:
        raise Refused(*verdict.reasons)
    return verdict.value


def load_campaign_file(ctx: Context, path: Path) -> CampaignSpec:
    return save_campaign(ctx, read_campaign_file(path))


def sample_campaign_path(ctx: Context) -> Path:
    return ctx.store.resources / SAMPLE_FILE


def _item_row(item: RatedItem, kind: str, position: int, included: tuple[str, ...] = ()) -> dict[str, object]:
    return dict(
        kind=kind,
        code=item.code,
        name=item.name,
        position=position,
        monthly_fee=item.monthly_fee,
        free_in_group_minutes=item.free_in_group_minutes,
        in_group_rate=item.in_group_rate,
        out_group_rate=item.out_group_rate,
        free_sms=item.free_sms,
        sms_rate=item.sms_rate,
        free_data_mb=item.free_data_mb,
        data_rate_per_mb=item.data_rate_per_mb,
        keep_current=item.keep_current,
        included_addons=list(included),
    )


def _sync_departments(session: Session, row: Campaign, wanted: tuple[DepartmentSpec, ...]) -> None:
    by_name = {d.name: d for d in row.departments}
    names = [d.name for d in wanted]
    for name, dept in by_name.items():
        if name in names:
            continue
        used = session.scalar(select(Application.id).where(Application.department_id == dept.id).limit(1))
        if used:
            raise Refused(Reason("campaign.department_used", f"部门“{name}”已有申请,不能删除",
                                 f"Department {name!r} has applications and cannot be removed"))
        row.departments.remove(dept)
    for position, spec in enumerate(wanted):
        existing = by_name.get(spec.name)
        if existing is None:
            row.departments.append(Department(name=spec.name, kind=spec.kind, position=position))
        else:
            existing.kind, existing.position = spec.kind, position


def _sync_items(session: Session, row: Campaign, spec: CampaignSpec) -> None:
    wanted: dict[tuple[str, str], dict[str, object]] = {}
    for i, plan in enumerate(spec.plans):
        wanted[("plan", plan.item.code)] = _item_row(plan.item, "plan", i, plan.included_addons)
    for i, addon in enumerate(spec.addons):
        wanted[("addon", addon.code)] = _item_row(addon, "addon", i)
    for item in list(row.rated_items):
        values = wanted.pop((item.kind, item.code), None)
        if values is None:
            used = session.scalar(select(Application.id).where(Application.plan_id == item.id).limit(1)) or session.scalar(
                select(ApplicationAddon.application_id).where(ApplicationAddon.rated_item_id == item.id).limit(1)
            )
            if used:
                raise Refused(Reason("campaign.plan_used", f"资费“{item.name}”已有人选用,不能删除",
                                     f"Plan {item.name!r} is in use and cannot be removed"))
            row.rated_items.remove(item)
        else:
            for key, value in values.items():
                setattr(item, key, value)
    for values in wanted.values():
        row.rated_items.append(RatedItemRow(**values))


def _sync_pool(session: Session, campaign_id: int, numbers: list[str]) -> None:
    have = set(session.scalars(select(PoolNumber.number).where(PoolNumber.campaign_id == campaign_id)))
    wanted = set(numbers)
    gone = have - wanted
    if gone:
        taken = session.scalars(
            select(Application.msisdn).where(
                Application.campaign_id == campaign_id, Application.number_source == "pool", Application.msisdn.in_(gone)
            )
        ).first()
        if taken:
            raise Refused(Reason("campaign.pool_used", f"号码{taken}已被选用,不能从号池中删除",
                                 f"Number {taken} is chosen and cannot leave the pool"))
        leaving = list(session.scalars(select(PoolNumber.id).where(PoolNumber.campaign_id == campaign_id, PoolNumber.number.in_(gone))))
        session.execute(delete(PoolNumber).where(PoolNumber.id.in_(leaving)))
        audit.note_change(session, "pool_numbers", "delete", list(leaving))  # a Core delete: the flush recorder cannot see it
    session.add_all(PoolNumber(campaign_id=campaign_id, number=n) for n in sorted(wanted - have))


def save_campaign(ctx: Context, spec: CampaignSpec) -> CampaignSpec:
    """Create the campaign, or update the one with the same code without losing its applications."""
    ctx.require(Permission.MANAGE_CAMPAIGNS)
    with ctx.transaction() as session:
        return spec_of(session, write_campaign(session, spec, ctx.now()))


def write_campaign(session: Session, spec: CampaignSpec, now: datetime) -> Campaign:
    """The campaign's rows written in the caller's transaction (a department seat is set up with its pack in one)."""
    offset = spec.deadline.utcoffset() or timedelta(0)
    row = session.scalar(select(Campaign).where(Campaign.code == spec.code))
    if row is None:
        row = Campaign(code=spec.code, created_at=now)
        session.add(row)
    row.title, row.issuer, row.carrier_branch, row.contact = spec.title, spec.issuer, spec.carrier_branch, spec.contact
    row.issued_on, row.deadline = spec.issued_on, spec.deadline
    row.deadline_offset_minutes = int(offset.total_seconds() // 60)
    row.required_carrier = spec.required_carrier
    row.excluded_packages = list(spec.excluded_packages)
    row.notice_template = spec.notice_template
    _sync_departments(session, row, spec.departments)
    _sync_items(session, row, spec)
    session.flush()
    _sync_pool(session, row.id, spec.pool())
    session.flush()
    return row


def _compress_pool(numbers: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Give back the prefixes whose hundred numbers are all reserved, and the loose numbers."""
    groups: dict[str, list[str]] = defaultdict(list)
    for n in numbers:
        groups[n[:9]].append(n)
    prefixes = tuple(p for p, ns in sorted(groups.items()) if len(ns) == 100)
    loose = tuple(n for p, ns in sorted(groups.items()) if len(ns) != 100 for n in sorted(ns))
    return prefixes, loose


def _item(row: RatedItemRow) -> RatedItem:
    return RatedItem(
        code=row.code,
        name=row.name,
        monthly_fee=row.monthly_fee,
        free_in_group_minutes=row.free_in_group_minutes,
        in_group_rate=row.in_group_rate,
        out_group_rate=row.out_group_rate,
        free_sms=row.free_sms,
        sms_rate=row.sms_rate,
        free_data_mb=row.free_data_mb,
        data_rate_per_mb=row.data_rate_per_mb,
        keep_current=row.keep_current,
    )


def deadline_in_own_offset(row: Campaign) -> datetime:
    return row.deadline.astimezone(timezone(timedelta(minutes=row.deadline_offset_minutes)))


def spec_of(session: Session, row: Campaign) -> CampaignSpec:
    """Campaign ``row`` as a spec, its pool read in a statement of its own (for a caller that reads the row with more)."""
    numbers = list(session.scalars(select(PoolNumber.number).where(PoolNumber.campaign_id == row.id).order_by(PoolNumber.number)))
    prefixes, loose = _compress_pool(numbers)
    items = sorted(row.rated_items, key=lambda r: r.position)
    return CampaignSpec(
        code=row.code,
        title=row.title,
        issuer=row.issuer,
        carrier_branch=row.carrier_branch,
        contact=row.contact,
        issued_on=row.issued_on,
        deadline=deadline_in_own_offset(row),
        required_carrier=row.required_carrier,
        excluded_packages=tuple(row.excluded_packages),
        departments=tuple(DepartmentSpec(d.name, d.kind) for d in sorted(row.departments, key=lambda d: d.position)),
        pool_prefixes=prefixes,
        pool_numbers=loose,
        plans=tuple(PlanSpec(_item(r), tuple(r.included_addons)) for r in items if r.kind == "plan"),
        addons=tuple(_item(r) for r in items if r.kind == "addon"),
        notice_template=row.notice_template,
    )


def campaign_row(session: Session, code: str, *also: ORMOption) -> Campaign:
    """The campaign ``code``; ``also`` loads what the caller reads of it in the same statement."""
    row = session.scalars(select(Campaign).options(*also).where(Campaign.code == code)).unique().one_or_none()
    if row is None:
        raise not_found("办理活动", "campaign", code)
    return row


# A campaign's departments and rated items, joined into the statement that reads it: the form, the
# estimate, the print and admin pages each read a campaign whole, and across a VPN every lazy
# load of a list is one more round trip (a few dozen rows each, so their product stays small).
WHOLE = (joinedload(Campaign.departments), joinedload(Campaign.rated_items))


def get_campaign(ctx: Context, code: str) -> CampaignSpec:
    with ctx.store.read() as session:
        return spec_of(session, campaign_row(session, code, *WHOLE))


def list_campaigns(ctx: Context) -> list[CampaignSummary]:
    """Newest first (by issue date), each saying whether its deadline has passed by the store's clock.

    One statement, the counts asked beside each row: not two more per campaign.
    """
    return campaign_listing(ctx).summaries


def campaign_listing(ctx: Context) -> CampaignListing:
    """The campaign list with each campaign's department names, in one statement: the Admin page's
    list and its new-staff form's choices in one round trip, not two (a campaign's pool is counted
    beside its rows; its departments, a dozen at most, come as rows of their own)."""
    now = ctx.now()
    pool = select(func.count()).where(PoolNumber.campaign_id == Campaign.id).correlate(Campaign).scalar_subquery()
    stmt = (select(Campaign, pool, Department.name).outerjoin(Department, Department.campaign_id == Campaign.id)
            .order_by(Campaign.issued_on.desc(), Campaign.code, Department.position, Department.id))
    with ctx.store.read() as session:
        found: dict[str, tuple[Campaign, int]] = {}
        names: dict[str, list[str]] = {}
        for row, size, name in session.execute(stmt):
            found.setdefault(row.code, (row, int(size or 0)))
            names.setdefault(row.code, []).extend([name] if name is not None else [])
        summaries = []
        for code, (row, size) in found.items():
            deadline = deadline_in_own_offset(row)
            summaries.append(CampaignSummary(code, row.title, deadline, len(names[code]), size, deadline <= now))
    return CampaignListing(summaries, {code: tuple(listed) for code, listed in names.items()})


def set_notice_template(ctx: Context, code: str, template: str) -> CampaignSpec:
    spec = get_campaign(ctx, code)
    return save_campaign(ctx, replace(spec, notice_template=template))
