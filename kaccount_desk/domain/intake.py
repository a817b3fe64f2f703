"""The checks an application's own fields pass, as a note under each field and as reasons for a save.

One function serves both faces of the same rule: the intake form asks it on every keystroke
(``typing=True``: a number still being typed is "calm", not red), and the service's ``IntakeRules``
asks it on save and adds only what the store knows (a number another application holds, five
numbers per ID). A clerk therefore reads the same words under the field as in a refusal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from kaccount_desk.domain.eligibility import check_excluded_packages
from kaccount_desk.domain.id_documents import check_id_document
from kaccount_desk.domain.mobile import Carrier, MobileNumber, SegmentTable, check_mobile
from kaccount_desk.domain.reasons import Lang, Reason
from kaccount_desk.domain.resident_id import ID_LENGTH, check_resident_id, normalize_resident_id

MAX_NAME = 64
MOBILE_LENGTH = 11

NoteState = Literal["", "ok", "calm", "warning", "reason"]
FIELDS = ("dept", "name", "id", "number", "packages")


@dataclass(frozen=True)
class Note:
    """What to show under one field: a state (its colour) and lines, empty for no note."""

    state: NoteState = ""
    lines: tuple[Reason, ...] = ()

    def text(self, lang: Lang = "zh") -> str:
        return "\n".join(line.text(lang) for line in self.lines)


@dataclass(frozen=True)
class IntakeFields:
    """The fields as typed (or as a roster row holds them), before any check."""

    department: str = ""
    name: str = ""
    id_type: str = "resident_id"
    id_number: str = ""
    number_source: str = "existing"
    msisdn: str = ""
    current_packages: str = ""


@dataclass(frozen=True)
class CampaignFacts:
    """What of the campaign the field checks need; ``in_pool`` may read a store or a set."""

    departments: Collection[str]
    required_carrier: str | None
    excluded_packages: Sequence[str]
    in_pool: Callable[[str], bool]


@dataclass
class FieldChecks:
    """The verdict on the fields: a note per field, the reasons a save is refused, and the values."""

    notes: dict[str, Note] = field(default_factory=dict)
    reasons: list[Reason] = field(default_factory=list)
    id_warnings: tuple[Reason, ...] = ()
    number_warnings: tuple[Reason, ...] = ()
    id_number: str = ""
    id_valid: bool = False
    mobile: MobileNumber | None = None


def _refuse(out: FieldChecks, key: str, reasons: Sequence[Reason], state: NoteState = "reason") -> None:
    out.notes[key] = Note(state, tuple(reasons))
    if state == "reason":
        out.reasons.extend(reasons)


def _name(fields: IntakeFields, typing: bool, out: FieldChecks) -> None:
    name = fields.name.strip()
    if not name and not typing:
        _refuse(out, "name", [Reason("application.name", "姓名不能为空", "The name is empty")])
    elif len(name) > MAX_NAME:
        too_long = Reason("application.name", f"姓名过长(最多{MAX_NAME}字)", f"The name is too long (at most {MAX_NAME} characters)")
        _refuse(out, "name", [too_long])


def _department(fields: IntakeFields, campaign: CampaignFacts, typing: bool, out: FieldChecks) -> None:
    department = fields.department.strip()
    if not department:
        if not typing:
            _refuse(out, "dept", [Reason("application.department", "请选择部门", "Choose a department")])
    elif department not in campaign.departments:
        fragment_of = sorted(d for d in campaign.departments if department.casefold() in d.casefold())
        if typing and fragment_of:
            # Part of a name, still being typed: not red, the list says which departments it may become.
            zh, en = f"请从列表中选定部门:{'、'.join(fragment_of)}", f"Pick the department from the list: {', '.join(fragment_of)}"
            _refuse(out, "dept", [Reason("application.department", zh, en)], state="calm")
            return
        zh, en = f"部门“{department}”不在本次活动的部门名单中", f"Department {department!r} is not listed for this campaign"
        _refuse(out, "dept", [Reason("application.department", zh, en)])


def _id(fields: IntakeFields, today: date, typing: bool, masked_id_valid: bool | None, out: FieldChecks, notes: bool = True) -> None:
    if masked_id_valid is not None:
        # Shown masked to someone without the right to see it whole: the service checked the real
        # number when it was saved, and a mask is no number to check again.
        out.id_valid = masked_id_valid
        if masked_id_valid:
            line = Reason("id.masked", "证件号码已隐藏(保存时已核验)", "The ID number is masked (checked when saved)")
        else:
            line = Reason("id.masked_invalid", "证件号码已隐藏,保存时未通过核验", "The ID number is masked; it failed the check when saved")
        out.notes["id"] = Note("ok" if masked_id_valid else "warning", (line,))
        return
    text = str(fields.id_number).strip()
    if not text:
        return
    verdict = check_id_document(fields.id_type, text, today)
    out.id_warnings = verdict.warnings
    if verdict.value is None:
        out.id_number = text
        short = verdict.reasons[0].code == "id.length" and len(normalize_resident_id(text)) < ID_LENGTH
        out.reasons.extend(verdict.reasons)
        out.notes["id"] = Note("calm" if typing and short else "reason", verdict.reasons)
        return
    out.id_number, out.id_valid = verdict.value, True
    if not notes:
        return
    if verdict.warnings:
        out.notes["id"] = Note("warning", verdict.warnings)
        return
    resident = check_resident_id(verdict.value, today).value if len(verdict.value) == ID_LENGTH else None
    if resident is None:
        out.notes["id"] = Note("ok", (Reason("id.ok", "格式正确,请与证件核对", "Looks right; compare it with the document"),))
        return
    born = resident.birth_date.isoformat()  # YYYY-MM-DD, as strftime's %Y-%m-%d for the years an ID allows, without its cost
    male = resident.sex == "male"
    out.notes["id"] = Note("ok", (Reason("id.ok", f"{born} {'男' if male else '女'}", f"{born} {'male' if male else 'female'}"),))


def _number(fields: IntakeFields, campaign: CampaignFacts, segments: SegmentTable, typing: bool, out: FieldChecks,
            notes: bool = True) -> None:
    text = fields.msisdn.strip()
    if not text:
        return
    if fields.number_source not in ("existing", "pool"):
        _refuse(out, "number", [Reason("application.source", "号码来源只能是老号或选号", "The number is either kept or new")])
        return
    existing = fields.number_source == "existing"
    verdict = check_mobile(text, segments, campaign.required_carrier if existing else None)
    if verdict.value is None:
        short = verdict.reasons[0].code == "mobile.length" and len(text) < MOBILE_LENGTH
        out.reasons.extend(verdict.reasons)
        out.notes["number"] = Note("calm" if typing and short else "reason", verdict.reasons)
        return
    out.mobile, out.number_warnings = verdict.value, verdict.warnings
    number = verdict.value.number
    if not existing and not campaign.in_pool(number):
        not_reserved = Reason("pool.not_reserved", f"号码{number}不在本次预留的号池中", f"{number} is not one of the reserved numbers")
        _refuse(out, "number", [not_reserved])
    elif not notes:
        return
    elif verdict.warnings:
        out.notes["number"] = Note("warning", verdict.warnings)
    else:
        out.notes["number"] = _carrier_note(verdict.value.carrier)


@lru_cache(maxsize=len(Carrier))
def _carrier_note(carrier: Carrier) -> Note:
    """The note naming a number's carrier: one per carrier (a Note is immutable), not one per roster row."""
    return Note("ok", (Reason("mobile.carrier", carrier.zh, carrier.en),))


def _packages(fields: IntakeFields, campaign: CampaignFacts, out: FieldChecks, notes: bool = True) -> None:
    if fields.number_source != "existing" or not fields.current_packages.strip():
        return
    verdict = check_excluded_packages(fields.current_packages, campaign.excluded_packages)
    if verdict.reasons:
        _refuse(out, "packages", verdict.reasons)
    elif notes:
        out.notes["packages"] = Note("ok", (Reason("eligibility.ok", "没有冲突的套餐", "No conflicting package"),))


NEW_NUMBER_KEEPS_NO_PLAN = Reason(
    "application.plan_keep_current_new_number",
    "新号码没有原资费可保留,请另选资费方式",
    "A new number has no current plan to keep; choose another",
)


def plan_offered(number_source: str, keep_current: bool) -> bool:
    """Whether a plan may go with a number from this source: keeping the current plan needs a number that has one.

    A new number from the reserved pool (新号) starts with no plan, so "保留原资费" cannot apply to it.
    """
    return not (keep_current and number_source != "existing")


def check_plan(number_source: str, keep_current: bool) -> tuple[Reason, ...]:
    """Why this plan cannot go with this number's source; empty when it can."""
    return () if plan_offered(number_source, keep_current) else (NEW_NUMBER_KEEPS_NO_PLAN,)


# What a draft may be kept with: the person's document and number as typed, wrong or not yet
# complete, so a half-typed application can be put aside while the customer fetches the card;
# the draft lists them and cannot move on until they are right.
_KEPT_IN_A_DRAFT = ("id.", "mobile.", "pool.not_reserved", "eligibility.excluded_package")


def kept_in_a_draft(reason: Reason) -> bool:
    """Whether a draft may be saved with this problem listed, rather than the save being refused."""
    return reason.code.startswith(_KEPT_IN_A_DRAFT) and reason.code != "id.document_type"


def check_fields(
    fields: IntakeFields,
    campaign: CampaignFacts,
    segments: SegmentTable,
    today: date,
    typing: bool = False,
    masked_id_valid: bool | None = None,
    notes: bool = True,
) -> FieldChecks:
    """Every check an application's fields pass on their own, with a note per field.

    ``typing`` is the form's live check: an empty name or department is not yet a problem, and a
    number or ID still too short is "calm". ``masked_id_valid`` is given when the ID is shown
    masked: it is then not checked again, and its note says what the service found. ``notes=False``
    is a save's check, which reads only the reasons, warnings and values: the notes of fields that
    pass (an ID's birth date and sex, a number's carrier) are not made, a fifth of a roster row's
    field checks. A refusal's note still is.
    """
    out = FieldChecks()
    _department(fields, campaign, typing, out)
    _name(fields, typing, out)
    _id(fields, today, typing, masked_id_valid, out, notes)
    _number(fields, campaign, segments, typing, out, notes)
    _packages(fields, campaign, out, notes)
    return out


@dataclass(frozen=True)
class LiveChecks:
    """The field checks a form runs on every keystroke, with the campaign facts they need held in memory (no I/O).

    A service hands it to the form once per campaign; what only the store knows (a number another
    application holds, the same person twice) comes with the service's preview a moment later.
    """

    facts: CampaignFacts
    segments: SegmentTable
    today: date

    def check(self, fields: IntakeFields, masked_id_valid: bool | None = None) -> FieldChecks:
        return check_fields(fields, self.facts, self.segments, self.today, typing=True, masked_id_valid=masked_id_valid)

