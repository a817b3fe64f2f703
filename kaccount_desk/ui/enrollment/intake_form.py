"""The intake form: one employee's application, taken with the customer standing at the desk.

The form is split along its jobs: the fields (``intake_fields.py``), their checks and the service's
preview painted (``intake_checks.py``), drafts a crash must not take (``intake_drafts.py``), the ID
copies (``id_copies_widget.py``), the moves (``workflow_panel.py``) and the store calls, off the GUI
thread (``intake_store.py``); this module holds them together. Enter saves through the service,
which checks again with the same words and refuses inline, never in a modal box.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.id_documents import DEFAULT_DOCUMENT_TYPE
from kaccount_desk.domain.intake import LiveChecks, Note
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationView
from kaccount_desk.ui.completion import complete_unique
from kaccount_desk.ui.enrollment.confirmations_panel import ConfirmList
from kaccount_desk.ui.enrollment.estimate_panel import EstimatePanel
from kaccount_desk.ui.enrollment.id_copies_widget import IdCopiesWidget
from kaccount_desk.ui.enrollment.intake_checks import IntakeChecks
from kaccount_desk.ui.enrollment.intake_drafts import IntakeDrafts
from kaccount_desk.ui.enrollment.intake_fields import IntakeFieldWidgets
from kaccount_desk.ui.enrollment.intake_store import IntakeStore
from kaccount_desk.ui.enrollment.workflow_panel import WorkflowPanel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.palette import banner_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Signal

log = logging.getLogger("kaccount_desk.ui.enrollment")

# Which field a refused save's reason belongs to, so focus lands where the fix is typed.
FIELD_OF_CODE = (
    ("application.department", "dept"),
    ("forbidden.department", "dept"),
    ("application.name", "name"),
    ("application.plan", "plan"),
    ("id.", "id"),
    ("mobile.", "number"),
    ("number.", "number"),
    ("pool.", "number"),
    ("eligibility.excluded", "packages"),
    ("deadline.", "late"),
)


class IntakeForm(IntakeFieldWidgets, IntakeChecks, IntakeDrafts, IntakeStore, QtWidgets.QWidget):
    """One application: fields in tab order, live reasons, copies, workflow and an estimate.

    ``saved(id)`` is emitted after every save and every workflow move, so the applications table
    refreshes the row it shows.
    """

    saved = Signal(int)
    typing = Signal()  # something was typed: the draft keeper writes soon after
    campaign_read = Signal(object)  # the CampaignSpec just read for the form: the page's filters use it, not a read of their own

    def __init__(self, ctx: Context, campaign_code: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._code = ""
        self._spec: CampaignSpec | None = None
        self._live: LiveChecks | None = None
        self._pool_numbers: frozenset[str] = frozenset()
        self._view: ApplicationView | None = None
        self._dirty = False
        self._confirmed: set[str] = set()
        self._build_fields()
        self._build_side()
        self._build_layout()
        self._start_checks()
        self._start_store()
        self._connect()
        self.set_campaign(campaign_code)

    # ----- building -----

    def _build_side(self) -> None:
        self.banner = QtWidgets.QLabel()
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.hide()
        self.banner_state = ""
        self.late_banner = QtWidgets.QLabel()
        self.late_banner.setWordWrap(True)
        self.late_banner.setStyleSheet(banner_style("warning"))
        self.late_banner.hide()
        self.copies = IdCopiesWidget(self._ctx)
        self.copies.draft_saver = self._save_for_copies
        self.missing_label = QtWidgets.QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_state = ""
        self.confirm_list = ConfirmList()
        self.workflow = WorkflowPanel(self._ctx)
        self.estimate = EstimatePanel(self._ctx)
        self.save_button = QtWidgets.QPushButton(self.tr("&Save (Enter)"))
        self.next_button = QtWidgets.QPushButton(self.tr("Next application (Ctrl+N)"))
        self.discard_button = QtWidgets.QPushButton(self.tr("Dis&card changes"))
        for button in (self.save_button, self.next_button, self.discard_button):
            button.setAutoDefault(False)

    def _build_layout(self) -> None:
        self._lay_out_fields()
        if not self._ctx.actor.may(Permission.VIEW_CUSTOMERS):  # no card line ever comes: no room kept for it under the number
            policy = self.card_line.sizePolicy()
            policy.setRetainSizeWhenHidden(False)
            self.card_line.setSizePolicy(policy)
        # Discard under Next and Save: in one row the three set the form's width in English.
        buttons = QtWidgets.QGridLayout()
        buttons.setColumnStretch(0, 1)
        buttons.addWidget(self.next_button, 0, 1)
        buttons.addWidget(self.save_button, 0, 2)
        buttons.addWidget(self.discard_button, 1, 1, Qt.AlignmentFlag.AlignLeft)
        left = QtWidgets.QVBoxLayout()
        left.addWidget(self.fields_box)
        left.addLayout(buttons)
        # Below the fields and beside Save, so a banner appearing or going never moves a field under the pointer.
        left.addWidget(self.banner)
        left.addWidget(self.late_banner)
        left.addWidget(self.estimate)
        left.addStretch(1)
        copies_box = QtWidgets.QGroupBox(self.tr("ID card copies"))
        QtWidgets.QVBoxLayout(copies_box).addWidget(self.copies)
        todo_box = QtWidgets.QGroupBox(self.tr("Still needed before it can move on"))
        todo = QtWidgets.QVBoxLayout(todo_box)
        todo.addWidget(self.missing_label)
        todo.addWidget(self.confirm_list)
        right = QtWidgets.QVBoxLayout()
        right.addWidget(copies_box)
        right.addWidget(todo_box)
        right.addWidget(self.workflow)
        right.addStretch(1)
        columns = QtWidgets.QHBoxLayout()
        columns.addLayout(left, 5)
        columns.addLayout(right, 4)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addLayout(columns, 1)
        order = [self.dept_combo, self.name_edit, self.doc_type_combo, self.id_edit, self.keep_radio, self.new_radio, self.number_edit,
                 self.choose_button, self.packages_edit, self.plan_combo, self.addons_list, self.note_edit, self.late_edit,
                 *self.copies.focus_chain(), self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QtWidgets.QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.dept_line.textEdited.connect(lambda *_: self._edited("dept"))
        self.dept_combo.currentIndexChanged.connect(lambda *_: self._edited("dept"))
        # Picking from the list the item that was current (after clearing the text) changes no index.
        self.dept_combo.activated.connect(lambda *_: self._edited("dept"))
        completer = self.dept_combo.completer()
        assert completer is not None  # an editable combo completes by default
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QtWidgets.QCompleter.CompletionMode.PopupCompletion)
        complete_unique(self.dept_combo, lambda *_: self._edited("dept"))
        for key, edit in (("name", self.name_edit), ("id", self.id_edit), ("number", self.number_edit),
                          ("packages", self.packages_edit), ("note", self.note_edit), ("late", self.late_edit)):
            edit.textEdited.connect(lambda _text, k=key: self._edited(k))
        # A choice is asked about at once: the plans offered follow the number's source.
        self.doc_type_combo.currentIndexChanged.connect(lambda *_: self._chosen())
        self.plan_combo.currentIndexChanged.connect(self._plan_changed)
        self.keep_radio.toggled.connect(lambda *_: self._chosen())
        self.addons_list.itemChanged.connect(lambda *_: self._chosen())
        self.choose_button.clicked.connect(self.open_pool_browser)
        self.confirm_list.toggled.connect(self._confirm_toggled)
        self.copies.changed.connect(self._updated)
        self.workflow.move_requested.connect(self.move_to)
        self.save_button.clicked.connect(self.save)
        self.next_button.clicked.connect(self.next_application)
        self.discard_button.clicked.connect(self.discard)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in ((QtGui.QKeySequence.StandardKey.Save, self.save), (QtGui.QKeySequence.StandardKey.New, self.next_application),
                           (QtGui.QKeySequence(Qt.Key.Key_F4), self.open_pool_browser)):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), self, context=context)
            shortcut.activated.connect(slot)

    # ----- public API -----

    @property
    def application_id(self) -> int | None:
        return self._view.id if self._view else None

    @property
    def view(self) -> ApplicationView | None:
        """The application as last saved or loaded; None for an unsaved draft."""
        return self._view

    def new(self) -> None:
        """Start the next application: department and plan stay, since a queue often shares them."""
        self._drop_pending_load()
        for edit in (self.name_edit, self.id_edit, self.number_edit, self.packages_edit, self.note_edit, self.late_edit):
            edit.clear()
        self.doc_type_combo.blockSignals(True)
        self.doc_type_combo.setCurrentIndex(self.doc_type_combo.findData(DEFAULT_DOCUMENT_TYPE.value))
        self.doc_type_combo.blockSignals(False)
        self.keep_radio.blockSignals(True)
        self.keep_radio.setChecked(True)
        self.keep_radio.blockSignals(False)
        self._view = None
        self._confirmed = set()
        self._plan_cleared = Note()
        self._set_banner("", "")
        self._check_addons(())
        self.fields_box.setEnabled(True)
        self.copies.set_application(None)
        self.workflow.set_view(None)
        self._dirty = False
        self._ask_preview()
        self.name_edit.setFocus()

    def next_application(self) -> None:
        """Ctrl+N: what was typed is saved as a draft first, so starting the next one never loses it.

        If the save is refused, the form stays as it was with the reasons shown.
        """
        if not self.has_unsaved_input():
            self.new()
            return

        def saved(view: ApplicationView | None) -> None:
            if view is not None:
                self.new()
                self._set_banner("ok", self.tr("Application #%1 saved; this is a new one").replace("%1", str(view.id)))

        self.save_then(saved)

    # ----- keyboard -----

    def keyPressEvent(self, event: QtGui.QKeyEvent) -> None:
        """Enter in any field saves; line edits, combos and radios all pass Enter up to here."""
        focus = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and focus is not None and self.fields_box.isAncestorOf(focus):
            self.save()
            return
        super().keyPressEvent(event)

    # ----- reactions -----

    def _fill(self, view: ApplicationView) -> None:
        self._view = view
        self._fill_fields(view)
        self.fields_box.setEnabled(view.editable)
        self.copies.set_application(view.id, view.editable, view.copies_viewable)
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._dirty = False
        self._plan_cleared = Note()
        self._ask_preview()

    def _adopt(self, view: ApplicationView) -> None:
        """The store's answer while the clerk has typed on: what only the store knows is taken, the typing stays."""
        self._view = view
        self.copies.set_application(view.id, view.editable, view.copies_viewable)
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._ask_preview()

    def _edited(self, key: str) -> None:
        """Typing: the field's own note now, the rest a moment after typing stops; a refusal's banner goes."""
        self._dirty = True
        self._note_typing(key)
        self.typing.emit()
        if self.banner_state == "reason":
            self._set_banner("", "")
        self._check_live(key)
        if self.preview is not None:
            self._paint_missing(self.preview)  # "not saved yet" at once
        self._preview_soon()

    def _chosen(self) -> None:
        """A choice (the number's source, the document type, an add-on): the preview at once, not after a pause."""
        self._dirty = True
        self.typing.emit()
        if self.banner_state == "reason":
            self._set_banner("", "")
        self._ask_preview()

    def _plan_changed(self, *_args: object) -> None:
        self._plan_cleared = Note()  # the clerk chose again: the note about the cleared plan has done its job
        self._chosen()

    def _confirm_toggled(self, code: str, on: bool) -> None:
        """A saved application records the confirmation at once; a draft sends it with the save."""
        (self._confirmed.add if on else self._confirmed.discard)(code)
        if not on or self._view is None or code in self._view.confirmed:
            if self.preview is not None:
                self._paint_missing(self.preview)
            return
        self._confirm_stored(self._view.id, code)

    def _updated(self, view: ApplicationView) -> None:
        """A change made beside the fields (a copy, a confirmation): keep what is typed, refresh the rest."""
        self._view = view
        self.workflow.set_view(view, self._spec.deadline.tzinfo if self._spec else None)
        self._ask_preview()
        self.saved.emit(view.id)

    def _save_for_copies(self, then: Callable[[int | None], object]) -> None:
        """A copy attached to an unsaved draft: the draft is saved first, then the copy goes to that application."""
        self.save_then(lambda view: then(view.id if view else None))

    def _show_reasons(self, reasons: tuple[Reason, ...]) -> None:
        """Reasons go above the fields and beside the field they concern; focus goes to the first."""
        log.info("refused: %s", "; ".join(r.code for r in reasons))
        lang = current_lang()
        self._set_banner("reason", "\n".join(f"• {r.text(lang)}" for r in reasons))
        first = None
        for reason in reasons:
            key = next((k for prefix, k in FIELD_OF_CODE if reason.code.startswith(prefix)), None)
            if key is not None:
                self.notes[key].put("reason", reason.text(lang))
                first = first or key
        if first is not None and self.field_widget(first).isEnabled():
            self.field_widget(first).setFocus()

    def _set_banner(self, state: str, text: str) -> None:
        self.banner_state = state if text else ""
        if self.banner_state:
            self.banner.setStyleSheet(banner_style(state))
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
