"""Every Qt import goes through here, so a Qt upgrade or binding change touches one file."""

from __future__ import annotations

from types import ModuleType

from PySide6 import QtCore, QtGui, QtPrintSupport, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot

QtPdf: ModuleType | None
QtPdfWidgets: ModuleType | None
try:
    from PySide6 import QtPdf, QtPdfWidgets
except ImportError:  # some PySide6 builds (this CI image's among them) ship without Qt PDF
    QtPdf = QtPdfWidgets = None

__all__ = ["QT_TRANSLATE_NOOP", "Qt", "QtCore", "QtGui", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "Signal", "Slot"]
