"""Ticket documents for first-contact responsibility (首问负责制).

The receipt is the customer's proof that someone named owns the request and by when it is due;
the full ticket, with its history, is what the owner files and what a supervisor reviews.
"""

from __future__ import annotations

from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from kaccount_desk.documents.data import ReceiptData, TicketDocData
from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import GRID, SHADE, QrFlowable, format_datetime, paged_canvas, para

FRAME_WIDTH = A4[0] - 40 * mm
LABEL_W = 28 * mm


def _heading(title: str, ticket: ReceiptData) -> Table:
    qr = QrFlowable(ticket.qr_payload, 28 * mm)
    text = [para(title, 20, TA_CENTER), Spacer(1, 2 * mm), para(f"受理单号:{ticket.ticket_number}", 11, TA_CENTER)]
    table = Table([[text, qr]], colWidths=[FRAME_WIDTH - 34 * mm, 34 * mm])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (0, 0), 34 * mm),
            ]
        )
    )
    return table


def _facts(ticket: ReceiptData, extra: list[tuple[str, str]]) -> Table:
    owner = f"{ticket.owner_name}(工号 {ticket.owner_staff_id})"
    pairs = [
        ("受理时间", format_datetime(ticket.received_at)),
        ("首问责任人", owner),
        ("受理渠道", ticket.channel),
        ("受理窗口", ticket.window),
        ("业务类别", ticket.category),
        ("客户姓名", ticket.customer_name),
        ("联系号码", ticket.masked_number),
        ("承诺办结时间", format_datetime(ticket.due_at)),
        *extra,
        ("受理内容", ticket.summary),
    ]
    table = Table(
        [[para(label, 11), para(value, 11)] for label, value in pairs],
        colWidths=[LABEL_W, FRAME_WIDTH - LABEL_W],
    )
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.7, GRID),
                ("BOX", (0, 0), (-1, -1), 1.4, GRID),
                ("BACKGROUND", (0, 0), (0, -1), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table


def _doc(out: BinaryIO, title: str) -> SimpleDocTemplate:
    register_font()
    return SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=20 * mm,
        title=title,
    )


def _signatures() -> Table:
    table = Table(
        [["受理人签章:", "", "客户签字:", ""]],
        colWidths=[26 * mm, 56 * mm, 22 * mm, FRAME_WIDTH - 104 * mm],
        rowHeights=[12 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_font(), 11),
                ("LINEBELOW", (1, 0), (1, 0), 0.8, GRID),
                ("LINEBELOW", (3, 0), (3, 0), 0.8, GRID),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def render_receipt(data: ReceiptData, out: BinaryIO) -> None:
    story: list[Flowable] = [
        _heading("受理回执", data),
        Spacer(1, 6 * mm),
        _facts(data, []),
        Spacer(1, 6 * mm),
        para(data.promise, 11),
        Spacer(1, 4 * mm),
        para("请妥善保管本回执;查询办理进度时请出示本回执或报受理单号。", 10),
        Spacer(1, 10 * mm),
        _signatures(),
    ]
    _doc(out, f"受理回执 {data.ticket_number}").build(story)


def _history(data: TicketDocData) -> Table:
    rows = [[para(h, 10, TA_CENTER) for h in ("时间", "处理人", "动作", "说明")]]
    rows += [[para(format_datetime(h.at), 10), para(h.who, 10), para(h.action, 10), para(h.text, 10)] for h in data.history]
    if not data.history:
        rows.append([para("暂无处理记录", 10), "", "", ""])
    widths = [46 * mm, 30 * mm, 24 * mm, FRAME_WIDTH - 100 * mm]  # the action column holds 调整负责人 on one line
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if not data.history:
        commands.append(("SPAN", (0, 1), (-1, 1)))
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(commands))


def render_ticket(data: TicketDocData, out: BinaryIO) -> None:
    ticket = data.ticket
    story: list[Flowable] = [
        _heading("首问负责受理单", ticket),
        Spacer(1, 6 * mm),
        _facts(ticket, [("当前状态", data.status)]),
        Spacer(1, 6 * mm),
        para("处理记录", 12),
        Spacer(1, 2 * mm),
        _history(data),
    ]
    title = f"受理单 {ticket.ticket_number}"
    _doc(out, title).build(story, canvasmaker=paged_canvas(title))
