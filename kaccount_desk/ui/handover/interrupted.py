"""A hand-over a killed program left half-way, as opening the store settled it: told to the next person who logs in.

The store puts the file in place (its moves had committed) or removes the temporary (they had
not) before anyone works (services/handover_pending.py); the clerk who was cut off, or whoever
comes next to that PC, learns here which it was, so no one hands over twice or waits for a file
that will never come.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kaccount_desk.services.handover_pending import Settlement
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore, QtWidgets

log = logging.getLogger("kaccount_desk.ui")

TITLE = str(QT_TRANSLATE_NOOP("InterruptedHandover", "An interrupted hand-over"))


def tell_settled(parent: QtWidgets.QWidget | None, settled: Sequence[Settlement]) -> None:
    """One box for all of them; a warning when a file the store promised cannot be found."""
    if not settled:
        return
    log.info("told of interrupted hand-overs: %s", ", ".join(s.reason.code for s in settled))
    text = "\n\n".join(s.reason.text(current_lang()) for s in settled)
    title = QtCore.QCoreApplication.translate("InterruptedHandover", TITLE)
    if any(s.lost for s in settled):
        QtWidgets.QMessageBox.warning(parent, title, text)
    else:
        QtWidgets.QMessageBox.information(parent, title, text)
