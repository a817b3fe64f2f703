"""What the office clerk's journey at a 1366×768 counter screen found (issue 14), driven with keys and clicks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from support import make_staff
from typing_input import commit

from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.applications_model import ApplicationsModel
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.roster_dialogs import ImportRosterDialog
from kaccount_desk.ui.first_run import FirstRunWizard
from kaccount_desk.ui.i18n import install_translations
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets
from kaccount_desk.ui.settings import Settings


@pytest.fixture(autouse=True)
def chinese(qapp: QtWidgets.QApplication, english: None) -> None:
    set_current_lang("zh")


def settle(qtbot) -> None:
    """Wait until every store call has answered and no intake form has a preview due."""
    qtbot.waitUntil(lambda: operations.idle() and all(
        w.preview_settled for w in QtWidgets.QApplication.allWidgets() if isinstance(w, IntakeForm)))


def at_the_counter(qtbot, ctx: Context) -> tuple[MainWindow, ApplicationsPage | None]:
    """The main window shown at the counter PC's size (1366×768 less the taskbar), and its Enrollment page."""
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 728)
    settle(qtbot)
    return window, window.page(ApplicationsPage)


@pytest.fixture
def form(qtbot, office: Context, campaign: str) -> IntakeForm:
    form = IntakeForm(office, campaign)
    qtbot.addWidget(form)
    form.resize(1000, 700)
    form.show()
    qtbot.waitExposed(form)
    settle(qtbot)
    return form


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform, for the completion popup
def test_enter_in_the_department_list_takes_the_only_department_that_matches(qtbot, form: IntakeForm) -> None:
    commit(form.dept_line, "机加工")
    popup = form.dept_combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.wait(20)  # the list points at its only row once the completer has filled it
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.dept_combo.currentText() == "机加工事业部"
    assert not form.notes["dept"].text()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_leaving_the_department_field_completes_a_unique_fragment_and_keeps_an_ambiguous_one(qtbot, form: IntakeForm) -> None:
    commit(form.dept_line, "财务")
    form.dept_combo.completer().popup().hide()
    qtbot.keyClick(form.dept_line, Qt.Key.Key_Tab)
    assert form.dept_combo.currentText() == "财务部"
    assert not form.notes["dept"].text()
    form.dept_line.clear()
    commit(form.dept_line, "事业部")  # four business units: the clerk must choose
    form.dept_combo.completer().popup().hide()
    qtbot.keyClick(form.dept_line, Qt.Key.Key_Tab)
    assert form.dept_combo.currentText() == "事业部"


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_refusal_does_not_narrow_the_form_under_the_pointer(qtbot, qapp, office: Context, campaign: str) -> None:
    """At 1366×728 a refused save adds a banner and notes; the form's scroll bar must not appear then and shift every field."""
    install_translations(qapp, "zh")
    window, page = at_the_counter(qtbot, office)
    assert page is not None and page.form is not None
    form = page.form
    qtbot.wait(100)
    before = form.copies.mapTo(window, QtCore.QPoint(0, 0)), form.copies.width()
    commit(form.dept_line, "机加")
    form.dept_combo.completer().popup().hide()
    commit(form.name_edit, "陈静")
    form.id_edit.setFocus()
    qtbot.keyClicks(form.id_edit, "130981199502280046")  # a wrong check digit
    qtbot.keyClick(form.id_edit, Qt.Key.Key_Return)
    qtbot.mouseClick(form.workflow.buttons["submitted"], Qt.MouseButton.LeftButton)
    settle(qtbot)
    qtbot.wait(100)
    assert form.banner.isVisible()
    assert (form.copies.mapTo(window, QtCore.QPoint(0, 0)), form.copies.width()) == before


def test_office_staff_import_names_the_department_from_the_file_not_their_own(qtbot, office: Context, campaign: str,
                                                                              tmp_path) -> None:
    """Office staff (公司(党委)办公室) import other departments' sheets: their own is no default for a sheet without 部门."""
    dialog = ImportRosterDialog(office, campaign)
    qtbot.addWidget(dialog)
    settle(qtbot)  # the campaign's departments
    assert dialog.department.currentData() == "", "the office's own department was preselected"
    dialog.path.setFocus()
    qtbot.keyClicks(dialog.path, str(tmp_path / "a.xlsx"))
    assert dialog.department.currentData() == ""
    dialog.path.clear()
    commit(dialog.path, str(tmp_path / "铸造事业部名单.xlsx"))
    assert dialog.department.currentData() == "铸造事业部"


def test_a_collector_imports_into_their_own_department_whatever_the_file_is_called(qtbot, admin: Context, campaign: str,
                                                                                   tmp_path) -> None:
    collector = make_staff(admin, "S009", "collector", "机加工事业部")
    dialog = ImportRosterDialog(collector, campaign)
    qtbot.addWidget(dialog)
    settle(qtbot)
    assert dialog.department.currentData() == "机加工事业部"
    commit(dialog.path, str(tmp_path / "铸造事业部名单.xlsx"))
    assert dialog.department.currentData() == "机加工事业部"


def _mnemonics(widget: QtWidgets.QWidget) -> list[str]:
    """The Alt letters of the visible buttons and buddy labels under ``widget`` ("下一步(&N)" and "&Next >" give N)."""
    found = []
    for child in widget.findChildren(QtWidgets.QWidget):
        if not child.isVisible():
            continue
        if isinstance(child, QtWidgets.QAbstractButton) or (isinstance(child, QtWidgets.QLabel) and child.buddy() is not None):
            text = child.text().replace("&&", "")
            if "&" in text:
                found.append(text[text.index("&") + 1].upper())
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_two_alt_letters_meet_on_a_page_of_the_first_run_wizard(qtbot, qapp, lang: str) -> None:
    """Alt+N on the organisation page went to the 名称(N) field instead of 下一步(N) (seen at the real first start)."""
    install_translations(qapp, lang)
    wizard = FirstRunWizard(Settings())
    qtbot.addWidget(wizard)
    wizard.show()
    clashes = []
    for page in (wizard.store_page, wizard.organisation_page, wizard.admin_page, wizard.start_page):
        letters = _mnemonics(wizard)
        clashes += [f"{type(page).__name__}: Alt+{letter}" for letter in set(letters) if letters.count(letter) > 1]
        wizard.organisation_page.name.setText("泊头铸造有限公司")
        for edit in (wizard.admin_page.staff_no, wizard.admin_page.name):
            edit.setText("A001")
        for edit in (wizard.admin_page.password, wizard.admin_page.repeat):
            edit.setText("Botou#2012x")
        if page is not wizard.start_page:
            wizard.next()
    assert not clashes



@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_two_alt_letters_meet_on_the_enrollment_page(qtbot, qapp, lang: str, office: Context, campaign: str, clock) -> None:
    """With the menu bar (文件(F) 查看(V) 帮助(H)) and a late campaign's reason field: 选号(H) met Help, 放弃修改(R) met 逾期接收原因(R)."""
    clock.advance(days=3)  # past the deadline: the late acceptance reason shows
    install_translations(qapp, lang)
    window, page = at_the_counter(qtbot, office)
    assert page is not None and page.form is not None and page.form.late_edit.isVisible()
    page.form.new_radio.setChecked(True)  # the Choose button is enabled
    menus = [action.text() for action in window.menuBar().actions()]
    letters = _mnemonics(window) + [text[text.index("&") + 1].upper() for text in menus if "&" in text]
    assert not sorted({letter for letter in letters if letters.count(letter) > 1})


def test_the_lists_cut_plan_and_status_read_whole_in_their_tooltip(qtbot, office: Context, campaign: str,
                                                                   applications: Callable[[int], None]) -> None:
    """At 1366 px the list shows '集团资费(神州行集…' and 'Sent to …': hovering a cell gives the whole text."""
    applications(1)
    model = ApplicationsModel(office, ApplicationQuery(campaign))
    qtbot.waitUntil(operations.idle)  # counted in the background
    model.index(0, 0).data()  # asks for the page
    qtbot.waitUntil(operations.idle)
    for column in (5, 7):  # plan, status
        index = model.index(0, column)
        assert index.data(Qt.ItemDataRole.ToolTipRole) == index.data() and index.data()


def test_ctrl_n_in_the_list_starts_the_next_application(qtbot, qapp, office: Context, campaign: str,
                                                      applications: Callable[[int], None]) -> None:
    """A clerk clicked a row in the list, then Ctrl+N: nothing happened (the shortcut needed the focus in the form)."""
    applications(2)
    window, page = at_the_counter(qtbot, office)
    assert page is not None and page.form is not None
    qtbot.waitUntil(lambda: operations.idle() and page.model.application_id(0) is not None)  # counted and read in the background
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the current row in the form
    settle(qtbot)
    assert page.form.application_id is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert page.form.application_id is None and page.form.name_edit.hasFocus()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_import_dialog_has_alt_letters_and_no_two_meet(qtbot, qapp, lang: str, office: Context, campaign: str) -> None:
    """Its labels and buttons had none: a clerk with the sheet's path typed had to reach for the mouse."""
    install_translations(qapp, lang)
    dialog = ImportRosterDialog(office, campaign)
    qtbot.addWidget(dialog)
    dialog.show()
    letters = _mnemonics(dialog)
    assert len(letters) >= 4 and sorted(set(letters)) == sorted(letters), letters
