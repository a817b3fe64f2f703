"""File → Hand over to the office… at a department's seat: one package of every application, sealed for the office.

The save dialog suggests a name that says the file carries ID data (domain ``package_file_name``)
and says so in its title, so the file is not left on a shared folder unawares.
"""

from __future__ import annotations

from kaccount_desk.domain.handover import PACKAGE_SUFFIX, package_file_name
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_seat import SeatInfo, Sent, next_sequence, send
from kaccount_desk.ui.file_names import ask_save_path
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore, QtWidgets

SENT = Changes(audit=True)
TITLE = str(QT_TRANSLATE_NOOP("SeatSend", "Hand over to the office: this file carries ID numbers and ID card images"))
FILTER = str(QT_TRANSLATE_NOOP("SeatSend", "Hand-over packages (*%1)"))
DONE_TITLE = str(QT_TRANSLATE_NOOP("SeatSend", "Handed over"))
DONE = str(QT_TRANSLATE_NOOP("SeatSend", "Package %1 written: %2 applications, %3 ID card images.\n%4\n"
                             "It carries ID data: hand it to the office in person or on an encrypted drive, and delete other copies."))


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("SeatSend", text)


def hand_over(parent: QtWidgets.QWidget, ctx: Context) -> None:
    """Ask where to save the next package, then write it off the GUI thread and say what it holds."""
    run_query(parent, lambda: next_sequence(ctx), lambda found: _ask_and_send(parent, ctx, *found))


def _ask_and_send(parent: QtWidgets.QWidget, ctx: Context, seat: SeatInfo, sequence: int) -> None:
    name = package_file_name(seat.department, sequence, ctx.now())
    out = ask_save_path(parent, _tr(TITLE), name, _tr(FILTER).replace("%1", PACKAGE_SUFFIX))
    if out is not None:
        run_change(parent, lambda: send(ctx, out), SENT, lambda done: _sent(parent, done))


def _sent(parent: QtWidgets.QWidget, done: Sent) -> None:
    QtWidgets.QMessageBox.information(parent, _tr(DONE_TITLE), _tr(DONE).replace("%1", str(done.sequence))
                                      .replace("%2", str(done.applications)).replace("%3", str(done.copies))
                                      .replace("%4", str(done.path)))
