"""The Reports page (报表): a month's key-account reports, each on a tab with its chart and tables, and Export .xlsx.

A supervisor picks a month and reads ch. 6 of the 2002 specification's analyses: development of
members and key accounts over twelve months, revenue by tier and company, churn, key accounts'
satisfaction, and each account manager's month. The report is read once, off the GUI thread
(``run_query``); the tabs and the .xlsx are drawn from that one read, so they always agree.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from kaccount_desk.domain.key_account_report_rules import month_of_instant
from kaccount_desk.domain.key_accounts import TIER_LABELS, Tier, yuan
from kaccount_desk.services import key_account_report_export, key_account_reports
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.key_account_report_views import KeyAccountReport
from kaccount_desk.ui.file_names import ask_save_path, file_name
from kaccount_desk.ui.operations import busy, run_query
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets, Slot
from kaccount_desk.ui.reports.report_charts import ReportTab, fill
from kaccount_desk.ui.workers import Operation, run_with_progress

log = logging.getLogger("kaccount_desk.ui.reports")


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


class ReportsPage(QtWidgets.QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.report: KeyAccountReport | None = None
        year, month = (int(part) for part in month_of_instant(ctx.now()).split("-"))
        self.month_edit = QtWidgets.QDateEdit(QtCore.QDate(year, month, 1))
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setToolTip(self.tr("The month of the reports (the hall's calendar month)"))
        self.show_button = QtWidgets.QPushButton(self.tr("Show"))
        self.export_button = QtWidgets.QPushButton(self.tr("Export .xlsx…"))
        self.export_button.setEnabled(False)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        self.development = ReportTab([self.tr("Members and key accounts by month")])
        self.revenue = ReportTab([self.tr("Revenue by tier"), self.tr("Revenue by company")])
        self.churn = ReportTab([self.tr("Numbers lost this month"), self.tr("Members gone by company")])
        self.satisfaction = ReportTab([self.tr("Key accounts' tickets by category")])
        self.managers = ReportTab([self.tr("Each account manager's month")])
        self.tabs = QtWidgets.QTabWidget()
        for tab, title in ((self.development, self.tr("Development")), (self.revenue, self.tr("Revenue")),
                           (self.churn, self.tr("Churn")), (self.satisfaction, self.tr("Satisfaction")),
                           (self.managers, self.tr("Account managers"))):
            self.tabs.addTab(tab, title)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Month")))
        top.addWidget(self.month_edit)
        top.addWidget(self.show_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.show_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.choose_export)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first look reads this month at once: empty tabs beside a "Show" button read as "nothing happened"."""
        super().showEvent(event)
        if self.report is None and not busy(self):
            self.compute()

    def month(self) -> str:
        chosen = self.month_edit.date()
        return f"{chosen.year():04d}-{chosen.month():02d}"

    @Slot()
    def compute(self) -> None:
        """Read the month's reports in a worker thread; the tabs fill in when they arrive."""
        month, ctx = self.month(), self.ctx
        self.status.setText(self.tr("Counting…"))
        self.show_button.setEnabled(False)
        run_query(self, lambda: key_account_reports.key_account_report(ctx, month), self.show_report, self._failed)

    def _failed(self, _exc: BaseException) -> bool:
        """The usual report follows (an error box or the banner); the button is live again for another try."""
        self.show_button.setEnabled(True)
        self.status.clear()
        return False

    def show_report(self, report: KeyAccountReport) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        self.export_button.setEnabled(True)
        head = report.headline()
        text = (self.tr("%1: %2 member(s) (%3 gained), %4 key account(s), revenue %5 yuan")
                .replace("%1", head.month).replace("%2", str(head.members)).replace("%3", str(head.members_gained))
                .replace("%4", str(head.key_accounts)).replace("%5", head.revenue_yuan))
        if not report.bills_imported:
            text += self.tr(" (this month's bills are not imported yet)")
        self.status.setText(text)
        self._development(report)
        self._revenue(report)
        self._churn(report)
        self._satisfaction(report)
        self._managers(report)

    def _development(self, report: KeyAccountReport) -> None:
        tiers = [TIER_LABELS.text(t, self.ctx.lang) for t in Tier]
        fill(self.development.tables[0],
             [self.tr("Month"), self.tr("Members"), self.tr("Gained"), self.tr("Key accounts"), *tiers],
             [[t.month, str(t.members), str(t.gained), str(t.key_accounts), *(str(t.by_tier[x.value]) for x in Tier)]
              for t in report.trend])
        self.development.lines(self.tr("Members and key accounts, last 12 months"), [t.month[2:] for t in report.trend],
                               [(self.tr("Members"), [t.members for t in report.trend]),
                                (self.tr("Key accounts"), [t.key_accounts for t in report.trend])])

    def _revenue(self, report: KeyAccountReport) -> None:
        fill(self.revenue.tables[0], [self.tr("Tier"), self.tr("Numbers"), self.tr("Revenue (yuan)"), self.tr("Average (yuan)")],
             [[t.name, str(t.numbers), yuan(t.revenue_fen), yuan(t.average_fen)] for t in report.tiers])
        fill(self.revenue.tables[1],
             [self.tr("Company"), self.tr("Class"), self.tr("Members"), self.tr("Gained"), self.tr("Key accounts"),
              self.tr("Billed"), self.tr("Revenue (yuan)")],
             [[c.name, c.company_class, str(c.members), str(c.gained), str(c.key_accounts), str(c.billed), yuan(c.revenue_fen)]
              for c in report.companies], texts=2)
        self.revenue.bars(self.tr("Revenue by tier (yuan)"), [t.name for t in report.tiers],
                          [(self.tr("Revenue (yuan)"), [t.revenue_fen / 100 for t in report.tiers])], money=True)

    def _churn(self, report: KeyAccountReport) -> None:
        fill(self.churn.tables[0], [self.tr("Kind"), self.tr("From tier"), self.tr("Numbers")],
             [[c.kind_name, c.tier_name, str(c.numbers)] for c in report.churn], texts=2)
        fill(self.churn.tables[1], [self.tr("Company"), self.tr("Members"), self.tr("Members gone")],
             [[c.name, str(c.members), str(c.left)] for c in report.companies])
        lines = [c for c in report.churn if c.numbers or c.tier is None]
        self.churn.bars(self.tr("Numbers lost in %1").replace("%1", report.month),
                        [f"{c.kind_name} {c.tier_name}".strip() for c in lines], [(self.tr("Numbers"), [c.numbers for c in lines])])

    def _satisfaction(self, report: KeyAccountReport) -> None:
        rows = report.satisfaction
        fill(self.satisfaction.tables[0],
             [self.tr("Category"), self.tr("Closed"), self.tr("Closed on time"), self.tr("Satisfied"), self.tr("Not satisfied"),
              self.tr("Not reachable"), self.tr("Satisfaction rate")],
             [[s.category_name, str(s.closed), str(s.on_time), str(s.satisfied), str(s.unsatisfied), str(s.unreachable),
               _rate(s.rate)] for s in rows])
        self.satisfaction.bars(self.tr("Key accounts' callbacks in %1").replace("%1", report.month), [s.category_name for s in rows],
                               [(self.tr("Satisfied"), [s.satisfied for s in rows]),
                                (self.tr("Not satisfied"), [s.unsatisfied for s in rows]),
                                (self.tr("Not reachable"), [s.unreachable for s in rows])])

    def _managers(self, report: KeyAccountReport) -> None:
        rows = report.managers
        fill(self.managers.tables[0],
             [self.tr("Account manager"), self.tr("Companies"), self.tr("Members"), self.tr("Members gained"),
              self.tr("Tickets closed"), self.tr("Closed on time"), self.tr("On-time rate"), self.tr("Satisfied"),
              self.tr("Not satisfied"), self.tr("Satisfaction rate"), self.tr("Tasks due"), self.tr("Tasks on time")],
             [[f"{m.name}({m.staff_no})", str(m.companies), str(m.members), str(m.gained), str(m.tickets_closed),
               str(m.closed_on_time), _rate(m.on_time_rate), str(m.satisfied), str(m.unsatisfied), _rate(m.satisfaction),
               str(m.tasks_due), str(m.tasks_on_time)]
              for m in rows])
        self.managers.bars(self.tr("Account managers in %1").replace("%1", report.month), [m.staff_no for m in rows],
                           [(self.tr("Members gained"), [m.gained for m in rows]),
                            (self.tr("Tickets closed"), [m.tickets_closed for m in rows]),
                            (self.tr("Closed on time"), [m.closed_on_time for m in rows]),
                            (self.tr("Satisfied"), [m.satisfied for m in rows]),
                            (self.tr("Tasks on time"), [m.tasks_on_time for m in rows])])

    @Slot()
    def choose_export(self) -> None:
        if self.report is None:
            return
        year, month = (int(part) for part in self.report.month.split("-"))
        name = file_name(self.tr("Key-account reports"), day=date(year, month, 1), suffix=".xlsx")
        path = ask_save_path(self, self.tr("Export reports"), name, self.tr("Spreadsheet (*.xlsx)"))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> Operation | None:
        """Write the reports shown to ``path`` off the GUI thread, with progress; the status line says where."""
        report, ctx = self.report, self.ctx
        if report is None:
            return None

        def done(written: Path) -> None:
            self.status.setText(self.tr("Saved to %1").replace("%1", str(written)))

        return run_with_progress(self, self.tr("Exporting the reports…"),
                                 lambda _p: key_account_report_export.export_report(ctx, report, path), done)

    # The page protocol (ui/page.py)
    def set_campaign(self, code: str | None) -> None:
        """The reports are of the whole archive, not of a campaign."""

    def refresh(self) -> None:
        if self.report is not None and not busy(self):
            self.compute()

    def apply_changes(self, changes: Changes, origin: object) -> None:
        if changes.applications or changes.tickets or changes.settings or changes.everything:
            self.refresh()

    def focus_search(self) -> bool:
        return False
