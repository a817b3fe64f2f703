"""Many applications through one workflow move: one question for the clerk, one answer per application.

Each application moves in its own transaction through :func:`enrollment.move_application`, so the
same rules and rights decide as for one, and one refused application does not undo the others.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kaccount_desk.domain.reasons import Lang, Reason, joined
from kaccount_desk.domain.roles import Permission, check_department
from kaccount_desk.domain.workflow import Status, allowed_moves
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.store.models import Application, Department

__all__ = ["MoveResult", "batch_targets", "move_many"]


@dataclass(frozen=True)
class MoveResult:
    """What happened to one application of a batch: moved (``reasons`` empty) or refused, and why."""

    id: int
    # Empty when this person may not see the application (another department's, or none with this id).
    name: str
    status: str
    reasons: tuple[Reason, ...] = ()

    @property
    def moved(self) -> bool:
        return not self.reasons

    def text(self, lang: Lang = "zh") -> str:
        """The refusal in one line, in the person's language; empty when it moved."""
        return joined(self.reasons, lang)


def batch_targets(ctx: Context) -> list[Status]:
    """The statuses this person may move some application to (from whichever status), in workflow order.

    A batch mixes statuses, so the face offers every move this person may make from any of them; each
    application is then checked against its own status.
    """
    targets = {to for current in Status for to in allowed_moves(current, ctx.actor.may)}
    return [status for status in Status if status in targets]


def move_many(ctx: Context, ids: Iterable[int], target: str, reason: str = "") -> list[MoveResult]:
    """Move each application to ``target``; each one is checked, decided and recorded on its own.

    The result keeps the order of ``ids`` (each id once), so the face lists it as the clerk selected it.
    """
    results: list[MoveResult] = []
    for application_id in dict.fromkeys(ids):
        try:
            view = enrollment.move_application(ctx, application_id, target, reason)
        except ServiceError as exc:
            name, status = _seen(ctx, application_id)
            results.append(MoveResult(application_id, name, status, exc.reasons))
        else:
            results.append(MoveResult(application_id, view.name, view.status))
    return results


def _seen(ctx: Context, application_id: int) -> tuple[str, str]:
    """Name and status of a refused application, only if this person may see it (no names across departments)."""
    with ctx.store.read() as session:
        row = session.get(Application, application_id)
        if row is None:
            return "", ""
        if not ctx.actor.may(Permission.ALL_DEPARTMENTS):
            dept = session.get(Department, row.department_id)
            if check_department(ctx.actor.role, ctx.actor.department, dept.name if dept else ""):
                return "", ""
        return row.name, row.status
