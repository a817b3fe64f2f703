"""The preview beside the Print page's choices: Qt's own PDF view, every page, scrolled."""

from __future__ import annotations

from kaccount_desk.ui.printing.pdf_pages import PdfPages
from kaccount_desk.ui.qt import QtPdf, QtPdfWidgets


class Preview(QtPdfWidgets.QPdfView):
    """Shows a generated PDF; ``pages`` is the document shown, for the Print button and tests.

    ``pages`` is kept here because QPdfView does not own its document: the PdfPages object must
    live as long as it is on screen. Pages fit the width, so a form is read whole beside the
    choices instead of by its top-left corner.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pages: PdfPages | None = None
        self._blank = QtPdf.QPdfDocument(self)
        self.setPageMode(QtPdfWidgets.QPdfView.PageMode.MultiPage)
        self.setZoomMode(QtPdfWidgets.QPdfView.ZoomMode.FitToWidth)
        self.setMinimumWidth(420)

    def show_pdf(self, pages: PdfPages) -> None:
        self.setDocument(pages.document)
        self.pages = pages

    def clear(self) -> None:
        """Show nothing: a document that no longer matches the choices must not stay on screen."""
        self.setDocument(self._blank)  # a view given no document at all warns from Qt's link model
        self.pages = None
