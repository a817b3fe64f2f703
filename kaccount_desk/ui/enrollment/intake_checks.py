"""The intake form's checks, painted: the note under a field as it is typed, and the service's preview.

On a keystroke the field's own note comes from the domain's checks held in memory (``LiveChecks``,
no I/O). A moment after typing stops, or at once after a choice (a plan, the number source, a
copy), the form asks ``intake_preview.preview_intake`` once, off the GUI thread, and paints all of
it when the answer comes: every note, with what only the store knows (a number another
application holds, the same person twice), what is still needed, the confirmations, the plans and
add-ons offered, the late row, the moves.
``_ask_preview`` is the one place the form asks the store while typing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from kaccount_desk.domain.intake import LiveChecks, Note
from kaccount_desk.services import intake_preview
from kaccount_desk.services.context import Context
from kaccount_desk.services.customers import FormMatch
from kaccount_desk.services.enrollment import ApplicationInput, ApplicationView
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.intake_preview import AddonChoice, IntakePreview, OpenedCampaign, PlanChoice
from kaccount_desk.ui.enrollment.confirmations_panel import ConfirmList
from kaccount_desk.ui.enrollment.field_note import FieldNote
from kaccount_desk.ui.enrollment.latest_query import LatestQuery
from kaccount_desk.ui.enrollment.workflow_panel import WorkflowPanel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import QtCore, QtWidgets

log = logging.getLogger("kaccount_desk.ui.enrollment")

# How long after the last keystroke the form asks the service: long enough not to ask per key,
# short enough that the note is there before the clerk looks up.
PREVIEW_DELAY_MS = 200


class IntakeChecks(QtWidgets.QWidget):
    """The checks job of :class:`IntakeForm`: live notes, the debounced preview, and painting it."""

    _ctx: Context
    _code: str
    _view: ApplicationView | None
    _dirty: bool
    _confirmed: set[str]
    _live: LiveChecks | None
    notes: dict[str, FieldNote]
    card_line: FieldNote
    missing_label: QtWidgets.QLabel
    missing_state: str
    confirm_list: ConfirmList
    workflow: WorkflowPanel
    late_banner: QtWidgets.QLabel
    late_label: QtWidgets.QLabel
    late_field: QtWidgets.QWidget
    late_edit: QtWidgets.QLineEdit
    name_edit: QtWidgets.QLineEdit
    keep_radio: QtWidgets.QRadioButton
    choose_button: QtWidgets.QPushButton
    packages_edit: QtWidgets.QLineEdit
    number_edit: QtWidgets.QLineEdit
    plan_combo: QtWidgets.QComboBox
    # Provided by the fields (IntakeFieldWidgets).
    _input: Callable[[], ApplicationInput]
    _paint_note: Callable[[str, Note], None]
    _paint_plans: Callable[[tuple[PlanChoice, ...]], bool]
    _paint_addons: Callable[[tuple[AddonChoice, ...]], None]
    preview: IntakePreview | None = None
    _opened: OpenedCampaign | None = None  # the campaign as read, with the preview of the application it opened on
    _plan_cleared: Note = Note()

    def _start_checks(self) -> None:
        self._preview_timer = QtCore.QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(lambda: self._ask_preview())
        self._previews = LatestQuery()  # its busy cursor on "still needed", not on the fields
        self._after_preview: list[Callable[[], object]] = []

    def _check_live(self, key: str) -> None:
        """The note under the field just typed in, from the domain's own checks (no I/O on a keystroke)."""
        if self._live is None or key not in ("dept", "name", "id", "number", "packages"):
            return
        typed = self._input().fields
        view = self._view
        masked = view is not None and view.id_masked and typed.id_number == view.id_number
        checks = self._live.check(typed, view.id_valid if masked and view else None)
        note = checks.notes.get(key, Note())
        if key != "name" or note.lines or typed.name.strip():
            self._paint_note(key, note)

    def _preview_soon(self) -> None:
        self._preview_timer.start()

    def _ask_preview(self, then: Callable[[], object] | None = None) -> None:
        """Ask the service what the form shows now, and paint it when it answers (the one store call while typing).

        The question runs off the GUI thread, so typing never waits for it; an answer about older
        typing is dropped (``LatestQuery``). ``then`` runs after the next answer is painted (a kept
        draft puts its add-on ticks back once the plan's add-ons are listed).
        """
        self._preview_timer.stop()
        if then is not None:
            self._after_preview.append(then)
        if not self._code:
            return
        inp, application_id = self._input(), self._view.id if self._view else None
        opened, self._opened = self._opened, None
        if opened is not None and opened.preview is not None and application_id is None and opened.fresh == inp:
            ready = opened.preview  # read with the campaign, for just this: no second read
            self._previews.ask(lambda done, _failed: done(ready), self._preview_answered, self._no_preview)
            return
        self._previews.ask(lambda done, failed: run_query(
            self.missing_label, lambda: intake_preview.preview_intake(self._ctx, inp, application_id), done, failed,
        ), self._preview_answered, self._no_preview)

    @property
    def preview_settled(self) -> bool:
        """No preview is on its way: the notes answer what is typed (tests wait for it after typing)."""
        return self._previews.settled and not self._preview_timer.isActive()

    def _preview_answered(self, preview: IntakePreview) -> None:
        if not self._paint_preview(preview):
            return
        waiting, self._after_preview = self._after_preview, []
        for then in waiting:
            then()

    def _no_preview(self, exc: BaseException) -> bool:
        if isinstance(exc, ServiceError):
            log.info("no preview: %s", "; ".join(r.code for r in exc.reasons))
            return True
        return False

    def _paint_preview(self, preview: IntakePreview) -> bool:
        """Paint one answer; False when it cleared the chosen plan and asked again."""
        self.preview = preview
        self._paint_source()
        if self._paint_plans(preview.plans):
            # The chosen plan cannot go with this number: cleared, with the reason left in sight.
            self._plan_cleared = preview.notes.get("plan", Note())
            self._ask_preview()
            return False
        self._paint_addons(preview.addons)
        for key in ("dept", "name", "id", "number", "packages", "plan"):
            note = preview.notes.get(key, Note())
            if key == "plan" and not note.lines:
                note = Note("warning", self._plan_cleared.lines) if self._plan_cleared.lines else note
            if key != "name" or note.lines or self.name_edit.text().strip():
                self._paint_note(key, note)
        self._paint_card(preview.card)
        self._paint_late(preview)
        self._paint_missing(preview)
        self._paint_confirmations(preview)
        self.workflow.set_moves(preview.moves)
        return True

    def _paint_source(self) -> None:
        existing = self.keep_radio.isChecked()
        self.choose_button.setEnabled(not existing)
        self.packages_edit.setEnabled(existing)
        self.number_edit.setPlaceholderText(
            self.tr("The number the person keeps") if existing else self.tr("Type the number or press F4 to choose one")
        )

    def _paint_card(self, match: FormMatch | None) -> None:
        """The customer card's line under the number, read in the same preview (item 3 of issue 24); quiet, since it informs."""
        if match is None:
            self.card_line.put("", "")
        elif match.by == "number":
            self.card_line.put("calm", self.tr("Customer card: %1").replace("%1", match.line.text))
        else:
            self.card_line.put("calm", self.tr("Same ID number as %1: %2").replace("%1", match.line.number)
                               .replace("%2", match.line.text))

    def _paint_late(self, preview: IntakePreview) -> None:
        late = preview.late
        if late is not None:
            lang = current_lang()
            self.late_banner.setText(late.reason.text(lang) + ("" if late.may_accept else "\n" + late.who_may.text(lang)))
            if self.late_edit.text().strip():
                self.notes["late"].put("", "")
        self.late_banner.setVisible(late is not None)
        self.late_label.setVisible(late is not None)
        self.late_field.setVisible(late is not None)
        self.late_edit.setEnabled(late is not None and late.may_accept)

    def _paint_missing(self, preview: IntakePreview) -> None:
        lang = current_lang()
        lines = [f"• {r.text(lang)}" for r in preview.missing]
        if self._view is None or self._dirty:
            unsaved = self.tr("Changes not saved yet (Enter saves)") if self._view else self.tr("Not saved yet (Enter saves)")
            lines.insert(0, "• " + unsaved)
        unconfirmed = any(code not in self._confirmed for code in preview.unconfirmed)
        text = "\n".join(lines) or (self.tr("Only the confirmation below is missing") if unconfirmed else self.tr("Nothing missing ✓"))
        if text != self.missing_label.text():
            self.missing_label.setText(text)
        state = "reason" if lines else "warning" if unconfirmed else "ok"
        if state != self.missing_state:
            self.missing_state = state
            self.missing_label.setStyleSheet(text_style(state))

    def _paint_confirmations(self, preview: IntakePreview) -> None:
        lang = current_lang()
        stored = self._view.confirmed if self._view else frozenset()
        self.confirm_list.set_items([(w.code, w.text(lang), w.code in self._confirmed or w.code in stored, w.code in stored)
                                     for w in preview.confirmations])
