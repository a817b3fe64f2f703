"""The 计划停机 / Planned work page: the register, one work's details, its approval and its notice.

Everything shown is what the service returned: whether key-account customers are reached (and
which companies, by campaign), whether an approval is needed, and whether the notice may print
now with the reason when not. The notice itself goes through the Print page like a ticket's
receipt (preview, print dialog, save as PDF), which refuses it again if the clock moved on.
The register is short (a few works a month), so the list is a plain table read whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from kaccount_desk.domain.operator_time import local
from kaccount_desk.domain.outages import NOTICE_LABELS
from kaccount_desk.services import campaigns, outages
from kaccount_desk.services.campaigns import CampaignSummary
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.outages import OutageView
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import change_hub, run_change, run_query, worker_job
from kaccount_desk.ui.outages.outage_form import OUTAGE_CHANGED, OutageForm
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal, Slot

NOTICE_KIND = "outage-notice"  # the Print page's key for the notice (ui/printing/documents.py)


@dataclass(frozen=True)
class Register:
    """What the page paints: the planned work, and the campaigns its form offers to tick."""

    views: list[OutageView]
    campaigns: list[CampaignSummary]


@worker_job
def _read_register(ctx: Context) -> Register:
    """The register and the form's campaigns in one worker call: three statements (the work with its
    registrars, their campaigns with their members, the campaign list), each once per refresh."""
    return Register(outages.list_outages(ctx), campaigns.list_campaigns(ctx))


def _when(view: OutageView) -> str:
    return f"{local(view.start):%Y-%m-%d %H:%M} – {local(view.end):%Y-%m-%d %H:%M}"


class OutagesPage(QtWidgets.QWidget):
    """The register on the left with the box that adds to it; the chosen work on the right."""

    # (NOTICE_KIND, work id, a name for the file): the Print page prints it (the window connects them).
    print_requested = Signal(str, int, str)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.views: list[OutageView] = []
        self.chosen: OutageView | None = None
        self.table = QtWidgets.QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Hours"), self.tr("Area"), self.tr("Key accounts"),
                                              self.tr("Notice"), self.tr("Work")])
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)  # the work's words
        self.table.itemSelectionChanged.connect(self._selected)
        self.form = OutageForm(ctx)
        self.form.added.connect(lambda view: self._choose(view.id))
        left = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.form)
        splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        QtWidgets.QVBoxLayout(self).addWidget(splitter)
        self._wanted: int | None = None
        self._show_detail(None)
        change_hub().changed.connect(self.apply_changes)  # every change, wherever made, reaches this page

    def _build_detail(self) -> QtWidgets.QGroupBox:
        box = QtWidgets.QGroupBox(self.tr("Planned work"))
        self.facts = QtWidgets.QLabel()
        self.facts.setWordWrap(True)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.approver = QtWidgets.QLineEdit()
        self.approver.setPlaceholderText(self.tr("who approved"))
        self.approve_button = QtWidgets.QPushButton(self.tr("Record approval"))
        self.approve_button.clicked.connect(self.approve)
        self.notice_state = QtWidgets.QLabel()
        self.notice_state.setWordWrap(True)
        self.print_button = QtWidgets.QPushButton(self.tr("Print notice…"))
        self.print_button.setToolTip(self.tr("The customers' notice, to print or save as PDF"))
        self.print_button.clicked.connect(self.print_notice)
        approval = QtWidgets.QHBoxLayout()
        approval.addWidget(self.approver, 1)
        approval.addWidget(self.approve_button)
        layout = QtWidgets.QVBoxLayout(box)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.facts)
        layout.addWidget(scroll, 1)
        layout.addLayout(approval)
        layout.addWidget(self.notice_state)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # ----- the Page protocol -----

    def set_campaign(self, code: str | None) -> None:
        """The register is not per campaign."""

    def refresh(self) -> None:
        """Read the register and the form's campaigns once; the page is read when shown, not also when built."""
        ctx = self.ctx
        run_query(self, lambda: _read_register(ctx), self._show_register)

    def apply_changes(self, changes: Changes, origin: object) -> None:
        if changes.tickets or changes.campaigns:
            self.refresh()

    def focus_search(self) -> bool:
        return False

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first look, and back from the Print page: a notice printed there changed the work's state."""
        super().showEvent(event)
        self.refresh()

    # ----- showing -----

    def _show_register(self, register: Register) -> None:
        self.form.show_campaigns(register.campaigns)
        self._show_list(register.views)

    def _show_list(self, views: list[OutageView]) -> None:
        keep = self._wanted if self._wanted is not None else (self.chosen.id if self.chosen else None)
        self.views = views
        lang = current_lang()
        self.table.blockSignals(True)
        self.table.setRowCount(len(views))
        for row, view in enumerate(views):
            cells = [_when(view), str(view.hours), view.area, self.tr("Yes") if view.key_accounts else "",
                     NOTICE_LABELS.text(view.notice, lang), view.what]
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        for column in range(self.table.columnCount() - 1):  # the last, the work's words, takes what is left
            self.table.resizeColumnToContents(column)
        self._choose(keep)

    def _choose(self, outage_id: int | None) -> None:
        """Select the work ``outage_id`` when it is listed (a new one arrives with the list that follows its save)."""
        rows = [i for i, v in enumerate(self.views) if v.id == outage_id]
        self._wanted = None if rows or outage_id is None else outage_id
        if rows:
            self.table.selectRow(rows[0])
        self._selected()

    @Slot()
    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show_detail(self.views[rows[0].row()] if rows and rows[0].row() < len(self.views) else None)

    def _show_detail(self, view: OutageView | None) -> None:
        self.chosen = view
        self.approver.setEnabled(bool(view and view.may_approve))
        self.approve_button.setEnabled(bool(view and view.may_approve))
        self.print_button.setEnabled(bool(view and view.notice_refusal is None))
        if view is None:
            self.facts.setText(self.tr("Choose planned work in the list, or register one below."))
            self.notice_state.clear()
            return
        lines = [
            self.tr("Work: %1").replace("%1", view.what),
            self.tr("Area: %1").replace("%1", view.area),
            self.tr("Time: %1 (%2 h)").replace("%1", _when(view)).replace("%2", str(view.hours)),
            self.tr("Affected: %1").replace("%1", view.affected or "—"),
            self.tr("Registered by %1").replace("%1", view.created_by),
            self._approval_line(view),
        ]
        if view.companies:
            lines.append(self.tr("Key-account companies affected, by campaign:"))
            for c in view.companies:
                named = self.tr(" (named)") if c.named else ""
                lines.append(f"  {c.code} · {c.company} · " + self.tr("%n member(s)", "", c.members) + named)
        else:
            lines.append(self.tr("No key-account company is affected."))
        self.facts.setText("\n".join(lines))
        said = NOTICE_LABELS.text(view.notice, current_lang())
        if view.notice_refusal is not None:
            said += ": " + view.notice_refusal.text(current_lang())
        self.notice_state.setStyleSheet(text_style("reason" if view.notice_refusal is not None else "ok"))
        self.notice_state.setText(said)

    def _approval_line(self, view: OutageView) -> str:
        if view.approved_at is not None:
            return self.tr("Approved by %1 (recorded %2)").replace("%1", view.approved_by or "").replace(
                "%2", f"{local(view.approved_at):%Y-%m-%d %H:%M}")
        if view.needs_approval:
            return self.tr("Needs the competent department's approval before the notice (24 hours or more, or key accounts)")
        return self.tr("No approval needed")

    # ----- acting -----

    @Slot()
    def approve(self) -> None:
        if self.chosen is None:
            return
        ctx, outage_id, by = self.ctx, self.chosen.id, self.approver.text()

        def done(view: OutageView) -> None:
            self.approver.clear()
            self._wanted = view.id

        def refused(exc: BaseException) -> bool:
            if not isinstance(exc, ServiceError):
                return False
            self.notice_state.setStyleSheet(text_style("reason"))
            self.notice_state.setText(error_text(exc))
            return True

        run_change(self, lambda: outages.approve(ctx, outage_id, by), OUTAGE_CHANGED, done, refused)

    @Slot()
    def print_notice(self) -> None:
        """The notice through the Print page: shown, then Qt's print dialog, like a ticket's receipt."""
        if self.chosen is not None and self.chosen.notice_refusal is None:
            self.print_requested.emit(NOTICE_KIND, self.chosen.id, self.chosen.area)
