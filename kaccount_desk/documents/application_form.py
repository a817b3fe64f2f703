"""The application form (业务办理申请表) an employee signs, one per page.

The QR code carries the application's identifier so the counter can scan a signed paper form
straight back to its record instead of retyping a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate, Spacer, Table, TableStyle

from kaccount_desk.documents.data import ApplicationFormData
from kaccount_desk.documents.errors import nothing_to_print
from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import (
    GRID,
    SHADE,
    QrFlowable,
    format_date,
    format_yuan,
    number_kind,
    para,
)
from kaccount_desk.documents.pdf_file import write_pdf_atomically

FRAME_WIDTH = A4[0] - 40 * mm
DECLARATION = (
    "本人自愿申请加入公司集团客户网,已阅读并同意通知所列资费方式,所填信息及所附机主身份证复印件真实有效。"
)


def _fields(form: ApplicationFormData) -> Table:
    birth = format_date(form.birth_date) if form.birth_date else ""
    rows = [
        ["姓名", form.name, "性别", form.sex],
        ["部门", form.department, "出生日期", birth],
        ["证件类型", form.id_type, "证件号码", form.id_number],
        ["号码类型", number_kind(form.keeps_number), "办理号码", form.phone_number],
        ["资费方案", form.plan, "", ""],
        ["附加业务", "、".join(form.addons) or "无", "", ""],
        ["预计月费", f"{format_yuan(form.monthly_fee)} 元", "办理状态", form.status],
        ["所属活动", form.campaign_title, "", ""],
    ]
    return _boxed(rows, 13 * mm)


def _boxed(rows: list[list[str]], row_height: float) -> Table:
    """A label/value grid; a row whose third cell is empty spans its value across the row."""
    label_w, value_w = 26 * mm, FRAME_WIDTH / 2 - 26 * mm
    table = Table(
        [[para(cell, 11) for cell in row] for row in rows],
        colWidths=[label_w, value_w, label_w, value_w],
        rowHeights=[row_height] * len(rows),
    )
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.8, GRID),
        ("BOX", (0, 0), (-1, -1), 1.6, GRID),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]
    for r, row in enumerate(rows):
        if row[2] == "":
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            commands.append(("BACKGROUND", (2, r), (2, r), SHADE))
    table.setStyle(TableStyle(commands))
    return table


def _signatures() -> Table:
    font = register_font()
    date_blank = "年\u3000\u3000月\u3000\u3000日"
    rows = [["申请人签字:", "", "日期:", date_blank], ["办公室经办人:", "", "日期:", date_blank]]
    table = Table(rows, colWidths=[30 * mm, 70 * mm, 16 * mm, FRAME_WIDTH - 116 * mm], rowHeights=[14 * mm] * 2)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 11),
                ("ALIGN", (3, 0), (3, -1), "RIGHT"),
                ("LINEBELOW", (1, 0), (1, -1), 0.8, GRID),
                ("LINEBELOW", (3, 0), (3, -1), 0.8, GRID),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def _counter_box() -> list[Flowable]:
    """The part the operator's counter fills in, as on the paper forms counters keep."""
    rows = [["受理营业员", "", "工号", ""], ["受理时间", "", "受理营业厅", ""], ["备注", "", "", ""]]
    return [para("以下由中国移动营业厅填写", 10.5), Spacer(1, 2 * mm), _boxed(rows, 11 * mm)]


def _form_story(form: ApplicationFormData) -> list[Flowable]:
    qr = QrFlowable(form.qr_payload, 30 * mm)
    heading = Table(
        [[[para("业务办理申请表", 20, TA_CENTER), Spacer(1, 3 * mm), para(form.campaign_title, 11, TA_CENTER),
           para(f"申请编号:{form.application_id}", 9, TA_CENTER)], qr]],
        colWidths=[FRAME_WIDTH - 36 * mm, 36 * mm],
    )
    heading.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                                 ("LEFTPADDING", (0, 0), (0, 0), 36 * mm)]))
    return [
        heading,
        Spacer(1, 6 * mm),
        _fields(form),
        Spacer(1, 6 * mm),
        para(DECLARATION, 10.5),
        para("请附机主身份证复印件(正反面)。", 10.5),
        Spacer(1, 6 * mm),
        _signatures(),
        Spacer(1, 12 * mm),
        *_counter_box(),
    ]


def render_forms(forms: Sequence[ApplicationFormData], out: BinaryIO) -> None:
    """All forms in one PDF, one per page, for printing a department's pile at once."""
    if not forms:
        raise nothing_to_print()
    register_font()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
        title="业务办理申请表",
    )
    story: list[Flowable] = []
    for i, form in enumerate(forms):
        if i:
            story.append(PageBreak())
        story += _form_story(form)
    doc.build(story)


def form_file_name(form: ApplicationFormData) -> str:
    """Identifier first so files sort by application; the name helps a clerk find one by eye."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{form.application_id}-{form.name}") + ".pdf"


def write_form_files(forms: Sequence[ApplicationFormData], folder: Path) -> list[Path]:
    """One PDF per form in ``folder``, each written atomically, for sending forms one by one."""
    if not forms:
        raise nothing_to_print()
    paths = []
    for form in forms:
        path = Path(folder) / form_file_name(form)
        write_pdf_atomically(path, lambda out, form=form: render_forms([form], out))
        paths.append(path)
    return paths
