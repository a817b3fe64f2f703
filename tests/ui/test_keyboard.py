"""Keyboard first: a hotline clerk takes a fault ticket from opening to close without the mouse."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services import tickets
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtWidgets
from kaccount_desk.ui.shortcuts import SHORTCUTS, ShortcutsDialog
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


@pytest.fixture
def window(qtbot, clerk: Context) -> MainWindow:
    widget = MainWindow(clerk)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def current(window: MainWindow) -> QtWidgets.QWidget:
    return window.stack.currentWidget()


def test_a_hotline_clerk_lands_on_tickets_and_the_last_page_is_remembered(qtbot, window: MainWindow, clerk: Context) -> None:
    assert isinstance(current(window), TicketsPage)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(current(window), ApplicationsPage)
    window.close()
    again = MainWindow(clerk)
    qtbot.addWidget(again)
    assert isinstance(again.stack.currentWidget(), ApplicationsPage)


def test_ctrl_f_searches_and_ctrl_p_goes_to_print(qtbot, window: MainWindow) -> None:
    page = window.page(TicketsPage)
    assert page is not None
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(current(window), PrintPage)


def test_a_fault_ticket_from_opening_to_close_by_keys(qtbot, window: MainWindow, clerk: Context) -> None:
    page = window.page(TicketsPage)
    assert page is not None
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form is not None)  # a button's key clicks it as a mouse would, after 100 ms
    form = page.form
    assert form is not None
    qtbot.waitUntil(operations.idle)  # the clerk's window, read in the background
    assert form.channel.currentData() == "phone"  # a hotline's customers call in
    qtbot.waitExposed(form)
    form.activateWindow()
    form.category.setCurrentIndex(form.category.findData("fault"))
    form.area.setCurrentIndex(form.area.findData("town"))
    form.name.setText("李明")
    qtbot.keyClicks(form.number, "13800138000")
    form.content.setFocus()
    form.content.insertPlainText("家里信号很差")
    qtbot.keyClick(form.content, Qt.Key.Key_Tab)
    assert not form.content.hasFocus() and form.content.toPlainText() == "家里信号很差"  # Tab moved on
    qtbot.keyClick(form.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(operations.idle)  # opened off the GUI thread
    assert form.opened is not None
    ticket_id = form.opened.id
    form.close()
    page.select_ticket(ticket_id)
    qtbot.waitUntil(operations.idle)
    detail = page.detail
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # keys go to the active window, as on a desk
    steps = ((Qt.Key.Key_T, "", "start"), (Qt.Key.Key_R, "已派人上门检修,今天修复", "reply"), (Qt.Key.Key_S, "", "callback"),
             (Qt.Key.Key_C, "", "close"))
    for key, text, action in steps:
        if text:
            detail.text.setPlainText(text)
        qtbot.keyClick(detail, key, Qt.KeyboardModifier.AltModifier)
        # The action runs off the GUI thread: the next key needs its result stored and painted (which buttons are live).
        qtbot.waitUntil(lambda action=action: tickets.show(clerk, ticket_id).history[-1].action == action and operations.idle())
    assert tickets.show(clerk, ticket_id).status == "closed"


def test_every_shortcut_is_in_the_help_and_in_its_buttons_tooltip(qtbot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(SHORTCUTS)
    page = window.page(TicketsPage)
    assert page is not None
    assert "Alt+R" in page.detail.reply_button.toolTip() and "Alt+C" in page.detail.close_button.toolTip()
    assert "Ctrl+T" in page.new_button.toolTip()


def test_each_label_of_the_ticket_form_takes_its_alt_letter_to_its_field(qtbot, window: MainWindow) -> None:
    """Alt+N, Alt+M, Alt+O reach the fields wrapped with their reason line (seen lost in a real window)."""
    page = window.page(TicketsPage)
    assert page is not None
    page.open_form()
    form = page.form
    assert form is not None
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    for key, field in ((Qt.Key.Key_N, form.name), (Qt.Key.Key_M, form.number), (Qt.Key.Key_O, form.content)):
        qtbot.keyClick(form.category, key, Qt.KeyboardModifier.AltModifier)
        assert field.hasFocus(), key
