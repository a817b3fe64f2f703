"""Ticket statistics for a period, per window and per staff member, as tables and a bar chart.

A supervisor reads who resolves at first contact, who lets deadlines pass, and how many outages'
rent billing must waive. The report reads every ticket of the period, so it runs off the GUI
thread; the .xlsx export goes through the service, which writes the file whole or not at all.
"""

from __future__ import annotations

import logging
import math
from dataclasses import astuple
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.services import ticket_queries
from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Report, ReportRow
from kaccount_desk.ui import qt
from kaccount_desk.ui.file_names import ask_save_path, file_name
from kaccount_desk.ui.operations import busy, run_query
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, Qt, QtCore, QtGui, QtWidgets, Slot
from kaccount_desk.ui.workers import Operation, run_with_progress

log = logging.getLogger("kaccount_desk.ui.tickets")

MEASURES: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("ReportsPanel", "Received"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Resolved at first contact"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Referred"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Closed on time"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Overdue now"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Satisfied"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Not satisfied"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Not reachable"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Rent waivers owed"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Open, not yet due"),
    QT_TRANSLATE_NOOP("ReportsPanel", "Missed visits"),
))
RATES: tuple[str, ...] = tuple(str(label) for label in (
    QT_TRANSLATE_NOOP("ReportsPanel", "On-time rate"), QT_TRANSLATE_NOOP("ReportsPanel", "Satisfaction rate"),
))
# The chart shows how the work flowed; satisfaction and waivers read better as numbers.
CHARTED = 5
BAR_COLOURS = ("#4e79a7", "#59a14f", "#f28e2b", "#76b7b2", "#e15759")


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ReportsPanel", text)


def _figures(row: ReportRow) -> tuple[int, ...]:
    return astuple(row)[2:]


def period_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Whole days in +08:00, the last day included, as the service's half-open [start, end)."""
    return datetime.combine(first, time(), OPERATOR_TZ), datetime.combine(last + timedelta(days=1), time(), OPERATOR_TZ)


class ReportsPanel(QtWidgets.QWidget):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report: Report | None = None
        today = ctx.now().astimezone(OPERATOR_TZ).date()
        self.first = QtWidgets.QDateEdit(QtCore.QDate(today.year, today.month, 1))
        self.last = QtWidgets.QDateEdit(QtCore.QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.show_button = QtWidgets.QPushButton(self.tr("Show"))
        self.export_button = QtWidgets.QPushButton(self.tr("Export to a spreadsheet…"))
        self.export_button.setEnabled(False)
        self.status = QtWidgets.QLabel()
        self.by_window = self._table(self.tr("Window"))
        self.by_staff = self._table(self.tr("Staff member"))
        # Built at the first look or the first report (_charted): Qt Charts loads then, not with a
        # clerk's Tickets page, whose Reports tab most clerks never open.
        self.chart_view: QtWidgets.QWidget | None = None
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Received from")))
        top.addWidget(self.first)
        top.addWidget(QtWidgets.QLabel(self.tr("to")))
        top.addWidget(self.last)
        top.addWidget(self.show_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.export_button)
        tables = QtWidgets.QTabWidget()
        tables.addTab(self.by_window, self.tr("Per window"))
        tables.addTab(self.by_staff, self.tr("Per staff member"))
        self.body = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        self.body.addWidget(tables)
        self.chart_holder = QtWidgets.QWidget()  # there from the start, so the splitter's kept sizes apply
        self.chart_layout = QtWidgets.QVBoxLayout(self.chart_holder)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.body.addWidget(self.chart_holder)
        self.body.setSizes([240, 480])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body, 1)
        self.show_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(self.choose_export)

    def showEvent(self, event: QtGui.QShowEvent) -> None:
        """The first look counts this month at once: an empty table beside a "Show" button read as "no tickets"."""
        super().showEvent(event)
        self._charted()
        if self.report is None:
            self.compute()

    def _table(self, first_column: str) -> QtWidgets.QTableWidget:
        """A plain table: a period has a handful of windows and a few dozen staff, never a queue's size."""
        table = QtWidgets.QTableWidget(0, 1 + len(MEASURES) + len(RATES))
        table.setHorizontalHeaderLabels([first_column, *(_tr(m) for m in MEASURES), *(_tr(r) for r in RATES)])
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        table.setAlternatingRowColors(True)
        return table

    def _charted(self) -> bool:
        """The chart under the tables, built the first time it is wanted; False without Qt Charts."""
        charts = qt.QtCharts
        if charts is None:
            self.chart_holder.hide()  # PySide6-Addons missing: the tables only
            return False
        if self.chart_view is None:
            self.chart = charts.QChart()
            self.chart.setAnimationOptions(charts.QChart.AnimationOption.NoAnimation)
            self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            view = charts.QChartView(self.chart)
            view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(260)
            self.chart_layout.addWidget(view)
            self.chart_view = view
        return True

    def period(self) -> tuple[datetime, datetime]:
        first, last = self.first.date(), self.last.date()
        return period_bounds(date(first.year(), first.month(), first.day()), date(last.year(), last.month(), last.day()))

    @Slot()
    def compute(self) -> None:
        """Read the report in a worker thread; the tables and chart fill in when it arrives."""
        if busy(self):
            return
        start, end = self.period()
        self.status.setText(self.tr("Counting…"))
        self.show_button.setEnabled(False)
        run_query(self, lambda: ticket_queries.ticket_report(self.ctx, start, end), self.show_report, self._failed)

    def _failed(self, _exc: BaseException) -> bool:
        """The usual report follows (an error box or the banner); the button is live again for another try."""
        self.show_button.setEnabled(True)
        self.status.clear()
        return False

    def show_report(self, report: Report) -> None:
        self.report = report
        self.show_button.setEnabled(True)
        self.export_button.setEnabled(True)
        total = sum(r.received for r in report.by_window)
        self.status.setText(self.tr("%1 to %2: %3 ticket(s)").replace("%1", f"{report.start:%Y-%m-%d}")
                            .replace("%2", f"{report.end - timedelta(days=1):%Y-%m-%d}").replace("%3", str(total)))
        totals = report.total(self.tr("Total"))
        self._fill(self.by_window, (*report.by_window, totals), with_key=False)
        self._fill(self.by_staff, (*report.by_staff, totals), with_key=True)
        self._draw(report.by_window)

    def _fill(self, table: QtWidgets.QTableWidget, rows: tuple[ReportRow, ...], with_key: bool) -> None:
        """The rows, the last one being the period's total (bold), each with its on-time and satisfaction rates."""
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            total = r == len(rows) - 1
            name = f"{row.label}({row.key})" if with_key and not total else row.label
            rates = tuple("–" if rate is None else f"{rate:.0%}" for rate in (row.on_time_rate, row.satisfaction_rate))
            for c, text in enumerate((name, *map(str, _figures(row)), *rates)):
                item = QtWidgets.QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if total:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)

    def _draw(self, rows: tuple[ReportRow, ...]) -> None:
        charts = qt.QtCharts
        if charts is None or not self._charted():
            return
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        series = charts.QBarSeries()
        for measure in range(CHARTED):
            bars = charts.QBarSet(_tr(MEASURES[measure]))
            bars.setColor(QtGui.QColor(BAR_COLOURS[measure]))
            bars.append([float(_figures(row)[measure]) for row in rows])
            series.append(bars)
        self.chart.addSeries(series)
        categories = charts.QBarCategoryAxis()
        categories.append([row.label for row in rows])
        values = charts.QValueAxis()
        values.setLabelFormat("%d")
        # Ticks on whole tickets only: five fixed ticks over 0..2 fell on halves and read "2 1 1 0 0".
        top = max([max(_figures(row)[:CHARTED]) for row in rows] + [1])
        step = max(1, math.ceil(top / 5))
        values.setRange(0, step * math.ceil(top / step))
        values.setTickType(charts.QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitle(self.tr("Tickets per window"))

    @Slot()
    def choose_export(self) -> None:
        if self.report is None:
            return
        name = file_name(self.tr("Ticket report"), day=self.report.start.date(), suffix=".xlsx")
        path = ask_save_path(self, self.tr("Export report"), name, self.tr("Spreadsheet (*.xlsx)"))
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> Operation | None:
        """Write the report shown to ``path`` off the GUI thread; the status line says where."""
        report = self.report
        if report is None:
            return None
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx")

        def done(_result: object) -> None:
            self.status.setText(self.tr("Saved to %1").replace("%1", str(path)))

        def failed(exc: BaseException) -> bool:
            log.warning("report export failed: %s", exc)
            if isinstance(exc, OSError):
                self.status.setText(self.tr("Cannot write %1: %2").replace("%1", str(path)).replace("%2", exc.strerror or str(exc)))
                return True
            return False

        return run_with_progress(self, self.tr("Exporting the report…"),
                                 lambda _p: ticket_queries.export_report(self.ctx, report, path), done, failed)
