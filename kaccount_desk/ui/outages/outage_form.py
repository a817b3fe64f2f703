"""The box where planned work is registered: what, where, when, how long, who is affected.

The campaigns are offered as ticks for the key-account companies the area's name does not tell;
whether key-account customers are reached, and whether an approval is needed, is the service's
answer after the save, never worked out here.
"""

from __future__ import annotations

from datetime import timedelta

from kaccount_desk.services import outages
from kaccount_desk.services.campaigns import CampaignSummary
from kaccount_desk.services.changes import TICKET_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.outages import OutageView
from kaccount_desk.ui.messages import error_text
from kaccount_desk.ui.operations import run_change
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtWidgets, Signal, Slot
from kaccount_desk.ui.tickets.ticket_actions import from_qdatetime, to_qdatetime

# The register is part of the tickets' work: the ticket panel's "计划停机中" line reads it.
OUTAGE_CHANGED = TICKET_CHANGED


class OutageForm(QtWidgets.QGroupBox):
    """Emits ``added`` with the service's view of the work just registered."""

    added = Signal(object)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Register planned work"))
        self.what = QtWidgets.QLineEdit()
        self.what.setPlaceholderText(self.tr("e.g. base station upgrade"))
        self.area = QtWidgets.QLineEdit()
        self.area.setPlaceholderText(self.tr("e.g. a town or village; a company named after it counts as reached"))
        self.start = QtWidgets.QDateTimeEdit(to_qdatetime(ctx.now() + timedelta(days=4)))
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        self.hours = QtWidgets.QSpinBox()
        self.hours.setRange(1, 24 * 30)
        self.hours.setSuffix(self.tr(" h"))
        self.affected = QtWidgets.QLineEdit()
        self.affected.setPlaceholderText(self.tr("who is affected, as the notice should say it"))
        self.campaigns = QtWidgets.QListWidget()
        self.campaigns.setMaximumHeight(72)
        self.campaigns.setToolTip(self.tr("Tick a campaign whose key-account customers the work reaches"))
        self.add_button = QtWidgets.QPushButton(self.tr("Register"))
        self.add_button.clicked.connect(self.add)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Work"), self.what)
        form.addRow(self.tr("Area"), self.area)
        when = QtWidgets.QHBoxLayout()
        when.addWidget(self.start, 1)
        when.addWidget(QtWidgets.QLabel(self.tr("Expected duration")))
        when.addWidget(self.hours)
        form.addRow(self.tr("Start"), when)
        form.addRow(self.tr("Affected"), self.affected)
        form.addRow(self.tr("Key-account campaigns"), self.campaigns)
        form.addRow("", self.add_button)
        form.addRow("", self.message)

    def show_campaigns(self, found: list[CampaignSummary]) -> None:
        """The campaigns to tick, read by the page with its register (one read when it opens); ticks already made stay."""
        ticked = set(self.chosen_campaigns())
        self.campaigns.clear()
        for c in found:
            item = QtWidgets.QListWidgetItem(f"{c.code} · {c.title}")
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.code in ticked else Qt.CheckState.Unchecked)
            self.campaigns.addItem(item)

    def chosen_campaigns(self) -> list[str]:
        items = (self.campaigns.item(i) for i in range(self.campaigns.count()))
        return [str(item.data(Qt.ItemDataRole.UserRole)) for item in items if item.checkState() == Qt.CheckState.Checked]

    @Slot()
    def add(self) -> None:
        ctx, named = self.ctx, self.chosen_campaigns()
        what, area, affected = self.what.text(), self.area.text(), self.affected.text()
        start, hours = from_qdatetime(self.start.dateTime()), self.hours.value()
        run_change(self, lambda: outages.add(ctx, what, area, start, hours, affected, named), OUTAGE_CHANGED,
                   self._added, self._refused)

    def _added(self, view: OutageView) -> None:
        for field in (self.what, self.area, self.affected):
            field.clear()
        for i in range(self.campaigns.count()):
            self.campaigns.item(i).setCheckState(Qt.CheckState.Unchecked)
        said = self.tr("Registered.")
        if view.needs_approval:
            said += " " + self.tr("It needs an approval recorded before its notice.")
        self.message.setStyleSheet(text_style("ok"))
        self.message.setText(said)
        self.added.emit(view)

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ServiceError):
            return False
        self.message.setStyleSheet(text_style("reason"))
        self.message.setText(error_text(exc))
        return True
