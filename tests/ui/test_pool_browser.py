"""Choosing a new number: tail digits and patterns filter as you type; taken numbers stay out."""

from __future__ import annotations

import pytest

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.number_patterns import Pattern, matches
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.pool_browser import PoolBrowser
from kaccount_desk.ui.qt import Qt, QtWidgets


def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))



@pytest.fixture
def browser(qtbot, admin: Context, campaign: str) -> PoolBrowser:
    dialog = PoolBrowser(admin, campaign)
    settle(qtbot)
    qtbot.addWidget(dialog)
    return dialog


def test_tail_and_aabb_filter_as_you_type(qtbot, browser: PoolBrowser) -> None:
    assert len(browser.visible_numbers()) == 400
    qtbot.keyClicks(browser.tail_edit, "88")
    settle(qtbot)
    numbers = browser.visible_numbers()
    assert numbers and all(n.endswith("88") for n in numbers)
    browser.pattern_boxes[Pattern.AABB].setChecked(True)
    settle(qtbot)
    assert browser.visible_numbers() == [n for n in numbers if matches(n, "88", frozenset({Pattern.AABB}))]
    assert browser.visible_numbers() == ["18832759988", "18832769988"]


def test_taken_number_is_hidden_unless_asked_for(qtbot, admin: Context, campaign: str, browser: PoolBrowser) -> None:
    enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="李四", number_source="pool", msisdn="18832758888"),
    ))
    qtbot.keyClicks(browser.tail_edit, "8888")
    settle(qtbot)
    assert "18832758888" not in browser.visible_numbers()
    browser.show_taken.setChecked(True)
    settle(qtbot)
    assert "18832758888" in browser.visible_numbers()
    row = browser.visible_numbers().index("18832758888")
    assert not browser.numbers.item(row).flags() & Qt.ItemFlag.ItemIsEnabled


def test_enter_takes_the_selected_free_number(qtbot, browser: PoolBrowser) -> None:
    qtbot.keyClicks(browser.tail_edit, "99")
    settle(qtbot)
    first, second = browser.visible_numbers()[:2]
    assert browser.numbers.currentItem().data(Qt.ItemDataRole.UserRole) == first
    qtbot.keyClick(browser.tail_edit, Qt.Key.Key_Down)
    settle(qtbot)
    browser.accept()
    settle(qtbot)
    assert browser.chosen_number == second
    assert browser.result() == PoolBrowser.DialogCode.Accepted


def test_nothing_matching_keeps_the_dialog_open(qtbot, browser: PoolBrowser) -> None:
    qtbot.keyClicks(browser.tail_edit, "123456")
    settle(qtbot)
    assert browser.visible_numbers() == []
    browser.accept()
    settle(qtbot)
    assert browser.chosen_number is None
