"""The intake form's store calls: the campaign read, an application loaded, saved and moved on.

Every call runs off the GUI thread through ``ui/operations.py`` with a busy cursor on the form, so
the window keeps painting and the clerk keeps typing while the store (maybe an office server across
a VPN) answers. What that asks of the form:

- a save is one at a time: Save is disabled while one runs and a second Enter joins the running
  one, so a double click saves once; what is typed meanwhile is kept (the answer fills the fields
  only when they still hold what was saved);
- whoever must know the save finished before going on (the next application, a move, an ID copy
  on a new draft, a batch) gives ``save_then`` a callback, called with the saved view or None;
- a load that is overtaken (another row chosen, Ctrl+N) is dropped when it answers: a generation
  number says which answer is still wanted; a field typed in while it loads is put back over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.intake import LiveChecks
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import fixed_department
from kaccount_desk.domain.workflow import status_label
from kaccount_desk.services import enrollment, intake_preview
from kaccount_desk.services.changes import APPLICATION_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput, ApplicationView
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.intake_preview import OpenedCampaign
from kaccount_desk.ui.enrollment.estimate_panel import EstimatePanel
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.qt import QtCore, QtWidgets

AfterSave = Callable[[ApplicationView | None], object]


class IntakeStore(QtWidgets.QWidget):
    """The store job of :class:`IntakeForm`; the fields, checks and painting are its other mixins."""

    saved: QtCore.SignalInstance  # the form's ``saved(id)``
    campaign_read: QtCore.SignalInstance  # the form's ``campaign_read(spec)``

    _ctx: Context
    _code: str
    _spec: CampaignSpec | None
    _live: LiveChecks | None
    _opened: OpenedCampaign | None
    _pool_numbers: frozenset[str]
    _view: ApplicationView | None
    _dirty: bool
    _confirmed: set[str]
    fields_box: QtWidgets.QWidget
    save_button: QtWidgets.QPushButton
    dept_combo: QtWidgets.QComboBox
    name_edit: QtWidgets.QLineEdit
    id_edit: QtWidgets.QLineEdit
    number_edit: QtWidgets.QLineEdit
    packages_edit: QtWidgets.QLineEdit
    note_edit: QtWidgets.QLineEdit
    late_edit: QtWidgets.QLineEdit
    estimate: EstimatePanel
    # Provided by the form and its other mixins.
    new: Callable[[], None]
    has_unsaved_input: Callable[[], bool]
    _input: Callable[[], ApplicationInput]
    _fill: Callable[[ApplicationView], None]
    _adopt: Callable[[ApplicationView], None]
    _updated: Callable[[ApplicationView], None]
    _ask_preview: Callable[..., None]
    _show_reasons: Callable[[tuple[Reason, ...]], None]
    _set_banner: Callable[[str, str], None]

    def _start_store(self) -> None:
        self._saving = False
        self._after_save: list[AfterSave] = []
        self._load_generation = 0
        self._typed_while_loading: set[str] | None = None  # the fields typed in since a load was asked for

    @property
    def saving(self) -> bool:
        """A save is on its way to the store (the button is disabled meanwhile)."""
        return self._saving

    # ----- the campaign -----

    def set_campaign(self, code: str) -> None:
        """Read the campaign once and start a fresh application on it (typed before it came is kept).

        The preview of that application comes with the campaign, for what the form will hold then
        (``_fresh_input``): its first preview reads nothing more unless the clerk typed meanwhile.
        """
        self._open_campaign(code, self._start_fresh, self._fresh_input(code))

    def _fresh_input(self, code: str) -> ApplicationInput:
        """What the form will hold once campaign ``code`` is in: what it holds now, a collector's own department in it."""
        typed = self._input()
        fixed = fixed_department(self._ctx.actor.role, self._ctx.actor.department)
        fields = typed.fields if fixed is None else replace(typed.fields, department=fixed)
        return replace(typed, campaign_code=code, fields=fields)

    def _start_fresh(self) -> None:
        if self._dirty or any(edit.text() for edit in self._typed_edits().values()):
            self._ask_preview()  # the form was filled before the campaign came from the store: keep it
            return
        generation = self._load_generation
        self.new()
        self._load_generation = generation  # not the clerk's Ctrl+N: a load asked for meanwhile still comes

    def reload_campaign(self) -> None:
        """The campaign was edited elsewhere: read it again, keep what is typed, check it anew."""
        if self._code:
            self._read_campaign(self._code, self._ask_preview)

    def _read_campaign(self, code: str, then: Callable[[], object]) -> None:
        """The departments, the pool and the per-keystroke checks, read once per campaign so typing stays fast."""
        self._open_campaign(code, then, None)

    def _open_campaign(self, code: str, then: Callable[[], object], fresh: ApplicationInput | None) -> None:
        """The campaign read, then ``then()``; with ``fresh``, that application's preview too (kept for ``_ask_preview``)."""
        ctx = self._ctx

        def done(found: OpenedCampaign) -> None:
            self._use_campaign(code, found.spec, found.live)
            self._opened = found
            self.campaign_read.emit(found.spec)
            then()

        run_query(self, lambda: intake_preview.open_campaign(ctx, code, fresh), done, self._refused)

    def _use_campaign(self, code: str, spec: CampaignSpec, live: LiveChecks) -> None:
        self._code, self._spec, self._live = code, spec, live
        self._pool_numbers = frozenset(spec.pool())
        keep_dept = self.dept_combo.currentText()
        self.dept_combo.blockSignals(True)
        self.dept_combo.clear()
        self.dept_combo.addItems([d.name for d in spec.departments])
        self.dept_combo.setEditText(keep_dept)
        fixed = fixed_department(self._ctx.actor.role, self._ctx.actor.department)
        if fixed is not None:
            self.dept_combo.setEditText(fixed)
            self.dept_combo.setEnabled(False)
        self.dept_combo.blockSignals(False)
        self.estimate.set_campaign(code, spec)

    # ----- loading -----

    def load(self, application_id: int, then: Callable[[], object] | None = None) -> None:
        """Show a saved application; once submitted it is read-only, and so is a masked ID.

        Unsaved typing in the form is saved as a draft first, as with Ctrl+N (a refused save keeps
        the form as it is, reasons shown). ``then`` runs once the application is in the fields.
        """
        if self.has_unsaved_input():
            self.save_then(lambda view: self._load(application_id, then) if view is not None else None)
            return
        self._load(application_id, then)

    def _load(self, application_id: int, then: Callable[[], object] | None) -> None:
        self._load_generation += 1
        generation = self._load_generation
        self._typed_while_loading = set()

        def done(view: ApplicationView) -> None:
            if generation != self._load_generation:
                return  # another application was chosen (or a new one started) since
            if view.campaign_code != self._code:
                self._read_campaign(view.campaign_code, lambda: self._show_loaded(view, generation, then))
            else:
                self._show_loaded(view, generation, then)

        run_query(self, lambda: enrollment.get_application(self._ctx, application_id), done, self._refused)

    def _show_loaded(self, view: ApplicationView, generation: int, then: Callable[[], object] | None) -> None:
        if generation != self._load_generation:
            return
        typed = {key: self._typed_text(key) for key in self._typed_while_loading or ()}
        self._typed_while_loading = None
        self._confirmed = set(view.confirmed)
        self._fill(view)
        self._set_banner("info", self.tr("Application #%1").replace("%1", str(view.id)))
        if typed and view.editable:
            self._put_typing_back(typed)
        if then is not None:
            then()

    def _drop_pending_load(self) -> None:
        """A new application was started: a load still on its way must not paint over it."""
        self._load_generation += 1
        self._typed_while_loading = None

    def _note_typing(self, key: str) -> None:
        """A field typed in while an application loads: it is put back over the loaded one, never lost."""
        if self._typed_while_loading is not None:
            self._typed_while_loading.add(key)

    def _typed_text(self, key: str) -> str:
        return self.dept_combo.currentText() if key == "dept" else self._typed_edits()[key].text()

    def _typed_edits(self) -> dict[str, QtWidgets.QLineEdit]:
        return {"name": self.name_edit, "id": self.id_edit, "number": self.number_edit, "packages": self.packages_edit,
                "note": self.note_edit, "late": self.late_edit}

    def _put_typing_back(self, typed: dict[str, str]) -> None:
        for key, text in typed.items():
            if key == "dept":
                self.dept_combo.setEditText(text)
            else:
                self._typed_edits()[key].setText(text)
        self._dirty = True
        self._ask_preview()

    # ----- saving -----

    def save(self) -> bool:
        """Save the draft (or the loaded application) in the background; False when nothing can be saved now.

        A second call while a save runs joins it (a double click or a held Enter saves once).
        """
        return self.save_then(None)

    def save_then(self, then: AfterSave | None) -> bool:
        """Save, then call ``then(view)`` on the GUI thread: the saved view, or None when refused (reasons shown)."""
        if then is not None:
            self._after_save.append(then)
        if self._saving:
            return True
        if self._spec is None or not self.fields_box.isEnabled():
            self._saves_done(None)
            return False
        inp, application_id = self._input(), self._view.id if self._view else None
        self._saving = True
        self.save_button.setEnabled(False)
        run_change(self, lambda: enrollment.save_application(self._ctx, inp, application_id), APPLICATION_CHANGED,
                   lambda view: self._saved(view, inp), self._save_failed)
        return True

    def _saved(self, view: ApplicationView, inp: ApplicationInput) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if self._input() == inp:
            self._fill(view)
        else:
            self._adopt(view)  # typed while it saved: the typing stays, still to be saved
        if view.problems:
            kept = self.tr("Saved as draft #%1 with the problems listed; it cannot move on until they are fixed")
            self._set_banner("info", kept.replace("%1", str(view.id)))
        else:
            self._set_banner("ok", self.tr("Saved — application #%1").replace("%1", str(view.id)))
        self.saved.emit(view.id)
        self._saves_done(view)

    def _save_failed(self, exc: BaseException) -> bool:
        self._saving = False
        self.save_button.setEnabled(True)
        claimed = self._refused(exc)
        self._saves_done(None)
        return claimed

    def _saves_done(self, view: ApplicationView | None) -> None:
        waiting, self._after_save = self._after_save, []
        for then in waiting:
            then(view)

    def save_input(self) -> bool:
        """The "unsaved typing — save?" question's Save: the window must know the answer before it goes on.

        The question is itself modal (a nested event loop); the save runs in its worker like any other
        while a local event loop keeps the window painting, and returns once the store has answered.
        """
        answers: list[ApplicationView | None] = []
        loop = QtCore.QEventLoop()

        def done(view: ApplicationView | None) -> None:
            answers.append(view)
            loop.quit()

        self.save_then(done)
        if not answers:
            loop.exec()
        return answers[0] is not None

    # ----- moving on, confirming -----

    def move_to(self, target: str, reason: str = "") -> None:
        """Move the loaded application on; unsaved edits are saved first so nothing typed is lost."""
        if self._view is None:
            return
        if self._dirty and self.fields_box.isEnabled():
            self.save_then(lambda view: self._move(view.id, target, reason) if view is not None else None)
            return
        self._move(self._view.id, target, reason)

    def _move(self, application_id: int, target: str, reason: str) -> None:
        def moved(view: ApplicationView) -> None:
            self._fill(view)
            now = status_label(view.status, current_lang())
            self._set_banner("ok", self.tr("Application #%1 is now: %2").replace("%1", str(view.id)).replace("%2", now))
            self.saved.emit(view.id)

        run_change(self, lambda: enrollment.move_application(self._ctx, application_id, target, reason), APPLICATION_CHANGED,
                   moved, self._refused)

    def _confirm_stored(self, application_id: int, code: str) -> None:
        """A saved application records a ticked confirmation at once."""
        run_change(self, lambda: enrollment.confirm_warning(self._ctx, application_id, code), APPLICATION_CHANGED,
                   self._updated, self._refused)

    def _refused(self, exc: BaseException) -> bool:
        """A refusal is said above the fields; anything else (the store away) goes where ``operations`` sends it."""
        if isinstance(exc, ServiceError):
            self._show_reasons(exc.reasons)
            return True
        return False
