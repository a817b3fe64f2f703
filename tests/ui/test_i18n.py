"""Every window and dialog of ours opens in each language, and Chinese really is Chinese."""

from __future__ import annotations

import re

import pytest

from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.admin.campaign_editor import CampaignEditor
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.login import FirstRunDialog, LoginDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

EXPECTED = {
    "zh": {"login": "大客户业务受理 — 登录", "first": "大客户业务受理 — 首次启动", "file": "文件(&F)", "page": "受理",
           "import": "导入名单", "editor": "编辑办理活动", "admin": "员工", "filter": "全部部门",
           "pages": ["受理", "工单", "打印", "管理", "客户", "我的一天", "报表", "计划停机"],
           "tickets": "全部类别", "new_ticket": "受理新工单…",
           "generate": "生成", "leave": "标记为离岗"},
    "en": {"login": "KAccount Desk — log in", "first": "KAccount Desk — first start", "file": "&File", "page": "Enrollment",
           "import": "Import roster", "editor": "Edit campaign", "admin": "Staff", "filter": "All departments",
           "pages": ["Enrollment", "Tickets", "Print", "Admin", "Customers", "My day", "Reports", "Outages"],
           "tickets": "All categories", "new_ticket": "New ticket…",
           "generate": "Generate", "leave": "Mark as left"},
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_window_opens_in_each_language(qtbot, qapp, lang: str, admin: Context, campaign: str) -> None:
    assert install_translations(qapp, lang) == lang
    assert current_lang() == lang
    want = EXPECTED[lang]
    login = LoginDialog(admin.store)
    first = FirstRunDialog(admin.store)
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    dialog = ImportRosterDialog(admin, campaign, window)
    admin_page = AdminPage(admin)
    admin_page.open_editor(campaign)
    qtbot.waitUntil(operations.idle)
    editor = admin_page.editor
    for widget in (login, first, window, admin_page):
        qtbot.addWidget(widget)
        widget.show()
    assert isinstance(editor, CampaignEditor)
    editor.show()
    dialog.show()
    assert login.windowTitle() == want["login"]
    assert first.windowTitle() == want["first"]
    assert window.menuBar().actions()[0].text() == want["file"]
    assert window.pages[0][0] == want["page"]
    assert dialog.windowTitle() == want["import"]
    assert editor.windowTitle() == want["editor"]
    assert admin_page.staff_box.title() == want["admin"]
    page = window.page(ApplicationsPage)
    assert isinstance(page, ApplicationsPage) and page.department.itemText(0) == want["filter"]
    assert [title for title, _ in window.pages] == want["pages"]
    tickets_page = window.page(TicketsPage)
    assert isinstance(tickets_page, TicketsPage)
    assert (tickets_page.category.itemText(0), tickets_page.new_button.text()) == (want["tickets"], want["new_ticket"])
    print_page = window.page(PrintPage)
    assert isinstance(print_page, PrintPage) and print_page.generate.text() == want["generate"]
    assert admin_page.leave_button.text() == want["leave"]
    assert window.windowTitle() == ("大客户业务受理台" if lang == "zh" else "KAccount Desk — key-account intake")
    editor.close()
    dialog.close()
    if lang == "zh":
        assert "管理员" in window.staff_label.text()
        assert page.status.itemText(1) == "草稿"
        assert all(not m.title().isascii() for m in window.findChildren(QtWidgets.QMenu) if m.title())


ENGLISH_PHRASE = re.compile(r"[A-Za-z]{3,}(?: [A-Za-z]{2,}){2,}")


def test_no_english_sentence_is_left_in_the_chinese_window(qtbot, qapp, admin: Context, campaign: str) -> None:
    """A string lupdate could not see (a tr() inside an f-string) shows up here in English."""
    install_translations(qapp, "zh")
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    intake = window.findChild(IntakeForm)
    assert intake is not None
    qtbot.waitUntil(lambda: bool(intake.estimate.result.text()))
    texts: list[str] = []
    for widget in window.findChildren(QtWidgets.QWidget):
        for getter in ("text", "placeholderText", "title", "toolTip"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    texts.append(str(value()))
                except TypeError:
                    continue
    english = [t for t in texts if ENGLISH_PHRASE.search(re.sub(r"<[^>]+>", " ", t))]
    assert english == []


CJK = re.compile(r"[\u4e00-\u9fff]")


def test_no_chinese_in_the_english_windows_own_words(qtbot, qapp, admin: Context, campaign: str) -> None:
    """Buttons, hints and tooltips are the program's own words; names, campaigns and notices are data and may be Chinese."""
    install_translations(qapp, "en")
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    page = window.page(TicketsPage)
    assert page is not None
    widgets = [*window.findChildren(QtWidgets.QWidget), *page.open_form().findChildren(QtWidgets.QWidget)]
    words = [w.placeholderText() for w in widgets if isinstance(w, QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit)]
    words += [w.toolTip() for w in widgets] + [w.text() for w in widgets if isinstance(w, QtWidgets.QAbstractButton)]
    assert [text for text in words if CJK.search(text)] == []
