"""Reading what the printed documents show, in one query per job, and mapping it onto their records.

A department's pile of forms is a thousand applications: they are read in one statement (with
their add-ons, and their ID copies only when the sheets need them), and fees and labels are
worked out from the campaign's items already in memory, never with a query per application.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kaccount_desk.documents.data import AddonLine, ApplicationFormData, IdCopyData, RosterLine, TariffOptionLine
from kaccount_desk.domain.campaign import CampaignSpec, PlanSpec
from kaccount_desk.domain.id_documents import IdDocumentType
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.resident_id import check_resident_id
from kaccount_desk.domain.roles import check_department, fixed_department
from kaccount_desk.domain.tariff import RatedItem, monthly_fee, plan_addons
from kaccount_desk.domain.workflow import Status, status_label
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, NotFound, Refused
from kaccount_desk.services.id_copies import open_copy
from kaccount_desk.services.id_privacy import shown
from kaccount_desk.store.crypto import StoreKeys
from kaccount_desk.store.models import Application, Campaign, Department, RatedItemRow


@dataclass(frozen=True)
class Selection:
    """Which applications a job prints: a department, a hand-picked list, or the whole campaign."""

    statuses: tuple[Status, ...]
    department: str | None = None
    application_ids: tuple[int, ...] | None = None
    with_copies: bool = False


def scoped_department(ctx: Context, department: str | None) -> str | None:
    """Staff without the all-departments right print their own department and nothing else."""
    fixed = fixed_department(ctx.actor.role, ctx.actor.department)
    if fixed is None:
        return department.strip() if department else None
    problems = check_department(ctx.actor.role, ctx.actor.department, department) if department else ()
    if problems:
        raise Forbidden(*problems)
    return fixed


def load_applications(session: Session, campaign: Campaign, selection: Selection) -> list[tuple[Application, str]]:
    """The selected applications with their department names, in roster order, in one query."""
    stmt = (
        select(Application, Department.name)
        .join(Department, Department.id == Application.department_id)
        .options(selectinload(Application.addons))
        .where(Application.campaign_id == campaign.id, Application.status.in_([s.value for s in selection.statuses]))
        .order_by(Department.position, Application.id)
    )
    if selection.with_copies:
        stmt = stmt.options(selectinload(Application.copies))
    if selection.department:
        if selection.department not in {d.name for d in campaign.departments}:
            raise Refused(
                Reason(
                    "print.department",
                    f"活动“{campaign.code}”中没有部门“{selection.department}”",
                    f"Campaign {campaign.code} has no department {selection.department!r}",
                )
            )
        stmt = stmt.where(Department.name == selection.department)
    if selection.application_ids is not None:
        stmt = stmt.where(Application.id.in_(selection.application_ids))
    rows = [(app, dept) for app, dept in session.execute(stmt)]
    if selection.application_ids is not None:
        missing = sorted(set(selection.application_ids) - {app.id for app, _ in rows})
        if missing:
            listed = "、".join(str(i) for i in missing)
            raise NotFound(
                Reason(
                    "print.not_found",
                    f"找不到可打印的申请:{listed}(不在本活动或本部门,或已退回/撤回)",
                    f"No printable application {listed} (another campaign or department, or rejected/withdrawn)",
                )
            )
    return rows


class Pricing:
    """Plan and add-on names and the monthly fee, as ``enrollment.view`` works them out."""

    def __init__(self, campaign: Campaign) -> None:
        self.items: dict[int, RatedItemRow] = {r.id: r for r in campaign.rated_items}
        self.addons_by_code = {r.code: r for r in campaign.rated_items if r.kind == "addon"}

    def _codes(self, app: Application) -> tuple[RatedItemRow | None, list[str], list[str]]:
        plan = self.items.get(app.plan_id) if app.plan_id else None
        chosen = [self.items[a.rated_item_id].code for a in app.addons if a.rated_item_id in self.items]
        return plan, list(plan.included_addons) if plan else [], chosen

    def addons(self, app: Application) -> list[RatedItemRow]:
        _, included, chosen = self._codes(app)
        return [self.addons_by_code[c] for c in plan_addons(included, chosen) if c in self.addons_by_code]

    def plan_name(self, app: Application) -> str:
        plan = self.items.get(app.plan_id) if app.plan_id else None
        return plan.name if plan else ""

    def monthly_fee(self, app: Application) -> Decimal:
        plan, included, chosen = self._codes(app)
        return monthly_fee(plan.monthly_fee if plan else None, included, chosen, {c: r.monthly_fee for c, r in self.addons_by_code.items()})


def _id_type(value: str) -> str:
    return IdDocumentType(value).zh if value in IdDocumentType._value2member_map_ else value


def form_data(full_ids: bool, campaign: Campaign, pricing: Pricing, app: Application, department: str) -> ApplicationFormData:
    parsed = check_resident_id(app.id_number).value if app.id_type == IdDocumentType.RESIDENT_ID else None
    return ApplicationFormData(
        application_id=str(app.id),
        campaign_title=campaign.title,
        name=app.name,
        department=department,
        id_type=_id_type(app.id_type),
        id_number=shown(app.id_number, full_ids),
        sex={"male": "男", "female": "女"}[parsed.sex] if parsed else "",
        birth_date=parsed.birth_date if parsed else None,
        keeps_number=app.number_source != "pool",
        phone_number=app.msisdn or "",
        plan=pricing.plan_name(app),
        addons=tuple(a.name for a in pricing.addons(app)),
        monthly_fee=pricing.monthly_fee(app),
        status=status_label(app.status),
    )


def roster_line(full_ids: bool, pricing: Pricing, app: Application, department: str) -> RosterLine:
    return RosterLine(
        department=department,
        name=app.name,
        id_number=shown(app.id_number, full_ids),
        phone_number=app.msisdn or "",
        keeps_number=app.number_source != "pool",
        plan=pricing.plan_name(app),
        addons=tuple(a.name for a in pricing.addons(app)),
        monthly_fee=pricing.monthly_fee(app),
        status=status_label(app.status),
    )


def id_copy_data(keys: StoreKeys, rows: Sequence[tuple[Application, str]]) -> list[IdCopyData]:
    """Both sides of each applicant's card, decrypted; everyone missing a side is named at once."""
    copies, missing = [], []
    for app, department in rows:
        sides = {c.side: open_copy(keys, c) for c in app.copies}
        absent = [zh for side, zh in (("front", "正面"), ("back", "反面")) if not sides.get(side)]
        if absent:
            missing.append((app, absent))
            continue
        copies.append(IdCopyData(app.name, sides["front"], sides["back"], caption=f"部门:{department}\u3000申请编号:{app.id}"))
    if missing:
        zh = "、".join(f"{app.name}(编号{app.id},缺{'和'.join(sides)})" for app, sides in missing)
        en = ", ".join(f"{app.name} (no. {app.id})" for app, _ in missing)
        raise Refused(Reason("print.no_copies", f"以下申请人没有身份证复印件:{zh}", f"These applicants have no ID card copies: {en}"))
    return copies


def tariff_lines(spec: CampaignSpec) -> tuple[TariffOptionLine, ...]:
    """The notice's options, each priced with the add-ons it includes, as the seed's notice lists them."""
    addons = {a.code: a for a in spec.addons}
    return tuple(_tariff_line(plan, [addons[c] for c in plan.included_addons if c in addons]) for plan in spec.plans)


def _tariff_line(plan: PlanSpec, included: list[RatedItem]) -> TariffOptionLine:
    item = plan.item
    fee = monthly_fee(item.monthly_fee, plan.included_addons, (), {a.code: a.monthly_fee for a in included})
    parts = []
    if item.keep_current:
        parts.append("保留在网号码原有资费")
    if item.free_sms:
        parts.append(f"含点对点短信{item.free_sms}条")
    if item.free_data_mb:
        parts.append(f"含手机上网流量{item.free_data_mb}M")
    if item.out_group_rate is not None:
        parts.append(f"集团网外{item.out_group_rate.normalize():f}元/分钟")
    for addon in included:
        minutes = f",网内赠送{addon.free_in_group_minutes}分钟" if addon.free_in_group_minutes else ""
        rate = f",超出后{addon.in_group_rate.normalize():f}元/分钟" if addon.in_group_rate is not None else ""
        parts.append(f"另加{addon.name}{minutes}{rate}")
    details = ";".join(parts) + "。" if parts else ""
    return TariffOptionLine(item.name, fee, details, keeps_current=item.keep_current)


def addon_lines(spec: CampaignSpec) -> tuple[AddonLine, ...]:
    """Every add-on of the campaign, with the options (numbered as the notice numbers them) that include it."""
    return tuple(
        AddonLine(addon.name, addon.monthly_fee,
                  tuple(n for n, plan in enumerate(spec.plans, start=1) if addon.code in plan.included_addons))
        for addon in spec.addons
    )
