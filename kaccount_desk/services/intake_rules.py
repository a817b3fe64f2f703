"""Every check an application must pass, against one campaign's state in the store.

The form's save and the roster import share this: one application, or ten thousand rows
checked against state loaded once, reach the same verdict with the same words.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kaccount_desk.domain.deadline import check_deadline
from kaccount_desk.domain.eligibility import check_numbers_per_id
from kaccount_desk.domain.id_documents import document_type_from
from kaccount_desk.domain.intake import CampaignFacts, IntakeFields, check_fields, check_plan
from kaccount_desk.domain.item_names import NamedItem, match_item, unknown_addon, unknown_plan
from kaccount_desk.domain.mobile import SegmentTable, normalize_mobile
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.tariff import monthly_fee
from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services.campaigns import deadline_in_own_offset
from kaccount_desk.store.crypto import keys_of
from kaccount_desk.store.models import Application, Campaign, PoolNumber, RatedItemRow


@dataclass(frozen=True)
class ApplicationInput:
    """What a clerk typed or a roster row held, before any check.

    The applicant's own fields are the domain's ``IntakeFields``, held whole rather than copied, so
    the form's live checks and the save read one declaration; beside them sit what only a save
    carries (the campaign, the plan, the clerk's confirmations). All but the first two are passed by
    keyword, so a call written for another shape fails loudly instead of shifting values.
    """

    campaign_code: str
    fields: IntakeFields
    _: KW_ONLY
    plan: str = ""
    addons: tuple[str, ...] = ()
    note: str = ""
    confirmed: frozenset[str] = frozenset()
    late_reason: str = ""


@dataclass
class Assessment:
    """The verdict on an input, and the values to store when there are no reasons."""

    reasons: list[Reason] = field(default_factory=list)
    warnings: list[Reason] = field(default_factory=list)
    department_id: int | None = None
    id_type: str = "resident_id"
    id_number: str = ""
    id_digest: str = ""
    id_valid: bool = False
    msisdn: str | None = None
    carrier: str | None = None
    plan_id: int | None = None
    addon_ids: tuple[int, ...] = ()
    monthly_fee: Decimal = Decimal("0")

    @property
    def unconfirmed(self) -> list[Reason]:
        return [w for w in self.warnings if w.confirm]


class Holder(Protocol):
    """What the rules need of an application holding a number: stored, or about to be by an import."""

    @property
    def id(self) -> int | None: ...

    @property
    def status(self) -> str: ...

    @property
    def carrier(self) -> object: ...


def number_taken(number: str, holder_id: int | None) -> Reason:
    """The number is another live application's, named by its number (#id) so the clerk can open it."""
    if holder_id is None:  # a row of the same import, not stored yet
        return Reason("number.taken", f"号码{number}已被另一份申请占用", f"{number} already belongs to another application")
    return Reason("number.taken", f"号码{number}已被第{holder_id}号申请占用", f"{number} already belongs to application #{holder_id}")


# A plan's verdict: its reasons, the plan's and the chosen add-ons' ids, the monthly fee (None: no plan matched).
PlanVerdict = tuple[tuple[Reason, ...], int | None, tuple[int, ...], Decimal | None]
# How many distinct ways of writing a plan an import remembers: a real roster has a handful, a
# hostile one could have a new one per row and must not grow the memory with them.
PLAN_VERDICTS_KEPT = 256


class IntakeRules:
    """One campaign's rules and the store state they depend on, loaded once."""

    def __init__(self, session: Session, campaign: Campaign, segments: SegmentTable, preload: bool = False) -> None:
        self.session = session
        self.keys = keys_of(session.get_bind())
        self.campaign = campaign
        self.segments = segments
        self.deadline = deadline_in_own_offset(campaign)
        self.departments = {d.name: d.id for d in campaign.departments}
        items = list(campaign.rated_items)
        self._plan_by_code = {r.code: r for r in items if r.kind == "plan"}
        self._addon_by_code = {r.code: r for r in items if r.kind == "addon"}
        self._addon_fees = fees = {code: r.monthly_fee for code, r in self._addon_by_code.items()}
        self.plan_names = [NamedItem(r.code, r.name, monthly_fee(r.monthly_fee, r.included_addons, (), fees))
                           for r in self._plan_by_code.values()]
        self.addon_names = [NamedItem(r.code, r.name, r.monthly_fee) for r in self._addon_by_code.values()]
        self._facts: CampaignFacts | None = None
        self._plans: dict[tuple[str, tuple[str, ...], str], PlanVerdict] = {}
        self._pool: set[str] | None = None
        self._taken: dict[str, int | Holder] | None = None
        self._per_id: Counter[tuple[str, str]] | None = None
        if preload:
            self._pool = set(session.scalars(select(PoolNumber.number).where(PoolNumber.campaign_id == campaign.id)))
            held = session.execute(
                select(Application.msisdn, Application.id).where(
                    Application.campaign_id == campaign.id,
                    Application.status.in_(LIVE_STATUSES),
                    Application.msisdn.is_not(None),
                )
            )
            self._taken = {msisdn: app_id for msisdn, app_id in held if msisdn is not None}  # the column is nullable; the query skips NULLs
            self._per_id = Counter()
            rows = session.execute(
                select(Application.id_digest, Application.carrier, func.count())
                .where(Application.status.in_(LIVE_STATUSES))
                .group_by(Application.id_digest, Application.carrier)
            )
            for digest, carrier, count in rows:
                self._per_id[(digest, carrier or "")] += count

    # The three look-ups below read the store one at a time for a single save, and from the
    # preloaded maps during an import, where thousands of round trips would cost seconds.

    def in_pool(self, number: str) -> bool:
        if self._pool is not None:
            return number in self._pool
        return bool(
            self.session.scalar(select(PoolNumber.id).where(PoolNumber.campaign_id == self.campaign.id, PoolNumber.number == number))
        )

    def holder_of(self, number: str) -> int | Holder | None:
        """The live application that holds ``number``: its id, or the row an import is adding."""
        if self._taken is not None:
            return self._taken.get(number)
        return self.session.scalar(
            select(Application.id).where(
                Application.campaign_id == self.campaign.id,
                Application.msisdn == number,
                Application.status.in_(LIVE_STATUSES),
            )
        )

    def numbers_held(self, digest: str, carrier: str, own: Holder | None) -> int:
        """一证五号: live numbers one person holds with a carrier, counted by the ID number's keyed digest."""
        if self._per_id is not None:
            count = self._per_id[(digest, carrier)]
            return count - (1 if own is not None and own.carrier == carrier and own.status in LIVE_STATUSES else 0)
        query = select(func.count()).select_from(Application).where(
            Application.id_digest == digest, Application.carrier == carrier, Application.status.in_(LIVE_STATUSES)
        )
        if own is not None and own.id is not None:
            query = query.where(Application.id != own.id)
        return self.session.scalar(query) or 0

    def remember(self, number: str | None, id_digest: str, row: Holder) -> None:
        """Keep the preloaded maps true after an import adds a row (its id comes at the insert).

        Given the digest the assessment made, so the import's maps share one string per person."""
        if self._taken is not None and number:
            self._taken[number] = row
        if self._per_id is not None and number:
            self._per_id[(id_digest, str(row.carrier or ""))] += 1

    def facts(self) -> CampaignFacts:
        """Built once: a roster asks for them per row, and they do not change while the rules live."""
        if self._facts is None:
            self._facts = CampaignFacts(set(self.departments), self.campaign.required_carrier,
                                        tuple(self.campaign.excluded_packages), self.in_pool)
        return self._facts

    def assess(self, inp: ApplicationInput, today: date, now: datetime, own: Holder | None = None, is_new: bool = True,
               id_digest: str | None = None) -> Assessment:
        """The fields' own checks (the domain's ``check_fields``, as the form shows them), then what the store knows.

        ``id_digest`` is the keyed digest of ``inp``'s ID number when the caller already made it (a
        roster matches rows by it): an HMAC per row is not worth making twice."""
        out, typed = Assessment(), inp.fields
        checks = check_fields(typed, self.facts(), self.segments, today, notes=False)  # a save reads no note
        out.reasons.extend(checks.reasons)
        out.department_id = self.departments.get(typed.department.strip())
        kind = document_type_from(typed.id_type)
        out.id_type = kind.value if kind else typed.id_type
        out.id_number, out.id_valid = checks.id_number, checks.id_valid
        out.id_digest = self.keys.digest(out.id_number) if id_digest is None else id_digest
        out.warnings.extend(checks.id_warnings)
        if checks.number_warnings:  # mostly none: a roster's row then makes no generator to find it out
            out.warnings.extend(w for w in checks.number_warnings if w.code not in inp.confirmed)
        if checks.mobile is not None:
            self._assess_holder(checks.mobile.number, checks.mobile.carrier.value, inp, own, out)
        elif typed.msisdn.strip():
            out.msisdn = normalize_mobile(typed.msisdn)  # kept as typed in a draft, with its reasons listed
        self._assess_plan(inp, out)
        if is_new:
            verdict = check_deadline(now, self.deadline, inp.late_reason or None)
            out.reasons.extend(verdict.reasons)
            out.warnings.extend(verdict.warnings)
        return out

    def _assess_holder(self, number: str, carrier: str, inp: ApplicationInput, own: Holder | None, out: Assessment) -> None:
        """What only the store knows: another live application holding the number, and numbers per ID."""
        out.msisdn, out.carrier = number, carrier
        holder = self.holder_of(number)
        if holder is not None and holder is not own and (own is None or holder != own.id):
            out.reasons.append(number_taken(number, holder if isinstance(holder, int) else holder.id))
        if out.id_valid:
            held = self.numbers_held(out.id_digest, carrier, own)
            five = check_numbers_per_id(held)
            if five.warnings:
                out.warnings.extend(w for w in five.warnings if w.code not in inp.confirmed)

    def _assess_plan(self, inp: ApplicationInput, out: Assessment) -> None:
        if not inp.plan.strip():
            return
        key = (inp.plan, inp.addons, inp.fields.number_source)
        verdict = self._plans.get(key)
        if verdict is None:
            verdict = self._plan_verdict(inp)
            if len(self._plans) < PLAN_VERDICTS_KEPT:
                self._plans[key] = verdict
        reasons, out.plan_id, out.addon_ids, fee = verdict
        out.reasons.extend(reasons)
        if fee is not None:
            out.monthly_fee = fee

    def _plan_verdict(self, inp: ApplicationInput) -> PlanVerdict:
        """The plan and add-ons a row names, checked: the same words on every row of a roster give the
        same verdict, so ``_assess_plan`` keeps it for the next row that writes them."""
        named = match_item(inp.plan, self.plan_names)
        if named is None:
            return (unknown_plan(inp.plan.strip(), self.plan_names),), None, (), None
        plan = self._plan_by_code[named.code]
        reasons = list(check_plan(inp.fields.number_source, plan.keep_current))
        chosen: list[RatedItemRow] = []
        for name in inp.addons:
            found = match_item(name, self.addon_names)
            addon = self._addon_by_code[found.code] if found else None
            if addon is None:
                reasons.append(unknown_addon(name.strip(), self.addon_names))
            elif addon.code not in plan.included_addons and addon not in chosen:
                chosen.append(addon)
        fee = monthly_fee(plan.monthly_fee, plan.included_addons, [a.code for a in chosen], self._addon_fees)
        return tuple(reasons), plan.id, tuple(a.id for a in chosen), fee
