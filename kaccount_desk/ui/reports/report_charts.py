"""Charts and tables of the key-account reports: one chart and its tables per tab.

QtCharts ships in PySide6-Addons; without it (``QtCharts is None``) a tab shows its tables only,
as the tickets' report panel does. Value axes tick on whole numbers: five fixed ticks over a count
of 2 fell on halves and read "2 1 1 0 0"; money ticks on round yuan.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from kaccount_desk.ui.qt import Qt, QtCharts, QtGui, QtWidgets

COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1")
Series = tuple[str, Sequence[float]]


class ReportTab(QtWidgets.QWidget):
    """A chart on the left, its tables (each under a caption) on the right."""

    def __init__(self, captions: Sequence[str]) -> None:
        super().__init__()
        charts = QtCharts
        self.chart = charts.QChart() if charts is not None else None
        self.tables = [_table() for _ in captions]
        right = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        for caption, table in zip(captions, self.tables, strict=True):
            column.addWidget(QtWidgets.QLabel(caption))
            column.addWidget(table, 1)
        splitter = QtWidgets.QSplitter()
        if charts is not None and self.chart is not None:
            self.chart.setAnimationOptions(charts.QChart.AnimationOption.NoAnimation)
            self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
            self.chart_view = charts.QChartView(self.chart)
            self.chart_view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumWidth(420)
            splitter.addWidget(self.chart_view)
        splitter.addWidget(right)
        splitter.setSizes([560, 780])  # the managers' ten columns need the room more than the chart
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

    def bars(self, title: str, categories: Sequence[str], sets: Sequence[Series], money: bool = False) -> None:
        """One bar set per measure, a group of bars per category."""
        charts = QtCharts
        if charts is None or self.chart is None:
            return
        series = charts.QBarSeries()
        for index, (name, values) in enumerate(sets):
            bar_set = charts.QBarSet(name)
            bar_set.setColor(QtGui.QColor(COLOURS[index % len(COLOURS)]))
            bar_set.append([float(v) for v in values])
            series.append(bar_set)
        axis = charts.QBarCategoryAxis()
        axis.append(list(categories))
        self._draw(charts, title, [series], axis, [v for _, values in sets for v in values], money)

    def lines(self, title: str, categories: Sequence[str], sets: Sequence[Series]) -> None:
        """One line per measure over the months (categories), with a point at each month."""
        charts = QtCharts
        if charts is None or self.chart is None:
            return
        drawn: list[Any] = []
        for index, (name, values) in enumerate(sets):
            line = charts.QLineSeries()
            line.setName(name)
            line.setPointsVisible(True)
            line.setColor(QtGui.QColor(COLOURS[index % len(COLOURS)]))
            for x, value in enumerate(values):
                line.append(float(x), float(value))
            drawn.append(line)
        axis = charts.QCategoryAxis()
        axis.setLabelsPosition(charts.QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for x, label in enumerate(categories):
            axis.append(label, float(x))
        axis.setRange(0.0, float(max(len(categories) - 1, 1)))
        axis.setLabelsAngle(-90)  # twelve months side by side in half the screen: upright, they are elided to "2…"
        self._draw(charts, title, drawn, axis, [v for _, values in sets for v in values], False)

    def _draw(self, charts: Any, title: str, every: list[Any], axis: Any, values: list[float], money: bool) -> None:
        assert self.chart is not None
        self.chart.removeAllSeries()
        for old in self.chart.axes():
            self.chart.removeAxis(old)
        for one in every:
            self.chart.addSeries(one)
        scale = charts.QValueAxis()
        scale.setLabelFormat("%.0f" if money else "%d")
        top = max([*values, 1.0])
        step = nice_step(top)
        scale.setRange(0, step * math.ceil(top / step))
        scale.setTickType(charts.QValueAxis.TickType.TicksDynamic)
        scale.setTickAnchor(0)
        scale.setTickInterval(step)
        self.chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(scale, Qt.AlignmentFlag.AlignLeft)
        for one in every:
            one.attachAxis(axis)
            one.attachAxis(scale)
        self.chart.setTitle(title)


def nice_step(top: float) -> int:
    """A tick step of 1, 2 or 5 times a power of ten giving at most about five ticks up to ``top``: 16,730 yuan ticks
    every 5,000, not every 3,346."""
    rough = max(top / 5, 1.0)
    power = 10 ** math.floor(math.log10(rough))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= rough))


def _table() -> QtWidgets.QTableWidget:
    """A plain table: a month has a handful of tiers, categories and managers, and a county's companies."""
    table = QtWidgets.QTableWidget(0, 0)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
    table.setAlternatingRowColors(True)
    return table


def fill(table: QtWidgets.QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]], texts: int = 1) -> None:
    """Text in the first ``texts`` columns, figures (every later column) right-aligned."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QtWidgets.QTableWidgetItem(value)
            if c >= texts:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
