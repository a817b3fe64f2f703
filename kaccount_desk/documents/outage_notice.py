"""The customers' notice of planned work (停机通知, standard 2.6 of the service standard).

One A4 page: what is done where, from when to when, who is affected, and, when the rules asked
for it, whose approval the work has, so a customer (or a key-account company's office) sees the
work is authorised. Times print in the hall's clock, as every time a customer is told.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import GRID, SHADE, format_date, format_datetime, para, right_style, title_style
from kaccount_desk.domain.operator_time import local

FRAME_WIDTH = A4[0] - 50 * mm
LABEL_W = 32 * mm


@dataclass(frozen=True)
class OutageNoticeData:
    """What the notice prints; the service fills it from the register."""

    organisation: str
    what: str
    area: str
    start: datetime
    end: datetime
    hours: int
    affected: str
    approved_by: str | None
    approved_at: datetime | None
    issued_on: date


def _facts(data: OutageNoticeData) -> Table:
    pairs = [
        ("停机内容", data.what),
        ("影响区域", data.area),
        ("开始时间", format_datetime(local(data.start))),
        ("预计恢复时间", format_datetime(local(data.end))),
        ("预计时长", f"{data.hours} 小时"),
        ("受影响客户", data.affected or f"{data.area}的移动通信用户"),
    ]
    if data.approved_by and data.approved_at is not None:
        pairs.append(("批准", f"已报{data.approved_by}批准({format_date(local(data.approved_at).date())})"))
    table = Table([[para(label, 12), para(value, 12)] for label, value in pairs], colWidths=[LABEL_W, FRAME_WIDTH - LABEL_W])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.7, GRID),
        ("BOX", (0, 0), (-1, -1), 1.4, GRID),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def render_outage_notice(data: OutageNoticeData, out: BinaryIO) -> None:
    """Write the notice to ``out`` as a one-page PDF."""
    register_font()
    start, end = format_datetime(local(data.start)), format_datetime(local(data.end))
    body = (
        f"因{data.what},定于{start}至{end}对{data.area}的通信设施进行施工,预计停机 {data.hours} 小时。"
        "届时该区域的移动通信服务将受到影响。我们将尽量缩短停机时间,给您带来的不便,敬请谅解。"
    )
    story: list[Flowable] = [
        Paragraph("计划停机通知", title_style(22)),
        Spacer(1, 8 * mm),
        para("尊敬的客户:", 13),
        Spacer(1, 3 * mm),
        para(body, 13),
        Spacer(1, 6 * mm),
        _facts(data),
        Spacer(1, 6 * mm),
        para("停机期间如有紧急通信需要或疑问,请拨打客服热线 10086 或到就近营业厅咨询。", 12),
        Spacer(1, 14 * mm),
    ]
    if data.organisation:
        story.append(Paragraph(escape(data.organisation), right_style(13)))
    story.append(Paragraph(format_date(data.issued_on), right_style(13)))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=25 * mm, rightMargin=25 * mm, topMargin=25 * mm,
                            bottomMargin=20 * mm, title="计划停机通知")
    doc.build(story)
