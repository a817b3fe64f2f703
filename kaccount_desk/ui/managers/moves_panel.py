"""The month's 异动 list on the manager's day: each number whose tier went up, in, down or out.

The follow-up button beside the month made tasks from this list without showing it: the account
manager saw "1 follow-up task made" and not which number dropped, nor the upgrades a call of thanks
is due for. The list is ``services.tiers.moves``, the same as ``billing changes`` prints.
"""

from __future__ import annotations

from kaccount_desk.domain.key_accounts import Change
from kaccount_desk.services import tiers
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.tiers import TierMove
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import QtGui, QtWidgets

_DOWN = {Change.DOWN.value, Change.LOST.value}


class MovesPanel(QtWidgets.QWidget):
    """A line saying which month and how many moves, and one row per number."""

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.summary = QtWidgets.QLabel()
        self.summary.setWordWrap(True)
        self.table = QtWidgets.QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Move"), self.tr("Tier before"), self.tr("Tier now"),
                                              self.tr("Monthly average (yuan)")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def show_month(self, month: str) -> None:
        ctx = self.ctx
        run_query(self, lambda: tiers.moves(ctx, month), lambda found: self._fill(month, found), self._refused)

    def _fill(self, month: str, moves: list[TierMove]) -> None:
        downs = sum(m.change in _DOWN for m in moves)
        self.summary.setText(self.tr("%1: %2 tier move(s), %3 of them down or out") .replace("%1", month)
                             .replace("%2", str(len(moves))).replace("%3", str(downs)))
        self.table.setRowCount(len(moves))
        colours = {True: QtGui.QColor(COLOURS["reason"]), False: QtGui.QColor(COLOURS["ok"])}
        for row, m in enumerate(moves):
            cells = [m.number, m.change_name, m.before_name or "-", m.after_name or "-", m.average_yuan]
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                if column == 1:
                    item.setForeground(colours[m.change in _DOWN])
                self.table.setItem(row, column, item)

    def _refused(self, exc: BaseException) -> bool:
        """A month not imported or not a month is said above the empty list; anything else is a bug, shown as one."""
        if not isinstance(exc, ServiceError):
            return False
        self.table.setRowCount(0)
        self.summary.setText("\n".join(r.text(current_lang()) for r in exc.reasons))
        return True
