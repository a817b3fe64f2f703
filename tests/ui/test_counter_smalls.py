"""Small things a clerk noticed (issue 19, item 9): each driven through the real widgets it concerns."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta

import pytest
from qt_dialogs import MessageBoxes
from support import PASSWORD, make_staff

from kaccount_desk.app import gui_language
from kaccount_desk.cli.main import build_parser
from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.tickets import Category, TicketStatus, label
from kaccount_desk.services import audit
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.first_run import FirstRunWizard
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.main_window import MainWindow, rebuild_in_language
from kaccount_desk.ui.qt import Qt, QtWidgets, alive
from kaccount_desk.ui.settings import Settings
from kaccount_desk.ui.tickets.tickets_page import CELL_PADDING, TicketsPage


@pytest.fixture(autouse=True)
def never_blocks(boxes: MessageBoxes) -> None:
    """Typing a test leaves behind is dropped as its windows close, without a question waiting for an answer."""
    boxes.default = QtWidgets.QMessageBox.StandardButton.Discard


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def open_ticket(clerk: Context, content: str = "上月话费多扣了20元,要求退还", category: str = "complaint") -> int:
    return t.open_ticket(clerk, t.TicketInput(category=category, channel="face", window="hotline", customer_name="李明",
                                              customer_number="13800138000", content=content)).id


def tickets_page(qtbot, ctx: Context) -> TicketsPage:
    page = TicketsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 728)
    page.show()
    return page


@pytest.mark.usefixtures("english")
def test_one_ticket_whose_answer_and_reply_repeat_the_term_is_found_once(qtbot, clerk: Context) -> None:
    ticket = open_ticket(clerk)
    t.refer(clerk, ticket, "结算中心", "请核查上月扣费记录", clerk.now() + timedelta(hours=4))
    t.answer(clerk, ticket, "结算中心", "话费已核查,多扣属实")  # the answer and the reply are indexed with the content
    t.reply(clerk, ticket, "多扣的话费下月返还")
    open_ticket(clerk, "宽带时断时续")
    page = tickets_page(qtbot, clerk)
    page.search.setText("话费")  # QTest types ASCII only
    page.apply_filters()
    qtbot.waitUntil(operations.idle)  # the search runs off the GUI thread
    assert page.model.rowCount() == 1
    assert page.count_label.text() == "1 found"  # not "3 found, newest 1 shown"


def test_audit_times_are_the_halls_with_the_zone_and_details_read_as_words(qtbot, admin: Context, english: None) -> None:
    at = datetime(2026, 12, 6, 13, 57, tzinfo=UTC)  # 21:57 in the hall
    with admin.transaction() as session:
        audit.record(session, actor="A001", action=Action.CHANGE, at=at, subject="applications",
                     detail={"op": "update", "count": 2, "ids": [7, 9]})
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    panel = page.audit_panel
    assert panel is not None
    page.show()
    page.tabs.setCurrentWidget(panel)  # the tab reads the log when first shown
    qtbot.waitUntil(operations.idle)  # counted in the background
    panel.model.index(0, 0).data()  # asks for the first page
    qtbot.waitUntil(operations.idle)
    newest = [panel.model.index(0, c).data() for c in range(6)]
    assert newest[1] == "2026-12-06 21:57" and "UTC+8" in str(panel.model.headerData(1, Qt.Orientation.Horizontal))
    assert newest[5] == "count: 2 · ids: 7, 9 · op: update"
    assert panel.table.columnWidth(1) > panel.table.fontMetrics().horizontalAdvance(newest[1])  # on one line


@pytest.mark.usefixtures("english")
def test_a_common_password_is_refused_on_the_administrator_page_itself(qtbot) -> None:
    wizard = FirstRunWizard(Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wizard.organisation_page.name.setText("泊头铸造有限公司")
    wizard.next()
    page = wizard.admin_page
    page.staff_no.setText("A001")
    page.name.setText("赵浩然")
    for edit in (page.password, page.repeat):
        edit.setText("password123")
    wizard.next()
    assert wizard.currentPage() is page and "common" in page.problem.text()
    assert page.password.hasFocus() or QtWidgets.QApplication.focusWidget() in (page.password, None)
    for edit in (page.password, page.repeat):
        edit.setText(PASSWORD)
    wizard.next()
    assert wizard.currentPage() is wizard.start_page


def test_the_wizard_names_a_server_that_is_down_in_chinese_without_its_url(qtbot, qapp: QtWidgets.QApplication) -> None:
    install_translations(qapp, "zh")
    wizard = FirstRunWizard(Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    page = wizard.store_page
    page.server.setChecked(True)
    page.host.setText("127.0.0.1")
    page.port.setValue(port)
    page.database.setText("kaccount")
    page.user.setText("kad")
    page.password.setText("office-pw")
    page.test.click()
    qtbot.waitUntil(operations.idle, timeout=30000)  # the server is asked in a worker
    shown = page.result.text()
    assert shown == f"连接不上数据库服务器:127.0.0.1:{port}/kaccount"
    assert "postgresql" not in shown and "kad" not in shown and "office-pw" not in shown


@pytest.mark.usefixtures("english")
def test_the_new_ticket_form_opens_clean_for_the_next_customer(qtbot, clerk: Context) -> None:
    page = tickets_page(qtbot, clerk)
    form = page.open_form()
    form.category.setCurrentIndex(form.category.findData("complaint"))
    form.name.setText("李明")
    qtbot.keyClicks(form.number, "13800138000")
    form.content.setPlainText("上月话费多扣了20元")
    form.save()
    qtbot.waitUntil(operations.idle)  # opened off the GUI thread
    assert form.opened is not None and form.message.isVisible() and form.print_button.isVisibleTo(form)
    form.close()
    again = page.open_form()
    assert again is form and not form.message.isVisible() and not form.print_button.isVisibleTo(form)
    assert form.opened is None


def test_a_language_switch_keeps_the_chosen_ticket_and_its_unsent_text(qtbot, clerk: Context, boxes: MessageBoxes, english: None) -> None:
    first, second = open_ticket(clerk), open_ticket(clerk, "宽带时断时续")
    window = MainWindow(clerk)  # not given to qtbot: the switch deletes it while the test waits for the new window
    window.show()
    page = window.show_page(TicketsPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.model.row_of(second) is not None)  # the queue painted, its rows read
    page.select_ticket(first)
    qtbot.waitUntil(operations.idle)  # each ticket is read in the background
    qtbot.keyClicks(page.detail.text, "ask billing")
    page.select_ticket(second)
    qtbot.waitUntil(operations.idle)
    qtbot.keyClicks(page.detail.text, "call back after 5 pm")
    assert page.table.currentIndex().row() == page.model.row_of(second)
    rebuilt: list[MainWindow] = []
    window.language_changed.connect(lambda code: rebuilt.append(rebuild_in_language(window, code)))
    languages = window.view_menu.actions()[0].menu()
    next(a for a in languages.actions() if a.data() == "zh").trigger()  # View → Language → 中文
    assert boxes.asked == [] and len(rebuilt) == 1  # nothing was asked: the text goes on into the new window
    qtbot.addWidget(rebuilt[0])
    again = rebuilt[0].page(TicketsPage)
    assert again is not None
    # The new window counts its queue, reads the ticket and its rows in the background; the row is selected as it comes.
    qtbot.waitUntil(lambda: operations.idle() and again.model.row_of(second) is not None)
    assert again.detail.view is not None and again.detail.view.id == second
    assert again.detail.text.toPlainText() == "call back after 5 pm"
    assert again.table.currentIndex().row() == again.model.row_of(second)
    again.select_ticket(first)
    qtbot.waitUntil(operations.idle)
    assert again.detail.text.toPlainText() == "ask billing"
    for detail in (d for d in (page.detail, again.detail) if alive(d)):  # the windows left close without a question
        detail.text.clear()
        detail.drafts.clear()


@pytest.mark.usefixtures("english")
def test_english_ticket_columns_show_whole_category_and_status_names(qtbot, clerk: Context) -> None:
    page = tickets_page(qtbot, clerk)
    metrics = page.table.fontMetrics()
    for column, values in ((2, [c.value for c in Category]), (6, [s.value for s in TicketStatus])):
        widest = max(metrics.horizontalAdvance(label(value, "en")) for value in values)
        assert page.table.columnWidth(column) >= widest + CELL_PADDING, label(values[0], "en")
    assert page.table.columnWidth(2) >= metrics.horizontalAdvance("Fault report") + CELL_PADDING
    assert page.table.columnWidth(6) >= metrics.horizontalAdvance("Replied to customer") + CELL_PADDING


def test_kaccount_lang_chooses_the_language_of_the_wizard_and_window(monkeypatch: pytest.MonkeyPatch) -> None:
    def chosen(*args: str) -> str | None:
        parsed, _ = build_parser().parse_known_args(list(args))
        return gui_language(list(args), parsed.lang)

    monkeypatch.setenv("KACCOUNT_LANG", "en")
    assert chosen() == "en"  # the wizard and the login open in English, as --lang en does
    assert chosen("--lang", "zh") == "zh"
    monkeypatch.delenv("KACCOUNT_LANG")
    assert chosen() is None  # the language kept in the settings decides
