"""One way to tell a person something went wrong: logged, and shown in their language."""

from __future__ import annotations

import logging

from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.qt import QtCore, QtWidgets

log = logging.getLogger("kaccount_desk.ui")


def current_lang() -> str:
    """The UI language: whatever the translator loaded ("zh" unless English was chosen)."""
    app = QtCore.QCoreApplication.instance()
    lang = app.property("kaccount_lang") if app is not None else None
    return "en" if lang == "en" else "zh"


def error_text(exc: ServiceError) -> str:
    return "\n".join(exc.texts("en" if current_lang() == "en" else "zh"))


def show_error(parent: QtWidgets.QWidget | None, exc: ServiceError, title: str | None = None) -> None:
    """Log the refusal and show its reasons; the caller keeps whatever the person typed."""
    log.info("refused: %s", "; ".join(r.code for r in exc.reasons))
    QtWidgets.QMessageBox.warning(parent, title or QtCore.QCoreApplication.translate("messages", "Cannot do that"), error_text(exc))
