"""A generated PDF opened once with Qt PDF, shared by the preview and the printer.

The preview's QPdfView and Print… read the same QPdfDocument, so a file is parsed once however
often it is looked at or printed.
"""

from __future__ import annotations

from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtGui, QtPdf, QtPrintSupport

POINTS_PER_INCH = 72.0


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


def print_pages(pages: PdfPages, printer: QtPrintSupport.QPrinter) -> None:
    """Paint every page as an image at the printer's resolution, fitted to its printable area."""
    painter = QtGui.QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        dpi = printer.resolution()
        area = painter.viewport()
        for index in range(pages.page_count()):
            if index:
                printer.newPage()
            image = pages.render(index, dpi)
            scaled = image.size().scaled(area.size(), QtCore.Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QtCore.QRect(area.topLeft(), scaled), image)
    finally:
        painter.end()
