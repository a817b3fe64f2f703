"""The Planned work page through its real widgets: register work, record its approval, print its
notice through the Print page and Qt's print dialog; the ticket panel's "计划停机中" line."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pdf_probe import all_text, is_blank, render_page
from support import Clock, make_staff
from typing_input import type_text

from kaccount_desk.services import outages
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.outages.outages_page import OutagesPage
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtCore, QtPrintSupport, QtWidgets
from kaccount_desk.ui.tickets.ticket_actions import to_qdatetime
from kaccount_desk.ui.tickets.tickets_page import TicketsPage


@pytest.fixture
def supervisor(admin: Context) -> Context:
    return make_staff(admin, "S001", "supervisor", "客户服务中心")


def _print_to_file(target: Path) -> None:
    """Answer the next print dialog as a desk with no printer at hand: print to a PDF file."""
    def answer() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, QtPrintSupport.QPrintDialog):
            QtCore.QTimer.singleShot(20, answer)
            return
        printers = dialog.findChild(QtWidgets.QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # "Print to File (PDF)"
        dialog.findChild(QtWidgets.QLineEdit, "filename").setText(str(target))
        dialog.accept()
    QtCore.QTimer.singleShot(0, answer)


def _register(qtbot, page: OutagesPage, clock: Clock, what: str, area: str, hours: int) -> None:
    type_text(qtbot, page.form.what, what)
    type_text(qtbot, page.form.area, area)
    page.form.start.setDateTime(to_qdatetime(clock.now + timedelta(hours=100)))
    page.form.hours.setValue(hours)
    qtbot.mouseClick(page.form.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    QtWidgets.QApplication.processEvents()
    qtbot.waitUntil(operations.idle)


def test_register_approve_and_print_a_notice_read_back(qtbot, supervisor: Context, clock: Clock, tmp_path: Path) -> None:
    window = MainWindow(supervisor)
    qtbot.addWidget(window)
    window.show()  # coming back to the page (its showEvent) reads the notice's new state
    page = window.show_page(OutagesPage)
    assert page is not None
    qtbot.waitUntil(operations.idle)
    _register(qtbot, page, clock, "机房搬迁", "交河镇", 30)
    assert page.table.rowCount() == 1 and page.chosen is not None and page.chosen.what == "机房搬迁"
    assert not page.print_button.isEnabled() and "批准" in page.notice_state.text()
    type_text(qtbot, page.approver, "市公司网络部")
    qtbot.mouseClick(page.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.chosen is not None and page.chosen.approved_by == "市公司网络部")
    assert page.print_button.isEnabled() and not page.approve_button.isEnabled()
    out = tmp_path / "notice.pdf"
    _print_to_file(out)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(out.exists, timeout=20000)
    printing = window.page(PrintPage)
    assert window.current_page() is printing
    text = all_text(out)
    assert "计划停机通知" in text and "机房搬迁" in text and "已报市公司网络部批准" in text
    assert not is_blank(render_page(out, 1, 60, tmp_path))
    window.show_page(OutagesPage)
    qtbot.waitUntil(lambda: page.chosen is not None and page.chosen.notice == "announced")


def test_a_late_notice_is_not_offered_and_says_why(qtbot, supervisor: Context, clock: Clock) -> None:
    page = OutagesPage(supervisor)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(operations.idle)
    _register(qtbot, page, clock, "光缆割接", "富镇", 6)
    assert page.print_button.isEnabled()
    clock.advance(hours=29)
    page.refresh()
    qtbot.waitUntil(operations.idle)
    assert not page.print_button.isEnabled() and "72" in page.notice_state.text()


def test_a_fault_during_an_announced_outage_says_so_in_the_ticket_panel(qtbot, supervisor: Context, clock: Clock,
                                                                       tmp_path: Path) -> None:
    work = outages.add(supervisor, "基站设备升级", "交河镇", clock.now + timedelta(hours=73), 6)
    outages.print_notice(supervisor, work.id, tmp_path / "n.pdf")
    clock.advance(hours=74)
    fault = t.open_ticket(supervisor, t.TicketInput("fault", "phone", "hotline", "张先生", "13803170001", "交河镇家里没有信号",
                                                    area="rural"))
    other = t.open_ticket(supervisor, t.TicketInput("fault", "phone", "hotline", "李先生", "13803170002", "富镇没有信号",
                                                    area="rural"))
    page = TicketsPage(supervisor)
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    qtbot.waitUntil(operations.idle)
    page.detail.load(fault.id)
    qtbot.waitUntil(operations.idle)
    assert page.detail.outage_line.isVisible() and page.detail.outage_line.text().startswith("Planned work under way: 交河镇, 基站设备升级")
    page.detail.load(other.id)
    qtbot.waitUntil(operations.idle)
    assert not page.detail.outage_line.isVisible()
