"""The Admin page's tab for the standard answers and the forbidden phrases: read when first opened,
added to by a supervisor, read-only for a clerk."""

from __future__ import annotations

import pytest
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.qt import Qt

pytestmark = pytest.mark.usefixtures("english")


def test_a_supervisor_adds_an_answer_and_a_phrase(qtbot, admin: Context) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.answers_box
    assert box is not None and not box.loaded  # nothing read until the tab is opened
    page.tabs.setCurrentWidget(box)
    qtbot.waitUntil(lambda: operations.idle() and box.phrases.count() > 0)
    assert "不知道" in [box.phrases.item(i).text() for i in range(box.phrases.count())]
    box.topic.setText("信号")
    box.text.setText("已安排工程师检测基站")
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: operations.idle() and box.answers.rowCount() == 1)
    assert box.answers.item(0, 1).text() == "信号" and box.topic.text() == ""
    box.new_phrase.setText("不知道 ")
    qtbot.mouseClick(box.forbid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(operations.idle)
    assert "already" in box.message.text() and box.new_phrase.text() == "不知道 "  # refused, typing kept
    box.new_phrase.setText("别烦我")
    qtbot.mouseClick(box.forbid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: operations.idle() and box.phrases.item(box.phrases.count() - 1).text() == "别烦我")
    box.phrases.clear()
    box.refresh()  # read back from the store: kept, not only shown
    qtbot.waitUntil(lambda: operations.idle() and box.phrases.count() > 0)
    assert box.phrases.item(box.phrases.count() - 1).text() == "别烦我"


def test_a_clerk_reads_the_library_but_cannot_add(qtbot, admin: Context) -> None:
    page = AdminPage(make_staff(admin, "C001", "clerk", "客服热线"))
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    box = page.answers_box
    assert box is not None and not box.add_button.isEnabled() and not box.forbid_button.isEnabled()
