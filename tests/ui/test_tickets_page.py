"""The Tickets page driven through its real widgets: open, refer, answer, reply, call back, close."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from qt_dialogs import MessageBoxes
from sqlalchemy import event
from support import Clock, make_staff

from kaccount_desk.domain.tickets import CallbackResult, ticket_number
from kaccount_desk.services import staff
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.palette import ROW_BACKGROUNDS
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtPrintSupport, QtWidgets
from kaccount_desk.ui.tickets.open_ticket_form import OpenTicketForm
from kaccount_desk.ui.tickets.ticket_detail import TicketDetail, from_qdatetime
from kaccount_desk.ui.tickets.tickets_model import TICKET_ID_ROLE, URGENCY_ROLE
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


@pytest.fixture
def page(qtbot, clerk: Context) -> TicketsPage:
    widget = TicketsPage(clerk)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(operations.idle)  # the queue is counted and the clerk's window read in the background
    return widget


def settle(qtbot) -> None:
    """Wait for every store call, then for the pages a repaint asks for after them."""
    qtbot.waitUntil(operations.idle)
    QtWidgets.QApplication.processEvents()
    qtbot.waitUntil(operations.idle)


def fill(qtbot, form: OpenTicketForm, number: str = "13800138000", category: str = "complaint") -> None:
    form.category.setCurrentIndex(form.category.findData(category))
    form.channel.setCurrentIndex(form.channel.findData("face"))
    form.name.setText("李明")  # QTest types ASCII only
    qtbot.keyClicks(form.number, number)
    form.content.setPlainText("上月话费多扣了20元,要求退还")


def click(qtbot, button) -> None:
    """Click, then wait for the action's store call (run off the GUI thread) and the views it refreshes."""
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)


def test_a_ticket_goes_from_open_to_closed_through_the_widgets(qtbot, page: TicketsPage) -> None:
    form = page.open_form()
    qtbot.waitUntil(operations.idle)
    assert form.window_combo.currentData() == "hotline"  # the clerk's own window
    fill(qtbot, form)
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # pressed twice while the first is being opened: one ticket
    settle(qtbot)
    assert form.opened is not None and form.opened.owner == "C001"
    assert "opened, due 2012-02-27 09:30" in form.message.text() and form.opened.due_at.hour == 9
    assert form.print_button.isVisibleTo(form) and form.name.text() == ""
    assert page.model.rowCount() == 1
    detail = page.detail
    assert detail.view is not None and detail.view.id == form.opened.id
    assert not detail.answer_button.isEnabled() and not detail.callback_buttons[CallbackResult.SATISFIED].isEnabled()

    detail.text.setPlainText("请核查上月扣费记录")
    detail.refer_department.setCurrentText("结算中心")
    click(qtbot, detail.refer_button)
    assert detail.view.status == "referred" and detail.text.toPlainText() == ""
    assert not detail.reply_button.isEnabled()  # no reply while the department owes its answer
    assert detail.answer_department.currentText() == "结算中心"

    detail.text.setPlainText("系统重复扣费,已退还20元")
    click(qtbot, detail.answer_button)
    assert detail.view.status == "answered"
    detail.text.setPlainText("已核实重复扣费,20元已退回您的账户")
    click(qtbot, detail.reply_button)
    assert detail.view.status == "replied"

    detail.text.setPlainText("draft kept")
    assert detail.close_reason.isVisible()
    click(qtbot, detail.close_button)
    assert detail.view.status == "replied"
    assert "no callback record" in detail.message.text() and detail.message.isVisible()
    assert detail.text.toPlainText() == "draft kept"

    detail.text.clear()
    click(qtbot, detail.callback_buttons[CallbackResult.SATISFIED])
    assert detail.view.last_callback == "satisfied" and not detail.close_reason.isVisible()
    click(qtbot, detail.close_button)
    assert detail.view.status == "closed"
    assert [e.action for e in detail.view.history] == ["receive", "refer", "answer", "reply", "callback", "close"]
    assert detail.history.count() == 6 and "结算中心" in detail.history.item(1).text()
    assert detail.note_button.isEnabled() and not detail.close_button.isEnabled()
    settle(qtbot)
    assert page.model.rowCount() == 0  # "My tickets" holds open tickets only


def test_a_wrong_number_shows_the_reason_and_keeps_the_text(qtbot, page: TicketsPage) -> None:
    form = page.open_form()
    fill(qtbot, form, number="12345")
    qtbot.keyClick(form.number, Qt.Key.Key_Return)
    qtbot.waitUntil(operations.idle)
    assert form.opened is None
    assert form.notes["number"].isVisibleTo(form) and form.notes["number"].text()
    assert form.number.text() == "12345" and form.name.text() == "李明"
    assert form.content.toPlainText().startswith("上月话费")
    form.number.clear()
    qtbot.keyClicks(form.number, "0317812345")
    qtbot.keyClicks(form.number, "6")
    assert "landline" in form.notes["number"].text()  # live, before any save
    form.number.clear()
    qtbot.keyClicks(form.number, "13800138000")
    assert not form.notes["number"].isVisibleTo(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow, timeout=2000)
    form.content.setFocus()
    qtbot.keyClick(form.content, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(operations.idle)
    assert form.opened is not None


def test_closing_without_reply_or_callback_is_refused_inline_then_allowed_with_a_reason(qtbot, page: TicketsPage, clerk: Context) -> None:
    opened = t.open_ticket(clerk, t.TicketInput("lookup", "face", "hotline", "王芳", "13900139000", "查询本月剩余流量"))
    page.refresh()
    settle(qtbot)
    page.table.selectRow(0)
    qtbot.waitUntil(operations.idle)
    detail = page.detail
    assert detail.view is not None and detail.view.id == opened.id
    click(qtbot, detail.close_button)
    assert "not been replied to" in detail.message.text() and detail.view.status == "open"
    detail.close_reason.setText("客户当场查询完毕")
    click(qtbot, detail.close_button)
    assert detail.view.status == "closed" and detail.view.close_reason == "客户当场查询完毕"


def test_a_supervisor_hands_on_a_ticket_only_once_its_owner_has_left(qtbot, admin: Context, clerk: Context) -> None:
    opened = t.open_ticket(clerk, t.TicketInput("complaint", "phone", "hotline", "王芳", "13900139000", "宽带经常掉线"))
    make_staff(admin, "C002", "clerk", "客服热线")
    boss = make_staff(admin, "S001", "supervisor")
    own = TicketDetail(clerk)
    qtbot.addWidget(own)
    own.load(opened.id)
    qtbot.waitUntil(operations.idle)
    assert not own.reassign_row.isVisibleTo(own)
    detail = TicketDetail(boss)
    qtbot.addWidget(detail)
    detail.load(opened.id)
    qtbot.waitUntil(operations.idle)
    assert detail.reassign_row.isVisibleTo(detail)
    detail.reassign_owner.setCurrentIndex(detail.reassign_owner.findData("C002"))
    detail.text.setPlainText("原负责人调岗")
    click(qtbot, detail.reassign_button)
    assert "still active" in detail.message.text() and detail.text.toPlainText() == "原负责人调岗"
    staff.set_active(admin, "C001", False)
    detail.load(opened.id)
    qtbot.waitUntil(operations.idle)
    detail.reassign_owner.setCurrentIndex(detail.reassign_owner.findData("C002"))
    detail.text.setPlainText("原负责人离职")
    click(qtbot, detail.reassign_button)
    assert detail.view is not None and (detail.view.owner, detail.view.first_receiver) == ("C002", "C001")
    assert "first received by C001" in detail.fields["owner"].text()
    assert detail.history.item(detail.history.count() - 1).text().endswith("原负责人离职")


def test_an_overdue_row_is_red_and_the_reminder_fires_once_per_threshold(qtbot, page: TicketsPage, clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", "赵强", "13700137000", "咨询国际漫游资费"))
    page.refresh()

    def check() -> list:
        with qtbot.waitSignal(page.reminder.checked) as round_:
            page.reminder.check()  # the owner's queue is read in the background
        return round_.args[0]

    assert check() == []
    clock.advance(hours=23)
    alerts = check()
    assert [(a.ticket_id, a.threshold) for a in alerts] == [(opened.id, "due_soon")]
    assert page.banner.isVisible() and "is due in 1 h 0 min" in page.banner.text()
    assert check() == []
    clock.advance(hours=1, minutes=5)
    assert [a.threshold for a in check()] == ["overdue"]
    assert "overdue" in page.banner.text()
    page.model.refresh()
    settle(qtbot)
    page.model.index(0, 0).data()  # offscreen the view may not have painted it: ask for the row's page
    qtbot.waitUntil(operations.idle)
    assert page.model.index(0, 0).data(URGENCY_ROLE) == "overdue"
    assert page.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["reason"])
    page.banner_close.click()
    assert not page.banner.isVisible()


def test_search_finds_two_characters_and_hints_for_one(qtbot, page: TicketsPage, clerk: Context) -> None:
    t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "李明", "13800138000", "家里信号很差", area="rural"))
    t.open_ticket(clerk, t.TicketInput("lookup", "phone", "hotline", "王芳", "13900139000", "查询话费余额"))
    page.queue.setCurrentIndex(page.queue.findData("all"))
    settle(qtbot)
    assert page.model.rowCount() == 2
    page.search.setText("信号")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=2000)
    assert page.model.index(0, 3).data() == "李明" and not page.hint_label.isVisible()
    page.search.setText("话")
    qtbot.waitUntil(page.hint_label.isVisible, timeout=2000)
    assert "one more character" in page.hint_label.text() and page.model.rowCount() == 1
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    page.category.setCurrentIndex(page.category.findData("fault"))
    assert page.count_label.text() == "… ticket(s)"  # counted in the background
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 ticket(s)"


def test_reports_show_tables_and_export_xlsx(qtbot, page: TicketsPage, clerk: Context, tmp_path: Path) -> None:
    for number in ("13800138000", "13900139000"):
        t.open_ticket(clerk, t.TicketInput("complaint", "face", "hotline", "客户", number, "投诉信号差"))
    panel = page.reports
    panel.compute()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=5000)
    assert panel.by_window.rowCount() == 2 and panel.by_window.item(0, 0).text() == "客服热线"
    last = panel.by_window.columnCount() - 1
    assert panel.by_window.item(1, 0).text() == "Total" and panel.by_window.item(1, 1).text() == "2"
    assert panel.by_staff.item(panel.by_staff.rowCount() - 1, 1).text() == "2" and panel.by_window.item(1, 0).font().bold()
    # Both are open and not yet due: neither on time nor late (the rate read 0 % before), and counted as such.
    assert panel.by_window.item(1, last - 1).text() == "–" and panel.by_window.item(1, last).text() == "–"
    assert panel.by_window.item(1, last - 3).text() == "2"
    assert panel.by_window.item(1, last - 2).text() == "0"  # no repair visit missed
    assert panel.by_window.item(0, 1).text() == "2"
    assert panel.by_staff.item(0, 0).text().endswith("(C001)")
    assert panel.chart.series() and "2 ticket(s)" in panel.status.text()
    out = tmp_path / "report.xlsx"
    panel.export_to(out)
    qtbot.waitUntil(lambda: "Saved to" in panel.status.text(), timeout=5000)
    values = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "客服热线" in values and "C001" in values


def test_the_chart_counts_in_whole_tickets(qtbot, page: TicketsPage, clerk: Context) -> None:
    """Seen at 1366x768: two tickets drew an axis reading "2 1 1 0 0" (ticks on halves, printed as %d)."""
    for number in ("13800138000", "13900139000"):
        t.open_ticket(clerk, t.TicketInput("complaint", "face", "hotline", "客户", number, "投诉信号差"))
    panel = page.reports
    panel.compute()
    qtbot.waitUntil(lambda: panel.report is not None, timeout=5000)
    axis = next(a for a in panel.chart.axes(Qt.Orientation.Vertical))
    if axis.tickType() == axis.TickType.TicksDynamic:
        ticks = [axis.tickAnchor() + k * axis.tickInterval() for k in range(int((axis.max() - axis.min()) / axis.tickInterval()) + 1)]
    else:
        ticks = [axis.min() + k * (axis.max() - axis.min()) / (axis.tickCount() - 1) for k in range(axis.tickCount())]
    assert ticks == [0, 1, 2], ticks


def _print_to_file(target: Path, seen: list[str]) -> None:
    """Answer the next print dialog as a clerk with no printer at hand: print to a PDF file."""
    def answer() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if not isinstance(dialog, QtPrintSupport.QPrintDialog):
            QtCore.QTimer.singleShot(20, answer)
            return
        seen.append(dialog.printer().docName())
        printers = dialog.findChild(QtWidgets.QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # "Print to File (PDF)"
        dialog.findChild(QtWidgets.QLineEdit, "filename").setText(str(target))
        dialog.accept()
    QtCore.QTimer.singleShot(0, answer)


def _text(pdf: Path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_receipts_and_records_print_from_the_form_and_later_from_the_panel(qtbot, clerk: Context, tmp_path: Path) -> None:
    """Right after opening, and again days later when the customer comes back: the Print page shows the paper
    and the print dialog comes up at once, named for the ticket."""
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    page, printing = window.page(TicketsPage), window.page(PrintPage)
    assert page is not None and printing is not None
    form = page.open_form()
    qtbot.waitUntil(operations.idle)
    fill(qtbot, form)
    form.save()
    qtbot.waitUntil(operations.idle)
    assert form.opened is not None
    number = ticket_number(form.opened.id, form.opened.received_at)
    seen: list[str] = []
    _print_to_file(tmp_path / "receipt.pdf", seen)
    click(qtbot, form.print_button)
    qtbot.waitUntil(lambda: (tmp_path / "receipt.pdf").exists(), timeout=20000)
    assert window.current_page() is printing and seen[0].startswith(f"{number}_Ticket-receipt_")
    assert printing.status.text() == f"Printed to {tmp_path / 'receipt.pdf'}."
    assert number in _text(tmp_path / "receipt.pdf")
    form.close()
    window.show_page(TicketsPage)
    page.detail.load(form.opened.id)
    qtbot.waitUntil(operations.idle)
    _print_to_file(tmp_path / "record.pdf", seen)
    click(qtbot, page.detail.record_button)
    qtbot.waitUntil(lambda: (tmp_path / "record.pdf").exists(), timeout=20000)
    assert seen[1].startswith(f"{number}_Ticket-record_") and "上月话费多扣了20元" in _text(tmp_path / "record.pdf")
    assert printing.status.text() == f"Printed to {tmp_path / 'record.pdf'}."


def test_no_placeholder_date_before_a_ticket_is_chosen(page: TicketsPage, clerk: Context) -> None:
    assert page.detail.refer_due.dateTime().date().year() == clerk.now().year  # never 2000-01-01


def test_each_history_line_can_be_read_whole_from_its_tooltip(qtbot, page: TicketsPage, clerk: Context) -> None:
    """Seen at 1366x768 in English: "Network dept: please check the rural …" cut in the history list."""
    ticket = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "Mr Zhao", "13800138000", "no signal at home"))
    t.refer(clerk, ticket.id, "网络部", "Network dept: please check the rural base station and the antenna on the hill")
    page.select_ticket(ticket.id)
    qtbot.waitUntil(operations.idle)
    history = page.detail.history
    lines = [history.item(row) for row in range(history.count())]
    assert len(lines) == 2 and all(item.toolTip() == item.text() for item in lines)
    assert "antenna on the hill" in lines[1].toolTip()


def test_the_reports_tab_counts_this_month_when_first_opened(qtbot, page: TicketsPage, clerk: Context) -> None:
    """Seen at 1366x768: the 统计 tab opened on an empty table and chart until 统计 was pressed."""
    t.open_ticket(clerk, t.TicketInput("complaint", "face", "hotline", "客户", "13800138000", "投诉信号差"))
    assert page.reports.report is None
    page.tabs.setCurrentWidget(page.reports)
    qtbot.waitUntil(lambda: page.reports.report is not None, timeout=5000)
    assert page.reports.by_window.item(0, 1).text() == "1"


def test_a_wrapped_history_line_gets_the_height_qt_paints_it_with(qtbot, page: TicketsPage, clerk: Context) -> None:
    """Qt paints every wrapped line as tall as the tallest (a line with 李娜 is taller than Latin text):
    the row must be lines × tallest line high, or its last line is cut to "…" (seen at 1366x768)."""
    ticket = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "Mr Zhao", "13800138000", "no signal at home"))
    t.refer(clerk, ticket.id, "网络部", "Network dept: please check the rural base station and the antenna on the hill behind the "
            "village, then call the customer back before noon tomorrow")
    short = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "李女士", "13900139000", "手机无法上网"))
    t.add_note(clerk, short.id, "已重置网络设置")  # only short lines: each one line high, no gap below it
    page.show()
    for shown in (short.id, ticket.id):
        page.select_ticket(shown)
        qtbot.waitUntil(operations.idle)
        QtWidgets.QApplication.processEvents()
        assert_rows_as_painted(page.detail.history)


def assert_rows_as_painted(history: QtWidgets.QListWidget) -> None:
    QtWidgets.QApplication.processEvents()
    width = history.viewport().width() - 8  # the style's text margins
    for row in range(history.count()):
        layout = QtGui.QTextLayout(history.item(row).text(), history.font())
        option = QtGui.QTextOption()
        option.setWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        heights = []
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            heights.append(line.height())
        layout.endLayout()
        height = history.visualItemRect(history.item(row)).height()
        assert len(heights) * max(heights) <= height <= len(heights) * max(heights) + 8, (row, heights, height)  # no gap either


def test_the_answer_by_time_offered_is_before_the_ticket_is_due(qtbot, page: TicketsPage, clerk: Context) -> None:
    """A consultation (due in 24 h) offered a department a day to answer: after the ticket itself was due."""
    ticket = t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", "客户", "13800138000", "资费怎么算"))
    page.select_ticket(ticket.id)
    qtbot.waitUntil(operations.idle)
    offered = from_qdatetime(page.detail.refer_due.dateTime())  # shown in +08:00 whatever the computer's zone
    assert offered <= ticket.due_at - timedelta(hours=2)


def test_a_ticket_key_whose_button_is_off_says_why(qtbot, admin: Context, clerk: Context, boxes: MessageBoxes) -> None:
    """Alt+C on a ticket that may not close did nothing and said nothing (issue 19 item 3): now the domain's reason."""
    colleague = make_staff(admin, "C002", "clerk", "客服热线")
    theirs = t.open_ticket(colleague, t.TicketInput("complaint", "phone", "hotline", "王芳", "13900139000", "宽带经常掉线"))
    window = MainWindow(clerk)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # the keys are the window's
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    page = window.show_page(TicketsPage)
    assert page is not None
    page.select_ticket(theirs.id)
    qtbot.waitUntil(operations.idle)
    detail = page.detail
    assert detail.view is not None and not detail.close_button.isEnabled()
    qtbot.keyClick(detail.text, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    # The service answers off the GUI thread (ui/operations.py), so the reason arrives a moment later.
    qtbot.waitUntil(lambda: detail.message.isVisible() and "Only the ticket's owner" in detail.message.text(), timeout=5000)
    assert detail.view.status == "open" and detail.text.toPlainText() == ""  # the key typed nothing either


def test_a_row_chosen_while_its_page_is_on_its_way_opens_its_ticket_when_it_comes(qtbot, page: TicketsPage, clerk: Context) -> None:
    for i in range(130):  # a second page of the queue, not painted yet
        t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", f"客户{i:03d}", f"1380013{i:04d}", "话费查询"))
    page.refresh()
    settle(qtbot)
    page.table.selectRow(120)
    assert page.detail.wanted is None and page.detail.view is None  # a "…" row: nothing to open yet, its page is asked for
    settle(qtbot)
    assert page.detail.view is not None and page.detail.view.id == page.model.index(120, 0).data(TICKET_ID_ROLE)


def test_a_refreshed_page_never_swaps_the_ticket_shown(qtbot, page: TicketsPage, clerk: Context, clock: Clock) -> None:
    first, second = (t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", name, "13800138000", "话费查询")).id
                     for name in ("王芳", "李明"))
    page.refresh()
    settle(qtbot)
    page.table.selectRow(0)
    settle(qtbot)
    assert page.detail.view is not None and page.detail.view.id == first
    t.close(clerk, first, "客户当场查询完毕")  # at another desk: it leaves "My tickets" ...
    clock.advance(hours=1)
    t.open_ticket(clerk, t.TicketInput("consultation", "phone", "hotline", "赵强", "13700137000", "资费"))  # ... as one comes
    page.refresh()  # the same count: the rows are read again, the selection stays on row 0, which is now another ticket
    settle(qtbot)
    assert page.model.index(0, 0).data(TICKET_ID_ROLE) == second
    assert page.detail.view is not None and page.detail.view.id == first  # the clerk's ticket stays until they choose another


def test_a_ticket_waits_on_the_customer_and_resumes_from_the_panel(qtbot, page: TicketsPage, clerk: Context, clock: Clock) -> None:
    opened = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "赵强", "13700137000", "家中宽带无信号", "town"))
    page.refresh()
    settle(qtbot)
    page.table.selectRow(0)
    qtbot.waitUntil(operations.idle)
    detail = page.detail
    assert detail.wait_button.isVisibleTo(detail) and not detail.resume_button.isEnabled()
    click(qtbot, detail.wait_button)
    assert "empty" in detail.message.text() and detail.view is not None and detail.view.status == "open"
    detail.text.setPlainText("客户出差,下周在家")
    click(qtbot, detail.wait_button)
    assert detail.view.status == "waiting" and detail.text.toPlainText() == ""
    assert "clock stopped" in detail.facts.fields["due"].text()
    assert detail.resume_button.isEnabled() and not detail.reply_button.isEnabled() and not detail.wait_button.isEnabled()
    assert detail.history.item(detail.history.count() - 1).text().endswith("客户出差,下周在家")
    settle(qtbot)
    page.model.index(0, 0).data()
    qtbot.waitUntil(operations.idle)
    assert page.model.index(0, 0).data(URGENCY_ROLE) == "waiting"
    assert page.model.index(0, 8).data() == "clock stopped"
    clock.advance(hours=60)  # past the 48 h limit by the wall clock, but the operator's clock stood still
    with qtbot.waitSignal(page.reminder.checked) as round_:
        page.reminder.check()
    assert round_.args[0] == []  # no warning, no breach while waiting
    click(qtbot, detail.resume_button)
    assert detail.view.status == "open" and detail.view.due_at == opened.due_at + timedelta(hours=60)
    assert "Waiting on customer" not in detail.title.text() and detail.wait_button.isEnabled()


def test_a_complaint_on_its_tenth_day_is_red_in_the_escalation_queue(qtbot, admin: Context, clerk: Context, clock: Clock) -> None:
    boss = make_staff(admin, "S001", "supervisor", "客服热线")
    t.open_ticket(clerk, t.TicketInput("complaint", "phone", "hotline", "王芳", "13900139000", "宽带经常掉线"))
    clock.advance(days=10)
    page = TicketsPage(boss)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    settle(qtbot)
    page.queue.setCurrentIndex(page.queue.findData("escalation"))
    settle(qtbot)
    assert page.model.rowCount() == 1
    page.model.index(0, 0).data()
    qtbot.waitUntil(operations.idle)
    assert page.model.index(0, 0).data(URGENCY_ROLE) == "escalated"
    assert page.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == QtGui.QColor(ROW_BACKGROUNDS["reason"])


def test_the_owner_is_warned_at_the_categorys_warning_and_the_supervisor_told_at_the_breach(
    qtbot, admin: Context, clerk: Context, clock: Clock
) -> None:
    from kaccount_desk.services import ticket_settings
    from kaccount_desk.ui.tickets.reminder import Reminder

    boss = make_staff(admin, "S001", "supervisor", "客服热线")
    ticket_settings.set_warning(boss, "complaint", 5)
    opened = t.open_ticket(clerk, t.TicketInput("complaint", "phone", "hotline", "王芳", "13900139000", "宽带经常掉线"))
    own, theirs = Reminder(clerk), Reminder(boss)

    def check(reminder: Reminder) -> list:
        with qtbot.waitSignal(reminder.checked) as round_:
            reminder.check()
        return [(a.ticket_id, a.threshold) for a in round_.args[0]]

    clock.advance(hours=42, minutes=59)
    assert check(own) == []
    clock.advance(minutes=1)  # 5 h before the 48 h limit, to the minute
    assert check(own) == [(opened.id, "due_soon")]
    clock.advance(hours=4, minutes=59)
    assert check(theirs) == []
    clock.advance(minutes=1)  # the breach minute
    assert check(own) == [(opened.id, "overdue")]
    assert check(theirs) == [(opened.id, "breach")]
    assert check(theirs) == []  # told once


def test_a_ticket_received_through_the_form_is_read_once_for_the_panel(qtbot, page: TicketsPage) -> None:
    """The form's new ticket is shown as asked for after it was written; the change that follows
    re-reads the queue, not the same ticket again (two round trips more across a VPN)."""
    form = page.open_form()
    fill(qtbot, form)
    settle(qtbot)
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement)

    event.listen(page.ctx.store.engine, "before_cursor_execute", note)
    try:
        form.save()
        settle(qtbot)
    finally:
        event.remove(page.ctx.store.engine, "before_cursor_execute", note)
    assert form.opened is not None and page.detail.view is not None and page.detail.view.id == form.opened.id
    assert len([s for s in sent if "FROM ticket_events JOIN staff" in " ".join(s.split())]) == 1
