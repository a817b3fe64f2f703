"""The window as each clerk left it: geometry, splitters and column widths, kept per staff member."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.services.ticket_queries import Queue
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.main_window import MainWindow, rebuild_in_language
from kaccount_desk.ui.qt import QtCore
from kaccount_desk.ui.settings import Settings
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


def open_window(qtbot, ctx: Context) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_splitters_and_columns_come_back_for_the_same_clerk_only(qtbot, admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    other = make_staff(admin, "C002", "clerk", "客服热线")
    window = open_window(qtbot, clerk)
    window.resize(1200, 680)  # within the test screen (1366 x 768, tests/offscreen_screen.json), which restoreGeometry respects
    page = window.page(TicketsPage)
    assert page is not None
    page.splitter.setSizes([300, 880])
    header = page.table.horizontalHeader()
    header.resizeSection(3, 211)
    wanted = page.splitter.sizes()
    window.close()
    again = open_window(qtbot, clerk)
    again_page = again.page(TicketsPage)
    assert again_page is not None
    assert again_page.table.horizontalHeader().sectionSize(3) == 211
    assert again_page.splitter.sizes() == wanted
    assert (again.width(), again.height()) == (1200, 680)
    third = open_window(qtbot, other)
    someone_else = third.page(TicketsPage)
    assert someone_else is not None and someone_else.table.horizontalHeader().sectionSize(3) != 211


def test_each_language_keeps_its_own_column_widths(qtbot, qapp, admin: Context) -> None:
    """Widths set under Chinese headers would cut the English ones, so a language switch does not carry them over."""
    window = open_window(qtbot, admin)
    page = window.page(TicketsPage)
    assert page is not None
    english_width = page.table.horizontalHeader().sectionSize(3)
    page.table.horizontalHeader().resizeSection(3, 47)
    english = rebuild_in_language(window, "zh")
    qtbot.addWidget(english)
    chinese_page = english.page(TicketsPage)
    assert chinese_page is not None and chinese_page.table.horizontalHeader().sectionSize(3) != 47
    chinese_page.table.horizontalHeader().resizeSection(3, 133)
    back = rebuild_in_language(english, "en")
    qtbot.addWidget(back)
    back_page = back.page(TicketsPage)
    assert back_page is not None and back_page.table.horizontalHeader().sectionSize(3) == 47, "English comes back as it was left"
    assert english_width != 47
    install_translations(qapp, "en")


def test_the_ticket_queue_chosen_comes_back_for_that_clerk_in_either_language(qtbot, qapp, admin: Context) -> None:
    """A department's staff works from 转派本部门: choosing it once is enough, in both languages."""
    network = make_staff(admin, "N001", "clerk", "网络部")
    other = make_staff(admin, "N002", "clerk", "网络部")
    window = open_window(qtbot, network)
    page = window.page(TicketsPage)
    assert page is not None and page.queue.currentData() == Queue.MINE.value
    page.queue.setCurrentIndex(page.queue.findData(Queue.DEPARTMENT.value))
    window.close()
    again = open_window(qtbot, network)
    again_page = again.page(TicketsPage)
    assert again_page is not None and again_page.queue.currentData() == Queue.DEPARTMENT.value
    assert again_page.model.query is not None and again_page.model.query.queue is Queue.DEPARTMENT, "the list shows that queue"
    chinese = rebuild_in_language(again, "zh")
    qtbot.addWidget(chinese)
    chinese_page = chinese.page(TicketsPage)
    assert chinese_page is not None and chinese_page.queue.currentText() == "转派本部门"
    someone_else = open_window(qtbot, other).page(TicketsPage)
    assert someone_else is not None and someone_else.queue.currentData() == Queue.MINE.value
    install_translations(qapp, "en")


def test_a_kept_choice_that_is_not_text_is_ignored(qtbot, admin: Context) -> None:
    """The settings file is the person's to edit or break: bytes that are no text leave the default, no crash."""
    window = open_window(qtbot, admin)
    window.page(TicketsPage)  # built (pages are built when first shown), so its queue choice is kept
    window.close()
    settings = Settings()
    kept = [key for key in settings._qt.allKeys() if "/choice/" in key]
    assert kept
    for key in kept:
        settings._qt.setValue(key, QtCore.QByteArray(b"\xff\xfe\x00"))
    settings._qt.sync()
    again = open_window(qtbot, admin).page(TicketsPage)
    assert again is not None and again.queue.currentData() == Queue.MINE.value


def _within_screen(window: MainWindow) -> None:
    area = window.screen().availableGeometry()
    assert area.contains(window.frameGeometry()), f"{window.frameGeometry().getRect()} is not within {area.getRect()}"
    bar = window.statusBar()
    bottom = bar.mapTo(window, bar.rect().bottomLeft())
    assert area.contains(window.mapToGlobal(bottom)), "the status bar ends beyond the screen's free area"


def test_the_first_start_is_maximised_within_the_screen_and_comes_back_so(qtbot, admin: Context) -> None:
    """Issue 19 item 4: the first window reached y≈750 under a 728-high work area and came back 25 px lower."""
    window = open_window(qtbot, admin)
    window.show_on_screen()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    _within_screen(window)
    window.close()
    again = open_window(qtbot, admin)
    again.show_on_screen()
    qtbot.waitUntil(again.isMaximized, timeout=2000)
    _within_screen(again)


def test_a_kept_place_beyond_the_screen_comes_back_within_it(qtbot, admin: Context) -> None:
    """A size kept on a larger monitor, or a place that drifted down, opens inside the free area of this one."""
    window = open_window(qtbot, admin)
    window.show_on_screen()
    window.showNormal()
    window.setGeometry(300, 200, 1366, 728)  # its bottom is at 928 on a 768-high screen
    qtbot.waitUntil(lambda: window.geometry().top() == 200 and not window.isMaximized(), timeout=2000)
    window.close()
    again = open_window(qtbot, admin)
    again.show_on_screen()
    assert not again.isMaximized()
    _within_screen(again)
