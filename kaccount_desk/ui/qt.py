"""Every Qt import goes through here, so a Qt upgrade or binding change touches one file.

Qt PDF, Print Support and Charts load when a module first takes them from here (the print page, the
reports), not with the login: each maps its libraries and builds its Python types, megabytes a
clerk at the Tickets queue may never need.
"""

from __future__ import annotations

import importlib
import linecache
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal, Slot
from shiboken6 import isValid as alive  # False once Qt has deleted the C++ side of a widget

if TYPE_CHECKING:
    from PySide6 import QtPdf, QtPdfWidgets, QtPrintSupport

QtCharts: ModuleType | None

__all__ = [
    "QT_TRANSLATE_NOOP", "Qt", "QtCharts", "QtCore", "QtGui", "QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtWidgets", "Signal", "Slot",
    "alive",
]

_ON_FIRST_USE = ("QtPdf", "QtPdfWidgets", "QtPrintSupport", "QtCharts")


def __getattr__(name: str) -> Any:
    """``from kaccount_desk.ui.qt import QtPdf`` (and the others of ``_ON_FIRST_USE``) imports it then."""
    if name not in _ON_FIRST_USE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    try:
        module: ModuleType | None = importlib.import_module(f"PySide6.{name}")
    except ImportError:  # QtCharts ships in PySide6-Addons; without it the reports show tables only
        if name != "QtCharts":
            raise
        module = None
    globals()[name] = module
    return module


def _sources_left_unread() -> None:
    """PySide6 reads the whole source of every module imported after it (and of those before it, once)
    through ``inspect.getsource``, to look for "PySide6" in it (its ``__feature__`` switches,
    PYSIDE-2029): ``linecache`` then keeps every line of every module, about 23 MB at the clerk's
    window. The same question is answered here from the file's bytes, read and let go, and what was
    cached so far is dropped. Nothing changes where PySide6 has no such check.
    """
    feature = sys.modules.get("shibokensupport.feature")
    asked = getattr(feature, "_mod_uses_pyside", None)
    if asked is None or getattr(asked, "reads_bytes", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(asked(module))  # frozen, compiled or built-in: the binding's own answer
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # as the binding answers for a module without a source file

    uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    linecache.clearcache()


_sources_left_unread()
