"""The ID-copy sheet (身份证复印件) the operator files with each application.

Real-name rules (MIIT Order No. 25) want a copy marked with its purpose and date, so a copy
cannot be reused elsewhere; the watermark is therefore tiled over each card image, rotated and
semi-transparent, and no strip of a card can be cut off without text on it. Cards print at their
real size (85.6 × 54 mm) so the copy looks like a photocopy of the card.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date
from io import BytesIO
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from kaccount_desk.documents.data import IdCopyData
from kaccount_desk.documents.errors import Cancelled, DocumentError, nothing_to_print
from kaccount_desk.documents.fonts import register_font
from kaccount_desk.documents.layout import GRID, format_date
from kaccount_desk.domain.reasons import Reason

CARD_W = 85.6 * mm
CARD_H = 54 * mm
CARD_GAP = 16 * mm
WATERMARK_SIZE = 10.0
WATERMARK_ANGLE = 28
WATERMARK_ROW = 9 * mm
WATERMARK_FORM = "kad-watermark"
SIDE_MARGIN = 15 * mm
WATERMARK_COLOR = colors.Color(0.75, 0.05, 0.05)
WATERMARK_ALPHA = 0.38

Progress = Callable[[int, int], bool]


class _JpegReader(ImageReader):
    """A JPEG that reportlab embeds as it is (DCTDecode), never decoded to full pixels.

    reportlab names an image XObject by hashing ``getRGBData()``, which would decode the pixels
    only to compute a name; the compressed bytes identify the picture just as exactly.
    """

    def __init__(self, checked: Image.Image, data: bytes) -> None:
        super().__init__(checked)
        self._jpeg = data
        self._dataA = None

    def jpeg_fh(self) -> BytesIO:
        return BytesIO(self._jpeg)

    def getRGBData(self) -> bytes:  # noqa: N802 - reportlab's name
        return self._jpeg


def _bad_image(person: str, side: str, exc: Exception) -> DocumentError:
    return DocumentError(
        Reason(
            "doc.bad_image",
            f"{person}的身份证{side}图片无法识别(需为 JPEG 或 PNG):{exc}",
            f"The ID card {'front' if side == '正面' else 'back'} image of {person} cannot be read "
            f"(JPEG or PNG expected): {exc}",
        )
    )


def _reader(person: str, side: str, data: bytes) -> ImageReader:
    """Decode once, to prove the image is whole; then embed what that decode left.

    A PNG's decoded pixels go to reportlab as they are. A JPEG is embedded byte for byte, so it
    is decoded in draft mode (1/8 scale, no inverse DCT): every entropy-coded byte is still
    read, which is what catches a truncated or garbled upload, at a quarter of the cost.
    """
    try:
        image = Image.open(BytesIO(data))
        if image.format == "JPEG":
            image.draft("RGB", (1, 1))
        image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise _bad_image(person, side, exc) from exc
    if image.format == "JPEG":
        return _JpegReader(image, data)
    return ImageReader(image)


def _check_sides(copy: IdCopyData) -> None:
    if not copy.front or not copy.back:
        missing = "正面" if not copy.front else "反面"
        raise DocumentError(
            Reason(
                "doc.no_copies",
                f"{copy.name}没有身份证{missing}复印件",
                f"{copy.name} has no copy of the ID card {'front' if missing == '正面' else 'back'}.",
            )
        )


def _define_watermark(canvas: Canvas, text: str) -> None:
    """Tile ``text`` over a card-sized form XObject, drawn once and reused for every card.

    The form's bounding box clips the tiles to the card, and reuse keeps a thousand sheets from
    carrying a thousand copies of the same ninety text lines. Transparency is set on the page
    around ``doForm``: a form cannot see the page's ExtGState resources.
    """
    font = register_font()
    unit = stringWidth(text, font, WATERMARK_SIZE) + 8 * mm
    reach = math.hypot(CARD_W, CARD_H)
    canvas.beginForm(WATERMARK_FORM, 0, 0, CARD_W, CARD_H)
    canvas.translate(CARD_W / 2, CARD_H / 2)
    canvas.rotate(WATERMARK_ANGLE)
    canvas.setFont(font, WATERMARK_SIZE)
    canvas.setFillColor(WATERMARK_COLOR)
    rows = int(reach / WATERMARK_ROW) + 1
    for r in range(-rows, rows + 1):
        x0 = -reach - (r % 2) * unit / 2
        while x0 < reach:
            canvas.drawString(x0, r * WATERMARK_ROW, text)
            x0 += unit
    canvas.endForm()


def _sheet(canvas: Canvas, copy: IdCopyData, images: tuple[ImageReader, ImageReader], mark: str) -> None:
    font = register_font()
    width, height = A4
    canvas.setFont(font, 18)
    canvas.drawCentredString(width / 2, height - 30 * mm, "身份证件复印件")
    canvas.setFont(font, 12)
    canvas.drawCentredString(width / 2, height - 40 * mm, f"机主姓名:{copy.name}")
    x = (width - CARD_W) / 2
    top = height - 52 * mm
    for i, (image, label) in enumerate(zip(images, ("正面", "反面"), strict=True)):
        y = top - CARD_H - i * (CARD_H + CARD_GAP)
        canvas.drawImage(image, x, y, CARD_W, CARD_H)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.setFillAlpha(WATERMARK_ALPHA)
        canvas.doForm(WATERMARK_FORM)
        canvas.restoreState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)
        canvas.setFont(font, 9)
        canvas.setFillColor(GRID)
        canvas.drawString(x, y - 5 * mm, label)
        canvas.setFillColor(colors.black)
    bottom = top - 2 * CARD_H - CARD_GAP - 16 * mm
    canvas.setFont(font, 11)
    if copy.caption:
        canvas.drawCentredString(width / 2, bottom, copy.caption)
    purpose = f"用途:{mark}"
    # A long organisation name must not run off the page: the line shrinks to the margins instead.
    canvas.setFont(font, min(11.0, (width - 2 * SIDE_MARGIN) / stringWidth(purpose, font, 1)))
    canvas.drawCentredString(width / 2, bottom - 8 * mm, purpose)
    canvas.setFont(font, 11)
    canvas.drawString(x, bottom - 30 * mm, "机主签字:")
    canvas.line(x + 20 * mm, bottom - 31 * mm, x + CARD_W, bottom - 31 * mm)


def render_id_sheets(
    copies: Sequence[IdCopyData], purpose: str, on: date, out: BinaryIO, progress: Progress | None = None,
    organisation: str = "",
) -> None:
    """One page per holder.

    A missing side is refused before any drawing; each image is decoded as its page is drawn,
    so a thousand sheets never hold a thousand decoded cards in memory, and a broken one still
    stops the job before the file reaches its place (the caller writes atomically).
    ``progress(done, total)`` is asked after each page; False stops with :class:`Cancelled`.
    The watermark line names ``organisation`` (the office that holds the copy) when one is set.
    """
    if not copies:
        raise nothing_to_print()
    for copy in copies:
        _check_sides(copy)
    mark = " ".join(part for part in (organisation, purpose, on.isoformat()) if part)
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"身份证复印件 {format_date(on)}")
    _define_watermark(canvas, mark)
    total = len(copies)
    for done, copy in enumerate(copies, start=1):
        pair = (_reader(copy.name, "正面", copy.front), _reader(copy.name, "反面", copy.back))
        _sheet(canvas, copy, pair, mark)
        canvas.showPage()
        if progress is not None and not progress(done, total):
            raise Cancelled()
    canvas.save()
