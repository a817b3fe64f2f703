"""One way to tell a person something went wrong: logged, and shown in their language."""

from __future__ import annotations

import logging

from kaccount_desk.domain.reasons import Lang
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.qt import QtCore, QtWidgets

log = logging.getLogger("kaccount_desk.ui")


_lang: Lang = "zh"


def current_lang() -> Lang:
    """The UI language: whatever the translator loaded ("zh" unless English was chosen).

    Kept in Python rather than read back as a Qt property: an unset property comes back from
    C++ as None, and on PySide6 6.12 with CPython < 3.12 that costs None a reference on every
    call (see ui/none_guard.py), which the item models make for every cell they paint.
    """
    return _lang


def set_current_lang(lang: str | None) -> None:
    global _lang
    _lang = "en" if lang == "en" else "zh"


def error_text(exc: ServiceError) -> str:
    return "\n".join(exc.texts(current_lang()))


def show_error(parent: QtWidgets.QWidget | None, exc: ServiceError, title: str | None = None) -> None:
    """Log the refusal and show its reasons; the caller keeps whatever the person typed."""
    log.info("refused: %s", "; ".join(r.code for r in exc.reasons))
    QtWidgets.QMessageBox.warning(parent, title or QtCore.QCoreApplication.translate("messages", "Cannot do that"), error_text(exc))
