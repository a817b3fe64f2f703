"""One "what changed" signal: after a change anywhere, and on F5, every open view re-reads what it shows.

The open application and the open ticket are the views a clerk trusts most and that used to lag:
copies attached from the command line or a ticket acted on at another desk stayed invisible in
them until they were opened again. These tests make the change outside the window (the CLI, a
second desk with its own connection to the same store) and press F5 in a real window.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from qt_dialogs import MessageBoxes
from support import PASSWORD, REPO, Clock, make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies, staff
from kaccount_desk.services import tickets as t
from kaccount_desk.services.changes import EVERYTHING, TICKET_CHANGED, Changes
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(autouse=True)
def never_blocks(boxes: MessageBoxes) -> None:
    """The typing a test leaves behind is dropped when its window closes, without a question waiting for an answer."""
    boxes.default = QtWidgets.QMessageBox.StandardButton.Discard


def shown_window(qtbot, ctx: Context) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window)  # F5 is a window shortcut
    return window


def press_f5(qtbot, window: MainWindow) -> None:
    """F5, then the store calls it starts (lists and open records are re-read in the background)."""
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F5)
    qtbot.waitUntil(operations.idle)


def card(path: Path) -> Path:
    Image.new("RGB", (640, 400), (210, 225, 240)).save(path)
    return path


def test_copies_attached_by_the_command_line_show_in_the_open_form_on_f5_and_typing_stays(
    qtbot, admin: Context, campaign: str, store_path: Path, tmp_path: Path, clock: Clock,
) -> None:
    set_current_lang("zh")  # the reasons in the form, as the counter reads them
    app_id = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="张三", id_number=valid_id("13098119780101123"), msisdn="13812345678"),
        plan="group8",
    )).id
    window = shown_window(qtbot, admin)
    page = window.show_page(ApplicationsPage)
    assert page is not None
    qtbot.waitUntil(lambda: page.form is not None)  # made once the window's campaign list has been read, in the background
    form = page.form
    assert form is not None
    form.load(app_id)
    qtbot.waitUntil(lambda: operations.idle() and form.preview_settled)
    assert "缺少身份证复印件(正面)" in form.missing_label.text() and not form.copies.slots["front"].has_thumbnail
    qtbot.keyClicks(form.note_edit, "call before 5")  # typed, not saved: a refresh must not take it
    command_line = Store(f"sqlite:///{store_path}", resources=REPO / "resources", clock=clock)  # its own connection, as the CLI's
    try:
        staff.authenticate(command_line, "A001", PASSWORD)  # as the CLI's --as: the login unseals the ID key
        for side in ("front", "back"):  # what `kaccount-desk application id-copy` calls
            raw = id_copies.read_image_file(card(tmp_path / f"{side}.png"))
            id_copies.attach_id_copy(Context(command_line, admin.actor), app_id, side, raw, f"{side}.png")
    finally:
        command_line.close()
    assert "缺少身份证复印件(正面)" in form.missing_label.text()  # nothing told the window yet
    press_f5(qtbot, window)
    qtbot.waitUntil(lambda: operations.idle() and form.preview_settled)
    assert "缺少身份证复印件" not in form.missing_label.text()
    assert form.copies.slots["front"].has_thumbnail and form.copies.slots["back"].has_thumbnail
    assert form.view is not None and form.view.has_front and form.view.has_back
    assert form.note_edit.text() == "call before 5" and form.has_unsaved_input()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_desks(request: pytest.FixtureRequest, store_path: Path, clock: Clock) -> Iterator[tuple[Context, Context]]:
    """Two desks on one store, each with its own connection (a shared server, or one file on a share)."""
    url = f"sqlite:///{store_path}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    first, second = (Store(url, resources=REPO / "resources", clock=clock) for _ in range(2))
    admin_actor = staff.create_first_admin(first, "A001", "管理员", PASSWORD)
    clerk = make_staff(Context(first, admin_actor), "C001", "clerk", "客服热线")
    other_desk = Context(second, Actor(clerk.actor.id, "C001", clerk.actor.name, clerk.actor.role, clerk.actor.department))
    yield clerk, other_desk
    first.close()
    second.close()


@pytest.fixture
def heard() -> Iterator[list[tuple[Changes, object]]]:
    """Every (changes, origin) the one signal carries during the test."""
    got: list[tuple[Changes, object]] = []

    def record(changes: Changes, origin: object) -> None:
        got.append((changes, origin))

    operations.change_hub().changed.connect(record)
    yield got
    operations.change_hub().changed.disconnect(record)


def test_a_ticket_changed_at_another_desk_shows_in_the_open_ticket_on_f5(qtbot, two_desks: tuple[Context, Context]) -> None:
    here, there = two_desks
    ticket = t.open_ticket(here, t.TicketInput(category="complaint", channel="face", window="hotline", customer_name="李明",
                                                 customer_number="13800138000", content="上月话费多扣了20元"))
    window = shown_window(qtbot, here)
    page = window.show_page(TicketsPage)
    assert page is not None
    page.select_ticket(ticket.id)
    qtbot.waitUntil(operations.idle)  # the ticket is read in the background
    detail = page.detail
    qtbot.keyClicks(detail.text, "half a reply")
    assert detail.view is not None and [e.action for e in detail.view.history] == ["receive"]
    t.add_note(there, ticket.id, "客户改约明天上午")
    press_f5(qtbot, window)
    assert [e.action for e in detail.view.history] == ["receive", "note"]
    assert any("客户改约明天上午" in detail.history.item(i).text() for i in range(detail.history.count()))
    assert detail.text.toPlainText() == "half a reply"  # the clerk's unsent text stays


def test_a_ticket_action_runs_off_the_gui_thread_and_every_page_hears_of_it(
    qtbot, admin: Context, heard: list[tuple[Changes, object]],
) -> None:
    """The panel's action is queued with a busy cursor, then the one signal carries TICKET_CHANGED to every page."""
    clerk = make_staff(admin, "C002", "clerk", "客服热线")
    ticket = t.open_ticket(clerk, t.TicketInput(category="complaint", channel="face", window="hotline", customer_name="李明",
                                                  customer_number="13800138000", content="家里信号很差"))
    window = shown_window(qtbot, clerk)
    page = window.show_page(TicketsPage)
    assert page is not None
    page.select_ticket(ticket.id)
    qtbot.waitUntil(operations.idle)  # the ticket is read in the background
    page.detail.start()
    assert page.detail.cursor().shape() == Qt.CursorShape.BusyCursor and not operations.idle()
    qtbot.waitUntil(operations.idle)
    assert heard == [(TICKET_CHANGED, page.detail)]
    assert page.detail.cursor().shape() != Qt.CursorShape.BusyCursor
    assert page.detail.view is not None and page.detail.view.status == "in_progress"
    assert page.model.data(page.model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole) is not None


def test_f5_reaches_every_page_with_what_another_desk_wrote(qtbot, admin: Context, campaign: str) -> None:
    """Applications, tickets, staff and the audit log written outside the window: F5 shows each on its page."""
    window = shown_window(qtbot, admin)
    applications, tickets_page = window.page(ApplicationsPage), window.page(TicketsPage)
    printing, admin_page = window.page(PrintPage), window.page(AdminPage)
    assert applications is not None and tickets_page is not None and printing is not None and admin_page is not None
    assert admin_page.audit_panel is not None
    window.show_page(AdminPage)
    admin_page.tabs.setCurrentWidget(admin_page.audit_panel)  # the audit tab reads the log once shown
    tickets_page.queue.setCurrentIndex(tickets_page.queue.findData("all"))
    qtbot.waitUntil(operations.idle)  # every list counted in the background
    before = (applications.model.rowCount(), tickets_page.model.rowCount(), printing.applications.count(),
              admin_page.staff_table.rowCount(), admin_page.audit_panel.model.rowCount())
    other = make_staff(admin, "C003", "clerk", "客服热线")
    enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="财务部", name="王五", id_number=valid_id("13098119800101123"), msisdn="13812345679"),
        plan="group8",
    ))
    t.open_ticket(other, t.TicketInput(category="complaint", channel="face", window="hotline", customer_name="赵六",
                                       customer_number="13800138001", content="宽带时断时续"))
    press_f5(qtbot, window)
    qtbot.waitUntil(operations.idle)
    after = (applications.model.rowCount(), tickets_page.model.rowCount(), printing.applications.count(),
             admin_page.staff_table.rowCount(), admin_page.audit_panel.model.rowCount())
    assert after[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)  # the list, the queue, the Print page's ticks
    assert after[3] == before[3] + 1 and after[4] > before[4]  # the colleague added, the log entries written


def test_f5_announces_everything_once(qtbot, admin: Context, heard: list[tuple[Changes, object]]) -> None:
    window = shown_window(qtbot, admin)
    press_f5(qtbot, window)
    assert heard == [(EVERYTHING, None)] and EVERYTHING.everything


def test_a_search_answers_off_the_gui_thread_and_a_stale_answer_is_dropped(qtbot, admin: Context) -> None:
    clerk = make_staff(admin, "C004", "clerk", "客服热线")
    for content in ("家里信号很差", "上月话费多扣了20元"):
        t.open_ticket(clerk, t.TicketInput(category="complaint", channel="face", window="hotline", customer_name="李明",
                                           customer_number="13800138000", content=content))
    page = TicketsPage(clerk)
    qtbot.addWidget(page)
    page.show()
    page.queue.setCurrentIndex(page.queue.findData("all"))
    page.search.setText("信号")
    page.apply_filters()
    assert page.cursor().shape() == Qt.CursorShape.BusyCursor and not operations.idle()
    page.search.clear()  # the clerk cleared it before the answer came
    page.apply_filters()
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 2 and not page.model.is_search()  # the queue, not the late hits
    page.search.setText("信号")
    page.apply_filters()
    qtbot.waitUntil(operations.idle)
    assert page.model.rowCount() == 1 and page.count_label.text() == "1 found"
