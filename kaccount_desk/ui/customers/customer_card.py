"""The customer card painted: who the number is, its tier and company, its applications, tickets and tier history.

It only paints what ``services.customers.card`` decided (masked ID numbers, open tickets first,
the names of tiers and statuses in the clerk's language); it asks the store nothing itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from kaccount_desk.domain.operator_time import local
from kaccount_desk.services.customers import CustomerCard
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets


def _table(headers: Sequence[str]) -> QtWidgets.QTableWidget:
    table = QtWidgets.QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QtWidgets.QTableWidget, rows: Sequence[Sequence[str]], marked: Sequence[bool] = ()) -> None:
    """Rows as text; a marked row (an open ticket) is bold, so the open ones read apart from the closed."""
    table.setRowCount(len(rows))
    bold = QtGui.QFont(table.font())
    bold.setBold(True)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QtWidgets.QTableWidgetItem(text)
            if r < len(marked) and marked[r]:
                item.setFont(bold)
            table.setItem(r, c, item)
    for column in range(table.columnCount() - 1):  # the last one keeps the width left over, as set in _table
        table.resizeColumnToContents(column)


def _minute(value: datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}"


class CustomerCardView(QtWidgets.QWidget):
    """The card's header lines above three lists: applications, tickets (open first), tier by month."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QtWidgets.QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QtWidgets.QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.applications = _table([self.tr("No."), self.tr("Campaign"), self.tr("Name"), self.tr("ID number"),
                                    self.tr("Status"), self.tr("Taken on")])
        self.tickets = _table([self.tr("No."), self.tr("Received"), self.tr("Category"), self.tr("Status"), self.tr("Content")])
        self.history = _table([self.tr("Month"), self.tr("Tier"), self.tr("Average a month (yuan)"), self.tr("RFM")])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        lists = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        for label, table in ((self.tr("Applications"), self.applications), (self.tr("Tickets, open ones first"), self.tickets)):
            lists.addWidget(self._titled(label, table))
        lists.addWidget(self._titled(self.tr("Tier by month"), self.history))
        layout.addWidget(lists, 1)
        self.card: CustomerCard | None = None

    @staticmethod
    def _titled(label: str, table: QtWidgets.QTableWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        inner = QtWidgets.QVBoxLayout(box)
        inner.setContentsMargins(0, 4, 0, 0)
        inner.addWidget(QtWidgets.QLabel(f"<b>{label}</b>"))
        inner.addWidget(table)
        return box

    def show_card(self, card: CustomerCard) -> None:
        self.card = card
        tier = card.tier
        tier_name = tier.tier_name if tier is not None and tier.tier else self.tr("not a key account")
        self.title.setText(f"{card.number}  {card.name}  ·  {tier_name}")
        lines = []
        if card.company is not None:
            manager = card.company.manager or self.tr("none")
            if card.company.manager_name:
                manager += f" {card.company.manager_name}"
            lines.append(self.tr("Company: %1, %2; account manager: %3").replace("%1", card.company.name)
                         .replace("%2", card.company.class_name).replace("%3", manager))
        else:
            lines.append(self.tr("Not a member of a company in this archive"))
        if card.manager is not None:
            lines.append(self.tr("This number's own account manager: %1 %2").replace("%1", card.manager.staff_no)
                         .replace("%2", card.manager.name))
        if tier is not None:
            lines.append(self.tr("%1: average %2 yuan a month; RFM %3-%4-%5 (recency, frequency, monetary; 5 is best)")
                         .replace("%1", tier.month).replace("%2", tier.average_yuan).replace("%3", str(tier.recency))
                         .replace("%4", str(tier.frequency)).replace("%5", str(tier.monetary)))
        else:
            lines.append(self.tr("No bills imported for this number"))
        lines.append(self.tr("%n open ticket(s)", "", card.open_tickets))
        self.facts.setText("\n".join(lines))
        _fill(self.applications, [(str(a.id), a.campaign, a.name, a.id_number, a.status_name, _minute(local(a.created_at)))
                                  for a in card.applications])
        _fill(self.tickets, [(str(t.id), _minute(local(t.received_at)), t.category_name, t.status_name, t.content)
                             for t in card.tickets], [t.open for t in card.tickets])
        _fill(self.history, [(m.month, m.tier_name or "—", m.average_yuan, f"{m.recency}-{m.frequency}-{m.monetary}")
                             for m in reversed(card.history)])

    def clear(self, text: str = "") -> None:
        self.card = None
        self.title.setText(text)
        self.facts.setText("")
        for table in (self.applications, self.tickets, self.history):
            table.setRowCount(0)
