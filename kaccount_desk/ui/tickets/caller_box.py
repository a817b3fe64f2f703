"""Who is calling, in the new-ticket form: the number's earlier tickets and its key account (issue 23 items 4 and 5).

As soon as eleven digits make a valid number, the store is asked (``services/caller_lookup.who_is``)
off the GUI thread, one question at a time with only the latest answered (``LatestQuery``): an
answer about a number since changed is dropped. The box then shows

- the key-account customer the number belongs to (company, campaign, department), so the clerk
  greets them as one and the ticket is saved as one without a tick;
- the number's open tickets and those closed within the last week, with a button that adds this
  contact to the chosen one instead of opening a duplicate (the form does the adding).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kaccount_desk.domain.key_accounts import TIER_LABELS, Tier
from kaccount_desk.domain.mobile import check_mobile
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.tickets import label, ticket_number
from kaccount_desk.services import caller_lookup, customers
from kaccount_desk.services.caller_lookup import Caller, EarlierTicket, KeyAccount
from kaccount_desk.services.context import Context
from kaccount_desk.services.customers import CustomerLine
from kaccount_desk.ui.enrollment.latest_query import Failed, LatestQuery
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.palette import banner_style, text_style
from kaccount_desk.ui.qt import Qt, QtWidgets, Signal, Slot

# Rows shown before the list scrolls: the form must still fit a 1366×728 screen.
ROWS_SHOWN = 3


class CallerBox(QtWidgets.QWidget):
    """Hidden until the number typed is known to the store; ``add_requested(id)`` when the clerk picks a ticket."""

    add_requested = Signal(int)
    key_account_known = Signal(bool)  # the number belongs to a live application (or no longer, after a change)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.caller: Caller | None = None
        self._asked = ""  # the number the last question was about; an answer for another is dropped
        self._query = LatestQuery()
        self.account = QtWidgets.QLabel()
        self.account.setWordWrap(True)
        self.account.setStyleSheet(banner_style("info"))
        # The customer card in one line (issue 24): tier, company and class, account manager, open tickets.
        self.card_line = QtWidgets.QLabel()
        self.card_line.setWordWrap(True)
        self.card_line.setStyleSheet(text_style("info"))
        self.repeat = QtWidgets.QLabel(self.tr(
            "This number has open or recently closed tickets. If the customer calls about the same matter, "
            "add this contact to that ticket instead of opening a new one:"))
        self.repeat.setWordWrap(True)
        self.repeat.setStyleSheet(text_style("warning"))
        self.earlier = QtWidgets.QListWidget()
        self.earlier.setMaximumHeight(self.earlier.fontMetrics().height() * ROWS_SHOWN + 12)
        # A long summary ends in "…" rather than a sideways scroll bar (seen at 1366×728); the pointer shows it whole.
        self.earlier.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.earlier.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QtWidgets.QPushButton(self.tr("Add as a contact to the selected ticket"))
        self.add_button.setAutoDefault(False)
        self.add_button.setToolTip(self.tr("What the customer says now (the content box) goes into that ticket's history; "
                                           "a closed ticket reopens to its first receiver"))
        self.add_button.clicked.connect(self._add)
        line = QtWidgets.QHBoxLayout()
        line.addStretch(1)
        line.addWidget(self.add_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.account, self.card_line, self.repeat, self.earlier):
            layout.addWidget(widget)
        layout.addLayout(line)
        self.show_caller(None)

    @property
    def settled(self) -> bool:
        """No look-up is running or waiting: what is shown answers the number last typed."""
        return self._query.settled

    def ask(self, typed: str) -> None:
        """Look the number up once it is a valid mobile number; anything shorter or wrong clears the box."""
        verdict = check_mobile(typed, self.ctx.store.segments, for_calls=False)
        if verdict.value is None:
            self._asked = ""
            self.show_caller(None)
            return
        number = verdict.value.number
        if number == self._asked:
            return
        self._asked = number
        ctx = self.ctx

        def start(on_done: Callable[[Any], None], on_failed: Failed) -> None:
            run_query(self, lambda: _look_up(ctx, number), on_done, on_failed)

        self._query.ask(start, lambda found: self._answered(number, *found))

    def clear(self) -> None:
        """The form was sent or emptied: nothing is known of a number no longer there."""
        self._asked = ""
        self.show_caller(None)

    def _answered(self, number: str, caller: Caller | None, line: CustomerLine | None) -> None:
        if number == self._asked:
            self.show_caller(caller, line)

    def show_caller(self, caller: Caller | None, line: CustomerLine | None = None) -> None:
        self.caller = caller
        self.card_line.setVisible(line is not None)
        if line is not None:
            self.card_line.setText(self.tr("Customer card: %1").replace("%1", line.text))
        account = caller.key_account if caller is not None else None
        tier = caller.tier if caller is not None else None
        known = caller is not None and caller.is_key_account
        self.account.setVisible(known)
        if account is not None:
            self.account.setText(self._account_text(account) + (self._tier_text(tier) if tier is not None else ""))
        elif tier is not None:
            self.account.setText(self.tr("Key-account customer by the operator's bills: %1. The ticket is saved as a key-account ticket.")
                                 .replace("%1", TIER_LABELS.text(tier, current_lang())))
        earlier = caller.same_number if caller is not None else ()
        self.earlier.clear()
        for ticket in earlier:
            item = QtWidgets.QListWidgetItem(self._ticket_line(ticket))
            item.setData(Qt.ItemDataRole.UserRole, ticket.id)
            item.setToolTip(item.text())
            self.earlier.addItem(item)
        if earlier:
            self.earlier.setCurrentRow(0)
        for widget in (self.repeat, self.earlier, self.add_button):
            widget.setVisible(bool(earlier))
        self.setVisible(known or bool(earlier) or line is not None)
        self.key_account_known.emit(known)

    def _account_text(self, account: KeyAccount) -> str:
        return (self.tr("Key-account customer: %1 · %2 (%3). The ticket is saved as a key-account ticket.")
                .replace("%1", account.company).replace("%2", account.campaign).replace("%3", account.department))

    def _tier_text(self, tier: Tier) -> str:
        return self.tr(" Tier by the bills: %1.").replace("%1", TIER_LABELS.text(tier, current_lang()))

    def _ticket_line(self, ticket: EarlierTicket) -> str:
        lang = current_lang()
        state = label(ticket.status, lang)
        if ticket.closed_at is not None:
            state = self.tr("closed %1").replace("%1", f"{ticket.closed_at:%m-%d %H:%M}")
        return "  ".join((ticket_number(ticket.id, ticket.received_at), label(ticket.category, lang), state,
                          f"{ticket.owner_name}({ticket.owner})", ticket.summary))

    @Slot()
    def _add(self) -> None:
        item = self.earlier.currentItem()
        if item is not None:
            self.add_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


@worker_job
def _look_up(ctx: Context, number: str) -> tuple[Caller | None, CustomerLine | None]:
    """The caller, and the card's line for those who may see customer records (a collector may not)."""
    line = customers.customer_line(ctx, number) if ctx.actor.may(Permission.VIEW_CUSTOMERS) else None
    return caller_lookup.who_is(ctx, number), line
