"""The documents the Print page offers, and the job that makes one from the choices made.

Kept apart from the page so the list of documents and which service writes each read in one
place; the page only gathers the choices and runs the job in a worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kaccount_desk.services import outages, printing
from kaccount_desk.services.context import Context
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP
from kaccount_desk.ui.workers import ProgressCallback

DOCUMENTS: tuple[tuple[str, str], ...] = tuple((key, str(title)) for key, title in (
    ("notice", QT_TRANSLATE_NOOP("PrintPage", "Notice")),
    ("forms", QT_TRANSLATE_NOOP("PrintPage", "Application forms")),
    ("roster", QT_TRANSLATE_NOOP("PrintPage", "Department roster")),
    ("summary", QT_TRANSLATE_NOOP("PrintPage", "Summary for the operator")),
    ("id-sheets", QT_TRANSLATE_NOOP("PrintPage", "ID-copy sheets")),
))
# Asked for from a page for one record (a ticket; planned work), not chosen in the list: (the service's writer, the title).
TICKET_DOCUMENTS: dict[str, tuple[Callable[[Context, int, Path], printing.Printed], str]] = {
    "receipt": (printing.print_receipt, str(QT_TRANSLATE_NOOP("PrintPage", "Ticket receipt"))),
    "ticket": (printing.print_ticket, str(QT_TRANSLATE_NOOP("PrintPage", "Ticket record"))),
    # From the Planned work page: the customers' notice of one planned work (refused when too late or unapproved).
    "outage-notice": (outages.print_notice, str(QT_TRANSLATE_NOOP("PrintPage", "Planned work notice"))),
}
SELECTABLE = ("forms", "id-sheets")
FULL_ID_CHOICE = ("forms", "roster", "summary")

Job = Callable[[ProgressCallback], printing.Printed]


@dataclass(frozen=True)
class Choices:
    """What the page had chosen when Generate was pressed; the job makes exactly this."""

    kind: str
    code: str
    department: str | None
    ids: list[int] | None
    full_ids: bool


def document_job(ctx: Context, chosen: Choices, out: Path) -> Job:
    """The call to the service that writes the chosen document to ``out``, for a worker thread."""

    def run(progress: ProgressCallback) -> printing.Printed:
        code, department, full = chosen.code, chosen.department, chosen.full_ids
        if chosen.kind == "notice":
            return printing.print_notice(ctx, code, out)
        if chosen.kind == "forms":
            return printing.print_forms(ctx, code, out, department, chosen.ids, progress, full_ids=full)
        if chosen.kind == "id-sheets":
            return printing.print_id_sheets(ctx, code, out, department, chosen.ids, progress)
        if chosen.kind == "roster":
            return printing.print_roster(ctx, code, out, department or "", full_ids=full)
        return printing.print_summary(ctx, code, out, full_ids=full)

    return run
