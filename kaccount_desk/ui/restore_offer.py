"""When the store file is damaged: say so, and offer to put the latest backup in its place.

The damaged file is not deleted: ``backup.restore`` moves it aside, so whoever repairs stores
can still look at it. Without a backup the person is told where backups were looked for.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services import backup
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import current_lang, show_error
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.workers import Operation

log = logging.getLogger("kaccount_desk.ui")


def _title() -> str:
    return QtCore.QCoreApplication.translate("restore_offer", "The database is damaged")


def _ask(text: str) -> bool:
    answer = QtWidgets.QMessageBox.question(None, _title(), text,
                                            QtWidgets.QMessageBox.StandardButton.Yes | QtWidgets.QMessageBox.StandardButton.No)
    return answer == QtWidgets.QMessageBox.StandardButton.Yes


def _waiting(text: str, operation: Operation) -> Any:
    """Run ``operation`` while a small window says what is being done; its result, or its exception, here.

    This runs before any window is open, and the caller needs the answer to go on (open the store
    or not), so a local event loop waits for it: a backup copied from a network folder takes
    seconds, during which the person sees what is happening instead of nothing. Nothing to cancel:
    a restore half done is worse than one finished.
    """
    dialog = QtWidgets.QProgressDialog(text, "", 0, 0)
    dialog.setWindowTitle(_title())
    dialog.setCancelButton(None)  # no Cancel
    dialog.reset()  # not shown by itself: only once the work has taken longer than a blink
    shown = QtCore.QTimer(dialog)
    shown.setSingleShot(True)
    shown.timeout.connect(dialog.show)
    shown.start(400)
    loop = QtCore.QEventLoop()
    outcome: list[object] = []

    def ended(result: object) -> None:
        outcome.append(result)
        loop.quit()

    operation.finished.connect(ended)
    operation.failed.connect(ended)
    operation.start()
    loop.exec()
    shown.stop()
    dialog.hide()
    dialog.deleteLater()
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def offer_restore(url: str, problem: Reason, folder: Path | None = None, confirm: Callable[[str], bool] = _ask) -> bool:
    """True when the latest backup was restored (the caller opens the store again)."""
    latest, offer = _waiting(QtCore.QCoreApplication.translate("restore_offer", "Looking for the latest backup…"),
                             Operation(lambda _progress: backup.restore_offer(url, folder)))
    lang = current_lang()
    if latest is None:
        QtWidgets.QMessageBox.critical(None, _title(), f"{problem.text(lang)}\n\n{offer.text(lang)}")
        return False
    question = f"{problem.text(lang)}\n\n{offer.text(lang)}\n\n" + QtCore.QCoreApplication.translate(
        "restore_offer", "Restore this backup now? The damaged file is kept beside it; work done after the backup was taken is not in it.")
    if not confirm(question):
        return False
    try:
        done = _waiting(QtCore.QCoreApplication.translate("restore_offer", "Restoring the backup…"),
                        Operation(lambda _progress: backup.restore(url, latest)))
    except ServiceError as exc:
        show_error(None, exc, QtCore.QCoreApplication.translate("restore_offer", "The backup cannot be restored"))
        return False
    log.info("restored %s; the damaged store is kept as %s", latest.name, ", ".join(p.name for p in done.aside))
    return True
