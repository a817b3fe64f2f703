"""The life of an application, from the first draft to the operator's answer.

Kept apart from storage so the form can tell a clerk what is still missing before anything is
saved, and the service can refuse the same transition with the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission


class Status(StrEnum):
    DRAFT = "draft"
    COLLECTED = "collected"
    SUBMITTED = "submitted"
    SENT = "sent"
    ACTIVATED = "activated"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = Labels({
    Status.DRAFT: ("草稿", "Draft"),
    Status.COLLECTED: ("事业部已收", "Collected"),
    Status.SUBMITTED: ("办公室已审", "Submitted"),
    Status.SENT: ("已交移动公司", "Sent to carrier"),
    Status.ACTIVATED: ("已开通", "Activated"),
    Status.REJECTED: ("被退回", "Rejected"),
    Status.WITHDRAWN: ("已撤回", "Withdrawn"),
})

# Where an application's number comes from: the person keeps their own (老号) or takes one from the
# block the company reserved (新号).
NUMBER_SOURCE_LABELS = Labels({"existing": ("老号", "Kept"), "pool": ("新号", "New")})

# Statuses in which an application still holds its number; the store's partial unique index
# lists the same ones, so a rejected or withdrawn application frees its pool number.
LIVE_STATUSES: tuple[Status, ...] = (
    Status.DRAFT,
    Status.COLLECTED,
    Status.SUBMITTED,
    Status.SENT,
    Status.ACTIVATED,
)

# Which moves exist, and who may make them. Forward moves need a complete application.
TRANSITIONS: dict[tuple[Status, Status], Permission] = {
    (Status.DRAFT, Status.COLLECTED): Permission.COLLECT,
    (Status.DRAFT, Status.SUBMITTED): Permission.SUBMIT,
    (Status.COLLECTED, Status.SUBMITTED): Permission.SUBMIT,
    (Status.COLLECTED, Status.DRAFT): Permission.COLLECT,
    (Status.SUBMITTED, Status.SENT): Permission.HAND_OVER,
    (Status.SUBMITTED, Status.COLLECTED): Permission.SUBMIT,
    (Status.SENT, Status.ACTIVATED): Permission.RECORD_CARRIER_RESULT,
    (Status.SENT, Status.REJECTED): Permission.RECORD_CARRIER_RESULT,
    (Status.DRAFT, Status.WITHDRAWN): Permission.TAKE_APPLICATIONS,
    (Status.COLLECTED, Status.WITHDRAWN): Permission.TAKE_APPLICATIONS,
    (Status.SUBMITTED, Status.WITHDRAWN): Permission.SUBMIT,
}

FORWARD: frozenset[Status] = frozenset({Status.COLLECTED, Status.SUBMITTED, Status.SENT, Status.ACTIVATED})

# Only an application still with its department (a draft, or collected by the department) can
# change: once the office has submitted it, the form, a roster row and an ID copy leave it alone.
EDITABLE: frozenset[Status] = frozenset({Status.DRAFT, Status.COLLECTED})


def status_label(status: str, lang: str = "zh") -> str:
    return STATUS_LABELS.text(status, lang)


def allowed_moves(current: str, may: Callable[[Permission], bool]) -> frozenset[Status]:
    """The moves that exist from ``current`` and that a person with these rights may make.

    Whether the application is complete enough for a forward move is ``check_transition``'s to say
    when the move is made; this is what a face offers.
    """
    return frozenset(to for (frm, to), permission in TRANSITIONS.items() if frm == current and may(permission))


def is_editable(status: str) -> bool:
    """Whether an application in ``status`` may still change (its fields, its add-ons, its ID copies)."""
    return status in EDITABLE


def check_editable(status: str) -> tuple[Reason, ...]:
    """Why an application in ``status`` can no longer change; empty when it can."""
    if is_editable(status):
        return ()
    return (
        Reason(
            "application.locked",
            f"该申请已是“{status_label(status)}”状态,不能再修改",
            f"This application is already {status_label(status, 'en').lower()} and can no longer be changed",
        ),
    )


@dataclass(frozen=True)
class Completeness:
    """What an application has, as far as moving it on is concerned."""

    id_valid: bool
    has_front_copy: bool
    has_back_copy: bool
    has_number: bool
    has_plan: bool


def missing_items(c: Completeness) -> tuple[Reason, ...]:
    """List what still stops the application from moving on, in the order a clerk fixes them."""
    missing: list[Reason] = []
    if not c.id_valid:
        missing.append(Reason("missing.id", "缺少有效的身份证号码", "A valid ID number is missing"))
    if not c.has_front_copy:
        missing.append(Reason("missing.copy_front", "缺少身份证复印件(正面)", "The ID copy (front) is missing"))
    if not c.has_back_copy:
        missing.append(Reason("missing.copy_back", "缺少身份证复印件(反面)", "The ID copy (back) is missing"))
    if not c.has_number:
        missing.append(Reason("missing.number", "缺少手机号码(老号或选号)", "The number (kept or new) is missing"))
    if not c.has_plan:
        missing.append(Reason("missing.plan", "未选择资费方式", "No tariff plan chosen"))
    return tuple(missing)


# A field's own problem stands behind its line in ``missing_items``: an invalid ID is "a valid ID
# number is missing", and the note under the field says why; listing both says it twice.
_COVERED_BY = {"missing.id": ("id.",), "missing.number": ("mobile.", "pool.", "number.")}


def before_next_move(c: Completeness, problems: Sequence[Reason] = ()) -> tuple[Reason, ...]:
    """What stops the next move, each thing once: the problems a field's missing line does not already stand for, then the missing lines."""
    missing = missing_items(c)
    covered = tuple(prefix for item in missing for prefix in _COVERED_BY.get(item.code, ()))
    own = [p for p in problems if not (covered and p.code.startswith(covered))]
    return (*dict.fromkeys(own), *missing)


def check_transition(current: Status, target: Status, c: Completeness, reason_text: str | None) -> tuple[Reason, ...]:
    """Reasons why ``current → target`` cannot happen now; empty when it can."""
    if (current, target) not in TRANSITIONS:
        return (
            Reason(
                "workflow.not_allowed",
                f"不能从“{status_label(current)}”改为“{status_label(target)}”",
                f"Cannot move from {status_label(current, 'en')} to {status_label(target, 'en')}",
            ),
        )
    if target is Status.REJECTED and not (reason_text or "").strip():
        return (Reason("workflow.reject_reason", "退回须填写移动公司给出的原因", "A rejection needs the operator's reason"),)
    if target in FORWARD:
        return missing_items(c)
    return ()
