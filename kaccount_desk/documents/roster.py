"""Rosters: one department's list, or the office's summary (汇总表) grouped by department.

The operator's counter checks the paper roster line by line against the forms, so long lists
repeat the header on every page and every page says which of how many it is; the totals per
plan and per add-on let the office check the bill the operator will send.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, LongTable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kaccount_desk.documents.data import RosterData, RosterLine
from kaccount_desk.documents.errors import nothing_to_print
from kaccount_desk.documents.layout import GRID, SHADE, format_date, format_yuan, paged_canvas, para, title_style

PAGE = landscape(A4)
MARGIN = 14 * mm
HEADER = ("序号", "部门", "姓名", "证件号码", "办理号码", "号码类型", "资费方案", "附加业务", "月费(元)", "状态")
WIDTHS_MM = (12, 24, 22, 40, 28, 18, 54, 39, 16, 16)
CELL_SIZE = 9.0


def _row(n: int, line: RosterLine) -> list[Paragraph]:
    cells = (
        str(n), line.department, line.name, line.id_number, line.phone_number, "老号" if line.keeps_number else "新号",
        line.plan, "、".join(line.addons), format_yuan(line.monthly_fee), line.status,
    )
    return [para(c, CELL_SIZE, TA_RIGHT if i == 8 else 0) for i, c in enumerate(cells)]


def _by_department(lines: tuple[RosterLine, ...]) -> dict[str, list[RosterLine]]:
    groups: dict[str, list[RosterLine]] = defaultdict(list)
    for line in lines:
        groups[line.department].append(line)
    return dict(groups)


def _subtotal(text: str) -> list[Paragraph | str]:
    return [para(text, CELL_SIZE), *[""] * (len(HEADER) - 1)]


def _main_table(data: RosterData) -> LongTable:
    rows: list[list[Paragraph | str]] = [[para(h, CELL_SIZE, TA_CENTER) for h in HEADER]]
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1.2, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    n = 0
    for department, lines in _by_department(data.lines).items():
        if data.is_summary:
            commands += [("SPAN", (0, len(rows)), (-1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)), SHADE)]
            rows.append(_subtotal(f"{department}({len(lines)} 人)"))
        for line in lines:
            n += 1
            rows.append(_row(n, line))
        if data.is_summary:
            fee = sum((line.monthly_fee for line in lines), Decimal(0))
            commands.append(("SPAN", (0, len(rows)), (-1, len(rows))))
            rows.append(_subtotal(f"{department}小计:{len(lines)} 人,预计月费合计 {format_yuan(fee)} 元"))
    return LongTable(rows, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1, style=TableStyle(commands))


def _totals(data: RosterData) -> list[Flowable]:
    """Totals per plan (people and fees) and per add-on, as the operator will bill them."""
    plans: Counter[str] = Counter()
    plan_fees: dict[str, Decimal] = defaultdict(Decimal)
    addons: Counter[str] = Counter()
    for line in data.lines:
        plans[line.plan] += 1
        plan_fees[line.plan] += line.monthly_fee
        addons.update(line.addons)
    total_fee = sum(plan_fees.values(), Decimal(0))
    plan_rows = [["资费方案", "人数", "预计月费合计(元)"]]
    plan_rows += [[plan, str(count), format_yuan(plan_fees[plan])] for plan, count in plans.items()]
    plan_rows.append(["合计", str(len(data.lines)), format_yuan(total_fee)])
    addon_rows = [["附加业务", "人数"]] + [[name, str(count)] for name, count in addons.items()]
    if len(addon_rows) == 1:
        addon_rows.append(["无", "0"])
    plan_block = [para("按资费方案合计", 11), Spacer(1, 2 * mm), _small_table(plan_rows, (70, 20, 40), total_row=True)]
    addon_block = [para("按附加业务合计", 11), Spacer(1, 2 * mm), _small_table(addon_rows, (60, 20))]
    side_by_side = Table([[plan_block, addon_block]], colWidths=[140 * mm, 90 * mm], hAlign="LEFT")
    side_by_side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether(side_by_side)]


def _small_table(rows: list[list[str]], widths_mm: tuple[int, ...], total_row: bool = False) -> Table:
    cells = [[para(c, CELL_SIZE + 1, TA_RIGHT if i else 0) for i, c in enumerate(row)] for row in rows]
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), SHADE))
    return Table(cells, colWidths=[w * mm for w in widths_mm], hAlign="LEFT", style=TableStyle(commands))


def render_roster(data: RosterData, out: BinaryIO) -> None:
    if not data.lines:
        raise nothing_to_print()
    kind = "汇总表" if data.is_summary else f"{data.department}申请名单"
    doc = SimpleDocTemplate(
        out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=14 * mm, bottomMargin=18 * mm,
        title=f"{data.campaign_title} {kind}",
    )
    departments = len(_by_department(data.lines))
    facts = f"报送单位:{data.issuer}\u3000\u3000打印日期:{format_date(data.printed_on)}\u3000\u3000共 {len(data.lines)} 人"
    if data.is_summary:
        facts += f",{departments} 个部门"
    heading = [Paragraph(escape(data.organisation), title_style(14))] if data.organisation else []
    story: list[Flowable] = [
        *heading,
        Paragraph(escape(kind), title_style(18)),
        para(data.campaign_title, 10, TA_CENTER),
        para(facts, 10, TA_CENTER),
        Spacer(1, 4 * mm),
        _main_table(data),
        Spacer(1, 6 * mm),
        *_totals(data),
    ]
    footer = f"{data.campaign_title} {kind}" + (f"\u3000\u3000{data.audit_witness}" if data.audit_witness else "")
    doc.build(story, canvasmaker=paged_canvas(footer))
