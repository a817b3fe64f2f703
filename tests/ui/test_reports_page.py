"""The Reports page driven through its real widgets: a month's key-account reports with their charts, and the .xlsx."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from support import valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import billing, companies, enrollment, id_copies, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.qt import QtCharts, QtCore
from kaccount_desk.ui.reports.reports_page import ReportsPage

pytestmark = pytest.mark.usefixtures("english")

NUMBER = "18832758801"


def key_account_month(admin: Context, campaign: str, folder: Path) -> None:
    """张三 activated into 泊头铸造 on the test clock's day (2012-02-25), a gold card, one ticket closed satisfied."""
    app_id = enrollment.save_application(admin, ApplicationInput(campaign, IntakeFields(
        department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool", msisdn=NUMBER),
        plan="group8")).id
    jpeg = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(jpeg, format="JPEG")
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, jpeg.getvalue())
    for step in ("collected", "submitted", "sent", "activated"):
        enrollment.move_application(admin, app_id, step)
    companies.add_company(admin, "泊头铸造有限公司", "A", manager="A001", campaigns=[campaign])
    for month in ("2011-12", "2012-01", "2012-02"):
        path = folder / f"{month}.csv"
        path.write_text(f"手机号码,月份,消费金额\n{NUMBER},{month},520\n13803170001,{month},30\n", encoding="utf-8")
        billing.import_billing(admin, path, month)
    ticket = tickets.open_ticket(admin, TicketInput("complaint", "phone", "hotline", "张三", NUMBER, "信号差")).id
    tickets.reply(admin, ticket, "已修复基站")
    tickets.callback(admin, ticket, "satisfied")
    tickets.close(admin, ticket)


@pytest.fixture
def page(qtbot, admin: Context, campaign: str, tmp_path: Path) -> ReportsPage:
    key_account_month(admin, campaign, tmp_path)
    widget = ReportsPage(admin)
    qtbot.addWidget(widget)
    widget.resize(1366, 728)
    widget.show()  # the first look reads the hall's month at once
    qtbot.waitUntil(lambda: widget.report is not None)
    qtbot.waitUntil(operations.idle)
    return widget


def test_the_page_shows_the_months_reports_with_their_charts(page: ReportsPage) -> None:
    assert page.month() == "2012-02"
    assert page.status.text() == "2012-02: 1 member(s) (1 gained), 1 key account(s), revenue 550.00 yuan"
    development = page.development.tables[0]
    assert development.rowCount() == 12 and development.item(11, 0).text() == "2012-02"
    assert [development.item(11, c).text() for c in range(1, 6)] == ["1", "1", "1", "0", "1"]  # members, gained, key, diamond, gold
    revenue = page.revenue.tables[0]
    # the store's words come in the store session's language (Chinese here), the page's own in the interface's
    assert [revenue.item(r, 0).text() for r in range(revenue.rowCount())] == ["钻石卡", "金卡", "银卡", "个人高价值客户", "非大客户"]
    assert revenue.item(1, 2).text() == "520.00" and revenue.item(4, 2).text() == "30.00"
    satisfaction = page.satisfaction.tables[0]
    assert [satisfaction.item(0, c).text() for c in range(7)] == ["投诉", "1", "1", "1", "0", "0", "100%"]
    managers = page.managers.tables[0]
    assert managers.item(0, 0).text() == "管理员(A001)" and managers.item(0, 4).text() == "1"
    if QtCharts is not None:
        chart = page.development.chart
        assert chart is not None and chart.title() == "Members and key accounts, last 12 months"
        lines = chart.series()
        assert [s.name() for s in lines] == ["Members", "Key accounts"] and lines[0].count() == 12
        assert [lines[1].at(i).y() for i in range(12)][-3:] == [0.0, 0.0, 1.0]  # a tier needs three billed months
        bars = page.revenue.chart.series()[0].barSets()[0]
        assert bars.label() == "Revenue (yuan)" and [bars.at(i) for i in range(5)] == [0.0, 520.0, 0.0, 0.0, 30.0]


def test_another_month_is_read_when_shown(qtbot, page: ReportsPage) -> None:
    page.month_edit.setDate(QtCore.QDate(2012, 1, 1))
    page.show_button.click()
    qtbot.waitUntil(lambda: page.report is not None and page.report.month == "2012-01")
    qtbot.waitUntil(operations.idle)
    assert page.status.text().startswith("2012-01: 0 member(s) (0 gained), 0 key account(s)")
    assert page.satisfaction.tables[0].rowCount() == 0


def test_export_writes_the_reports_shown(qtbot, page: ReportsPage, tmp_path: Path) -> None:
    operation = page.export_to(tmp_path / "reports.xlsx")
    assert operation is not None
    qtbot.waitUntil(lambda: page.status.text().startswith("Saved to"))
    book = load_workbook(tmp_path / "reports.xlsx")
    assert book.sheetnames == ["发展", "收入(按级别)", "集团客户", "流失", "满意度", "客户经理"]
    assert book["集团客户"]["G2"].value == 520


def test_value_axes_tick_on_round_numbers() -> None:
    from kaccount_desk.ui.reports.report_charts import nice_step

    assert [nice_step(top) for top in (1, 6, 12, 45, 999, 16_730)] == [1, 2, 5, 10, 200, 5000]
