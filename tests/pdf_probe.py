"""Reading generated PDFs back the way a person or a scanner would: text, pixels, QR codes,
where images sit and which fonts are embedded.

Pages are rendered with pypdfium2 (PDFium, the engine of Chrome's viewer) and QR codes read with
zxing-cpp, both wheels from the ``test`` extra, so the tests need no system programs.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import cast

import pypdfium2
import zxingcpp
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject


def page_count(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


def page_text(pdf: Path, index: int) -> str:
    """Extracted text with whitespace runs collapsed, so cells read as "集团资费 3 24"."""
    return " ".join(PdfReader(pdf).pages[index].extract_text().split())


def all_text(pdf: Path) -> str:
    return " ".join(page_text(pdf, i) for i in range(page_count(pdf)))


def pdfium_text(pdf: Path) -> list[str]:
    """Each page's text as PDFium (Chrome's viewer) extracts it: what a search in a viewer finds."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def render_page(pdf: Path, page: int, dpi: int, out_dir: Path) -> Path:
    """Page ``page`` (1-based, as a reader counts) as a PNG at ``dpi``."""
    png = out_dir / f"{pdf.stem}-p{page}-{dpi}.png"
    document = pypdfium2.PdfDocument(pdf)
    try:
        document[page - 1].render(scale=dpi / 72).to_pil().save(png)
    finally:
        document.close()
    return png


def is_blank(png: Path) -> bool:
    with Image.open(png) as img:
        lo, _ = cast(tuple[int, int], img.convert("L").getextrema())  # one band: (min, max)
    return lo >= 250


def decode_qr(pdf: Path, page: int, out_dir: Path) -> list[str]:
    """The QR codes a scanner reads off the page printed at 150 dpi, top to bottom."""
    with Image.open(render_page(pdf, page, 150, out_dir)) as img:
        found = [code for code in zxingcpp.read_barcodes(img) if code.format == zxingcpp.BarcodeFormat.QRCode]
    return [code.text for code in sorted(found, key=lambda code: code.position.top_left.y)]


def _multiply(m: list[float], n: list[float]) -> list[float]:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2]


def image_placements(pdf: Path, index: int) -> list[tuple[float, float]]:
    """(width, height) in points of every image XObject drawn on the page, from the content stream."""
    reader = PdfReader(pdf)
    page = reader.pages[index]
    xobjects = cast(DictionaryObject, page["/Resources"]).get("/XObject", {})
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    sizes = []
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _multiply([float(v) for v in operands], ctm)
        elif op == b"Do" and xobjects[operands[0]].get_object()["/Subtype"] == "/Image":
            sizes.append((math.hypot(ctm[0], ctm[1]), math.hypot(ctm[2], ctm[3])))
    return sizes


def font_names(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in cast(DictionaryObject, cast(DictionaryObject, page["/Resources"])["/Font"]).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/"))
    return names
