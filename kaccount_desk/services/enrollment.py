"""Taking an application, changing it, and moving it along its workflow."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kaccount_desk.domain.deadline import check_deadline
from kaccount_desk.domain.history_notes import shown_note
from kaccount_desk.domain.intake import IntakeFields, kept_in_a_draft
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.resident_id import mask_resident_id
from kaccount_desk.domain.roles import Permission, check_department, check_view_id_image
from kaccount_desk.domain.tariff import monthly_fee, plan_addons
from kaccount_desk.domain.workflow import (
    TRANSITIONS,
    Completeness,
    Status,
    allowed_moves,
    before_next_move,
    check_editable,
    check_transition,
    is_editable,
)
from kaccount_desk.services import id_privacy
from kaccount_desk.services.campaigns import WHOLE, campaign_row
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused, not_found
from kaccount_desk.services.intake_rules import ApplicationInput, Assessment, IntakeRules
from kaccount_desk.store.constraints import violated_unique_index
from kaccount_desk.store.models import Application, ApplicationAddon, ApplicationEvent, Campaign, Department, RatedItemRow, Staff

__all__ = ["ApplicationInput", "ApplicationView", "EventView", "save_application", "get_application", "move_application"]


@dataclass(frozen=True)
class EventView:
    at: datetime
    staff_no: str
    staff_name: str
    from_status: str | None
    to_status: str
    note: str


@dataclass(frozen=True)
class ApplicationView:
    id: int
    campaign_code: str
    department: str
    name: str
    id_type: str
    id_number: str
    id_valid: bool
    number_source: str
    msisdn: str | None
    carrier: str | None
    current_packages: str
    plan: str | None
    plan_name: str | None
    addons: tuple[str, ...]
    addon_names: tuple[str, ...]
    monthly_fee: Decimal
    status: str
    note: str
    late_reason: str | None
    reject_reason: str | None
    has_front: bool
    has_back: bool
    confirmed: frozenset[str]
    missing: tuple[Reason, ...]
    created_at: datetime
    updated_at: datetime
    events: tuple[EventView, ...]
    # Whether this person may change it now: still with its department (domain ``is_editable``) and
    # shown unmasked (a form holding a masked number could only save the mask back over the real one).
    editable: bool = False
    # The ID number is shown masked (1309**********085X) because this person may not see it whole;
    # the service checked the real number, so the face shows it as it is and checks nothing.
    id_masked: bool = False
    # The workflow moves this person may make from the current status (domain ``allowed_moves``).
    moves: frozenset[Status] = frozenset()
    # What the draft was kept with (an ID or number as typed, wrong or incomplete): in ``missing``
    # too, once (domain ``before_next_move``), and nothing moves on until they are fixed.
    problems: tuple[Reason, ...] = ()
    # Whether this person may open the ID copies at full size (domain ``check_view_id_image``).
    copies_viewable: bool = False

    @property
    def identifier(self) -> str:
        """What the QR code on the printed form carries, so the counter can scan it back."""
        return f"KAD-APP:{self.id}"


def _rules(ctx: Context, session: Session, code: str) -> IntakeRules:
    return IntakeRules(session, campaign_row(session, code, *WHOLE), ctx.store.segments)


def _require_department(ctx: Context, department: str) -> None:
    problems = check_department(ctx.actor.role, ctx.actor.department, department)
    if problems:
        raise Forbidden(*problems)


def assess(ctx: Context, inp: ApplicationInput, application_id: int | None = None) -> Assessment:
    """Check an input without saving it: the form's Save button shows the same verdict."""
    with ctx.store.read() as session:
        rules = _rules(ctx, session, inp.campaign_code)
        now = ctx.now()
        own = application_row(session, application_id) if application_id is not None else None
        return rules.assess(inp, now.date(), now, own=own, is_new=own is None)


def _check_late(ctx: Context, inp: ApplicationInput, campaign: Campaign) -> None:
    if inp.late_reason.strip() and not check_deadline(ctx.now(), campaign.deadline).ok:
        ctx.require(Permission.ACCEPT_LATE)


def assessment_values(inp: ApplicationInput, a: Assessment, confirmed_before: list[str] | None = None) -> dict[str, object]:
    """The column values an assessed input gives an application: one list for the form and the import."""
    return {
        "department_id": a.department_id,
        "name": inp.fields.name.strip(),
        "id_type": a.id_type,
        "id_number": a.id_number,
        "id_valid": a.id_valid,
        "number_source": inp.fields.number_source,
        "msisdn": a.msisdn,
        "carrier": a.carrier,
        "current_packages": inp.fields.current_packages.strip(),
        "plan_id": a.plan_id,
        "note": inp.note.strip(),
        "confirmed_warnings": sorted(set(confirmed_before or []) | set(inp.confirmed)),
    }


def apply_assessment(row: Application, inp: ApplicationInput, a: Assessment) -> None:
    for key, value in assessment_values(inp, a, row.confirmed_warnings).items():
        setattr(row, key, value)
    row.addons = [ApplicationAddon(rated_item_id=i) for i in a.addon_ids]


def save_application(ctx: Context, inp: ApplicationInput, application_id: int | None = None) -> ApplicationView:
    """Create a draft or change one; refused whole, with every reason, when anything is wrong.

    Missing pieces (copies, a number, a plan) do not stop a draft from being saved: they stop it
    from moving on. Wrong pieces (an invalid ID, a taken number, an excluded package) stop the save.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    _require_department(ctx, inp.fields.department)
    try:
        # Pipelined: on a server, BEGIN rides with the campaign's read, the new rows with the audit
        # head's lock, the audit entries with COMMIT (store/pipelined.py).
        with ctx.transaction(pipelined=True) as session:
            rules = _rules(ctx, session, inp.campaign_code)
            _check_late(ctx, inp, rules.campaign)
            now = ctx.now()
            row = application_row(session, application_id) if application_id is not None else None
            locked = check_editable(row.status) if row is not None else ()
            if locked:
                raise Refused(*locked)
            if row is not None:
                inp = _with_confirmed(inp, row)
            a = rules.assess(inp, now.date(), now, own=row, is_new=row is None)
            if not _may_keep_as_draft(row, a):
                raise Refused(*a.reasons)
            if row is None:
                row = Application(
                    campaign_id=rules.campaign.id,
                    status=Status.DRAFT.value,
                    created_by=ctx.actor.id,
                    created_at=now,
                    confirmed_warnings=[],
                    late_reason=inp.late_reason.strip() or None,
                    late_accepted_by=ctx.actor.id if inp.late_reason.strip() else None,
                    copies=[],  # known empty: the view below need not ask the store for a new draft's copies
                )
                session.add(row)
                apply_assessment(row, inp, a)
                row.updated_at = now
                session.flush()
                # Written without asking its id back (``inline``: no RETURNING), so nothing waits for it.
                session.execute(insert(ApplicationEvent).inline().values(
                    application_id=row.id, from_status=None, to_status=row.status, staff_id=ctx.actor.id, at=now, note=""))
                # A new draft's history is the one row just written: not asked of the store again.
                made = EventView(now, ctx.actor.staff_no, ctx.actor.name, None, row.status, shown_note("", ctx.lang))
                return view(ctx, session, row, "save", events=(made,))
            apply_assessment(row, inp, a)
            row.updated_at = now
            session.flush()
            return view(ctx, session, row, "save")
    except IntegrityError as exc:
        # Two counters picked the same pool number at the same moment, or the person already has
        # an application without a number here (perhaps from an import a moment ago): the index decided.
        if violated_unique_index(exc, Application.__table__) == "uq_live_id_unnumbered":
            raise Refused(PERSON_ALREADY_THERE) from exc
        raise Refused(NUMBER_JUST_TAKEN) from exc


NUMBER_JUST_TAKEN = Reason("number.taken", "该号码刚被另一份申请占用,请换一个",
                           "That number was just taken by another application; pick another")
PERSON_ALREADY_THERE = Reason(
    "application.person_already_there",
    "此人在本次活动中已有一份还没有号码的申请,请打开那一份继续填写",
    "This person already has an application without a number in this campaign; open that one instead",
)


# The store's column widths: a draft keeps what was typed only if it fits.
ID_COLUMN = int(getattr(Application.__table__.c.id_number.type, "length", 32))
MSISDN_COLUMN = int(getattr(Application.__table__.c.msisdn.type, "length", 11))


def _may_keep_as_draft(row: Application | None, a: Assessment) -> bool:
    """No problems, or only problems a draft may be kept with (domain ``kept_in_a_draft``) and values that fit the store."""
    if not a.reasons:
        return True
    draft = row is None or row.status == Status.DRAFT
    fits = len(a.id_number) <= ID_COLUMN and len(a.msisdn or "") <= MSISDN_COLUMN
    return draft and fits and all(kept_in_a_draft(r) for r in a.reasons)


def _with_confirmed(inp: ApplicationInput, row: Application) -> ApplicationInput:
    return replace(inp, confirmed=inp.confirmed | frozenset(row.confirmed_warnings or []))


def application_row(session: Session, application_id: int) -> Application:
    row = session.get(Application, application_id)
    if row is None:
        raise not_found("申请", "application", application_id)
    return row


def completeness(row: Application) -> Completeness:
    sides = {c.side for c in row.copies}
    return Completeness(
        id_valid=row.id_valid,
        has_front_copy="front" in sides,
        has_back_copy="back" in sides,
        has_number=bool(row.msisdn),
        has_plan=row.plan_id is not None,
    )


def _recheck(ctx: Context, session: Session, row: Application) -> tuple[tuple[Reason, ...], tuple[Reason, ...]]:
    """The problems a draft was kept with, and the warnings still needing the clerk's confirmation,
    re-derived so a change is never missed."""
    campaign = session.get(Campaign, row.campaign_id)
    assert campaign is not None
    rules = IntakeRules(session, campaign, ctx.store.segments)
    dept = session.get(Department, row.department_id)
    plan = session.get(RatedItemRow, row.plan_id) if row.plan_id else None
    fields = IntakeFields(
        department=dept.name if dept else "",
        name=row.name,
        id_number=row.id_number,
        id_type=row.id_type,
        number_source=row.number_source,
        msisdn=row.msisdn or "",
        current_packages=row.current_packages,
    )
    inp = ApplicationInput(
        campaign.code,
        fields,
        plan=plan.code if plan else "",
        confirmed=frozenset(row.confirmed_warnings or []),
    )
    now = ctx.now()
    a = rules.assess(inp, now.date(), now, own=row, is_new=False)
    unconfirmed = tuple(
        Reason(f"confirm.{w.code}", f"需要确认:{w.zh}", f"Needs confirmation: {w.en}", confirm=True) for w in a.unconfirmed
    )
    return tuple(a.reasons), unconfirmed


def shows_full_id(ctx: Context, row: Application) -> bool:
    """Whether this person sees the whole number: with the right to, or while taking it (their own draft).

    The person taking an application typed the number from the card in hand; once the draft moves
    on (collected, submitted, ...), its creator sees it masked like any colleague without the right.
    """
    return ctx.actor.may(Permission.VIEW_FULL_ID) or (ctx.actor.id == row.created_by and row.status == Status.DRAFT)


def view(ctx: Context, session: Session, row: Application, why: str = "show",
         events: tuple[EventView, ...] | None = None) -> ApplicationView:
    """What the face shows of one application; a full ID number in it is recorded, with ``why`` (the use case).

    ``events``: its history when the caller knows it already (a draft just made), else read here.
    """
    campaign = session.get(Campaign, row.campaign_id)
    dept = session.get(Department, row.department_id)
    plan = session.get(RatedItemRow, row.plan_id) if row.plan_id else None
    addons = [session.get(RatedItemRow, a.rated_item_id) for a in row.addons]
    offered = {r.code: r for r in (campaign.rated_items if campaign else []) if r.kind == "addon"}
    included, chosen = (plan.included_addons if plan else ()), [a.code for a in addons if a]
    fee = monthly_fee(plan.monthly_fee if plan else None, included, chosen, {c: r.monthly_fee for c, r in offered.items()})
    if events is None:
        events = tuple(EventView(e.at, s.staff_no, s.name, e.from_status, e.to_status, shown_note(e.note, ctx.lang))
                       for e, s in session.execute(
                           select(ApplicationEvent, Staff).join(Staff, Staff.id == ApplicationEvent.staff_id)
                           .where(ApplicationEvent.application_id == row.id).order_by(ApplicationEvent.id)))
    sides = {c.side for c in row.copies}
    problems: tuple[Reason, ...] = ()
    live_missing: tuple[Reason, ...] = ()
    if row.status in (Status.DRAFT, Status.COLLECTED, Status.SUBMITTED):
        problems, unconfirmed = _recheck(ctx, session, row)
        live_missing = before_next_move(completeness(row), problems) + unconfirmed
    full = shows_full_id(ctx, row)
    if full:
        id_privacy.record_view(ctx, session, row.id, why)
    editable = is_editable(row.status) and full
    return ApplicationView(
        id=row.id,
        campaign_code=campaign.code if campaign else "",
        department=dept.name if dept else "",
        name=row.name,
        id_type=row.id_type,
        id_number=row.id_number if full else mask_resident_id(row.id_number),
        id_masked=not full,
        id_valid=row.id_valid,
        number_source=row.number_source,
        msisdn=row.msisdn,
        carrier=row.carrier,
        current_packages=row.current_packages,
        plan=plan.code if plan else None,
        plan_name=plan.name if plan else None,
        addons=tuple(a.code for a in addons if a),
        addon_names=tuple(offered[c].name for c in plan_addons(included, chosen) if c in offered),
        monthly_fee=fee,
        status=row.status,
        note=row.note,
        late_reason=row.late_reason,
        reject_reason=row.reject_reason,
        has_front="front" in sides,
        has_back="back" in sides,
        confirmed=frozenset(row.confirmed_warnings or []),
        missing=live_missing,
        created_at=row.created_at,
        updated_at=row.updated_at,
        events=events,
        editable=editable,
        moves=allowed_moves(row.status, ctx.actor.may),
        problems=problems,
        copies_viewable=not check_view_id_image(ctx.actor.role, editable),
    )


def get_application(ctx: Context, application_id: int) -> ApplicationView:
    with ctx.store.read() as session:
        row = application_row(session, application_id)
        check_visible(ctx, session, row)
        return view(ctx, session, row)


def check_application(ctx: Context, application_id: int) -> bool:
    """Raise unless the application exists and this person may see it; whether they may still edit it.

    For checks before a change (ID copies): nothing is shown, so no full number is recorded.
    """
    with ctx.store.read() as session:
        row = application_row(session, application_id)
        check_visible(ctx, session, row)
        return is_editable(row.status) and shows_full_id(ctx, row)


def check_visible(ctx: Context, session: Session, row: Application) -> None:
    if ctx.actor.may(Permission.ALL_DEPARTMENTS):
        return
    dept = session.get(Department, row.department_id)
    _require_department(ctx, dept.name if dept else "")


def move_application(ctx: Context, application_id: int, target: str, reason: str = "") -> ApplicationView:
    """Move along the workflow; who and when are recorded, and forward moves need a complete application."""
    to = target_status(target)
    with ctx.transaction() as session:
        row = application_row(session, application_id)
        check_visible(ctx, session, row)
        move_row(ctx, session, row, to, reason)
        session.flush()
        return view(ctx, session, row, "move")


def target_status(target: str) -> Status:
    """``target`` as a status, or refused in words (a command line or a roster may name anything)."""
    try:
        return Status(target)
    except ValueError:
        raise Refused(Reason("workflow.unknown", f"未知的状态“{target}”", f"Unknown status {target!r}")) from None


def move_row(ctx: Context, session: Session, row: Application, to: Status, reason: str = "", note: str | None = None) -> None:
    """Check and make one move inside the caller's transaction, or raise :class:`Refused` having changed nothing.

    A batch that must move all its applications together (the hand-over to the operator, an
    activation list) calls this for each in one transaction; ``note`` is the history's note when
    it is not the clerk's ``reason`` (the hand-over's file, the operator's activation date).
    """
    current = Status(row.status)
    if (current, to) in TRANSITIONS:
        ctx.require(TRANSITIONS[(current, to)])
    problems = check_transition(current, to, completeness(row), reason)
    if (current, to) in TRANSITIONS and to in (Status.COLLECTED, Status.SUBMITTED, Status.SENT):
        # Everything that stops it, at once: what the draft was kept with, what is missing, what needs confirming.
        kept_with, unconfirmed = _recheck(ctx, session, row)
        problems = kept_with + problems + unconfirmed
    if problems:
        raise Refused(*problems)
    now = ctx.now()
    row.status = to.value
    row.updated_at = now
    if to is Status.REJECTED:
        row.reject_reason = reason.strip()
    session.add(ApplicationEvent(application_id=row.id, from_status=current.value, to_status=to.value, staff_id=ctx.actor.id,
                                 at=now, note=reason.strip() if note is None else note))


def confirm_warning(ctx: Context, application_id: int, code: str) -> ApplicationView:
    """The clerk checked (for example with 一证通查 or the carrier) and confirms a warning."""
    ctx.require(Permission.TAKE_APPLICATIONS)
    with ctx.transaction() as session:
        row = application_row(session, application_id)
        check_visible(ctx, session, row)
        row.confirmed_warnings = sorted(set(row.confirmed_warnings or []) | {code.removeprefix("confirm.")})
        row.updated_at = ctx.now()
        session.flush()
        return view(ctx, session, row, "confirm")
