"""The Enrollment page (受理): the intake form beside the list of applications and the progress.

The clerk types on the left and watches the list and each department's progress update on the
right; double-click or Enter on a row opens that application in the form.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.roles import Permission, fixed_department
from kaccount_desk.domain.workflow import STATUS_LABELS, Status, status_label
from kaccount_desk.services import batches, campaigns
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.changes import APPLICATIONS_MOVED, Changes
from kaccount_desk.services.context import Context
from kaccount_desk.ui.enrollment.applications_model import APPLICATION_ID_ROLE, ApplicationsModel
from kaccount_desk.ui.enrollment.batch_dialog import BatchResultDialog
from kaccount_desk.ui.enrollment.intake_form import IntakeForm
from kaccount_desk.ui.enrollment.progress_panel import ProgressPanel
from kaccount_desk.ui.enrollment.roster_dialogs import export_roster
from kaccount_desk.ui.fit import FormArea, narrow_combo
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import change_hub, run_change, run_query
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets, Signal, Slot
from kaccount_desk.ui.workers import Operation

if TYPE_CHECKING:
    from kaccount_desk.ui.enrollment.activations_dialog import ActivationsDialog
    from kaccount_desk.ui.enrollment.operator_handover_dialog import OperatorHandoverDialog

D = TypeVar("D", bound=QtWidgets.QDialog)
SEARCH_DELAY_MS = 200
COLUMN_WIDTHS = (110, 70, 150, 100, 60, 130, 48, 80, 120)
# What a clerk checks at a glance comes first, so it shows without scrolling sideways in the narrow list:
# name, status, plan, copies (model columns 1, 7, 5, 6); department, number and the rest follow.
VISUAL_ORDER = (1, 7, 5, 6, 0, 3, 4, 2, 8)
FORM_WIDTH = 820
RIGHT_WIDTH = 440


class ApplicationsPage(QtWidgets.QWidget):
    """One campaign at a time; :meth:`set_campaign` rebuilds the form for another campaign."""

    # (document kind, application ids): the main window hands the selection to the Print page.
    print_requested = Signal(str, list)

    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        change_hub().changed.connect(self.apply_changes)  # every change, wherever made, reaches this page
        self.campaign_code: str | None = None
        self.form: IntakeForm | None = None
        self.model = ApplicationsModel(ctx, parent=self)
        self.model.counted.connect(self._counted)  # counted in the background after every new query
        self._select_all_when_counted = False
        self.progress = ProgressPanel(ctx)

        self.department = QtWidgets.QComboBox()
        self.status = QtWidgets.QComboBox()
        self.plan = QtWidgets.QComboBox()
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, number or last digits of the ID"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QtCore.QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        for combo in (self.department, self.status, self.plan):
            narrow_combo(combo, 6)
            combo.currentIndexChanged.connect(self.apply_filters)
        self._fill_statuses()

        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl pick many for a batch; the selection model keeps ranges, so the lazy model reads no extra rows.
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights and no resize-to-contents: either would make the view read every row.
        self.table.verticalHeader().setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        header = self.table.horizontalHeader()
        for position, column in enumerate(VISUAL_ORDER):
            header.moveSection(header.visualIndex(column), position)
        self.table.activated.connect(self._open_row)
        self.count_label = QtWidgets.QLabel()
        self.batch_result: BatchResultDialog | None = None
        self.export_operation: Operation | None = None
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self._build_batch_menu()

        self.form_holder = QtWidgets.QStackedWidget()
        self.placeholder = QtWidgets.QLabel(self.tr("No campaign yet. An administrator loads one on the Admin page."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.form_holder.addWidget(self.placeholder)

        # The department on a line of its own: three filters side by side cut "All departments" at 1366 px in English.
        filters = QtWidgets.QGridLayout()
        filters.addWidget(self.department, 0, 0, 1, 2)
        filters.addWidget(self.status, 1, 0)
        filters.addWidget(self.plan, 1, 1)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)
        filters.addWidget(self.search, 2, 0, 1, 2)
        right_top = QtWidgets.QWidget()
        top_layout = QtWidgets.QVBoxLayout(right_top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        batch = QtWidgets.QHBoxLayout()
        batch.addWidget(self.count_label, 1)
        batch.addWidget(self.batch_button)
        top_layout.addLayout(batch)
        right = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        right.addWidget(right_top)
        right.addWidget(self.progress)
        right.setStretchFactor(0, 2)
        right.setStretchFactor(1, 1)
        # Ctrl+N from the list or its filters too (the form's own Ctrl+N needs the focus in the form): a clerk who
        # looked a row up starts the next application without first clicking into the form.
        next_from_list = QtGui.QShortcut(QtGui.QKeySequence(QtGui.QKeySequence.StandardKey.New), right,
                                         context=QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
        next_from_list.activated.connect(self._next_application_from_list)
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.form_area = FormArea(self.form_holder)
        self.form_area.form_resized.connect(lambda: self._give_form_its_width(only_widen=True))
        self.splitter.addWidget(self.form_area)
        self.splitter.addWidget(right)
        # The form keeps the width it needs; a wider screen widens the list, which has more to show.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([FORM_WIDTH, RIGHT_WIDTH])
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def _give_form_its_width(self, only_widen: bool = False) -> None:
        """The form as wide as it needs (whatever the language's words), never scrolled sideways; the list gets the rest.

        Asked again whenever the form's layout changes (its minimum grows once the estimate is filled),
        then only to widen it, so a clerk who dragged the splitter to widen the form keeps that.
        """
        if self.form is None:
            return
        need = self.form_area.needed_width()
        sizes = self.splitter.sizes()
        if only_widen and sizes and sizes[0] >= need:
            return
        total = sum(sizes) or FORM_WIDTH + RIGHT_WIDTH
        self.splitter.setSizes([need, max(total - need, 0)])

    def _build_batch_menu(self) -> None:
        """Everything a batch does, in one "Batch" menu (also the list's context menu), so the narrow list stays narrow."""
        self.batch_menu = QtWidgets.QMenu(self)
        self.select_department_action = self.batch_menu.addAction(self.tr("Select all of this department"), self.select_department)
        moves = self.batch_menu.addMenu(self.tr("Move selected to"))
        self.move_actions: dict[str, QtGui.QAction] = {}
        for target in batches.batch_targets(self.ctx):
            action = moves.addAction(status_label(target, current_lang()))
            action.triggered.connect(lambda _checked=False, t=target.value: self.move_selected(t))
            self.move_actions[target.value] = action
        moves.menuAction().setVisible(bool(self.move_actions))
        # Shown by the main window when this person has a Print page to hand the selection to.
        self.print_forms_action = self.batch_menu.addAction(self.tr("Print their application forms"))
        self.print_forms_action.triggered.connect(lambda: self._print_selected("forms"))
        self.print_sheets_action = self.batch_menu.addAction(self.tr("Print their ID-copy sheets"))
        self.print_sheets_action.triggered.connect(lambda: self._print_selected("id-sheets"))
        self.set_printing_available(False)
        self.export_action = self.batch_menu.addAction(self.tr("Export selected…"), self.export_selected)
        self.export_action.setVisible(self.ctx.actor.may(Permission.EXPORT_ROSTER))
        self.selection_actions = [*self.move_actions.values(), self.print_forms_action, self.print_sheets_action, self.export_action]
        # The whole campaign's steps with the operator, not the selection's: the file out, the list of activated numbers back.
        self.batch_menu.addSeparator()
        self.handover_action = self.batch_menu.addAction(self.tr("Hand over to the operator (file with ID data)…"), self.open_handover)
        self.handover_action.setVisible(self.ctx.actor.may(Permission.HAND_OVER) and self.ctx.actor.may(Permission.VIEW_FULL_ID))
        self.activations_action = self.batch_menu.addAction(self.tr("Import the operator's activation list…"), self.open_activations)
        self.activations_action.setVisible(self.ctx.actor.may(Permission.RECORD_CARRIER_RESULT))
        self.batch_button = QtWidgets.QToolButton()
        self.batch_button.setText(self.tr("Batch"))
        self.batch_button.setPopupMode(QtWidgets.QToolButton.ToolButtonPopupMode.InstantPopup)
        self.batch_button.setMenu(self.batch_menu)
        self.table.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(lambda pos: self.batch_menu.popup(self.table.viewport().mapToGlobal(pos)))

    def set_printing_available(self, available: bool) -> None:
        self.print_forms_action.setVisible(available)
        self.print_sheets_action.setVisible(available)

    def _fill_statuses(self) -> None:
        self.status.blockSignals(True)
        self.status.addItem(self.tr("All statuses"), None)
        for status, name in STATUS_LABELS.choices(current_lang()):
            self.status.addItem(name, str(status))
        self.status.blockSignals(False)

    def set_campaign(self, code: str | None) -> None:
        """Show another campaign: a fresh form at once, its departments and plans in the filters once read.

        The same campaign again (it was edited on the Admin page) keeps the form and what is typed.
        The campaign is read in the background once, by the form, which hands it to the filters
        (``campaign_read``); they are filled when it comes, unless another campaign was chosen meanwhile.
        """
        same = code is not None and code == self.campaign_code and self.form is not None
        self.campaign_code = code
        if same and self.form is not None:
            self.form.reload_campaign()
        else:
            self._replace_form()
        self.progress.set_campaign(code)
        self._fill_filters(None)  # the campaign's rows at once, under "All departments" and "All plans"
        if not code or self.form is not None:
            return
        run_query(self, lambda: campaigns.get_campaign(self.ctx, code), self._campaign_read)

    def _campaign_read(self, spec: CampaignSpec) -> None:
        if spec.code == self.campaign_code:
            self._fill_filters(spec)

    def _fill_filters(self, spec: CampaignSpec | None) -> None:
        """The filters' choices; the rows are read again only when that changed what they ask for."""
        asked = self.current_query() if spec is not None else None
        for combo in (self.department, self.plan):
            combo.blockSignals(True)
            combo.clear()
        self.department.addItem(self.tr("All departments"), None)
        self.plan.addItem(self.tr("All plans"), None)
        if spec is not None:
            for dept in spec.departments:
                self.department.addItem(dept.name, dept.name)
            for plan in spec.plans:
                self.plan.addItem(plan.item.name, plan.item.code)
        own = fixed_department(self.ctx.actor.role, self.ctx.actor.department)
        if own is not None:
            self.department.setCurrentIndex(max(self.department.findData(own), 0))
            self.department.setEnabled(False)
        for combo in (self.department, self.plan):
            combo.blockSignals(False)
        if asked is None or self.current_query() != asked:
            self.apply_filters()

    def _replace_form(self) -> None:
        if self.form is not None:
            self.form_holder.removeWidget(self.form)
            self.form.deleteLater()
            self.form = None
        if self.campaign_code:
            self.form = IntakeForm(self.ctx, self.campaign_code)
            self.form.campaign_read.connect(self._campaign_read)
            self.form_holder.addWidget(self.form)
            self.form_holder.setCurrentWidget(self.form)
            self._give_form_its_width()
        else:
            self.form_holder.setCurrentWidget(self.placeholder)

    def current_query(self) -> ApplicationQuery | None:
        if not self.campaign_code:
            return None
        return ApplicationQuery(
            campaign_code=self.campaign_code,
            department=self.department.currentData(),
            status=self.status.currentData(),
            plan=self.plan.currentData(),
            search=self.search.text().strip(),
        )

    @Slot()
    def apply_filters(self) -> None:
        self._search_timer.stop()
        self.model.set_query(self.current_query())
        self.table.doItemsLayout()  # now, not after a first paint: a reset would paint every cell twice
        self._show_count()

    def _show_count(self) -> None:
        self._show_selected()

    @Slot()
    def _show_selected(self) -> None:
        """The count, and how many are selected once there is more than one (what a batch would take)."""
        selected = len(self.table.selectionModel().selectedRows())
        for action in self.selection_actions:
            action.setEnabled(selected > 0)
        text = self.tr("%n application(s)", "", self.model.rowCount())
        self.count_label.setText(text + "  " + self.tr("%n selected", "", selected) if selected > 1 else text)

    def selected_ids(self) -> list[int]:
        """The selected applications' ids, top to bottom: only the selected rows' pages are read."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [i for i in (self.model.application_id(row) for row in rows) if i is not None]

    @Slot()
    def select_department(self) -> None:
        """Filter to the chosen department (or the current row's) and select every application in it."""
        department = self.department.currentData()
        if department is None:
            current = self.model.row_at(self.table.currentIndex().row())
            department = current.department if current else None
        if department is None:
            return
        if department != self.department.currentData():
            self.department.setCurrentIndex(self.department.findData(department))
        if self.model.counting:
            self._select_all_when_counted = True  # the department's rows are being counted in the background
        else:
            self.table.selectAll()
        self.table.setFocus()

    @Slot()
    def _counted(self) -> None:
        if self._select_all_when_counted:
            self._select_all_when_counted = False
            self.table.selectAll()
        self._show_count()

    def _with_selected(self, then: Callable[[list[int]], None]) -> None:
        """``then(ids)`` of every selected row, top to bottom; rows whose page is not at hand are read in the background."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        self.model.rows_at(rows, lambda found: then([row.id for row in found]))

    def move_selected(self, target: str) -> None:
        self._with_selected(lambda ids: self._move(ids, target))

    def _move(self, ids: list[int], target: str) -> None:
        """One question for the whole selection, then one result row per application."""
        if not ids:
            return
        name = status_label(target, current_lang())
        reason = ""
        if target == Status.REJECTED:
            reason, ok = QtWidgets.QInputDialog.getText(self, self.tr("Rejected"), self.tr("Operator's reason for rejecting"))
            if not ok:
                return
        asked = QtWidgets.QMessageBox.question(
            self, self.tr("Move applications"),
            self.tr("Move %n selected application(s) to “%1”?", "", len(ids)).replace("%1", name),
        )
        if asked != QtWidgets.QMessageBox.StandardButton.Yes:
            return
        self._after_form_saved(ids, lambda: run_change(self, lambda: batches.move_many(self.ctx, ids, target, reason), APPLICATIONS_MOVED,
                                                       lambda results: self._show_batch_result(results, target)))

    def _show_batch_result(self, results: list[batches.MoveResult], target: str) -> None:
        """One row per application; the list and the open form re-read through the change signal that follows."""
        if self.batch_result is not None:
            self.batch_result.close()
        self.batch_result = BatchResultDialog(results, target, self)
        self.batch_result.show()  # not modal: the next batch or a fix in the form can go on with it in view

    @Slot()
    def export_selected(self) -> None:
        """The picked applications as a working list (.xlsx or .csv, ID numbers masked), written off the GUI thread."""
        self._with_selected(self._export)

    def _export(self, ids: list[int]) -> None:
        if ids and self.campaign_code:
            self.export_operation = export_roster(self, self.ctx, self.campaign_code, application_ids=ids)

    # The two operator dialogs are imported when first opened: with them come the operator's file
    # (openpyxl, numpy, reportlab), 0.3 s of the GUI thread that a clerk's first look at this page paid.
    @Slot()
    def open_handover(self) -> OperatorHandoverDialog | None:
        from kaccount_desk.ui.enrollment.operator_handover_dialog import OperatorHandoverDialog

        return self._open_dialog(OperatorHandoverDialog(self.ctx, self.campaign_code, self)) if self.campaign_code else None

    @Slot()
    def open_activations(self) -> ActivationsDialog | None:
        from kaccount_desk.ui.enrollment.activations_dialog import ActivationsDialog

        return self._open_dialog(ActivationsDialog(self.ctx, self.campaign_code, self)) if self.campaign_code else None

    def _open_dialog(self, dialog: D) -> D:
        """Not modal, like the batch result: the list behind it follows what the dialog changes."""
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _print_selected(self, kind: str) -> None:
        self._with_selected(lambda ids: self.print_requested.emit(kind, ids) if ids else None)

    def _after_form_saved(self, ids: list[int], then: Callable[[], object]) -> None:
        """Typing in the form on one of these applications is saved before the batch moves it (a refused save stops the batch)."""
        form = self.form
        if form is None or form.application_id not in ids or not form.has_unsaved_input():
            then()
            return
        form.save_then(lambda view: then() if view is not None else None)

    @Slot(object, object)
    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Rows and progress again; the open application re-read unless the form (or its copies) made the change itself."""
        if not (changes.applications or changes.campaigns):
            return
        self.refresh()
        form = self.form
        if form is not None and origin is not form and not (isinstance(origin, QtWidgets.QWidget) and form.isAncestorOf(origin)):
            form.reread_store()

    def focus_search(self) -> bool:
        self.search.setFocus()
        self.search.selectAll()
        return True

    def refresh(self) -> None:
        """Something changed (a save, an import): re-read the visible rows and the progress."""
        self.model.refresh()
        self.progress.refresh()
        self._show_count()

    @Slot(QtCore.QModelIndex)
    @Slot()
    def _next_application_from_list(self) -> None:
        if self.form is not None and self.form.isEnabled():
            self.form.next_application()
            self.form.name_edit.setFocus()

    def _open_row(self, index: QtCore.QModelIndex) -> None:
        application_id = index.data(APPLICATION_ID_ROLE)
        if self.form is not None and application_id is not None:
            self.form.load(int(application_id))
