"""Every Qt import goes through here, so a Qt upgrade or binding change touches one file."""

from __future__ import annotations

from types import ModuleType

from PySide6 import QtCore, QtGui, QtPdf, QtPdfWidgets, QtPrintSupport, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from shiboken6 import isValid as alive  # False once Qt has deleted the C++ side of a widget

QtCharts: ModuleType | None
try:
    from PySide6 import QtCharts
except ImportError:  # QtCharts ships in PySide6-Addons; without it the reports show tables only
    QtCharts = None

__all__ = [
    "QT_TRANSLATE_NOOP", "Qt", "QtCharts", "QtCore", "QtGui", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "Signal", "Slot",
    "alive",
]
