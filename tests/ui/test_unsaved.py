"""Nothing typed is lost: every editor that holds typing takes part in the window's one unsaved check.

Each test types into a real editor with keys, then closes the window or switches the language,
and answers the question the way a clerk would; the typing is kept, saved or knowingly dropped.
"""

from __future__ import annotations

import pytest
from qt_dialogs import MessageBoxes
from support import make_staff

from kaccount_desk.services import drafts, printing
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage
from kaccount_desk.ui.unsaved import editors_in

pytestmark = pytest.mark.usefixtures("english")
Button = QtWidgets.QMessageBox.StandardButton


def answer(boxes: MessageBoxes, *answers: Button) -> list[tuple[str, Button]]:
    """Answer Qt's real question boxes in turn (Discard once these run out); each question's text and the buttons it offered."""
    return boxes.afresh(*answers)


@pytest.fixture(autouse=True)
def never_blocks(boxes: MessageBoxes) -> None:
    """A failed test leaves typing behind; closing its window must not wait for an unanswered question box."""
    boxes.default = Button.Discard


def offers(buttons: Button, *wanted: Button) -> bool:
    every = (Button.Save, Button.Discard, Button.Cancel)
    return all(bool(buttons & b) == (b in wanted) for b in every)


def window_of(qtbot, ctx: Context) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.waitUntil(operations.idle)  # the campaign list is read in a worker
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    return window


def page_of(window: MainWindow, kind: type) -> object:
    found = window.page(kind)
    assert found is not None
    window.nav.setCurrentRow([p for _, p in window.pages].index(found))
    return found


def open_ticket(clerk: Context, name: str) -> int:
    return t.open_ticket(clerk, t.TicketInput(category="complaint", channel="face", window="hotline", customer_name=name,
                                              customer_number="13800138000", content="上月话费多扣了20元")).id


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


def two_tickets_open(qtbot, clerk: Context) -> tuple[int, int, MainWindow, TicketsPage]:
    """Two tickets of the clerk's, and the window on the Tickets page that lists them."""
    first, second = open_ticket(clerk, "Li"), open_ticket(clerk, "Wang")
    window = window_of(qtbot, clerk)
    tickets = page_of(window, TicketsPage)
    assert isinstance(tickets, TicketsPage)
    qtbot.waitUntil(operations.idle)  # the queue, counted and read in the background
    return first, second, window, tickets


def test_the_action_box_keeps_its_text_per_ticket(qtbot, clerk: Context) -> None:
    first, second, window, tickets = two_tickets_open(qtbot, clerk)
    tickets.select_ticket(first)
    qtbot.waitUntil(operations.idle)  # read in the background
    qtbot.keyClicks(tickets.detail.text, "ask billing about the double charge")
    tickets.table.setFocus()
    row = next(r for r in range(tickets.model.rowCount()) if tickets.model.ticket_id(r) == second)
    qtbot.mouseClick(tickets.table.viewport(), Qt.MouseButton.LeftButton, pos=tickets.table.visualRect(
        tickets.model.index(row, 1)).center())
    qtbot.waitUntil(operations.idle)
    assert tickets.detail.view is not None and tickets.detail.view.id == second
    assert tickets.detail.text.toPlainText() == ""  # the other ticket's text is not shown here
    qtbot.keyClicks(tickets.detail.text, "call back after 5 pm")
    tickets.select_ticket(first)
    qtbot.waitUntil(operations.idle)  # read in the background
    assert tickets.detail.text.toPlainText() == "ask billing about the double charge"
    tickets.select_ticket(second)
    qtbot.waitUntil(operations.idle)  # read in the background
    assert tickets.detail.text.toPlainText() == "call back after 5 pm"


def test_closing_with_text_in_the_action_box_offers_discard_or_cancel(qtbot, clerk: Context,
                                                                      boxes: MessageBoxes) -> None:
    first, second, window, tickets = two_tickets_open(qtbot, clerk)
    tickets.select_ticket(first)
    qtbot.waitUntil(operations.idle)  # read in the background
    qtbot.keyClicks(tickets.detail.text, "half a reply")
    tickets.select_ticket(second)  # the typing is now for a ticket not on screen
    qtbot.waitUntil(operations.idle)  # read in the background
    window.nav.setCurrentRow(0)
    asked = answer(boxes, Button.Cancel, Button.Discard)
    assert not window.close() and window.isVisible()
    assert window.current_page() is tickets  # brought back to where the typing is
    text, buttons = asked[0]
    assert offers(buttons, Button.Discard, Button.Cancel) and "would be lost" in text
    assert window.close() and len(asked) == 2


def test_a_filled_new_ticket_form_stops_the_language_switch_and_can_be_saved(qtbot, clerk: Context,
                                                                            boxes: MessageBoxes) -> None:
    window = window_of(qtbot, clerk)
    switched: list[str] = []
    window.language_changed.connect(switched.append)
    tickets = page_of(window, TicketsPage)
    assert isinstance(tickets, TicketsPage)
    form = tickets.open_form()
    qtbot.keyClicks(form.name, "Li Ming")
    qtbot.keyClicks(form.number, "13800138000")
    qtbot.keyClicks(form.content, "no signal at home")
    form.close()  # closing the form keeps its typing for later, so it still counts
    window.nav.setCurrentRow(0)
    asked = answer(boxes, Button.Cancel, Button.Save)
    chinese = next(a for a in window.findChildren(type(window.import_action)) if a.data() == "zh")
    chinese.trigger()
    assert switched == [] and form.isVisible() and window.current_page() is tickets and form.name.text() == "Li Ming"
    assert offers(asked[0][1], Button.Save, Button.Discard, Button.Cancel) and "new ticket" in asked[0][0]
    chinese.trigger()
    assert switched == ["zh"] and form.opened is not None and form.opened.customer_name == "Li Ming"


def test_the_notice_text_is_saved_when_asked_on_close(qtbot, admin: Context, campaign: str,
                                                      boxes: MessageBoxes) -> None:
    window = window_of(qtbot, admin)
    printing_page = page_of(window, PrintPage)
    assert isinstance(printing_page, PrintPage)
    assert window.close()  # nothing typed yet: no question
    window.show()
    printing_page.template.moveCursor(printing_page.template.textCursor().MoveOperation.End)
    qtbot.keyClicks(printing_page.template, " Thanks.")
    asked = answer(boxes, Button.Save)
    assert window.close()
    assert offers(asked[0][1], Button.Save, Button.Discard, Button.Cancel) and "notice text" in asked[0][0]
    assert printing.notice_template(admin, campaign).text.endswith(" Thanks.")


def test_the_staff_form_and_the_campaign_editor_take_part(qtbot, admin: Context, campaign: str,
                                                          boxes: MessageBoxes) -> None:
    window = window_of(qtbot, admin)
    admin_page = page_of(window, AdminPage)
    assert isinstance(admin_page, AdminPage)
    qtbot.keyClicks(admin_page.new_staff_no, "C009")
    admin_page.open_editor(campaign)
    qtbot.waitUntil(operations.idle)
    editor = admin_page.editor
    assert editor is not None
    editor.show()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Renamed")
    asked = answer(boxes, Button.Cancel)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.title.text() == "Renamed"  # Esc asked, and Cancel kept it
    assert offers(asked[0][1], Button.Save, Button.Discard, Button.Cancel)
    asked = answer(boxes, Button.Discard, Button.Cancel)
    assert not window.close()
    assert [offers(b, Button.Save, Button.Discard, Button.Cancel) for _, b in asked] == [False, True]
    assert "staff member" in asked[0][0] and "campaign" in asked[1][0]
    asked = answer(boxes, Button.Discard)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert editors_in(window) and not editor.has_unsaved_input()
    asked = answer(boxes, Button.Discard)
    assert window.close() and len(asked) == 1


def test_the_ticket_panel_empties_when_its_ticket_leaves_the_list(qtbot, clerk: Context) -> None:
    complaint = open_ticket(clerk, "Li")
    window = window_of(qtbot, clerk)
    tickets = page_of(window, TicketsPage)
    assert isinstance(tickets, TicketsPage)
    tickets.select_ticket(complaint)
    qtbot.waitUntil(operations.idle)  # read in the background
    qtbot.keyClicks(tickets.detail.text, "kept aside")
    tickets.category.setCurrentIndex(tickets.category.findData("complaint"))
    qtbot.waitUntil(operations.idle)  # counted, and whether it still holds the ticket asked, in the background
    assert tickets.detail.view is not None  # still listed: the panel stays
    tickets.category.setCurrentIndex(tickets.category.findData("fault"))
    qtbot.waitUntil(operations.idle)
    assert tickets.model.rowCount() == 0 and tickets.detail.view is None
    assert tickets.detail.title.text() == "Select a ticket in the queue" and not tickets.detail.isEnabled()
    tickets.category.setCurrentIndex(0)
    qtbot.keyClicks(tickets.search, "Wang")
    tickets.apply_filters()
    qtbot.waitUntil(operations.idle)  # the search runs off the GUI thread
    tickets.select_ticket(complaint)
    qtbot.waitUntil(operations.idle)  # read in the background
    assert tickets.detail.text.toPlainText() == "kept aside"  # the typing came back with its ticket
    tickets.apply_filters()  # a search without it: the panel empties again
    qtbot.waitUntil(operations.idle)
    assert tickets.detail.view is None and tickets.detail.has_unsaved_input()


def test_a_new_ticket_discarded_on_close_is_not_offered_back_at_the_next_start(qtbot, clerk: Context,
                                                                            boxes: MessageBoxes) -> None:
    """Seen in a real window: 丢弃 on quit, and the next start asked to restore the same ticket."""
    window = window_of(qtbot, clerk)
    tickets = page_of(window, TicketsPage)
    assert isinstance(tickets, TicketsPage)
    form = tickets.open_form()
    qtbot.keyClicks(form.name, "Li Ming")
    qtbot.keyClicks(form.content, "no signal at home")
    for keeper in window.draft_keepers:
        keeper.keep_now()  # the keeper's timer has written the draft, as it does every few seconds
    assert drafts.kept(clerk, "ticket") is not None
    answer(boxes, Button.Discard)
    assert window.close()
    assert drafts.kept(clerk, "ticket") is None
