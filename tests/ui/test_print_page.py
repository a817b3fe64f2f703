"""The Print page through its widgets: generate in the worker, preview, cancel, print to a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from qt_dialogs import answer_file_dialog
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services import enrollment, printing
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused
from kaccount_desk.ui import operations
from kaccount_desk.ui.printing.pdf_pages import PdfPages, print_pages
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import QtCore, QtPrintSupport, QtWidgets

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def page(qtbot, admin: Context, campaign: str) -> PrintPage:
    for i, dept in enumerate(["铸造事业部", "财务部", "财务部"]):
        enrollment.save_application(
            admin,
            ApplicationInput(
                campaign,
                IntakeFields(department=dept, name=f"员工{i}", id_number=valid_id(f"1309811978010112{i}"), number_source="pool",
                             msisdn=f"1883275880{i}"),
                plan="group8",
            ),
        )
    widget = PrintPage(admin)
    qtbot.addWidget(widget)
    widget.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)
    widget.resize(1200, 760)
    return widget


def choose(page: PrintPage, kind: str) -> None:
    page.document.setCurrentIndex(page.document.findData(kind))


def generate(qtbot, page: PrintPage) -> None:
    qtbot.waitUntil(operations.idle)  # the list of applications, read again for the department chosen
    page.generate.click()
    assert page.operation is not None
    qtbot.waitUntil(lambda: page.operation is None, timeout=20000)


def test_notice_and_selected_forms_are_generated_off_the_gui_thread(qtbot, page: PrintPage, tmp_path: Path) -> None:
    choose(page, "notice")
    assert page.template_box.isVisibleTo(page) and "【截止时间】" in page.template.toPlainText()
    assert "$" not in page.template.toPlainText() and "【营业部】" in page.placeholders.text()  # fields, not ${carrier_branch}
    generate(qtbot, page)
    assert page.preview.pages is not None and page.preview.pages.page_count() == 1
    assert page.preview.document() is page.preview.pages.document
    choose(page, "forms")
    assert not page.template_box.isVisibleTo(page)
    page.department.setCurrentIndex(page.department.findData("财务部"))
    qtbot.waitUntil(operations.idle)
    assert page.applications.count() == 2
    page.selected_only.setChecked(True)
    page.applications.item(0).setCheckState(QtCore.Qt.CheckState.Checked)
    generate(qtbot, page)
    assert page.preview.pages is not None and page.preview.pages.page_count() == 1
    assert "1 page" in page.status.text() and page.progress.value() == page.progress.maximum()
    printer = QtPrintSupport.QPrinter()
    printer.setOutputFormat(QtPrintSupport.QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(72)
    print_pages(PdfPages(page.generated), printer)
    assert PdfPages(tmp_path / "printed.pdf").page_count() == 1
    assert page.grab().save(str(tmp_path / "print.png")) and (tmp_path / "print.png").stat().st_size > 0


def test_cancel_stops_and_leaves_no_file(qtbot, page: PrintPage, applications) -> None:
    """A job (forms for 300 applications) cancelled by its button as soon as it starts: the work stops at
    its first progress call, with a form made, and leaves nothing. (Waiting for the first progress
    before cancelling raced the job: 300 forms take 20 ms on a quiet machine, and were all done.)"""
    applications(300)
    page.refresh()
    choose(page, "forms")
    page.generate.click()
    assert page.cancel.isEnabled()
    page.cancel.click()
    qtbot.waitUntil(lambda: page.operation is None, timeout=20000)
    assert "Cancelled" in page.status.text() and page.progress.value() < page.progress.maximum()
    assert page.generated is None and list(Path(page._folder.name).iterdir()) == []


def test_notice_text_is_saved_through_the_service(qtbot, page: PrintPage, admin: Context, campaign: str) -> None:
    choose(page, "notice")
    page.template.setPlainText("请于${deadline}前交${contact}。")
    page.save_template.click()
    qtbot.waitUntil(operations.idle)
    assert "saved" in page.status.text()
    assert printing.notice_template(admin, campaign).text == "请于${deadline}前交${contact}。"
    page.template.selectAll()
    qtbot.keyClicks(page.template, "Ask ")  # QTest types ASCII only; the field name is pasted as a clerk would
    page.template.insertPlainText("【营业部】")
    page.save_template.click()
    qtbot.waitUntil(operations.idle)
    assert printing.notice_template(admin, campaign).text == "Ask ${carrier_branch}"
    assert page.template.toPlainText() == "Ask 【营业部】" and not page.has_unsaved_input()


def test_a_clerk_asking_for_the_summary_is_told_why_and_no_file_is_left(
    qtbot, admin: Context, campaign: str, message_boxes: list[tuple[str, str]]
) -> None:
    clerk = make_staff(admin, "K001", "clerk", "财务部")
    page = PrintPage(clerk)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)
    choose(page, "summary")
    generate(qtbot, page)
    assert "may not do this" in page.status.text() and "K001" in page.status.text()
    assert message_boxes and message_boxes[0][0] == "warning" and "may not do this" in message_boxes[0][1]
    assert page.generated is None and not page.print_button.isEnabled()
    assert list(Path(page._folder.name).iterdir()) == []


def test_full_ids_are_a_separate_choice_offered_only_with_the_right(qtbot, page: PrintPage, admin: Context, campaign: str) -> None:
    from pypdf import PdfReader

    number = valid_id("13098119780101120")
    choose(page, "forms")
    assert page.full_ids.isVisibleTo(page) and page.full_ids.isEnabled() and not page.full_ids.isChecked()
    generate(qtbot, page)
    assert page.generated is not None
    masked = " ".join(p.extract_text() for p in PdfReader(page.generated).pages)
    assert number not in masked and number[-4:] in masked
    page.full_ids.setChecked(True)
    generate(qtbot, page)
    assert number in " ".join(p.extract_text() for p in PdfReader(page.generated).pages)
    choose(page, "notice")
    assert not page.full_ids.isEnabled() and not page.full_ids.isChecked()
    clerk = PrintPage(make_staff(admin, "C009", "clerk"))
    qtbot.addWidget(clerk)
    assert not clerk.full_ids.isVisibleTo(clerk)


def test_save_as_suggests_a_chinese_name_and_remembers_the_folder(qtbot, qapp, admin: Context, campaign: str, tmp_path: Path) -> None:
    from kaccount_desk.ui.i18n import install_translations

    install_translations(qapp, "zh")
    enrollment.save_application(admin, ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="员工", id_number=valid_id("13098119780101120"), number_source="pool",
                     msisdn="18832758800"),
        plan="group8",
    ))
    widget = PrintPage(admin)
    qtbot.addWidget(widget)
    widget.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)
    folder, seen = tmp_path / "归档", []
    folder.mkdir()
    day = admin.now().astimezone().date().isoformat()
    choose(widget, "forms")
    widget.department.setCurrentIndex(widget.department.findData("铸造事业部"))
    generate(qtbot, widget)
    answer_file_dialog(folder / f"铸造事业部_申请表_{day}.pdf", seen)
    widget.save_as()
    assert seen[0][1] == f"铸造事业部_申请表_{day}.pdf"
    assert (folder / seen[0][1]).is_file()
    choose(widget, "notice")
    generate(qtbot, widget)
    answer_file_dialog(None, seen)
    widget.save_as()  # the second dialog opens where the first file went, named after the campaign
    assert seen[1][0] == str(folder) and seen[1][1].endswith(f"_通知_{day}.pdf")


def test_printing_through_qts_print_dialog_to_a_pdf_file(qtbot, page: PrintPage, tmp_path: Path) -> None:
    """The dialog a clerk sees: the job carries the document's own name (the queue shows it, and on X11 the dialog
    offers it as the file name), and the file it writes is the previewed document."""
    choose(page, "forms")
    generate(qtbot, page)
    target, offered = tmp_path / "printed.pdf", []

    def print_to_file() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, QtPrintSupport.QPrintDialog)
        printers = dialog.findChild(QtWidgets.QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # "Print to File (PDF)", last whatever printers exist
        name = dialog.findChild(QtWidgets.QLineEdit, "filename")
        offered.append(dialog.printer().docName())
        name.setText(str(target))
        dialog.accept()

    QtCore.QTimer.singleShot(0, print_to_file)
    page.print_document()
    assert offered == [page._suggested_name] and "Application-forms" in offered[0], "the job is named for what it is"
    assert PdfPages(target).page_count() == page.preview.pages.page_count() == 3
    assert page.status.text() == f"Printed to {target}."


def test_print_before_generate_says_what_to_do(qtbot, page: PrintPage) -> None:
    """Seen in a real window: Ctrl+P on the Print page with nothing generated did nothing at all."""
    page.print_document()
    assert "press Generate" in page.status.text()


def test_ticks_stay_through_a_refresh_that_brings_a_new_application(qtbot, page: PrintPage, admin: Context, campaign: str) -> None:
    """F5 or an import re-reads the list; the applications ticked for printing were lost with it."""
    choose(page, "forms")
    page.applications.item(1).setCheckState(QtCore.Qt.CheckState.Checked)
    ticked = page.checked_ids()
    enrollment.save_application(admin, ApplicationInput(
        campaign,
        IntakeFields(department="财务部", name="新来的", id_number=valid_id("13098119800101123"), number_source="pool",
                     msisdn="18832758809"),
        plan="group8",
    ))
    page.refresh()
    qtbot.waitUntil(operations.idle)
    assert page.applications.count() == 4
    assert page.checked_ids() == ticked


def _nothing_to_hand_over(page: PrintPage) -> None:
    """No document shown, and neither Save nor Print offered: what is saved or printed is only ever what was shown."""
    assert page.preview.pages is None and page.preview.document().pageCount() == 0 and page.generated is None
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()


def test_a_failed_document_leaves_nothing_to_save_under_its_name(
    qtbot, page: PrintPage, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    """Seen at the counter: forms generated, then the summary refused, and Save wrote the forms as 报移动公司汇总表."""
    choose(page, "forms")
    generate(qtbot, page)
    assert page.save_button.isEnabled() and page.preview.pages is not None
    choose(page, "summary")
    _nothing_to_hand_over(page)
    generate(qtbot, page)  # the three applications are drafts: the summary refuses
    assert page.status.text().startswith("Not generated")
    _nothing_to_hand_over(page)
    seen: list[tuple[str, str]] = []
    answer_file_dialog(tmp_path / "summary.pdf", seen)
    page.save_as()
    page.print_document()
    assert seen == [] and not (tmp_path / "summary.pdf").exists()
    assert "press Generate" in page.status.text()
    QtWidgets.QApplication.processEvents()
    for widget in QtWidgets.QApplication.topLevelWidgets():  # the dialog nobody should have opened
        if isinstance(widget, QtWidgets.QFileDialog) and widget.isVisible():
            widget.reject()


@pytest.mark.parametrize("change", ["department", "full ids", "tick", "only ticked", "notice text"])
def test_any_change_of_options_clears_the_document_shown(qtbot, page: PrintPage, change: str) -> None:
    choose(page, "notice" if change == "notice text" else "forms")
    generate(qtbot, page)
    assert page.save_button.isEnabled()
    if change == "department":
        page.department.setCurrentIndex(page.department.findData("财务部"))
    elif change == "full ids":
        page.full_ids.setChecked(True)
    elif change == "tick":
        page.applications.item(0).setCheckState(QtCore.Qt.CheckState.Checked)
    elif change == "only ticked":
        page.selected_only.setChecked(True)
    else:
        page.template.appendPlainText("另附。")
    _nothing_to_hand_over(page)
    assert page.status.text() == "" and page.progress.value() == 0  # no "1 page ready" beside an empty preview


def test_options_changed_while_generating_are_not_shown_the_old_result(qtbot, page: PrintPage) -> None:
    """The job started for every department; the clerk chose 财务部 before it finished: its result is not 财务部's."""
    choose(page, "forms")
    page.generate.click()
    page.department.setCurrentIndex(page.department.findData("财务部"))
    qtbot.waitUntil(lambda: page.operation is None, timeout=20000)
    _nothing_to_hand_over(page)
    assert "Generate again" in page.status.text()
    generate(qtbot, page)
    assert page.preview.pages is not None and page.preview.pages.page_count() == 2


def test_the_department_roster_starts_on_a_department_it_accepts(qtbot, page: PrintPage) -> None:
    """部门名单 defaulted to 全部部门 and then refused it."""
    choose(page, "roster")
    assert page.department.currentData() == "铸造事业部"
    generate(qtbot, page)
    assert page.preview.pages is not None and page.save_button.isEnabled()


def test_an_empty_summary_names_the_statuses_it_lists(qtbot, page: PrintPage, message_boxes: list[tuple[str, str]]) -> None:
    choose(page, "summary")
    generate(qtbot, page)
    for status in ("Submitted", "Sent to carrier", "Activated"):
        assert status in page.status.text()


def test_a_long_error_wraps_instead_of_widening_the_choices(qtbot, page: PrintPage, message_boxes: list[tuple[str, str]]) -> None:
    page.resize(1366, 728)
    page.show()
    qtbot.waitExposed(page)
    before = page.document.width()
    page._failed(Refused(Reason("print.test", "很长的原因" * 40, "a very long reason " * 30)))
    QtWidgets.QApplication.processEvents()
    assert page.document.width() == before and page.status.width() <= page.width() // 2


def test_a_campaign_read_after_the_choice_moved_on_is_not_painted(qtbot, admin: Context, campaign: str) -> None:
    """The campaign's departments, notice and applications are read off the GUI thread: an answer for a
    campaign no longer chosen is dropped, and notice text typed while it was read is kept, unsaved."""
    page = PrintPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    assert page.cursor().shape() == QtCore.Qt.CursorShape.BusyCursor
    page.set_campaign(None)
    qtbot.waitUntil(operations.idle)
    assert page.department.count() == 1 and page.template.toPlainText() == "" and page.applications.count() == 0
    page.set_campaign(campaign)
    page.template.setPlainText("已经开始打字")
    qtbot.waitUntil(operations.idle)
    assert page.department.count() > 1 and page.template.toPlainText() == "已经开始打字" and page.has_unsaved_input()
