"""What one ticket says, in the ticket panel: its category, customer, times, owner, content,
referrals and rent waiver, and the lines of its history.

Apart from the panel's actions (``ticket_detail.py``), so the facts can scroll in what height is
left while the actions stay in view.
"""

from __future__ import annotations

from datetime import datetime

from kaccount_desk.domain.tickets import TicketStatus, label
from kaccount_desk.services.ticket_views import AppointmentView, EventView, ReferralView
from kaccount_desk.services.tickets import TicketView
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtWidgets
from kaccount_desk.ui.tickets.tickets_model import time_left_text


def history_line(event: EventView) -> str:
    lang = current_lang()
    parts = [f"{event.at:%m-%d %H:%M}", label(event.action, lang), f"{event.staff_name}({event.staff_no})", event.details(lang)]
    return "  ".join(part for part in parts if part)


class TicketFactsForm(QtWidgets.QWidget):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QtWidgets.QLabel] = {}
        form = QtWidgets.QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, title in (
            ("kind", self.tr("Category:")), ("customer", self.tr("Customer:")), ("received", self.tr("Received:")),
            ("due", self.tr("Due:")), ("visit", self.tr("Visit:")), ("owner", self.tr("Owner:")), ("content", self.tr("Content:")),
            ("referrals", self.tr("Referrals:")), ("waiver", self.tr("Rent waiver:")),
        ):
            value = QtWidgets.QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(title, value)

    def show_view(self, view: TicketView | None, now: datetime) -> None:
        lang = current_lang()
        if view is None:
            for value in self.fields.values():
                value.clear()
            return
        kind = [label(view.category, lang), label(view.channel, lang), label(view.window, lang)]
        if view.area:
            kind.append(label(view.area, lang))
        self.fields["kind"].setText(" · ".join(kind))
        key_account = self.tr(" (key-account customer)") if view.key_account else ""
        if view.company:  # known from the number's application, not ticked
            key_account = "\n" + self.tr("Key-account customer: %1 · %2").replace("%1", view.company).replace("%2", view.campaign or "")
        self.fields["customer"].setText(f"{view.customer_name}  {view.customer_number}{key_account}")
        self.fields["received"].setText(f"{view.received_at:%Y-%m-%d %H:%M}")
        self.fields["due"].setText(self._due_text(view, now))
        owner = f"{view.owner_name}({view.owner})"
        if view.first_receiver != view.owner:
            owner += self.tr(", first received by %1").replace("%1", view.first_receiver)
        self.fields["owner"].setText(owner)
        self.fields["content"].setText(view.content)
        self.fields["referrals"].setText("\n".join(self._referral_line(r) for r in view.referrals) or self.tr("none"))
        waiver = view.waiver
        self.fields["waiver"].setText(
            self.tr("none") if waiver is None else
            self.tr("monthly rent waived from %1 until %2").replace("%1", f"{waiver.period_start:%Y-%m-%d %H:%M}")
            .replace("%2", f"{waiver.period_end:%Y-%m-%d %H:%M}" if waiver.period_end else self.tr("the repair"))
        )
        self._show_visit(view.appointment)

    def _show_visit(self, visit: AppointmentView | None) -> None:
        """The latest repair visit and how it stands; a missed one in the refusal red (standard 2.4: keep the time)."""
        field = self.fields["visit"]
        if visit is None:
            field.setText(self.tr("none"))
            field.setStyleSheet("")
            return
        states = {
            "booked": self.tr("booked"), "under_way": self.tr("due now"), "kept": self.tr("visited %1"),
            "missed": self.tr("MISSED: no visit recorded by the end of the window"), "moved": self.tr("moved"),
        }
        state = states.get(visit.state, visit.state)
        if visit.visited_at is not None:
            state = (state + "  " + self.tr("visited %1") if visit.state == "missed" else state).replace(
                "%1", f"{visit.visited_at:%m-%d %H:%M}")
        window = f"{visit.start:%Y-%m-%d %H:%M}–{visit.end:%H:%M}"
        field.setText(f"{window}  {visit.visitor}  ({state})")
        field.setStyleSheet(text_style("reason") if visit.state == "missed" else "")

    def _due_text(self, view: TicketView, now: datetime) -> str:
        """The due time and what is left; while waiting, that the clock stopped; a complaint's 15-day limit."""
        if view.waiting_since is not None:
            # Never negative: a ticket already late may not wait (domain.ticket_pauses.check_wait).
            left = "  " + self.tr("(waiting on the customer since %1: clock stopped, %2 left)").replace(
                "%1", f"{view.waiting_since:%m-%d %H:%M}").replace("%2", time_left_text(view.due_at - view.waiting_since))
        else:
            left = "" if view.status == TicketStatus.CLOSED else f"  ({time_left_text(view.due_at - now)})"
        exempt = self.tr("  handset caused: no repair limit") if view.handset_cause else ""
        ceiling = ""
        if view.ceiling is not None and view.status != TicketStatus.CLOSED:
            ceiling = "\n" + self.tr("15-day limit (customer may appeal): %1").replace("%1", f"{view.ceiling:%Y-%m-%d %H:%M}")
        return f"{view.due_at:%Y-%m-%d %H:%M}{left}{exempt}{ceiling}"

    def _referral_line(self, referral: ReferralView) -> str:
        state = (self.tr("answered %1").replace("%1", f"{referral.answered_at:%m-%d %H:%M}") if referral.answered_at
                 else self.tr("answer due %1").replace("%1", f"{referral.due_at:%m-%d %H:%M}"))
        return f"{referral.department}: {referral.ask} — {state}"
