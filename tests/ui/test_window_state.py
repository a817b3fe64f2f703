"""The window as each clerk left it: geometry, splitters and column widths, kept per staff member."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.ui.main_window import MainWindow
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
