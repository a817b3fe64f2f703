"""Printing: one use case per document, each reading the store once and writing its PDF atomically.

The documents package knows nothing of the store; this module decides what may be printed by
whom (full ID numbers only with the right, other departments only with the right), maps rows
onto the documents' records, and turns a document's refusal into the services' own
:class:`Refused`, so the GUI and the CLI show it like any other refusal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select

from kaccount_desk.documents import (
    Cancelled,
    DocumentError,
    render_forms,
    render_id_sheets,
    render_notice,
    render_receipt,
    render_roster,
    render_ticket,
    write_form_files,
    write_pdf_atomically,
)
from kaccount_desk.documents.data import ApplicationFormData, NoticeData, ReceiptData, RosterData, TicketDocData, TicketHistoryLine
from kaccount_desk.documents.notice import DEFAULT_NOTICE_TEMPLATE, FIELD_NAMES
from kaccount_desk.domain.mobile import mask_mobile
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import label as ticket_label
from kaccount_desk.domain.tickets import ticket_number
from kaccount_desk.domain.workflow import LIVE_STATUSES, STATUS_LABELS, Status
from kaccount_desk.services import audit, campaigns, id_privacy, organisation, tickets
from kaccount_desk.services.campaigns import campaign_row, get_campaign
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused, not_found
from kaccount_desk.services.print_data import (
    Pricing,
    Selection,
    addon_lines,
    form_data,
    id_copy_data,
    load_applications,
    roster_line,
    scoped_department,
    tariff_lines,
)
from kaccount_desk.services.rosters import EXPORT_STATUSES
from kaccount_desk.store.models import Campaign

__all__ = [
    "Cancelled",
    "NOTICE_PLACEHOLDERS",
    "NoticeTemplate",
    "Printed",
    "Progress",
    "notice_template",
    "print_form_files",
    "print_forms",
    "print_id_sheets",
    "print_notice",
    "print_receipt",
    "print_roster",
    "print_summary",
    "print_ticket",
    "save_notice_template",
]

Progress = Callable[[int, int], bool]
NOTICE_PLACEHOLDERS: tuple[tuple[str, str], ...] = FIELD_NAMES


@dataclass(frozen=True)
class Printed:
    """What a job wrote: the file(s) and the number of pages, for the status line and --json."""

    out: Path
    pages: int
    files: tuple[Path, ...] = ()


@dataclass(frozen=True)
class NoticeTemplate:
    text: str
    is_default: bool
    placeholders: tuple[tuple[str, str], ...] = NOTICE_PLACEHOLDERS


@contextmanager
def _as_refusal() -> Iterator[None]:
    try:
        yield
    except DocumentError as exc:
        raise Refused(exc.reason) from exc


def _write(out: Path, build: Callable[[BinaryIO], None]) -> None:
    with _as_refusal():
        write_pdf_atomically(Path(out), build)


def _today(ctx: Context) -> date:
    """The operator's date: a copy printed at 07:00 in Botou is dated that day, not UTC's."""
    return ctx.now().astimezone(OPERATOR_TZ).date()


def _notice_data(ctx: Context, code: str) -> NoticeData:
    spec = get_campaign(ctx, code)
    with ctx.store.read() as session:
        office = organisation.name_in(session)
    return NoticeData(
        issuer=spec.issuer,
        carrier_branch=spec.carrier_branch,
        contact=spec.contact,
        deadline=spec.deadline,
        pool_prefixes=spec.pool_prefixes + spec.pool_numbers,
        tariff_options=tariff_lines(spec),
        addons=addon_lines(spec),
        issued_on=spec.issued_on,
        title=spec.title,
        template=spec.notice_template or None,
        organisation=office,
    )


def notice_template(ctx: Context, code: str) -> NoticeTemplate:
    """The text the editor shows: the campaign's own wording, or the shipped default (one statement)."""
    with ctx.store.read() as session:
        found = session.execute(select(Campaign.id, Campaign.notice_template).where(Campaign.code == code)).one_or_none()
    if found is None:
        raise not_found("办理活动", "campaign", code)
    if found.notice_template:
        return NoticeTemplate(found.notice_template, False)
    return NoticeTemplate(DEFAULT_NOTICE_TEMPLATE, True)


def save_notice_template(ctx: Context, code: str, text: str) -> NoticeTemplate:
    """Save the office's wording; a blank text goes back to the default."""
    campaigns.set_notice_template(ctx, code, text if text.strip() else "")
    return notice_template(ctx, code)


def print_notice(ctx: Context, code: str, out: Path) -> Printed:
    data = _notice_data(ctx, code)
    _write(out, lambda stream: render_notice(data, stream))
    return Printed(Path(out), _pages(out))


def _forms(
    ctx: Context, code: str, department: str | None, application_ids: Sequence[int] | None, full_ids: bool
) -> list[ApplicationFormData]:
    ctx.require(Permission.TAKE_APPLICATIONS)
    id_privacy.require_full_ids(ctx, full_ids)
    selection = Selection(LIVE_STATUSES, scoped_department(ctx, department), _ids(application_ids))
    with ctx.store.read() as session:
        campaign = campaign_row(session, code)
        pricing = Pricing(campaign)
        rows = load_applications(session, campaign, selection)
        return [form_data(full_ids, campaign, pricing, app, dept) for app, dept in rows]


def _ids(application_ids: Sequence[int] | None) -> tuple[int, ...] | None:
    return None if application_ids is None else tuple(int(i) for i in application_ids)


def print_forms(
    ctx: Context,
    code: str,
    out: Path,
    department: str | None = None,
    application_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    full_ids: bool = False,
) -> Printed:
    """Every live application's form (or a department's, or the chosen ones) in one PDF.

    ID numbers are masked unless ``full_ids``, which needs the right and is recorded.
    """
    forms = _forms(ctx, code, department, application_ids, full_ids)
    _write(out, lambda stream: render_forms(forms, stream, progress))
    _record_full(ctx, full_ids, "forms", code, out, len(forms))
    return Printed(Path(out), len(forms))


def print_form_files(
    ctx: Context,
    code: str,
    folder: Path,
    application_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    department: str | None = None,
    full_ids: bool = False,
) -> Printed:
    """One PDF per form in ``folder``, named by application and person, for sending one by one."""
    forms = _forms(ctx, code, department, application_ids, full_ids)
    with _as_refusal():
        paths = write_form_files(forms, Path(folder), progress)
    _record_full(ctx, full_ids, "form files", code, folder, len(forms))
    return Printed(Path(folder), len(forms), tuple(paths))


def _roster(ctx: Context, code: str, department: str | None, statuses: tuple[Status, ...], full_ids: bool) -> RosterData:
    id_privacy.require_full_ids(ctx, full_ids)
    with ctx.store.read() as session:
        campaign = campaign_row(session, code)
        pricing = Pricing(campaign)
        rows = load_applications(session, campaign, Selection(statuses, department))
        lines = tuple(roster_line(full_ids, pricing, app, dept) for app, dept in rows)
        return RosterData(campaign.title, campaign.issuer, _today(ctx), lines, department,
                          audit_witness=audit.witness(session).printed, organisation=organisation.name_in(session))


def print_roster(ctx: Context, code: str, out: Path, department: str, full_ids: bool = False) -> Printed:
    """A department's list of everyone who applied, whatever stage each application is at.

    The collector checks it against the paper pile before handing over, so drafts belong on it.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    data = _roster(ctx, code, scoped_department(ctx, department), LIVE_STATUSES, full_ids)
    _write(out, lambda stream: render_roster(data, stream))
    _record_full(ctx, full_ids, "roster", code, out, len(data.lines))
    return Printed(Path(out), _pages(out))


def print_summary(ctx: Context, code: str, out: Path, all_live: bool = False, full_ids: bool = False) -> Printed:
    """The office's 汇总表 for the operator: what the office has submitted, unless ``all_live``."""
    ctx.require(Permission.EXPORT_ROSTER)
    statuses = LIVE_STATUSES if all_live else EXPORT_STATUSES
    data = _roster(ctx, code, None, statuses, full_ids)
    if not data.lines:
        raise Refused(_none_in(statuses))
    _write(out, lambda stream: render_roster(data, stream))
    _record_full(ctx, full_ids, "summary", code, out, len(data.lines))
    return Printed(Path(out), _pages(out))


def _none_in(statuses: tuple[Status, ...]) -> Reason:
    """"Nothing to print" naming the statuses looked for, so the clerk knows which move is missing."""
    zh = [STATUS_LABELS.text(s, "zh") for s in statuses]
    en = [STATUS_LABELS.text(s, "en") for s in statuses]
    return Reason("print.none_in_status", f"没有可打印的申请(汇总表只列状态为{'、'.join(zh[:-1])}或{zh[-1]}的申请)",
                  f"There are no applications to print: the summary lists only those {', '.join(en[:-1])} or {en[-1]}.")


def _record_full(ctx: Context, full_ids: bool, document: str, code: str, out: Path, count: int) -> None:
    if full_ids:
        id_privacy.record(ctx, id_privacy.Action.PRINT_FULL_ID, f"{document} {Path(out).name}", campaign=code, count=count)


def print_id_sheets(
    ctx: Context,
    code: str,
    out: Path,
    department: str | None = None,
    application_ids: Sequence[int] | None = None,
    progress: Progress | None = None,
) -> Printed:
    """The ID-copy sheets, marked with the operator's branch, the purpose and today's date.

    Order No. 25 wants a copy to say who may use it and for what, so a copy cannot be reused.
    A sheet shows the number and the photo, so it needs the full-ID right and is recorded.
    """
    ctx.require(Permission.TAKE_APPLICATIONS)
    ctx.require(Permission.VIEW_FULL_ID)
    selection = Selection(LIVE_STATUSES, scoped_department(ctx, department), _ids(application_ids), with_copies=True)
    with ctx.store.read() as session:
        campaign = campaign_row(session, code)
        purpose = f"仅供{campaign.carrier_branch}办理大客户业务使用"
        rows = load_applications(session, campaign, selection)
        copies = id_copy_data(ctx.store.keys, rows) if rows else []
        office = organisation.name_in(session)
    on = _today(ctx)
    _write(out, lambda stream: render_id_sheets(copies, purpose, on, stream, progress, office))
    id_privacy.record(ctx, id_privacy.Action.PRINT_ID_IMAGE, f"id sheets {Path(out).name}", campaign=code, count=len(copies))
    return Printed(Path(out), len(copies))


def _receipt(view: tickets.TicketView) -> ReceiptData:
    return ReceiptData(
        ticket_id=str(view.id),
        ticket_number=ticket_number(view.id, view.received_at),
        received_at=view.received_at,
        owner_name=view.owner_name,
        owner_staff_id=view.owner,
        channel=ticket_label(view.channel),
        window=ticket_label(view.window),
        category=ticket_label(view.category),
        customer_name=view.customer_name,
        masked_number=mask_mobile(view.customer_number),
        summary=view.content,
        due_at=view.due_at,
    )


def print_receipt(ctx: Context, ticket_id: int, out: Path) -> Printed:
    """The customer's 受理回执: who owns the request and by when; the number is masked."""
    data = _receipt(tickets.show(ctx, ticket_id))
    _write(out, lambda stream: render_receipt(data, stream))
    return Printed(Path(out), _pages(out))


def print_ticket(ctx: Context, ticket_id: int, out: Path) -> Printed:
    view = tickets.show(ctx, ticket_id)
    history = tuple(
        TicketHistoryLine(e.at, f"{e.staff_name}({e.staff_no})", ticket_label(e.action), e.details()) for e in view.history
    )
    data = TicketDocData(_receipt(view), ticket_label(view.status), history)
    _write(out, lambda stream: render_ticket(data, stream))
    return Printed(Path(out), _pages(out))


_PAGE_OBJECT = re.compile(rb"/Type /Page\n")


def _pages(path: Path) -> int:
    """Count the pages of a PDF we just wrote: reportlab writes each page object uncompressed
    as ``/Type /Page`` on its own line, so no PDF parser is needed at run time."""
    return len(_PAGE_OBJECT.findall(Path(path).read_bytes()))
