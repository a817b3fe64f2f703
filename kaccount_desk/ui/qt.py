"""Every Qt import goes through here, so a Qt upgrade or binding change touches one file."""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtPdf, QtPdfWidgets, QtPrintSupport, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot

__all__ = ["QT_TRANSLATE_NOOP", "Qt", "QtCore", "QtGui", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "Signal", "Slot"]
