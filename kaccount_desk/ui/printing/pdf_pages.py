"""A generated PDF as page images, for the preview and for the printer.

Qt PDF (QPdfDocument) renders pages where the PySide6 build has it; some builds lack the module,
and there poppler's ``pdftoppm`` (installed with the app on Linux) renders them instead, so the
preview and Print… work either way.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtGui, QtPdf, QtPrintSupport

POINTS_PER_INCH = 72.0


class PdfPages:
    """The pages of one PDF file; ``render`` gives a page at a resolution in dots per inch."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.document = None
        if QtPdf is not None:
            self.document = QtPdf.QPdfDocument()
            self.document.load(str(self.path))
            self._count = self.document.pageCount()
        else:
            self._count = _count_pages(self.path)

    @staticmethod
    def available() -> bool:
        return QtPdf is not None or shutil.which("pdftoppm") is not None

    def page_count(self) -> int:
        return self._count

    def render(self, index: int, dpi: float) -> QtGui.QImage:
        if self.document is not None:
            points = self.document.pagePointSize(index)
            size = QtCore.QSize(round(points.width() * dpi / POINTS_PER_INCH), round(points.height() * dpi / POINTS_PER_INCH))
            return self.document.render(index, size)
        with tempfile.TemporaryDirectory() as folder:
            stem = Path(folder) / "page"
            subprocess.run(
                ["pdftoppm", "-r", str(round(dpi)), "-png", "-f", str(index + 1), "-l", str(index + 1), "-singlefile", str(self.path), str(stem)],
                check=True,
                capture_output=True,
            )
            return QtGui.QImage(str(stem.with_suffix(".png")))


def _count_pages(path: Path) -> int:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


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
