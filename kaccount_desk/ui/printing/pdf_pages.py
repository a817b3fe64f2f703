"""A generated PDF opened once with Qt PDF, shared by the preview and the printer.

The preview's QPdfView and Print… read the same QPdfDocument, so a file is parsed once however
often it is looked at or printed.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtGui, QtPdf, QtPrintSupport

POINTS_PER_INCH = 72.0
PRINT_DPI = 300.0


class PdfPages:
    """The pages of one PDF file; ``render`` gives a page at a resolution in dots per inch."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.document = QtPdf.QPdfDocument()
        error = self.document.load(str(self.path))
        if error != QtPdf.QPdfDocument.Error.None_:
            raise OSError(f"{self.path}: {error.name}")

    def page_count(self) -> int:
        return self.document.pageCount()

    def render(self, index: int, dpi: float) -> QtGui.QImage:
        """PDF sizes are in points, so the image is sized for ``dpi`` to print at the page's real size."""
        points = self.document.pagePointSize(index)
        size = QtCore.QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
        return self.document.render(index, size)


def page_orientation(pages: PdfPages, index: int) -> QtGui.QPageLayout.Orientation:
    size = pages.document.pagePointSize(index)
    landscape = size.width() > size.height()
    return QtGui.QPageLayout.Orientation.Landscape if landscape else QtGui.QPageLayout.Orientation.Portrait


def prepare_printer(pages: PdfPages, printer: QtPrintSupport.QPrinter, paper: str = "") -> None:
    """Paper from the settings (else the document's), orientation from the document's first page.

    The print dialog then opens as it will print; a landscape roster is not set on portrait paper.
    """
    if not pages.page_count():
        return
    sizes = {"A4": QtGui.QPageSize.PageSizeId.A4, "A3": QtGui.QPageSize.PageSizeId.A3,
             "Letter": QtGui.QPageSize.PageSizeId.Letter, "B5": QtGui.QPageSize.PageSizeId.B5}
    if paper in sizes:
        printer.setPageSize(QtGui.QPageSize(sizes[paper]))
    else:
        size = pages.document.pagePointSize(0)
        portrait = QtCore.QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(QtGui.QPageSize(portrait, QtGui.QPageSize.Unit.Point, "", QtGui.QPageSize.SizeMatchPolicy.FuzzyMatch))
    printer.setPageOrientation(page_orientation(pages, 0))


def _page_indices(pages: PdfPages, printer: QtPrintSupport.QPrinter) -> list[int]:
    """The pages the dialog's range asked for (Qt counts from 1, 0 meaning no range)."""
    first, last = printer.fromPage(), printer.toPage()
    count = pages.page_count()
    if first <= 0:
        return list(range(count))
    return list(range(first - 1, min(last or count, count)))


def print_pages(pages: PdfPages, printer: QtPrintSupport.QPrinter) -> None:
    """Send the document to the printer at its real size, each page in its own orientation.

    Printing to a PDF file copies the document's own vector pages. A physical printer gets each
    page as an image (Qt PDF only rasterises), drawn on the whole sheet at 100 %: a landscape
    roster goes on landscape paper, not shrunk onto a portrait page. 300 dpi is enough for text
    on an office printer and keeps the spool a quarter of a 600 dpi one.
    """
    indices = _page_indices(pages, printer)
    if printer.outputFormat() == QtPrintSupport.QPrinter.OutputFormat.PdfFormat and printer.outputFileName() \
            and len(indices) == pages.page_count():
        _copy_pdf(pages.path, Path(printer.outputFileName()))
        return
    if not indices:
        return
    printer.setFullPage(True)
    printer.setPageOrientation(page_orientation(pages, indices[0]))
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        device_dpi = printer.resolution()
        for n, index in enumerate(indices):
            if n:
                printer.setPageOrientation(page_orientation(pages, index))
                printer.newPage()
            _draw_page(painter, pages, index, device_dpi, painter.viewport())
    finally:
        painter.end()


def _draw_page(painter: QtGui.QPainter, pages: PdfPages, index: int, device_dpi: int, sheet: QtCore.QRect) -> None:
    points = pages.document.pagePointSize(index)
    real = QtCore.QSize(round(points.width() * device_dpi / POINTS_PER_INCH), round(points.height() * device_dpi / POINTS_PER_INCH))
    # Real size unless the sheet is smaller (A4 on Letter, say): then fitted, never enlarged.
    size = real if real.width() <= sheet.width() and real.height() <= sheet.height() \
        else real.scaled(sheet.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
    image = pages.render(index, min(float(device_dpi), PRINT_DPI))
    painter.drawImage(QtCore.QRect(sheet.topLeft(), size), image)


def _copy_pdf(source: Path, target: Path) -> None:
    """Write beside the target, then rename: a cancelled copy never leaves half a PDF behind."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        shutil.copyfile(source, partial)
        os.replace(partial, target)
    except OSError:
        partial.unlink(missing_ok=True)
        raise
