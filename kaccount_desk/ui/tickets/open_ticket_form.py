"""Receiving a matter: the form a clerk fills in while the customer is still talking.

The clerk who saves it becomes the ticket's first receiver and owner (首问负责), so the form
says so, and shows the ticket number and the time it is due, which the customer takes home on
the receipt. The number is checked on the keystroke by the domain's own rule; a refused save
puts each reason beside its field and keeps everything typed. Once the number is whole, what the
store knows of it shows under it (``caller_box.py``): its key account, and its open and recent
tickets, to one of which the clerk may add this contact instead of opening a duplicate.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from enum import StrEnum

from kaccount_desk.domain.mobile import check_mobile, normalize_mobile
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.tickets import Action, Area, Category, Channel, Window, label, ticket_number
from kaccount_desk.services import ticket_contacts, ticket_queries, tickets
from kaccount_desk.services.changes import TICKET_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.tickets import TicketInput, TicketView
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import announce, run_change, run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.tickets.caller_box import CallerBox
from kaccount_desk.ui.tickets.ticket_actions import from_qdatetime, to_qdatetime

log = logging.getLogger("kaccount_desk.ui.tickets")

MOBILE_LENGTH = 11
# Which field a refused save's reason belongs beside; the rest go under the form.
FIELD_OF_CODE = (("mobile.", "number"), ("ticket.customer_empty", "name"), ("ticket.empty_text", "content"),
                 ("ticket.text_too_long", "content"), ("ticket.received", "received"))


class OpenTicketForm(QtWidgets.QDialog):
    """Non-modal, so the queue stays usable; ``saved(id)`` after each ticket opened (or contact added to one)."""

    saved = Signal(int)
    typing = Signal()  # something was typed: the draft keeper writes soon after
    print_requested = Signal(str, int, str)  # ("receipt", id, ticket number): the Print page prints it

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opened: TicketView | None = None
        self._saving = False  # a ticket is being opened: Enter again must not open a second one
        self.setWindowTitle(self.tr("Receive a customer's matter"))
        self._build()
        self._channel_changed()

    def _combo(self, kind: type[StrEnum], values: Sequence[StrEnum | None] | None = None) -> QtWidgets.QComboBox:
        combo = QtWidgets.QComboBox()
        for member in values if values is not None else list(kind):
            combo.addItem(label(member, current_lang()) if member else self.tr("not given"), member.value if member else None)
        return combo

    def _build(self) -> None:
        self.category = self._combo(Category)
        self.channel = self._combo(Channel)
        self.window_combo = self._combo(Window)
        run_query(self, lambda: ticket_queries.my_window(self.ctx), self._own_window)
        self.name = QtWidgets.QLineEdit()
        self.name.setMaxLength(64)
        self.number = QtWidgets.QLineEdit()
        self.number.setMaxLength(20)
        self.number.setPlaceholderText(self.tr("11-digit mobile number"))
        self.key_account = QtWidgets.QCheckBox(self.tr("&Key-account customer"))
        self.caller_box = CallerBox(self.ctx)
        self.area = self._combo(Area, [None, Area.TOWN, Area.RURAL])
        self.area.setToolTip(self.tr("Where the fault is: a fault is repaired within 48 hours in towns, 72 in rural areas"))
        self.content = QtWidgets.QPlainTextEdit()
        self.content.setPlaceholderText(self.tr("What the customer asks or reports, in their words"))
        self.content.setTabChangesFocus(True)  # Tab moves on; Ctrl+Enter saves
        self.received = QtWidgets.QDateTimeEdit()
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.notes = {key: QtWidgets.QLabel() for key in ("name", "number", "content", "received")}
        for note in self.notes.values():
            note.setWordWrap(True)
            note.setStyleSheet(text_style("reason"))
            note.hide()
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.save_button = QtWidgets.QPushButton(self.tr("&Save (Enter / Ctrl+Enter)"))
        self.save_button.setAutoDefault(False)
        self.print_button = QtWidgets.QPushButton(self.tr("&Print receipt"))
        self.print_button.setAutoDefault(False)
        self.print_button.hide()
        form = QtWidgets.QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("C&hannel:"), self.channel)
        form.addRow(self.tr("&Window:"), self.window_combo)
        form.addRow(self.tr("Customer &name:"), self._with_note(self.name, "name"))
        form.addRow(self.tr("&Mobile number:"), self._with_note(self.number, "number"))
        form.addRow("", self.caller_box)
        form.addRow("", self.key_account)
        form.addRow(self.tr("&Area:"), self.area)
        form.addRow(self.tr("C&ontent:"), self._with_note(self.content, "content"))
        self.received_label = QtWidgets.QLabel(self.tr("Received (&letters):"))
        self.received_label.setBuddy(self.received)
        form.addRow(self.received_label, self._with_note(self.received, "received"))
        for field in (self.name, self.number, self.content, self.received):
            label = form.labelForField(field.parentWidget() or field)
            if isinstance(label, QtWidgets.QLabel):  # Alt+letter focuses the field itself: a label skips a buddy
                label.setBuddy(field)  # that takes no focus, and the note's box takes none
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        owner = QtWidgets.QLabel(self.tr("You receive it, so you own it until the customer confirms (first-contact responsibility)."))
        owner.setWordWrap(True)
        owner.setStyleSheet(text_style("calm"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(owner)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 520)
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self.number.textEdited.connect(self._check_number)
        self.number.textEdited.connect(self.caller_box.ask)
        self.caller_box.key_account_known.connect(self._key_account_known)
        self.caller_box.add_requested.connect(self.add_contact)
        for edit in (self.name, self.number):
            edit.textEdited.connect(self.typing)
        self.content.textChanged.connect(self.typing)
        self.save_button.clicked.connect(self.save)
        self.print_button.clicked.connect(self.print_receipt)
        for edit in (self.name, self.number):
            edit.returnPressed.connect(self.save)
        for keys in ("Ctrl+S", "Ctrl+Return"):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), self)
            shortcut.activated.connect(self.save)

    def _own_window(self, own: str | None) -> None:
        """The clerk's own window, read in the background, unless they already chose a window or channel themselves."""
        if not own or self.window_combo.currentIndex() != 0 or self.channel.currentIndex() != 0:
            return
        self.window_combo.setCurrentIndex(self.window_combo.findData(own))
        if own == Window.HOTLINE:  # the hotline's customers call in
            self.channel.setCurrentIndex(self.channel.findData(Channel.PHONE))

    def _with_note(self, widget: QtWidgets.QWidget, key: str) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        line = QtWidgets.QHBoxLayout(box)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(widget, 3)
        line.addWidget(self.notes[key], 2)
        box.setFocusProxy(widget)  # the label's mnemonic lands in the field, not on its frame
        return box

    def _note(self, key: str, text: str) -> None:
        self.notes[key].setText(text)
        self.notes[key].setVisible(bool(text))

    @Slot()
    def _channel_changed(self) -> None:
        """Only a letter is written down after the fact; everything else is received now."""
        letter = self.channel.currentData() == Channel.LETTER
        self.received.setEnabled(letter)
        self.received_label.setEnabled(letter)
        self.received.setDateTime(to_qdatetime(self.ctx.now()))

    @Slot()
    def _check_number(self) -> None:
        """The domain's check, no I/O: the reason appears once eleven digits are typed."""
        typed = self.number.text()
        if len(normalize_mobile(typed)) < MOBILE_LENGTH and typed.strip().isdigit():
            self._note("number", "")
            return
        verdict = check_mobile(typed, self.ctx.store.segments, for_calls=False)
        self._note("number", "\n".join(verdict.texts(current_lang())) if typed.strip() else "")

    def _input(self) -> TicketInput:
        letter = self.channel.currentData() == Channel.LETTER
        return TicketInput(
            category=self.category.currentData(), channel=self.channel.currentData(), window=self.window_combo.currentData(),
            customer_name=self.name.text(), customer_number=self.number.text(), content=self.content.toPlainText(),
            area=self.area.currentData(), key_account=self.key_account.isChecked(),
            received=from_qdatetime(self.received.dateTime()) if letter else None,
        )

    def draft_fields(self) -> dict[str, object] | None:
        """The typing a crash must not take (services/drafts.py); None once nothing is typed."""
        if not any(t.strip() for t in (self.name.text(), self.number.text(), self.content.toPlainText())):
            return None
        return {"category": self.category.currentData(), "channel": self.channel.currentData(),
                "window": self.window_combo.currentData(), "name": self.name.text(), "number": self.number.text(),
                "area": self.area.currentData(), "key_account": self.key_account.isChecked(),
                "content": self.content.toPlainText()}

    def restore_draft(self, fields: dict[str, object]) -> None:
        for combo, key in ((self.category, "category"), (self.channel, "channel"), (self.window_combo, "window"), (self.area, "area")):
            found = combo.findData(fields.get(key))
            if found >= 0:
                combo.setCurrentIndex(found)
        self.name.setText(str(fields.get("name") or ""))
        self.number.setText(str(fields.get("number") or ""))
        self.key_account.setChecked(bool(fields.get("key_account")))
        self.caller_box.ask(self.number.text())
        self.content.setPlainText(str(fields.get("content") or ""))

    @Slot()
    def save(self) -> None:
        """Open the ticket off the GUI thread; a second Enter while it is being opened is not a second ticket.

        What was typed stays until the ticket is opened; typing done meanwhile (the next customer's
        name) stays after it.
        """
        if self._saving:
            return
        self._saving = True
        self._clear_notes()
        entered, sent = self._input(), self._typed()

        def opened(view: TicketView) -> None:
            self._saving = False
            self._opened(view, sent)

        def refused(exc: BaseException) -> bool:
            self._saving = False
            if not isinstance(exc, ServiceError):
                return False
            self._show_reasons(exc.reasons)
            return True

        run_change(self, lambda: tickets.open_ticket(self.ctx, entered), TICKET_CHANGED, opened, refused)

    def _clear_notes(self) -> None:
        for key in self.notes:
            self._note(key, "")
        self.message.hide()

    def _typed(self) -> tuple[str, str, str]:
        return self.name.text(), self.number.text(), self.content.toPlainText()

    def _opened(self, view: TicketView, sent: tuple[str, str, str] | None) -> None:
        """Say the ticket's number and due time; clear what was sent (``None``: everything)."""
        self.opened = view
        self._say("ok", self.tr("Ticket %1 opened, due %2. You own it until the customer confirms.")
                  .replace("%1", ticket_number(view.id, view.received_at)).replace("%2", f"{view.due_at:%Y-%m-%d %H:%M}"))
        self.print_button.setVisible(True)
        self._clear_sent(sent)
        self.saved.emit(view.id)

    def _clear_sent(self, sent: tuple[str, str, str] | None) -> None:
        """Clear what was sent (``None``: everything); typing done meanwhile stays, and its number is looked up afresh."""
        now = self._typed()
        edits: tuple[QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit, ...] = (self.name, self.number, self.content)
        for edit, was, typed in zip(edits, sent or now, now, strict=True):
            if was == typed:
                edit.clear()
        self.caller_box.clear()
        self.caller_box.ask(self.number.text())
        if sent is None or sent == now:
            self.key_account.setChecked(False)
            self.name.setFocus()

    @Slot(bool)
    def _key_account_known(self, known: bool) -> None:
        """A number of a live application is a key account without a tick; the box stays for customers the store does not hold."""
        if known:
            self.key_account.setChecked(True)
        elif not self.key_account.isEnabled():
            self.key_account.setChecked(False)  # ticked by the look-up, not by the clerk
        self.key_account.setEnabled(not known)

    @Slot(int)
    def add_contact(self, ticket_id: int) -> None:
        """A repeat caller: what the customer says now (the content box) goes into that ticket; no ticket is opened."""
        if self._saving:
            return
        self._saving = True
        self._clear_notes()
        text, sent = self.content.toPlainText(), self._typed()

        def added(view: TicketView) -> None:
            self._saving = False
            reopened = bool(view.history) and view.history[-1].action == Action.REOPEN
            said = self.tr("Contact added to ticket %1; no new ticket was opened.").replace(
                "%1", ticket_number(view.id, view.received_at))
            if reopened:
                said += " " + self.tr("The ticket reopens to %1.").replace("%1", f"{view.owner_name}({view.owner})")
            self._say("ok", said)
            self.print_button.hide()
            self._clear_sent(sent)
            self.saved.emit(view.id)

        def refused(exc: BaseException) -> bool:
            self._saving = False
            if not isinstance(exc, ServiceError):
                return False
            self._show_reasons(exc.reasons)
            return True

        run_change(self, lambda: ticket_contacts.add_contact(self.ctx, ticket_id, text), TICKET_CHANGED, added, refused)

    def start_afresh(self) -> None:
        """Reopened for the next customer: the last ticket's outcome goes; typing kept when closed stays."""
        self.opened = None
        self.message.hide()
        self.print_button.hide()

    def has_unsaved_input(self) -> bool:
        """Name, number or content typed and not yet opened as a ticket (a closed form keeps them)."""
        return any(text.strip() for text in (self.name.text(), self.number.text(), self.content.toPlainText()))

    def unsaved_text(self) -> str:
        return self.tr("The new ticket's form holds typing that has not been saved. Open the ticket now?")

    def can_save_input(self) -> bool:
        return True

    def save_input(self) -> bool:
        """Asked by the "unsaved typing" question, which needs the answer before the window closes: saved here and now.

        The one store call of this form on the GUI thread, as ``ui/operations.py`` allows for it; it announces the change itself.
        """
        self._clear_notes()
        try:
            view = tickets.open_ticket(self.ctx, self._input())
        except ServiceError as exc:
            self._show_reasons(exc.reasons)
            return False
        self._opened(view, None)
        announce(TICKET_CHANGED, self)
        return True

    def _show_reasons(self, reasons: tuple[Reason, ...]) -> None:
        lang = current_lang()
        loose: list[str] = []
        placed: dict[str, list[str]] = {}
        for reason in reasons:
            key = next((field for prefix, field in FIELD_OF_CODE if reason.code.startswith(prefix)), None)
            (placed.setdefault(key, []) if key else loose).append(reason.text(lang))
        for key, texts in placed.items():
            self._note(key, "\n".join(texts))
        if loose:
            self._say("reason", "\n".join(loose))
        first = next(iter(placed), None)
        widget = {"name": self.name, "number": self.number, "content": self.content, "received": self.received}.get(first or "")
        if widget is not None:
            widget.setFocus()

    def _say(self, state: str, text: str) -> None:
        self.message.setStyleSheet(text_style(state))
        self.message.setText(text)
        self.message.show()

    @Slot()
    def print_receipt(self) -> bool:
        """The customer's 受理回执 for the ticket just opened, through the Print page (preview, print dialog, save)."""
        if self.opened is None:
            return False
        self.print_requested.emit("receipt", self.opened.id, ticket_number(self.opened.id, self.opened.received_at))
        return True