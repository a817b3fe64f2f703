"""The clerk's moves the GUI soak chooses from: each one a generator yielding the pause before its next step.

Moves reach widgets the way the tests do (attributes of the pages), and act through the same
signals a mouse or keyboard would fire: a key typed into a search box, a scroll bar paged, a row
selected, a combo changed, a menu action triggered. :data:`ACTIONS` maps a name to (weight, move).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from PySide6.QtTest import QTest

from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.admin.campaign_editor import CampaignEditor
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage

Move = Callable[[MainWindow, random.Random], Iterator[int]]

TICKET_TERMS = ("话费", "信号很差", "客户", "大客户服务", "亲情号码", "1380", "13912345", "基站", "宽带", "费", "套餐变更",
                "\"话费\"", "话费 OR 信号", "*", "NEAR(信号)", "%_", "abc", "客户9", "联系电话13")
APPLICATION_TERMS = ("张伟", "张", "1883275", "0101", "芳1", "X", "%", "李娜", "18840001")


def _show(window: MainWindow, kind: type[QtWidgets.QWidget]) -> QtWidgets.QWidget | None:
    page = window.page(kind)
    if page is not None:
        window.nav.setCurrentRow(window.stack.indexOf(page))
    return page


def _tickets(window: MainWindow) -> TicketsPage:
    page = _show(window, TicketsPage)
    assert isinstance(page, TicketsPage)
    page.tabs.setCurrentIndex(0)
    return page


def _applications(window: MainWindow) -> ApplicationsPage:
    page = _show(window, ApplicationsPage)
    assert isinstance(page, ApplicationsPage)
    return page


def _scroll(view: QtWidgets.QAbstractItemView, rng: random.Random) -> Iterator[int]:
    """Page down a while, jump to the end (a lazy list fetches more there), and come back to the top."""
    bar = view.verticalScrollBar()
    for _ in range(rng.randint(3, 40)):
        bar.triggerAction(QtWidgets.QAbstractSlider.SliderAction.SliderPageStepAdd)
        yield rng.randint(5, 40)
    for _ in range(rng.randint(1, 4)):
        view.scrollToBottom()
        yield rng.randint(20, 120)
    for _ in range(rng.randint(1, 10)):
        bar.triggerAction(QtWidgets.QAbstractSlider.SliderAction.SliderPageStepSub)
        yield rng.randint(5, 40)
    view.scrollToTop()
    yield 50


def _key(edit: QtWidgets.QLineEdit, letter: str) -> None:
    """A key for ASCII; a Chinese character arrives as an input method commits it (QTest cannot type it)."""
    if letter.isascii():
        QTest.keyClicks(edit, letter)
        return
    event = QtGui.QInputMethodEvent()
    event.setCommitString(letter)
    QtWidgets.QApplication.sendEvent(edit, event)


def _type(edit: QtWidgets.QLineEdit, text: str, rng: random.Random) -> Iterator[int]:
    """Letter by letter, sometimes faster and sometimes slower than the search waits for."""
    for letter in text:
        _key(edit, letter)
        yield rng.choice((40, 90, 150, 350))
    yield 450


def _erase(edit: QtWidgets.QLineEdit, rng: random.Random) -> Iterator[int]:
    if rng.random() < 0.5:
        edit.clear()
        yield 400
        return
    while edit.text():
        QTest.keyClick(edit, Qt.Key.Key_Backspace)
        yield rng.choice((40, 120, 350))
    yield 400


def switch_page(window: MainWindow, rng: random.Random) -> Iterator[int]:
    window.nav.setCurrentRow(rng.randrange(window.nav.count()))
    yield 300


def ticket_queue(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    if page.search.text():
        yield from _erase(page.search, rng)
    page.queue.setCurrentIndex(rng.randrange(page.queue.count()))
    yield 200
    yield from _scroll(page.table, rng)


def ticket_filters(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    combos: list[QtWidgets.QComboBox] = [page.category, page.status, page.channel, page.window_combo]
    if rng.random() < 0.3:
        for combo in combos:
            combo.setCurrentIndex(0)
            yield 60
    else:
        combo = rng.choice(combos)
        combo.setCurrentIndex(rng.randrange(combo.count()))
        yield 200
    if rng.random() < 0.2:
        page.dated.setChecked(not page.dated.isChecked())
        yield 200
    if rng.random() < 0.3:
        column = rng.choice((1, 7))
        order = rng.choice((Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder))
        page.table.horizontalHeader().setSortIndicator(column, order)
        yield 200
    yield from _scroll(page.table, rng)


def ticket_search(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    if page.search.text():
        yield from _erase(page.search, rng)
    yield from _type(page.search, rng.choice(TICKET_TERMS), rng)
    yield from _open_rows(page.table, rng)
    if rng.random() < 0.6:
        yield from _erase(page.search, rng)


def _open_rows(table: QtWidgets.QTableView, rng: random.Random) -> Iterator[int]:
    rows = table.model().rowCount()
    for _ in range(rng.randint(1, 4) if rows else 0):
        top = max(table.rowAt(0), 0)
        table.selectRow(min(rows - 1, top + rng.randrange(20)))
        yield rng.randint(150, 600)


def open_tickets(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    bar = page.table.verticalScrollBar()
    bar.setValue(rng.randint(0, bar.maximum()))
    yield 100
    yield from _open_rows(page.table, rng)


def new_ticket_form(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    form = page.open_form()
    yield 300
    edits = form.findChildren(QtWidgets.QLineEdit)
    if edits:
        yield from _type(rng.choice(edits), rng.choice(("张先生", "13803170001", "家里信号很差")), rng)
    form.close()
    yield 200


def ticket_reports(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _tickets(window)
    page.tabs.setCurrentIndex(1)
    yield 300
    if rng.random() < 0.5:
        page.reports.compute()
    yield rng.randint(500, 2000)
    page.tabs.setCurrentIndex(0)
    yield 100


def applications(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _applications(window)
    if rng.random() < 0.5:
        combo: QtWidgets.QComboBox = rng.choice((page.department, page.status, page.plan))
        if combo.isEnabled() and combo.count():
            combo.setCurrentIndex(rng.randrange(combo.count()))
            yield 200
    yield from _scroll(page.table, rng)


def application_search(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _applications(window)
    if page.search.text():
        yield from _erase(page.search, rng)
    yield from _type(page.search, rng.choice(APPLICATION_TERMS), rng)
    if rng.random() < 0.6:
        yield from _erase(page.search, rng)


def open_applications(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _applications(window)
    model = page.table.model()
    for _ in range(rng.randint(1, 3) if model.rowCount() else 0):
        index = model.index(rng.randrange(min(model.rowCount(), 200)), 0)
        page.table.setCurrentIndex(index)
        page.table.activated.emit(index)
        yield rng.randint(200, 700)


def intake_typing(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _applications(window)
    if page.form is None:
        return
    edit = rng.choice((page.form.name_edit, page.form.id_edit, page.form.number_edit, page.form.note_edit))
    yield from _type(edit, rng.choice(("王小明", "13098119800101", "130981198001010012", "1883275880", "x")), rng)


def about_dialog(window: MainWindow, rng: random.Random) -> Iterator[int]:
    window.about()
    yield 100


def import_dialog(window: MainWindow, rng: random.Random) -> Iterator[int]:
    window.import_roster()
    yield rng.randint(200, 800)
    for dialog in window.findChildren(ImportRosterDialog):
        if dialog.isVisible():
            dialog.reject()
    yield 100


def export_dialog(window: MainWindow, rng: random.Random) -> Iterator[int]:
    window.export_roster()
    yield 100


def print_page(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _show(window, PrintPage)
    if not isinstance(page, PrintPage):
        return
    for combo in (page.document, page.department):
        if combo.count():
            combo.setCurrentIndex(rng.randrange(combo.count()))
            yield 250
    yield from _scroll(page.applications, rng)


def admin_page(window: MainWindow, rng: random.Random) -> Iterator[int]:
    page = _show(window, AdminPage)
    if not isinstance(page, AdminPage):
        return
    yield 300
    code = window.campaign_code
    page.open_editor(code if rng.random() < 0.7 else None, CampaignEditor.open)
    yield rng.randint(300, 900)
    if page.editor is not None and page.editor.isVisible():
        page.editor.reject()
    yield 200


def language(window: MainWindow, rng: random.Random) -> Iterator[int]:
    for action in window.view_menu.findChildren(type(window.import_action)):
        if action.isCheckable() and not action.isChecked() and action.data():
            action.trigger()
            break
    yield 500


def idle(window: MainWindow, rng: random.Random) -> Iterator[int]:
    yield rng.randint(500, 3000)


ACTIONS: dict[str, tuple[int, Move]] = {
    "switch page": (6, switch_page),
    "tickets: queue and scroll": (10, ticket_queue),
    "tickets: filters, sort and scroll": (8, ticket_filters),
    "tickets: search": (10, ticket_search),
    "tickets: open tickets": (8, open_tickets),
    "tickets: new ticket form": (3, new_ticket_form),
    "tickets: reports": (2, ticket_reports),
    "enrollment: filters and scroll": (6, applications),
    "enrollment: search": (6, application_search),
    "enrollment: open applications": (5, open_applications),
    "enrollment: typing in the form": (3, intake_typing),
    "dialog: about": (2, about_dialog),
    "dialog: import roster": (2, import_dialog),
    "dialog: export roster": (1, export_dialog),
    "print page": (3, print_page),
    "admin page and campaign editor": (2, admin_page),
    "language": (1, language),
    "idle": (3, idle),
}
