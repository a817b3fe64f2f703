"""The Customers page (客户): one search box for a number, a name, a company or the last four of an ID,
the numbers it finds, and the card of the one chosen.

Every read goes through ``run_query`` (a worker thread): a search and a card are a few indexed
queries, but on an office server across a VPN each is felt, and the window must not wait for them.
"""

from __future__ import annotations

from kaccount_desk.domain.roles import Permission
from kaccount_desk.services import customers
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.customers import CustomerCard, CustomerHit
from kaccount_desk.ui.customers.customer_card import CustomerCardView
from kaccount_desk.ui.customers.member_list_dialog import MemberListDialog
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.qt import Qt, QtWidgets, Slot

NUMBER_ROLE = Qt.ItemDataRole.UserRole


class CustomersPage(QtWidgets.QWidget):
    """Search on the left with what it found; the card on the right."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.search_box = QtWidgets.QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Number, name, company or ID's last 4"))
        self.search_box.setToolTip(self.tr("A mobile number (or its last digits), a name, a company, or the last four "
                                           "characters of the ID number (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.search)
        self.search_button = QtWidgets.QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.found_label = QtWidgets.QLabel()
        self.hits = QtWidgets.QListWidget()
        self.hits.currentItemChanged.connect(self._chosen)
        self.card_view = CustomerCardView()
        # The operator's member lists are kept by those who keep the archive (the service checks it again).
        self.members_button = QtWidgets.QPushButton(self.tr("Import a company's &member list…"))
        self.members_button.setToolTip(self.tr("Add the numbers of the operator's member list (.xlsx or .csv) to a company"))
        self.members_button.clicked.connect(self.import_members)
        self.members_button.setVisible(ctx.actor.may(Permission.MANAGE_KEY_ACCOUNTS))
        self.card_view.clear(self.tr("Search for a customer to see their card"))
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.search_box, 1)
        row.addWidget(self.search_button)
        left_layout.addLayout(row)
        left_layout.addWidget(self.found_label)
        left_layout.addWidget(self.hits, 1)
        left_layout.addWidget(self.members_button)
        splitter = QtWidgets.QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.card_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([400, 900])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(splitter)
        self._shown: str | None = None  # the number whose card is shown, read again on a change

    @Slot()
    def import_members(self) -> MemberListDialog:
        """The member-list dialog; once it added members, the card shown is read again (its company may be new)."""
        dialog = MemberListDialog(self.ctx, self)
        dialog.imported.connect(self.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    @Slot()
    def search(self) -> None:
        typed = self.search_box.text().strip()
        if not typed:
            return
        ctx = self.ctx
        run_query(self, lambda: customers.search(ctx, typed), self._show_hits)

    def _show_hits(self, hits: list[CustomerHit]) -> None:
        self.hits.blockSignals(True)
        self.hits.clear()
        for hit in hits:
            text = "  ".join(part for part in (hit.number, hit.name, hit.tier_name, hit.company) if part)
            item = QtWidgets.QListWidgetItem(text)
            item.setData(NUMBER_ROLE, hit.number)
            self.hits.addItem(item)
        self.hits.blockSignals(False)
        self.found_label.setText(self.tr("%n customer(s) found", "", len(hits)))
        if hits:
            self.hits.setCurrentRow(0)
        else:
            self._shown = None
            self.card_view.clear(self.tr("Nothing found"))

    @Slot(QtWidgets.QListWidgetItem, QtWidgets.QListWidgetItem)
    def _chosen(self, item: QtWidgets.QListWidgetItem | None, _previous: QtWidgets.QListWidgetItem | None = None) -> None:
        if item is not None:
            self.show_number(str(item.data(NUMBER_ROLE)))

    def show_number(self, number: str) -> None:
        """The card of ``number`` (also what another page may ask for, a caller's number)."""
        self._shown = number
        ctx = self.ctx
        run_query(self, lambda: customers.card(ctx, number), self._show_card)

    def _show_card(self, card: CustomerCard | None) -> None:
        if card is None:
            self.card_view.clear(self.tr("No record of this number"))
        else:
            self.card_view.show_card(card)

    # The page protocol (ui/page.py)
    def set_campaign(self, code: str | None) -> None:
        """The card is about a person, not a campaign."""

    def refresh(self) -> None:
        if self._shown is not None:
            self.show_number(self._shown)

    def apply_changes(self, changes: Changes, origin: object) -> None:
        if changes.applications or changes.tickets or changes.everything:
            self.refresh()

    def focus_search(self) -> bool:
        self.search_box.setFocus()
        self.search_box.selectAll()
        return True
