"""The application form (业务办理申请表) an employee signs, one per page.

The QR code carries the application's identifier so the counter can scan a signed paper form
straight back to its record instead of retyping a name.

Offices print a department's forms by the hundred, so the page is drawn straight on the canvas
from precomputed positions: everything that is the same on every form (title, labels, grid,
declaration, signature lines, the counter's box) is one form XObject drawn once per file, and a
page only adds its own values and QR code. Platypus tables did the same work ~5 times slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from kaccount_desk.documents.data import ApplicationFormData
from kaccount_desk.documents.errors import Cancelled, DocumentError, nothing_to_print
from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import GRID, SHADE, draw_qr, fit_text, format_date, format_yuan, number_kind, wrap_cjk
from kaccount_desk.documents.pdf_file import write_pdf_atomically
from kaccount_desk.safe_files import UnsafeTarget, folder_batch

Progress = Callable[[int, int], bool]

PAGE_W, PAGE_H = A4
LEFT = 20 * mm
RIGHT = PAGE_W - 20 * mm
FRAME_WIDTH = RIGHT - LEFT
LABEL_W = 26 * mm
HALF = FRAME_WIDTH / 2
# x of each column's left edge: label, value, label, value, and the right edge.
COLS = (LEFT, LEFT + LABEL_W, LEFT + HALF, LEFT + HALF + LABEL_W, RIGHT)
PAD = 6.0
VALUE_SIZE = 11.0
QR_SIZE = 30 * mm
QR_X = RIGHT - QR_SIZE
QR_Y = PAGE_H - 18 * mm - QR_SIZE - 4 * mm
FIELDS_TOP = PAGE_H - 60 * mm
FIELD_ROW = 13 * mm
LABELS = (
    ("姓名", "性别"),
    ("部门", "出生日期"),
    ("证件类型", "证件号码"),
    ("号码类型", "办理号码"),
    ("资费方案", None),
    ("附加业务", None),
    ("预计月费", "办理状态"),
    ("所属活动", None),
)
DECLARATION = (
    "本人自愿申请加入公司集团客户网,已阅读并同意通知所列资费方式,所填信息及所附机主身份证复印件真实有效。"
)
TEMPLATE_FORM = "kad-application-form"


def _values(form: ApplicationFormData) -> tuple[tuple[str, str | None], ...]:
    birth = format_date(form.birth_date) if form.birth_date else ""
    return (
        (form.name, form.sex),
        (form.department, birth),
        (form.id_type, form.id_number),
        (number_kind(form.keeps_number), form.phone_number),
        (form.plan, None),
        ("、".join(form.addons) or "无", None),
        (f"{format_yuan(form.monthly_fee)} 元", form.status),
        (form.campaign_title, None),
    )


def _grid(canvas: Canvas, top: float, row_h: float, labels: Sequence[tuple[str, str | None]]) -> None:
    """A bordered label/value grid; a row with no second label spans its value across the row."""
    font = register_font()
    bottom = top - row_h * len(labels)
    canvas.setFillColor(SHADE)
    canvas.rect(COLS[0], bottom, LABEL_W, top - bottom, stroke=0, fill=1)
    for r, (_, second) in enumerate(labels):
        if second is not None:
            canvas.rect(COLS[2], top - (r + 1) * row_h, LABEL_W, row_h, stroke=0, fill=1)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.8)
    for r in range(1, len(labels)):
        canvas.line(LEFT, top - r * row_h, RIGHT, top - r * row_h)
    canvas.line(COLS[1], top, COLS[1], bottom)
    for r, (_, second) in enumerate(labels):
        if second is not None:
            y0, y1 = top - r * row_h, top - (r + 1) * row_h
            canvas.line(COLS[2], y0, COLS[2], y1)
            canvas.line(COLS[3], y0, COLS[3], y1)
    canvas.setLineWidth(1.6)
    canvas.rect(LEFT, bottom, FRAME_WIDTH, top - bottom, stroke=1, fill=0)
    canvas.setFillColor(colors.black)
    canvas.setFont(font, VALUE_SIZE)
    for r, (first, second) in enumerate(labels):
        baseline = top - (r + 0.5) * row_h - 0.35 * VALUE_SIZE
        canvas.drawString(COLS[0] + PAD, baseline, first)
        if second:
            canvas.drawString(COLS[2] + PAD, baseline, second)


def _paragraph(canvas: Canvas, text: str, y: float, size: float) -> float:
    """Left-aligned wrapped text from baseline ``y`` down; returns the next free baseline."""
    canvas.setFont(register_font(), size)
    for line in wrap_cjk(text, register_font(), size, FRAME_WIDTH):
        canvas.drawString(LEFT, y, line)
        y -= size * 1.5
    return y


def _signature_rows(canvas: Canvas, top: float) -> float:
    canvas.setFont(register_font(), VALUE_SIZE)
    canvas.setStrokeColor(GRID)
    canvas.setLineWidth(0.8)
    date_blank = "年\u3000\u3000月\u3000\u3000日"
    for r, who in enumerate(("申请人签字:", "办公室经办人:")):
        line_y = top - (r + 1) * 14 * mm
        baseline = line_y + 3
        canvas.drawString(LEFT, baseline, who)
        canvas.line(LEFT + 30 * mm, line_y, LEFT + 100 * mm, line_y)
        canvas.drawString(LEFT + 102 * mm, baseline, "日期:")
        canvas.line(LEFT + 116 * mm, line_y, RIGHT, line_y)
        canvas.drawRightString(RIGHT - PAD, baseline, date_blank)
    return top - 28 * mm


def _define_template(canvas: Canvas) -> None:
    """Everything every form shares, drawn once per file and placed on each page by reference."""
    font = register_font()
    canvas.beginForm(TEMPLATE_FORM, 0, 0, PAGE_W, PAGE_H)
    canvas.setFont(font, 20)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 30 * mm, "业务办理申请表")
    _grid(canvas, FIELDS_TOP, FIELD_ROW, LABELS)
    y = FIELDS_TOP - len(LABELS) * FIELD_ROW - 6 * mm - 10.5
    y = _paragraph(canvas, DECLARATION, y, 10.5)
    y = _paragraph(canvas, "请附机主身份证复印件(正反面)。", y, 10.5)
    y = _signature_rows(canvas, y - 2 * mm)
    y -= 12 * mm
    canvas.setFillColor(colors.black)
    canvas.setFont(font, 10.5)
    canvas.drawString(LEFT, y, "以下由中国移动营业厅填写")
    counter = (("受理营业员", "工号"), ("受理时间", "受理营业厅"), ("备注", None))
    _grid(canvas, y - 4 * mm, 11 * mm, counter)
    canvas.endForm()


def _value(canvas: Canvas, font: str, text: str, x: float, width: float, top: float) -> None:
    size, lines = fit_text(text, font, VALUE_SIZE, width - 2 * PAD, FIELD_ROW - 4)
    canvas.setFont(font, size)
    leading = size * 1.25
    baseline = top - FIELD_ROW / 2 + (len(lines) - 1) * leading / 2 - 0.35 * size
    for line in lines:
        canvas.drawString(x + PAD, baseline, line)
        baseline -= leading


def _page(canvas: Canvas, form: ApplicationFormData) -> None:
    font = register_font()
    canvas.doForm(TEMPLATE_FORM)
    canvas.setFont(font, VALUE_SIZE)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 39 * mm, form.campaign_title)
    canvas.setFont(font, 9)
    canvas.drawCentredString(PAGE_W / 2, PAGE_H - 45 * mm, f"申请编号:{form.application_id}")
    draw_qr(canvas, form.qr_payload, QR_X, QR_Y, QR_SIZE)
    canvas.setFont(font, 7)
    canvas.drawCentredString(QR_X + QR_SIZE / 2, QR_Y - 3 * mm, form.qr_payload)
    for r, (first, second) in enumerate(_values(form)):
        top = FIELDS_TOP - r * FIELD_ROW
        if second is None:
            _value(canvas, font, first, COLS[1], RIGHT - COLS[1], top)
        else:
            _value(canvas, font, first, COLS[1], COLS[2] - COLS[1], top)
            _value(canvas, font, second, COLS[3], RIGHT - COLS[3], top)


def render_forms(forms: Sequence[ApplicationFormData], out: BinaryIO, progress: Progress | None = None) -> None:
    """All forms in one PDF, one per page, for printing a department's pile at once.

    ``progress(done, total)`` is asked after each page; False stops with :class:`Cancelled`.
    """
    if not forms:
        raise nothing_to_print()
    register_font()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle("业务办理申请表")
    _define_template(canvas)
    total = len(forms)
    for done, form in enumerate(forms, start=1):
        _page(canvas, form)
        canvas.showPage()
        if progress is not None and not progress(done, total):
            raise Cancelled()
    canvas.save()


def form_file_name(form: ApplicationFormData) -> str:
    """Identifier first so files sort by application; the name helps a clerk find one by eye."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", f"{form.application_id}-{form.name}") + ".pdf"


def _render_one(form: ApplicationFormData, out: BinaryIO) -> None:
    render_forms([form], out)


def write_form_files(forms: Sequence[ApplicationFormData], folder: Path, progress: Progress | None = None) -> list[Path]:
    """One PDF per form in ``folder``, for sending forms one by one, all of them or none.

    The batch is written into a temporary folder and moved into place at the end (safe_files):
    a cancel, a failure or a kill part-way leaves no file, and so no name or ID number, behind.
    """
    if not forms:
        raise nothing_to_print()
    names = [form_file_name(form) for form in forms]
    total = len(forms)
    try:
        with folder_batch(Path(folder)) as batch:
            for done, (form, name) in enumerate(zip(forms, names, strict=True), start=1):
                write_pdf_atomically(batch / name, partial(_render_one, form))
                if progress is not None and not progress(done, total):
                    raise Cancelled()
    except UnsafeTarget as exc:
        raise DocumentError(exc.reason) from exc
    return [Path(folder) / name for name in names]
