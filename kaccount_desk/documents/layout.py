"""Pieces every document shares: Chinese date and money formats, paragraph styles, the QR code
and the "第 N 页 共 M 页" footer.

Kept in one place so that a receipt and a roster print a time the same way and a QR code made
for one document scans like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import escape

import qrcode
import qrcode.constants
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from kaccount_desk.documents.fonts import register_font

# Binary streams: reportlab's default ASCII85 armour makes every image and font a quarter bigger
# and, without its optional C accelerator (not installed here), took 80% of an ID sheet's time.
rl_config.useA85 = 0

GRID = colors.HexColor("#444444")
SHADE = colors.HexColor("#E8EEF4")
QUIET_MODULES = 4


def format_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def format_datetime(value: datetime) -> str:
    """Print in the value's own offset: the time the clerk saw, wherever the PDF is made."""
    return f"{format_date(value)} {value:%H:%M}"


def format_yuan(amount: Decimal) -> str:
    """"8" for whole yuan, as notices write fees; "0.50" otherwise."""
    if amount == amount.to_integral_value():
        return f"{amount:.0f}"
    return f"{amount:.2f}"


def number_kind(keeps_number: bool) -> str:
    return "老号(在网号码)" if keeps_number else "新号"


@cache
def style(
    name: str, size: float = 10.5, align: int = TA_LEFT, leading: float | None = None, indent: float = 0
) -> ParagraphStyle:
    """A CJK-wrapping style in the bundled font; cached because forms ask for it thousands of times."""
    return ParagraphStyle(
        name,
        fontName=register_font(),
        fontSize=size,
        leading=leading or size * 1.5,
        alignment=align,
        firstLineIndent=indent,
        wordWrap="CJK",
    )


def para(text: str, size: float = 10.5, align: int = TA_LEFT) -> Paragraph:
    """A paragraph of literal text: names with "<" or "&" must print as typed, not as markup."""
    return Paragraph(escape(text), style(f"p{size}-{align}", size, align))


def title_style(size: float = 20) -> ParagraphStyle:
    return style(f"title{size}", size, TA_CENTER, size * 1.6)


def right_style(size: float = 12) -> ParagraphStyle:
    return style(f"right{size}", size, TA_RIGHT, size * 1.7)


# A fixed mask skips qrcode's search over all eight, which costs ~6 ms a code against ~0.8 ms
# for the rest: every mask is valid and scans, and a thousand forms each carry a different code.
QR_MASK = 2


@lru_cache(maxsize=256)
def _qr_path(payload: str) -> tuple[int, str]:
    """The dark modules as PDF rectangles in module units, one per horizontal run.

    Built once per payload as a ready operator string: a code has ~300 runs, and formatting each
    through ``canvas.rect`` was a good part of a form's drawing time.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0, mask_pattern=QR_MASK)
    code.add_data(payload)
    code.make(fit=True)
    matrix = code.get_matrix()
    count = len(matrix)
    ops = []
    for r, row in enumerate(matrix):
        y = count - r - 1
        start = None
        for col, dark in enumerate([*row, False]):
            if dark and start is None:
                start = col
            elif not dark and start is not None:
                ops.append(f"{start} {y} {col - start} 1 re")
                start = None
    return count, " ".join(ops) + " f"


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw a QR code whose outer box, quiet zone included, is ``size`` wide at (x, y)."""
    count, path = _qr_path(payload)
    module = size / (count + 2 * QUIET_MODULES)
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    offset = QUIET_MODULES * module
    canvas.transform(module, 0, 0, module, x + offset, y + offset)
    canvas.addLiteral(path)
    canvas.restoreState()


_NO_LINE_START = frozenset(",。、;:?!)》」』】〉”’%,.;:?!)]")


def wrap_cjk(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines no wider than ``width``, character by character as Chinese wraps.

    A closing mark never starts a line (禁则): the character before it moves down with it.
    """
    lines: list[str] = []
    line = ""
    used = 0.0
    for char in text:
        w = stringWidth(char, font, size)
        if line and used + w > width:
            carry = ""
            if char in _NO_LINE_START and len(line) > 1:
                carry, line = line[-1], line[:-1]
            lines.append(line)
            line = carry
            used = stringWidth(carry, font, size) if carry else 0.0
        line += char
        used += w
    if line:
        lines.append(line)
    return lines


def fit_text(text: str, font: str, size: float, width: float, height: float) -> tuple[float, list[str]]:
    """The largest size (down to 7 pt) at which ``text`` wraps into ``height``, and its lines."""
    if stringWidth(text, font, size) <= width:
        return size, [text]
    while True:
        lines = wrap_cjk(text, font, size, width)
        if len(lines) * size * 1.25 <= height or size <= 7:
            return size, lines
        size -= 0.5


class QrFlowable(Flowable):
    """A QR code in a platypus story, with its payload printed small beneath for manual entry."""

    def __init__(self, payload: str, size: float = 28 * mm) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = size
        self.height = size + 4 * mm

    def draw(self) -> None:
        draw_qr(self.canv, self.payload, 0, 4 * mm, self.size)
        self.canv.setFont(register_font(), 7)
        self.canv.drawCentredString(self.size / 2, 1 * mm, self.payload)


def paged_canvas(footer_left: str) -> Callable[..., Canvas]:
    """A canvas class that knows the page count before it draws each footer.

    reportlab only learns the total after the last page, so pages are held back and the
    footers drawn at save time.
    """

    class PagedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = self._pagesize
            self.setFont(register_font(), 9)
            self.setFillColor(GRID)
            self.drawString(18 * mm, 10 * mm, footer_left)
            self.drawRightString(width - 18 * mm, 10 * mm, f"第 {self._pageNumber} 页 共 {total} 页")

    return PagedCanvas
