"""The main window: pages by role, the staff in the status bar, the remembered campaign."""

from __future__ import annotations

import pytest
from qt_dialogs import MessageBoxes
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.main_window import MainWindow, rebuild_in_language
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.settings import LANGUAGE, LAST_CAMPAIGN, Settings
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


def test_opens_on_enrollment_with_the_staff_in_the_status_bar(qtbot, admin: Context, campaign: str) -> None:
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    assert isinstance(window.stack.currentWidget(), ApplicationsPage)
    assert [title for title, _ in window.pages] == ["Enrollment", "Tickets", "Print", "Admin", "Customers", "My day", "Reports", "Outages"]
    assert "管理员" in window.staff_label.text() and "A001" in window.staff_label.text()
    assert "Administrator" in window.staff_label.text()
    assert window.campaign_code == campaign
    assert window.windowTitle() == "KAccount Desk — key-account intake"  # no Chinese in the English window
    assert Settings().get(LAST_CAMPAIGN) == campaign
    page = window.page(ApplicationsPage)
    assert isinstance(page, ApplicationsPage) and page.campaign_code == campaign and page.form is not None


def test_a_clerk_sees_no_admin_page_and_cannot_export(qtbot, admin: Context, campaign: str) -> None:
    clerk = make_staff(admin, "C001", "clerk", "铸造事业部")
    window = MainWindow(clerk)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    assert [title for title, _ in window.pages] == ["Enrollment", "Tickets", "Print", "Customers"]
    assert not window.export_action.isVisible()
    assert "Clerk" in window.staff_label.text()


def test_without_a_campaign_the_page_says_so(qtbot, admin: Context) -> None:
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    page = window.page(ApplicationsPage)
    assert isinstance(page, ApplicationsPage) and page.form is None
    assert not window.import_action.isEnabled()


def test_loading_a_campaign_on_the_admin_page_fills_the_selector(qtbot, admin: Context) -> None:
    from support import SAMPLE_CAMPAIGN

    window = MainWindow(admin)

    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    admin_page = window.page(AdminPage)
    assert isinstance(admin_page, AdminPage)
    admin_page.load_campaign_file(SAMPLE_CAMPAIGN)
    qtbot.waitUntil(operations.idle)
    assert window.campaign_code == "BT2012-KA"
    assert admin_page.campaign_table.rowCount() == 1


def _typed_name(qtbot, window: MainWindow) -> IntakeForm:
    form = window.findChild(IntakeForm)
    assert form is not None
    qtbot.waitUntil(operations.idle)  # the campaign's departments, read in the background
    form.dept_combo.setCurrentIndex(0)
    qtbot.keyClicks(form.name_edit, "Zhang San")
    assert form.has_unsaved_input()
    return form


def _answer(boxes: MessageBoxes, *answers: QtWidgets.QMessageBox.StandardButton) -> list[str]:
    """Answer Qt's real question boxes in turn; the texts asked, as they come."""
    boxes.answer(*answers)
    return boxes.texts


def test_the_language_switches_at_once_once_nothing_typed_can_be_lost(qtbot, admin: Context, campaign: str,
                                                                      boxes: MessageBoxes) -> None:
    Settings().set(LANGUAGE, "en")
    window = MainWindow(admin)  # not given to qtbot: rebuilding deletes it
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    switched: list[str] = []
    window.language_changed.connect(switched.append)
    form = _typed_name(qtbot, window)
    buttons = QtWidgets.QMessageBox.StandardButton
    asked = _answer(boxes, buttons.Cancel, buttons.Save)
    chinese = next(a for a in window.findChildren(type(window.import_action)) if a.data() == "zh")
    chinese.trigger()
    assert switched == [] and not chinese.isChecked() and form.name_edit.text() == "Zhang San"
    assert Settings().get(LANGUAGE) == "en" and "not been saved" in asked[0]
    chinese.trigger()
    assert switched == ["zh"] and Settings().get(LANGUAGE) == "zh" and form.application_id is not None
    rebuilt = rebuild_in_language(window, "zh")
    qtbot.addWidget(rebuilt)
    assert rebuilt.menuBar().actions()[0].text() == "文件(&F)" and rebuilt.isVisible() and not window.isVisible()


def test_closing_with_unsaved_typing_asks_first(qtbot, admin: Context, campaign: str, boxes: MessageBoxes) -> None:
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    _typed_name(qtbot, window)
    buttons = QtWidgets.QMessageBox.StandardButton
    _answer(boxes, buttons.Cancel, buttons.Discard)
    assert not window.close() and window.isVisible()
    assert window.close() and not window.isVisible()


def test_the_status_bar_names_the_store_file(qtbot, admin: Context, store_path) -> None:
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    assert window.store_label.text() == f"Database: {store_path}"


def test_the_campaign_box_marks_closed_campaigns_and_opens_the_newest_live_one(qtbot, admin: Context, campaign: str) -> None:
    from dataclasses import replace
    from datetime import timedelta

    from kaccount_desk.services import campaigns

    spec = campaigns.get_campaign(admin, campaign)
    campaigns.save_campaign(admin, replace(spec, code="OLD-2011", title="Old", issued_on=spec.issued_on - timedelta(days=400),
                                           deadline=spec.deadline - timedelta(days=365)))
    Settings().set(LAST_CAMPAIGN, "OLD-2011")
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    texts = [window.campaign_combo.itemText(i) for i in range(window.campaign_combo.count())]
    assert window.campaign_code == campaign  # the one still taking applications, not the closed one used last
    assert texts[1].endswith(" — closed") and not texts[0].endswith(" — closed")
    window.campaign_combo.setCurrentIndex(1)  # looking at the old one on purpose is kept through a reload
    window.reload_campaigns()
    assert window.campaign_code == "OLD-2011"


def test_a_campaign_file_loaded_while_the_shown_one_has_closed_is_taken_up(qtbot, admin: Context, campaign: str, clock,
                                                                           tmp_path) -> None:
    from support import SAMPLE_CAMPAIGN

    window = MainWindow(admin)

    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    admin_page = window.page(AdminPage)
    assert admin_page is not None and window.campaign_code == campaign
    later = tmp_path / "2013.toml"
    later.write_text(SAMPLE_CAMPAIGN.read_text(encoding="utf-8").replace('code = "BT2012-KA"', 'code = "BT2013-KA"')
                     .replace("2012-02-27T10:00:00+08:00", "2013-02-27T10:00:00+08:00"), encoding="utf-8")
    admin_page.load_campaign_file(later)
    qtbot.waitUntil(operations.idle)
    assert window.campaign_code == campaign, "the shown campaign still takes applications: it stays"
    clock.advance(days=30)  # the 2012 campaign has closed
    again = tmp_path / "2013b.toml"
    again.write_text(later.read_text(encoding="utf-8").replace('code = "BT2013-KA"', 'code = "BT2013-KB"'), encoding="utf-8")
    window.reload_campaigns()
    admin_page.load_campaign_file(again)
    qtbot.waitUntil(operations.idle)
    assert window.campaign_code == "BT2013-KB", "loading a live one while the shown one has closed switches to it"
    assert window.page(ApplicationsPage).campaign_code == "BT2013-KB"


def test_the_language_switch_keeps_the_tab_of_the_page(qtbot, admin: Context) -> None:
    """Seen in a real window: switched on Tickets → Reports, came back on Tickets → Queue."""
    window = MainWindow(admin)  # not given to qtbot: rebuilding deletes it
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    tickets = window.page(TicketsPage)
    assert tickets is not None
    window.nav.setCurrentRow([p for _, p in window.pages].index(tickets))
    tickets.tabs.setCurrentWidget(tickets.reports)
    rebuilt = rebuild_in_language(window, "en")
    qtbot.addWidget(rebuilt)
    again = rebuilt.page(TicketsPage)
    assert again is not None and rebuilt.current_page() is again and again.tabs.currentWidget() is again.reports


def test_f5_shows_staff_and_campaigns_made_elsewhere(qtbot, admin: Context, campaign: str) -> None:
    """Another PC or the CLI added a colleague and a campaign: F5 on the Admin page shows both."""
    from dataclasses import replace

    from kaccount_desk.services import campaigns, staff
    from kaccount_desk.ui.qt import QtCore

    window = MainWindow(admin)

    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)  # a window shortcut needs the active window
    window.show_page(AdminPage)
    page = window.page(AdminPage)
    assert page is not None
    qtbot.waitUntil(operations.idle)  # the page, built when first shown, has read what it shows

    def column(table: QtWidgets.QTableWidget) -> list[str]:
        return [table.item(row, 0).text() for row in range(table.rowCount())]

    staff.create_staff(admin, "N009", "网络部员工", "clerk", "Hotline#2026x", "网络部")
    spec = campaigns.get_campaign(admin, campaign)
    campaigns.save_campaign(admin, replace(spec, code="BT2012-KB", title="另一个活动"))
    qtbot.waitUntil(operations.idle)
    assert "N009" not in column(page.staff_table) and "BT2012-KB" not in column(page.campaign_table)
    page.staff_table.setFocus()
    qtbot.keyClick(page.staff_table, QtCore.Qt.Key.Key_F5)
    qtbot.waitUntil(operations.idle)
    assert "N009" in column(page.staff_table) and "BT2012-KB" in column(page.campaign_table)
    assert any("BT2012-KB" in window.campaign_combo.itemText(i) for i in range(window.campaign_combo.count()))


class _WindowsShown(QtCore.QObject):
    """Every widget shown as a window of its own (a parentless widget made visible) while installed."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.Show and isinstance(watched, QtWidgets.QWidget) and watched.isWindow():
            self.seen.append(type(watched).__name__)
        return False


@pytest.mark.parametrize("kind", [ApplicationsPage, TicketsPage, PrintPage, AdminPage])
def test_building_a_page_shows_no_window_of_its_own(qtbot, admin: Context, campaign: str, kind: type) -> None:
    """Pages are built when first shown, the window up: a part made visible before it has a parent flashes
    up as a window and takes the keyboard from the main window (F5 and every shortcut then do nothing)."""
    window = MainWindow(admin)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shown = _WindowsShown()
    QtWidgets.QApplication.instance().installEventFilter(shown)
    try:
        assert window.show_page(kind) is not None
        qtbot.waitUntil(operations.idle)
    finally:
        QtWidgets.QApplication.instance().removeEventFilter(shown)
    assert shown.seen == []


def test_a_window_up_on_the_campaign_kept_leaves_the_settings_file_alone(qtbot, admin: Context, campaign: str) -> None:
    """Issue 21 item 3: rewriting the settings file (QSettings.sync, 7-11 ms on the GUI thread) when the
    campaign list arrives was part of the window-up's longest hold; the campaign kept is not written again."""
    first = MainWindow(admin)
    qtbot.addWidget(first)
    qtbot.waitUntil(operations.idle)
    assert Settings().get(LAST_CAMPAIGN) == campaign
    path = Settings().path
    written = path.stat().st_mtime_ns
    again = MainWindow(admin)
    qtbot.addWidget(again)
    qtbot.waitUntil(operations.idle)
    assert again.campaign_code == campaign and path.stat().st_mtime_ns == written


def test_the_reports_tab_is_built_at_its_first_look_and_takes_the_layout_kept(qtbot, admin: Context) -> None:
    """Issue 21 items 3 and 4: the Tickets page's Reports tab (tables, period, Qt Charts) waits for its first
    look instead of being built with the window; built then, it still gets the split the clerk left."""
    from kaccount_desk.ui.tickets.reports_panel import ReportsPanel
    from kaccount_desk.ui.window_state import save_layout

    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    first = MainWindow(clerk)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(operations.idle)
    page = first.built("TicketsPage")
    assert isinstance(page, TicketsPage) and page.findChildren(ReportsPanel) == []
    page.tabs.setCurrentIndex(1)
    panel = page.reports
    assert page.tabs.currentWidget() is panel and page.findChildren(ReportsPanel) == [panel]
    qtbot.waitUntil(operations.idle)
    panel.body.setSizes([600, 100])
    save_layout(first, Settings(), "C001")
    again = MainWindow(clerk)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(operations.idle)
    page = again.built("TicketsPage")
    assert isinstance(page, TicketsPage) and page.findChildren(ReportsPanel) == []
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(operations.idle)
    top, bottom = page.reports.body.sizes()
    assert top > bottom  # as left; a new panel splits 240 : 480
