"""What the intake form shows for what is typed so far, decided here so the form only paints it.

One call, one short read transaction: each field's note (the domain's checks, then what only the
store knows: a number another application holds, the same person twice), what stops the next move,
the moves and plans this person may choose now, a late application's words, and the fee. The form
asks again a moment after typing stops, and at once after a choice (a plan, the number source).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.deadline import check_deadline, deadline_stage
from kaccount_desk.domain.intake import NEW_NUMBER_KEEPS_NO_PLAN, CampaignFacts, LiveChecks, Note, plan_offered
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.resident_id import mask_resident_id
from kaccount_desk.domain.roles import ROLE_LABELS, Permission, roles_with
from kaccount_desk.domain.workflow import FORWARD, LIVE_STATUSES, Completeness, Status, allowed_moves, before_next_move
from kaccount_desk.services import campaigns, customers
from kaccount_desk.services.campaigns import WHOLE, campaign_row
from kaccount_desk.services.context import PERMISSION_LABELS, Context
from kaccount_desk.services.customers import FormMatch
from kaccount_desk.services.enrollment import application_row, check_visible
from kaccount_desk.services.intake_rules import ApplicationInput, Assessment, IntakeRules
from kaccount_desk.store.models import Application, Campaign


@dataclass(frozen=True)
class PlanChoice:
    """A plan of the campaign as the plan box lists it; ``offered`` is False where the rules rule it out now."""

    code: str
    name: str
    monthly_fee: Decimal  # with the add-ons the plan includes
    keep_current: bool
    offered: bool


@dataclass(frozen=True)
class AddonChoice:
    """An add-on that may be chosen beside the plan (one the plan does not include already)."""

    code: str
    name: str
    monthly_fee: Decimal


@dataclass(frozen=True)
class LateEntry:
    """The deadline has passed for a new application: why, and whether this person may accept it late."""

    reason: Reason
    may_accept: bool
    who_may: Reason


@dataclass(frozen=True)
class IntakePreview:
    notes: dict[str, Note] = field(default_factory=dict)  # per field: dept, name, id, number, packages, plan
    missing: tuple[Reason, ...] = ()  # what stops the next move, each thing once
    confirmations: tuple[Reason, ...] = ()  # warnings the clerk confirms (checked or not), by their own code
    unconfirmed: tuple[str, ...] = ()  # codes of those not confirmed yet
    plans: tuple[PlanChoice, ...] = ()
    addons: tuple[AddonChoice, ...] = ()
    fee: Decimal | None = None  # the chosen plan with its add-ons, a month
    late: LateEntry | None = None
    moves: frozenset[Status] = frozenset()  # the moves of a saved application that would go through now
    id_valid: bool = False
    number_ok: bool = False
    card: FormMatch | None = None  # the customer card's line, when the kept number or the ID number is known


@dataclass(frozen=True)
class OpenedCampaign:
    """What the form reads when it opens a campaign: the campaign, its per-keystroke checks, and the
    preview of the new application it is about to show (``fresh``; None when not asked, or for one
    who takes no new applications)."""

    spec: CampaignSpec
    live: LiveChecks
    fresh: ApplicationInput | None
    preview: IntakePreview | None


def live_checks(ctx: Context, code: str, spec: CampaignSpec | None = None) -> LiveChecks:
    """The per-keystroke checks of one campaign, held by the form (read once per campaign).

    ``spec``: the campaign when the caller read it already (the form does), so it is not read twice.
    """
    if spec is None or spec.code != code:
        spec = campaigns.get_campaign(ctx, code)
    pool = frozenset(spec.pool())
    facts = CampaignFacts({d.name for d in spec.departments}, spec.required_carrier, spec.excluded_packages, pool.__contains__)
    return LiveChecks(facts, ctx.store.segments, ctx.now().date())


def open_campaign(ctx: Context, code: str, fresh: ApplicationInput | None = None) -> OpenedCampaign:
    """The form's campaign with its checks, and the preview of ``fresh`` (the new application the
    form is about to show), in one transaction: the campaign is read once (two statements, its pool
    the second) where the form's read and its first preview read it twice, a round trip more across a VPN."""
    with ctx.store.read() as session:
        row = campaign_row(session, code, *WHOLE)
        spec = campaigns.spec_of(session, row)
        preview = None
        if fresh is not None and fresh.campaign_code == code and ctx.actor.may(Permission.TAKE_APPLICATIONS):
            preview = _preview(ctx, session, row, fresh, None)
    return OpenedCampaign(spec, live_checks(ctx, code, spec), fresh, preview)


def preview_intake(ctx: Context, inp: ApplicationInput, application_id: int | None = None) -> IntakePreview:
    """Everything the form shows for ``inp`` (typed over application ``application_id``, if saved)."""
    if application_id is None:
        ctx.require(Permission.TAKE_APPLICATIONS)
    with ctx.store.read() as session:
        return _preview(ctx, session, campaign_row(session, inp.campaign_code, *WHOLE), inp, application_id)


def _preview(ctx: Context, session: Session, campaign: Campaign, inp: ApplicationInput, application_id: int | None) -> IntakePreview:
    rules = IntakeRules(session, campaign, ctx.store.segments)
    row = application_row(session, application_id) if application_id is not None else None
    masked_valid: bool | None = None
    if row is not None:
        check_visible(ctx, session, row)
        if inp.fields.id_number == mask_resident_id(row.id_number) and inp.fields.id_number != row.id_number:
            real = replace(inp.fields, id_number=row.id_number)
            inp, masked_valid = replace(inp, fields=real), row.id_valid  # the real number, never shown
    now = ctx.now()
    # Every warning that needs confirming, confirmed or not: the form lists them all with their boxes.
    a = rules.assess(replace(inp, confirmed=frozenset()), now.date(), now, own=row, is_new=row is None)
    checks = LiveChecks(rules.facts(), rules.segments, now.date()).check(inp.fields, masked_valid)
    notes = dict(checks.notes)
    _store_notes(session, rules, a, row, notes)
    plans = _plans(rules, inp.fields.number_source)
    chosen = next((p for p in plans if p.code == inp.plan), None)
    if chosen is not None:
        notes["plan"] = _plan_note(chosen, a)
    confirmed = inp.confirmed | frozenset(row.confirmed_warnings or []) if row is not None else inp.confirmed
    have = Completeness(
        id_valid=a.id_valid,
        has_front_copy=row is not None and any(c.side == "front" for c in row.copies),
        has_back_copy=row is not None and any(c.side == "back" for c in row.copies),
        has_number=checks.mobile is not None,
        has_plan=a.plan_id is not None,
    )
    missing = before_next_move(have, [r for r in a.reasons if not r.code.startswith("deadline.")])
    unconfirmed = tuple(w.code for w in a.unconfirmed if w.code not in confirmed)
    moves = allowed_moves(row.status, ctx.actor.may) if row is not None else frozenset()
    if missing or unconfirmed:
        moves = frozenset(m for m in moves if m not in FORWARD)
    kept = checks.mobile.number if checks.mobile is not None and inp.fields.number_source == "existing" else None
    card = customers.intake_match(ctx, session, kept, a.id_digest if a.id_valid else None, row.id if row else None)
    return IntakePreview(
        notes=notes, missing=missing, confirmations=tuple(a.unconfirmed), unconfirmed=unconfirmed, plans=plans,
        addons=_addons(rules, chosen), fee=a.monthly_fee if a.plan_id is not None else None,
        late=_late(ctx, rules) if row is None else None, moves=moves, id_valid=a.id_valid, number_ok=checks.mobile is not None,
        card=card,
    )


def _store_notes(session: Session, rules: IntakeRules, a: Assessment, row: Application | None, notes: dict[str, Note]) -> None:
    """What only the store knows, under the field it is about: the number's holder, the same person's other applications."""
    taken = tuple(r for r in a.reasons if r.code == "number.taken")
    if taken:
        notes["number"] = Note("reason", taken)
    if not a.id_valid:
        return
    query = select(Application.id).where(
        Application.campaign_id == rules.campaign.id, Application.id_digest == a.id_digest, Application.status.in_(LIVE_STATUSES)
    )
    if row is not None:
        query = query.where(Application.id != row.id)
    others = sorted(session.scalars(query))
    if others:
        listed = "、".join(f"第{n}号" for n in others)
        again = Reason("application.same_person", f"此人在本次活动中已有{listed}申请,请勿重复受理",
                       f"This person already has application {', '.join(f'#{n}' for n in others)} in this campaign")
        kept = notes.get("id", Note())
        notes["id"] = Note("warning" if kept.state in ("", "ok") else kept.state, (*kept.lines, again))


def _plans(rules: IntakeRules, number_source: str) -> tuple[PlanChoice, ...]:
    fees = {item.code: item.monthly_fee for item in rules.plan_names}
    rows = sorted((r for r in rules.campaign.rated_items if r.kind == "plan"), key=lambda r: r.position)
    return tuple(PlanChoice(r.code, r.name, fees[r.code], r.keep_current, plan_offered(number_source, r.keep_current)) for r in rows)


def _plan_note(plan: PlanChoice, a: Assessment) -> Note:
    if not plan.offered:
        return Note("reason", (NEW_NUMBER_KEEPS_NO_PLAN,))
    fee = f"{a.monthly_fee:.2f}"
    if plan.keep_current:
        return Note("ok", (Reason("plan.fee", f"原资费 + 每月 {fee} 元", f"current fee + {fee} yuan a month"),))
    return Note("ok", (Reason("plan.fee", f"每月 {fee} 元", f"{fee} yuan a month"),))


def _addons(rules: IntakeRules, plan: PlanChoice | None) -> tuple[AddonChoice, ...]:
    rows = sorted((r for r in rules.campaign.rated_items if r.kind == "addon"), key=lambda r: r.position)
    plans = (p for p in rules.campaign.rated_items if p.kind == "plan" and plan is not None and p.code == plan.code)
    included = next((p.included_addons for p in plans), ())
    return tuple(AddonChoice(r.code, r.name, r.monthly_fee) for r in rows if r.code not in included)


def _late(ctx: Context, rules: IntakeRules) -> LateEntry | None:
    now = ctx.now()
    if deadline_stage(now, rules.deadline) != "passed":
        return None
    roles = roles_with(Permission.ACCEPT_LATE)
    who = Reason(
        "forbidden.accept_late",
        f"只有{'、'.join(ROLE_LABELS.zh(r) for r in roles)}可以{PERMISSION_LABELS.zh(Permission.ACCEPT_LATE)}",
        f"Only {', '.join(ROLE_LABELS.en(r).lower() for r in roles)} may {PERMISSION_LABELS.en(Permission.ACCEPT_LATE)}",
    )
    return LateEntry(check_deadline(now, rules.deadline).reasons[0], ctx.actor.may(Permission.ACCEPT_LATE), who)
