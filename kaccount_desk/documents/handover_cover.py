"""The cover page of the office's hand-over to the operator: what is in the file, and how to check it.

The operator's counter signs for a pile it did not assemble. The cover says how many applications
the file holds per department and per tariff option (what the operator will bill), names each
part with its SHA-256 (so the counter can tell the roster it opens is the one handed over), and
carries the audit chain's head (so the office's store can later be compared with this paper).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kaccount_desk.documents.errors import nothing_to_print
from kaccount_desk.documents.layout import GRID, SHADE, format_date, paged_canvas, para, title_style

CELL_SIZE = 10.0
MARGIN = 18 * mm


@dataclass(frozen=True)
class CoverCount:
    """One line of a count table: a department or a tariff option, how many, and (options) the monthly fees."""

    name: str
    count: int
    monthly_fee: str = ""


@dataclass(frozen=True)
class CoverData:
    campaign_title: str
    campaign_code: str
    organisation: str
    carrier_branch: str
    handed_on: date
    department: str | None  # None: every department's submitted applications
    by_department: tuple[CoverCount, ...]
    by_plan: tuple[CoverCount, ...]
    parts: tuple[tuple[str, str], ...]  # (file name in the package, SHA-256 hex)
    audit_witness: str  # the audit chain's head as printed ("审计链 #123 · 1a2b3c4d5e6f")
    handed_by: str  # the staff member's 工号 and name
    total_fee: str = ""  # every option's monthly fees together, as the operator will bill them

    @property
    def total(self) -> int:
        return sum(c.count for c in self.by_department)


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]], widths_mm: tuple[float, ...]) -> Table:
    cells = [[para(c, CELL_SIZE, TA_CENTER) for c in header]]
    cells += [[para(c, CELL_SIZE, TA_RIGHT if i else 0) for i, c in enumerate(row)] for row in rows]
    style = TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("BACKGROUND", (0, -1), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ])
    return Table(cells, colWidths=[w * mm for w in widths_mm], hAlign="LEFT", style=style)


def _counts(data: CoverData) -> list[Flowable]:
    departments = [(c.name, str(c.count)) for c in data.by_department] + [("合计", str(data.total))]
    plans = [(c.name, str(c.count), c.monthly_fee) for c in data.by_plan] + [("合计", str(data.total), data.total_fee)]
    return [
        KeepTogether([para("按部门", 12), Spacer(1, 2 * mm), _table(("部门", "人数"), departments, (120, 30))]),
        Spacer(1, 6 * mm),
        KeepTogether([para("按资费方式", 12), Spacer(1, 2 * mm), _table(("资费方式", "人数", "预计月费合计(元)"), plans, (100, 30, 44))]),
    ]


def _parts(data: CoverData) -> list[Flowable]:
    rows = [[para("文件", 9, TA_CENTER), para("SHA-256 校验值", 9, TA_CENTER)]]
    rows += [[para(name, 9), Paragraph(f'<font face="Courier" size="7.5">{escape(digest)}</font>')] for name, digest in data.parts]
    table = Table(rows, colWidths=[52 * mm, 122 * mm], hAlign="LEFT",
                  style=TableStyle([("GRID", (0, 0), (-1, -1), 0.5, GRID), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    note = "本封面之外各文件的校验值另见 manifest.json;任何一个字节被改动,校验值即不相符。"
    return [KeepTogether([para("文件清单", 12), Spacer(1, 2 * mm), table, Spacer(1, 2 * mm), para(note, 9)])]


def _signatures(data: CoverData) -> Table:
    cells = [[para(f"移交人:{data.handed_by}", 11), para("接收人(运营商营业厅):", 11)],
             [para("签字:", 11), para("签字:", 11)],
             [para(f"日期:{format_date(data.handed_on)}", 11), para("日期:", 11)]]
    return Table(cells, colWidths=[87 * mm, 87 * mm], hAlign="LEFT", rowHeights=[9 * mm] * 3)


def render_handover_cover(data: CoverData, out: BinaryIO) -> None:
    """One page (two for a campaign of many departments): title, what, counts, parts, witness, signatures."""
    if not data.total:
        raise nothing_to_print()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=16 * mm, bottomMargin=20 * mm,
                            title=f"{data.campaign_title} 移交运营商封面")
    scope = data.department or "全部部门"
    facts = (f"活动:{data.campaign_title}({data.campaign_code})\u3000\u3000范围:{scope}\u3000\u3000"
             f"共 {data.total} 份申请\u3000\u3000移交日期:{format_date(data.handed_on)}")
    heading = [Paragraph(escape(data.organisation), title_style(14))] if data.organisation else []
    story: list[Flowable] = [
        *heading,
        Paragraph(escape(f"移交{data.carrier_branch}办理清单封面"), title_style(18)),
        para(facts, 10, TA_CENTER),
        para("本文件含身份证号码和身份证复印件,仅供运营商办理大客户业务使用,不得转作他用", 10, TA_CENTER),
        Spacer(1, 6 * mm),
        *_counts(data),
        Spacer(1, 6 * mm),
        *_parts(data),
        Spacer(1, 4 * mm),
        para(f"移交时办公室审计记录的链头:{data.audit_witness}", 10),
        Spacer(1, 8 * mm),
        _signatures(data),
    ]
    doc.build(story, canvasmaker=paged_canvas(f"{data.campaign_title} 移交封面\u3000\u3000{data.audit_witness}"))

