"""Handing a shown document over: Qt's print dialog, or a copy saved where the person chooses.

Both take the document the preview holds, never a file named by the current choices, so what
leaves the Print page is what was on screen. They answer with the line for the page's status.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from kaccount_desk.ui.file_names import ask_save_path
from kaccount_desk.ui.printing.pdf_pages import PdfPages, prepare_printer, print_pages
from kaccount_desk.ui.qt import QtCore, QtPrintSupport, QtWidgets
from kaccount_desk.ui.settings import PAPER, PRINTER, Settings


def print_with_dialog(parent: QtWidgets.QWidget, pages: PdfPages, doc_name: str) -> str | None:
    """Print ``pages`` on the printer chosen in Qt's dialog; None when the person cancels it.

    ``doc_name`` is the job's name in the printer queue, and the name Qt's dialog offers when
    printing to a file.
    """
    printer = QtPrintSupport.QPrinter(QtPrintSupport.QPrinter.PrinterMode.HighResolution)
    settings = Settings()
    if settings.get(PRINTER):
        printer.setPrinterName(settings.get(PRINTER))
    prepare_printer(pages, printer, settings.get(PAPER))
    printer.setDocName(doc_name)
    dialog = QtPrintSupport.QPrintDialog(printer, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    try:
        print_pages(pages, printer)
    except OSError as exc:
        QtWidgets.QMessageBox.warning(parent, QtCore.QCoreApplication.translate("PrintPage", "Cannot print"), str(exc))
        return QtCore.QCoreApplication.translate("PrintPage", "Not printed.")
    to_file = printer.outputFormat() == QtPrintSupport.QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
    if to_file:
        return QtCore.QCoreApplication.translate("PrintPage", "Printed to %1.").replace("%1", printer.outputFileName())
    return QtCore.QCoreApplication.translate("PrintPage", "Sent to the printer %1.").replace("%1", printer.printerName())


def save_copy(parent: QtWidgets.QWidget, pages: PdfPages, suggested: str) -> str | None:
    """Copy the shown PDF where the person chooses; None when the file dialog is cancelled."""
    chosen = ask_save_path(parent, QtCore.QCoreApplication.translate("PrintPage", "Save as PDF"), suggested, "PDF (*.pdf)")
    if chosen is None:
        return None
    target = str(chosen)
    try:
        shutil.copyfile(Path(pages.path), target)
    except OSError as exc:
        title = QtCore.QCoreApplication.translate("PrintPage", "Cannot save")
        QtWidgets.QMessageBox.warning(parent, title, f"{target}: {exc.strerror or exc}")
        return None
    return QtCore.QCoreApplication.translate("PrintPage", "Saved to %1").replace("%1", target)
