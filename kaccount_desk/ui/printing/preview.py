"""The preview beside the Print page's choices: Qt's own PDF view, or page images without it."""

from __future__ import annotations

from kaccount_desk.ui.printing.pdf_pages import PdfPages
from kaccount_desk.ui.qt import QtCore, QtGui, QtPdfWidgets, QtWidgets

PREVIEW_DPI = 60
PREVIEW_PAGES = 12


class Preview(QtWidgets.QStackedWidget):
    """Shows a generated PDF; ``pages`` is the document shown, for the Print button and tests."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: PdfPages | None = None
        self.view = None
        if QtPdfWidgets is not None:
            self.view = QtPdfWidgets.QPdfView()
            self.view.setPageMode(QtPdfWidgets.QPdfView.PageMode.MultiPage)
            self.addWidget(self.view)
        self.scroll = QtWidgets.QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(QtCore.Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setBackgroundRole(QtGui.QPalette.ColorRole.Dark)
        self.addWidget(self.scroll)
        self.setMinimumWidth(420)

    def show_pdf(self, pages: PdfPages) -> None:
        self.pages = pages
        if self.view is not None and pages.document is not None:
            self.view.setDocument(pages.document)
            self.setCurrentWidget(self.view)
            return
        holder = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(holder)
        column.setAlignment(QtCore.Qt.AlignmentFlag.AlignHCenter)
        for index in range(min(pages.page_count(), PREVIEW_PAGES)):
            label = QtWidgets.QLabel()
            label.setPixmap(QtGui.QPixmap.fromImage(pages.render(index, PREVIEW_DPI)))
            label.setFrameShape(QtWidgets.QFrame.Shape.Box)
            column.addWidget(label)
        if pages.page_count() > PREVIEW_PAGES:
            more = pages.page_count() - PREVIEW_PAGES
            column.addWidget(QtWidgets.QLabel(self.tr("… and %n more page(s)", "", more)))
        self.scroll.setWidget(holder)
        self.setCurrentWidget(self.scroll)
