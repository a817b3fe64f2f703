"""Printing through QPrinter as the paper is: each page in its own orientation, at 100 %, small.

The landscape roster used to land on portrait A4 at about 70 %, as a 6 MB picture a page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, printing
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui.printing.pdf_pages import PdfPages, prepare_printer, print_pages
from kaccount_desk.ui.qt import QtGui, QtPrintSupport

A4_LANDSCAPE = (842, 595)


@pytest.fixture
def roster(admin: Context, campaign: str, tmp_path: Path) -> Path:
    for i in range(12):
        enrollment.save_application(admin, ApplicationInput(
            campaign,
            IntakeFields(department="铸造事业部", name=f"员工{i:02d}", id_number=valid_id(f"13098119780101{i:03d}"), number_source="pool",
                         msisdn=f"188327588{i:02d}"),
            plan="group8",
        ))
    return printing.print_roster(admin, campaign, tmp_path / "roster.pdf", "铸造事业部").out


def pdf_printer(target: Path, pages: PdfPages) -> QtPrintSupport.QPrinter:
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    prepare_printer(pages, printer)
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    return printer


def page_points(pages: PdfPages, index: int = 0) -> tuple[int, int]:
    size = pages.document.pagePointSize(index)
    return round(size.width()), round(size.height())


def grey(image: QtGui.QImage) -> bytes:
    """The page as paper shows it: Qt PDF renders on a transparent background, paper is white."""
    paper = QtGui.QImage(image.size(), QtGui.QImage.Format.Format_RGB32)
    paper.fill(QtGui.QColor("white"))
    painter = QtGui.QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    grey_image = paper.convertToFormat(QtGui.QImage.Format.Format_Grayscale8)
    line, width = grey_image.bytesPerLine(), grey_image.width()
    raw = bytes(grey_image.constBits())
    return b"".join(raw[row * line: row * line + width] for row in range(grey_image.height()))


def difference(a: QtGui.QImage, b: QtGui.QImage) -> float:
    """Mean absolute grey difference per pixel, 0 to 255."""
    assert (a.width(), a.height()) == (b.width(), b.height())
    left, right = grey(a), grey(b)
    return sum(abs(x - y) for x, y in zip(left, right, strict=True)) / len(left)


def ink_box(image: QtGui.QImage) -> tuple[int, int, int, int]:
    """Left, top, right, bottom of everything printed dark: where the page's content sits, how big."""
    pixels, width = grey(image), image.width()
    dark = [i for i, value in enumerate(pixels) if value < 128]
    xs, ys = [i % width for i in dark], [i // width for i in dark]
    return min(xs), min(ys), max(xs), max(ys)


def test_the_print_dialog_opens_in_the_documents_orientation(qapp, roster: Path) -> None:
    printer = QtPrintSupport.QPrinter()
    prepare_printer(PdfPages(roster), printer)
    assert printer.pageLayout().orientation() == QtGui.QPageLayout.Orientation.Landscape
    assert printer.pageLayout().pageSize().id() == QtGui.QPageSize.PageSizeId.A4


def test_printing_to_a_pdf_file_keeps_the_vector_pages(qapp, roster: Path, tmp_path: Path) -> None:
    pages = PdfPages(roster)
    out = tmp_path / "printed.pdf"
    print_pages(pages, pdf_printer(out, pages))
    printed = PdfPages(out)
    assert printed.page_count() == pages.page_count()
    assert page_points(printed) == A4_LANDSCAPE
    assert out.stat().st_size / printed.page_count() < 200_000
    assert difference(printed.render(0, 40), pages.render(0, 40)) < 1.0


def test_a_physical_printer_gets_each_page_landscape_at_full_size(qapp, roster: Path, tmp_path: Path) -> None:
    """A page range takes the painting path a physical printer takes; a PDF printer lets us read it back."""
    pages = PdfPages(roster)
    out = tmp_path / "painted.pdf"
    printer = pdf_printer(out, pages)
    printer.setFromTo(1, 1)
    print_pages(pages, printer)
    printed = PdfPages(out)
    assert printed.page_count() == 1
    assert page_points(printed) == A4_LANDSCAPE
    # At 100 % the content sits where the document puts it and is as big, to a pixel at 40 dpi;
    # the old print shrank it to about 70 % on a portrait sheet.
    original, painted = ink_box(pages.render(0, 40)), ink_box(printed.render(0, 40))
    assert all(abs(a - b) <= 2 for a, b in zip(original, painted, strict=True)), (original, painted)
    assert difference(printed.render(0, 40), pages.render(0, 40)) < 25.0  # the same page, up to anti-aliasing
    assert out.stat().st_size < 6_000_000
