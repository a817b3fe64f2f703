"""The Print page: pick a document, generate it off the GUI thread, look at it, print or save it.

Generating a thousand forms takes seconds, so it runs as an :class:`Operation` with the page's own
progress bar and Cancel; the PDF goes to a private temporary folder and is only copied where the
person chooses with "Save as PDF…", so a cancelled or refused job never leaves a file anywhere.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from kaccount_desk.documents.notice import shown_fields, stored_fields
from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.services import application_list, campaigns, id_privacy, printing
from kaccount_desk.services.application_list import ApplicationQuery, ApplicationRow
from kaccount_desk.services.changes import Changes
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.file_names import file_name
from kaccount_desk.ui.messages import error_text, show_error
from kaccount_desk.ui.operations import announce, change_hub, run_change, run_query
from kaccount_desk.ui.printing.documents import (
    DOCUMENTS,
    FULL_ID_CHOICE,
    SELECTABLE,
    TICKET_DOCUMENTS,
    Choices,
    Job,
    document_job,
)
from kaccount_desk.ui.printing.hand_over import print_with_dialog, save_copy
from kaccount_desk.ui.printing.pdf_pages import PdfPages
from kaccount_desk.ui.printing.preview import Preview
from kaccount_desk.ui.qt import QtCore, QtWidgets, Slot
from kaccount_desk.ui.workers import Operation, report_failure

LIST_LIMIT = 500


class PrintPage(QtWidgets.QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        change_hub().changed.connect(self.apply_changes)  # every change, wherever made, reaches this page
        self.code: str | None = None
        self.operation: Operation | None = None
        self.generated: Path | None = None
        self._folder = tempfile.TemporaryDirectory(prefix="kad-print-")
        self.document = QtWidgets.QComboBox()
        for key, title in DOCUMENTS:
            self.document.addItem(QtCore.QCoreApplication.translate("PrintPage", title), key)
        self.department = QtWidgets.QComboBox()
        self.selected_only = QtWidgets.QCheckBox(self.tr("Only the applications ticked below"))
        # IDs are masked on paper by default; full numbers are a separate choice, offered only to
        # staff with the right, and recorded by the service.
        self.full_ids = QtWidgets.QCheckBox(self.tr("Full ID numbers (recorded)"))
        if not id_privacy.may_show_full_ids(ctx):
            self.full_ids.hide()  # only ever hidden before it has a parent: shown, it would flash up as a window
        self.applications = QtWidgets.QListWidget()
        self.template = QtWidgets.QPlainTextEdit()
        self._campaign_title = ""
        self._suggested_name = "document.pdf"
        self._print_when_ready = False  # a ticket's paper asked for from the Tickets page
        self._ticket_paper = ""  # which one ("受理回执 20261202-0001"), said beside the result: the list shows campaign documents
        self._saved_template = ""  # the notice text as the store holds it, to tell what was typed since
        # Bumped by every change of document or options: a job started under other choices is not shown.
        self._choices = 0
        self._job_choices = 0
        self.placeholders = QtWidgets.QLabel()
        self.placeholders.setWordWrap(True)
        self.save_template = QtWidgets.QPushButton(self.tr("Save notice text"))
        self.generate = QtWidgets.QPushButton(self.tr("Generate"))
        self.cancel = QtWidgets.QPushButton(self.tr("Cancel"))
        self.progress = QtWidgets.QProgressBar()
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)  # a long refusal wraps under the choices instead of widening them
        self.preview = Preview()
        self.print_button = QtWidgets.QPushButton(self.tr("Print…"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save as PDF…"))
        self._layout()
        self.document.currentIndexChanged.connect(self._document_changed)
        self.selected_only.toggled.connect(self.applications.setEnabled)
        self.department.currentIndexChanged.connect(self._fill_applications)
        for changed in (self.document.currentIndexChanged, self.department.currentIndexChanged, self.full_ids.toggled,
                        self.selected_only.toggled, self.applications.itemChanged, self.template.textChanged):
            changed.connect(self._choices_changed)
        self.save_template.clicked.connect(self.save_notice_text)
        self.generate.clicked.connect(self.start)
        self.cancel.clicked.connect(self.stop)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_as)
        self._idle()
        self._document_changed()

    def _layout(self) -> None:
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Document"), self.document)
        form.addRow(self.tr("Department"), self.department)
        left = QtWidgets.QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.full_ids)
        left.addWidget(self.selected_only)
        left.addWidget(self.applications, 2)
        self.template_box = QtWidgets.QGroupBox(self.tr("Notice text"))
        box = QtWidgets.QVBoxLayout(self.template_box)
        box.addWidget(self.template)
        box.addWidget(self.placeholders)
        box.addWidget(self.save_template, 0, QtCore.Qt.AlignmentFlag.AlignRight)
        left.addWidget(self.template_box, 3)
        run = QtWidgets.QHBoxLayout()
        run.addWidget(self.generate)
        run.addWidget(self.progress, 1)
        run.addWidget(self.cancel)
        left.addLayout(run)
        left.addWidget(self.status)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(self.preview, 1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        outer = QtWidgets.QHBoxLayout(self)
        outer.addLayout(left, 2)
        outer.addLayout(right, 3)

    def set_campaign(self, code: str | None) -> None:
        """Called by the main window whenever the campaign in use changes; its departments and notice are read off the GUI thread."""
        self.code = code
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItem(self.tr("All departments"), None)
        self.department.blockSignals(False)
        self._choices_changed()  # another campaign's document is not this one's
        self.placeholders.setText(
            self.tr("Fields filled in from the campaign: %1").replace("%1", " ".join(f"【{zh}】" for _, zh in printing.NOTICE_PLACEHOLDERS))
        )
        if not code:
            self._fill_applications()
            return
        ctx, typed = self.ctx, self.template.toPlainText()
        run_query(self, lambda: (campaigns.get_campaign(ctx, code), printing.notice_template(ctx, code).text),
                  lambda found: self._show_campaign(code, typed, *found))

    def _show_campaign(self, code: str, typed: str, spec: CampaignSpec, template: str) -> None:
        """Paint what was read, unless another campaign was chosen meanwhile; notice text typed meanwhile stays."""
        if code != self.code:
            return
        self._campaign_title = spec.title
        self.department.blockSignals(True)
        for dept in spec.departments:
            self.department.addItem(dept.name, dept.name)
        if self.kind() == "roster":
            self.department.setCurrentIndex(self._roster_department())
        self.department.blockSignals(False)
        # No change of choices (set_campaign made it when asked): a job started meanwhile, a batch
        # sent from the applications list, is for this campaign and stays.
        self.template.blockSignals(True)
        if self.template.toPlainText() == typed:
            self._show_template(template)
        else:  # kept, and still unsaved: it differs from the stored text
            self._saved_template = shown_fields(template)
        self.template.blockSignals(False)
        self._fill_applications()

    def kind(self) -> str:
        return str(self.document.currentData())

    @Slot()
    def _choices_changed(self) -> None:
        """Another document or other options: the one shown is no longer what would be saved or printed."""
        self._choices += 1
        self._discard()
        if self.operation is None:  # "3 pages ready" and a full bar would speak of the document just cleared
            self.status.clear()
            self.progress.setValue(0)

    def _discard(self) -> None:
        """Clear the preview and take Save and Print away until a document is generated again."""
        self.preview.clear()
        self.generated = None
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    @Slot()
    def _document_changed(self) -> None:
        kind = self.kind()
        if kind == "roster" and not self.department.currentData():
            self.department.setCurrentIndex(self._roster_department())
        self.template_box.setVisible(kind == "notice")
        self.department.setEnabled(kind not in ("notice", "summary"))
        self.selected_only.setEnabled(kind in SELECTABLE)
        self.full_ids.setEnabled(kind in FULL_ID_CHOICE)
        if kind not in FULL_ID_CHOICE:
            self.full_ids.setChecked(False)
        if kind not in SELECTABLE:
            self.selected_only.setChecked(False)
        self.applications.setEnabled(self.selected_only.isChecked())

    def _roster_department(self) -> int:
        """A roster is one department's: the clerk's own if the campaign has it, else the first."""
        own = self.department.findData(self.ctx.actor.department) if self.ctx.actor.department else -1
        return own if own > 0 else min(1, self.department.count() - 1)

    def focus_search(self) -> bool:
        return False

    def refresh(self) -> None:
        """Called by the main window after a roster import, so new applications can be ticked."""
        self._fill_applications()

    @Slot(object, object)
    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Applications saved, moved or imported anywhere (or F5): the list to tick is read again."""
        if changes.applications:
            self._fill_applications()

    @Slot()
    def _fill_applications(self) -> None:
        """The campaign's applications to tick, read off the GUI thread; those ticked stay ticked through F5 or an import."""
        if not self.code:
            self._show_applications(None, [])
            return
        ctx, query = self.ctx, ApplicationQuery(self.code, department=self.department.currentData())
        run_query(self, lambda: application_list.page_applications(ctx, query, 0, LIST_LIMIT),
                  lambda rows: self._show_applications(query, rows))

    def _show_applications(self, query: ApplicationQuery | None, rows: list[ApplicationRow]) -> None:
        """Paint the list unless the campaign or department changed meanwhile (their own read is on its way)."""
        if query is not None and (query.campaign_code, query.department) != (self.code, self.department.currentData()):
            return
        ticked = set(self.checked_ids())  # as ticked now, not when it was asked for
        self.applications.blockSignals(True)  # the same ticks read again are no change of options
        try:
            self._list_applications(rows, ticked)
        finally:
            self.applications.blockSignals(False)

    def _list_applications(self, rows: list[ApplicationRow], ticked: set[int]) -> None:
        self.applications.clear()
        for row in rows:
            item = QtWidgets.QListWidgetItem(f"{row.id}  {row.name}  {row.department}  {row.msisdn or ''}")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Checked if row.id in ticked else QtCore.Qt.CheckState.Unchecked)
            self.applications.addItem(item)

    def take_selection(self, kind: str, ids: list[int]) -> None:
        """Applications picked in the list (a batch): tick exactly them for ``kind`` and generate at once.

        The list shows the first ``LIST_LIMIT`` of the campaign; a picked application beyond them is
        added by its number, so what was picked is what is printed.
        """
        self.document.setCurrentIndex(max(self.document.findData(kind), 0))
        self.department.setCurrentIndex(0)
        self.selected_only.setChecked(True)
        wanted = set(ids)
        for i in range(self.applications.count()):
            item = self.applications.item(i)
            found = int(item.data(QtCore.Qt.ItemDataRole.UserRole))
            item.setCheckState(QtCore.Qt.CheckState.Checked if found in wanted else QtCore.Qt.CheckState.Unchecked)
            wanted.discard(found)
        for missing in sorted(wanted):
            item = QtWidgets.QListWidgetItem(f"{missing}")
            item.setData(QtCore.Qt.ItemDataRole.UserRole, missing)
            item.setFlags(item.flags() | QtCore.Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(QtCore.Qt.CheckState.Checked)
            self.applications.addItem(item)
        self.start()

    def checked_ids(self) -> list[int]:
        items = (self.applications.item(i) for i in range(self.applications.count()))
        return [int(it.data(QtCore.Qt.ItemDataRole.UserRole)) for it in items if it.checkState() == QtCore.Qt.CheckState.Checked]

    def _show_template(self, text: str) -> None:
        """Placeholders as Chinese fields (【营业部】), stored as ${carrier_branch}: see documents/notice.py."""
        self.template.setPlainText(shown_fields(text))
        self._saved_template = self.template.toPlainText()

    @Slot()
    def save_notice_text(self) -> None:
        """Save the notice text off the GUI thread; text typed while it saves stays, still unsaved."""
        if not self.code:
            return
        ctx, code, typed = self.ctx, self.code, self.template.toPlainText()
        # Only the notice's wording changed, which no other view shows: announcing the campaign
        # as changed would make every page take up the campaign again.
        run_change(self, lambda: printing.save_notice_template(ctx, code, stored_fields(typed)), Changes(audit=True),
                   lambda saved: self._notice_saved(code, typed, saved.text))

    def _notice_saved(self, code: str, typed: str, stored: str) -> None:
        if code != self.code:
            return
        if self.template.toPlainText() == typed:
            self._show_template(stored)
        else:
            self._saved_template = shown_fields(stored)
        self.status.setText(self.tr("Notice text saved."))

    def has_unsaved_input(self) -> bool:
        return bool(self.code) and self.template.toPlainText() != self._saved_template

    def unsaved_text(self) -> str:
        return self.tr("The notice text was changed and has not been saved. Save it now?")

    def can_save_input(self) -> bool:
        return True

    def save_input(self) -> bool:
        """Asked by the unsaved-typing question, which needs the answer before the window goes on."""
        if not self.code:
            return False
        try:
            saved = printing.save_notice_template(self.ctx, self.code, stored_fields(self.template.toPlainText()))
        except ServiceError as exc:
            show_error(self, exc)
            return False
        self._notice_saved(self.code, self.template.toPlainText(), saved.text)
        announce(Changes(audit=True), self)
        return True

    def _chosen(self) -> Choices:
        department = self.department.currentData() if self.department.isEnabled() else None
        ids = self.checked_ids() if self.selected_only.isChecked() else None
        return Choices(self.kind(), self.code or "", department, ids, self.full_ids.isChecked() and self.full_ids.isEnabled())

    @Slot()
    def start(self) -> None:
        """Generate the chosen document in a worker thread; the preview shows it when done."""
        if not self.code or self.operation is not None:
            return
        if self.kind() == "roster" and not self.department.currentData():
            self.status.setText(self.tr("Choose a department for its roster."))
            return
        out = Path(self._folder.name) / f"{self.kind()}.pdf"
        department = self.department.currentData() if self.department.isEnabled() else None
        self._suggested_name = file_name(department or self._campaign_title, self.document.currentText(),
                                         day=self.ctx.now().astimezone().date(), suffix=".pdf")
        self._ticket_paper = ""
        self._run(document_job(self.ctx, self._chosen(), out))

    def take_ticket(self, kind: str, ticket_id: int, number: str) -> None:
        """A ticket's receipt or record asked for on the Tickets page: generated at once, then the print dialog.

        The customer is at the counter waiting for the paper, so the person asked to print: the
        preview fills and the print dialog opens, and Save as PDF stays there for a copy.
        """
        if self.operation is not None:
            return
        write, title = TICKET_DOCUMENTS[kind]
        out = Path(self._folder.name) / f"{kind}.pdf"
        shown = QtCore.QCoreApplication.translate("PrintPage", title)
        self._suggested_name = file_name(number, shown, day=self.ctx.now().astimezone().date(), suffix=".pdf")
        ctx = self.ctx
        self._print_when_ready, self._ticket_paper = True, f"{shown} {number}"
        self._run(lambda _progress: write(ctx, ticket_id, out))

    def _run(self, job: Job) -> None:
        self._discard()  # whatever comes of this job, the document shown before it is not what it makes
        self._job_choices = self._choices
        self.operation = Operation(job)
        self.operation.progressed.connect(self._progressed)
        self.operation.finished.connect(self._finished)
        self.operation.failed.connect(self._failed)
        self.generate.setEnabled(False)
        self.cancel.setEnabled(True)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Generating…"))
        self.operation.start()

    @Slot()
    def stop(self) -> None:
        if self.operation is not None:
            self.operation.cancel()

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _finished(self, result: object) -> None:
        assert isinstance(result, printing.Printed)
        if self._job_choices != self._choices:
            self._idle()
            self._print_when_ready = False
            self.status.setText(self.tr("The choices changed while it was being made: press Generate again."))
            return
        self._idle(finished=True)
        self.generated = result.out
        self.preview.show_pdf(PdfPages(result.out))
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        ready = self.tr("%n page(s) ready.", "", result.pages)
        self.status.setText(f"{self._ticket_paper}: {ready}" if self._ticket_paper else ready)
        if self._print_when_ready:
            self._print_when_ready = False
            QtCore.QTimer.singleShot(0, self.print_document)  # after this slot, so the dialog does not block it

    @Slot(object)
    def _failed(self, exc: object) -> None:
        self._idle()
        self._print_when_ready = False
        if isinstance(exc, printing.Cancelled):
            self.status.setText(self.tr("Cancelled; nothing was saved."))
            return
        assert isinstance(exc, BaseException)
        if isinstance(exc, ServiceError):
            self.status.setText(self.tr("Not generated: %1").replace("%1", error_text(exc)))
        else:
            self.status.setText(self.tr("Not generated."))
        report_failure(self, exc)

    def _idle(self, finished: bool = False) -> None:
        """Ready for the next job; a full bar says the last one is done, an empty one that it is not."""
        self.operation = None
        self.generate.setEnabled(True)
        self.cancel.setEnabled(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1 if finished else 0)
        self.print_button.setEnabled(self.generated is not None)
        self.save_button.setEnabled(self.generated is not None)

    @Slot()
    def print_document(self) -> None:
        """Print the document the preview holds open, so what is printed is what was seen."""
        pages = self.preview.pages
        if pages is None:  # Ctrl+P before anything was generated: say what to do rather than nothing at all
            self.status.setText(self.tr("Nothing to print yet: choose a document and press Generate."))
            return
        said = print_with_dialog(self, pages, self._suggested_name)
        if said is not None:
            self.status.setText(said)

    @Slot()
    def save_as(self) -> None:
        """Save the document the preview shows, under the name of what it is."""
        pages = self.preview.pages
        if pages is None:
            return
        said = save_copy(self, pages, self._suggested_name)
        if said is not None:
            self.status.setText(said)
