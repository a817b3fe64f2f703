"""Typing put aside: what of the intake form a crash must not take (a draft), the draft back, Discard,
and the open application re-read from the store around what is typed.

The draft keeper (``ui/drafts.py``) asks ``draft_fields`` every few seconds and the main window
offers a kept draft back after a restart through ``restore_draft``.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput, ApplicationView
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.qt import QtWidgets


class IntakeDrafts(QtWidgets.QWidget):
    """The drafts job of :class:`IntakeForm`: unsaved typing kept and given back."""

    _ctx: Context
    _code: str
    _dirty: bool
    _view: ApplicationView | None
    fields_box: QtWidgets.QWidget
    dept_combo: QtWidgets.QComboBox
    name_edit: QtWidgets.QLineEdit
    doc_type_combo: QtWidgets.QComboBox
    id_edit: QtWidgets.QLineEdit
    keep_radio: QtWidgets.QRadioButton
    new_radio: QtWidgets.QRadioButton
    number_edit: QtWidgets.QLineEdit
    packages_edit: QtWidgets.QLineEdit
    plan_combo: QtWidgets.QComboBox
    note_edit: QtWidgets.QLineEdit
    late_edit: QtWidgets.QLineEdit

    # Provided by the form (new), its store calls (load, _read_campaign), its fields (_input, _check_addons) and its checks.
    load: Callable[..., None]
    new: Callable[[], None]
    _read_campaign: Callable[[str, Callable[[], object]], None]
    _refused: Callable[[BaseException], bool]
    _adopt: Callable[[ApplicationView], None]
    _input: Callable[[], ApplicationInput]
    _check_addons: Callable[[tuple[str, ...]], None]
    _ask_preview: Callable[..., None]
    _set_banner: Callable[[str, str], None]
    _fill: Callable[[ApplicationView], None]

    def reread_store(self) -> None:
        """A change made elsewhere (another page or desk, the CLI; F5): re-read the open application.

        What only the store knows (its ID copies, status, allowed moves, what is missing) is painted
        afresh; the fields are refilled only when no typing waits to be saved, so nothing typed is
        lost. The answer is dropped when another application was opened (or a new one started) since.
        """
        if self._view is None:
            return
        application_id = self._view.id

        def done(view: ApplicationView) -> None:
            if self._view is None or self._view.id != application_id:
                return
            if not self._dirty:
                self._fill(view)
            else:
                self._adopt(view)

        run_query(self, lambda: enrollment.get_application(self._ctx, application_id), done, self._refused)

    def has_unsaved_input(self) -> bool:
        """Typed but not saved; department and plan alone do not count, they carry over on purpose."""
        edits = (self.name_edit, self.id_edit, self.number_edit, self.packages_edit, self.note_edit, self.late_edit)
        return self._dirty and self.fields_box.isEnabled() and any(edit.text().strip() for edit in edits)

    def draft_fields(self) -> dict[str, object] | None:
        """What a crash must not take (services/drafts.py): the typed fields, or None if nothing is unsaved."""
        if not self.has_unsaved_input():
            return None
        inp = self._input()
        typed = inp.fields
        return {
            "application_id": self._view.id if self._view else None, "campaign": inp.campaign_code,
            "department": typed.department, "name": typed.name, "id_number": typed.id_number, "id_type": typed.id_type,
            "number_source": typed.number_source, "msisdn": typed.msisdn, "packages": typed.current_packages,
            "plan": inp.plan, "addons": list(inp.addons), "note": inp.note, "late_reason": inp.late_reason,
        }

    def restore_draft(self, fields: dict[str, object]) -> None:
        """A kept draft back in the form as unsaved typing (on the saved application it was typed over).

        The campaign and the saved application are read first (in the background); the typing is
        put back once they are in the form, so their answers cannot paint over it.
        """
        campaign = fields.get("campaign")
        saved = fields.get("application_id")
        if isinstance(saved, int):
            self.load(saved, lambda: self._put_back(fields))
        elif isinstance(campaign, str) and campaign and campaign != self._code:
            self._read_campaign(campaign, lambda: self._start_with(fields))
        else:
            self.new()
            self._put_back(fields)

    def _start_with(self, fields: dict[str, object]) -> None:
        self.new()
        self._put_back(fields)

    def _put_back(self, fields: dict[str, object]) -> None:
        def text(key: str) -> str:
            value = fields.get(key)
            return value if isinstance(value, str) else ""

        self.dept_combo.setEditText(text("department"))
        self.name_edit.setText(text("name"))
        self.doc_type_combo.setCurrentIndex(max(0, self.doc_type_combo.findData(text("id_type"))))
        self.id_edit.setText(text("id_number"))
        (self.new_radio if text("number_source") == "pool" else self.keep_radio).setChecked(True)
        self.number_edit.setText(text("msisdn"))
        self.packages_edit.setText(text("packages"))
        self.plan_combo.setCurrentIndex(max(0, self.plan_combo.findData(text("plan"))))
        self.note_edit.setText(text("note"))
        self.late_edit.setText(text("late_reason"))
        self._dirty = True
        addons = fields.get("addons")
        ticks = tuple(str(a) for a in addons) if isinstance(addons, list) else ()
        # The plan's add-ons are listed by the preview: the kept ticks go back once it has answered.
        self._ask_preview(lambda: self._tick_addons(ticks))

    def _tick_addons(self, ticks: tuple[str, ...]) -> None:
        self._check_addons(ticks)
        self._ask_preview()

    def discard(self) -> bool:
        """Put typing aside after a confirmation: a saved application shows as saved again, a new one empties.

        The way out when an application cannot be saved yet and the customer has to come back later.
        """
        if self.has_unsaved_input():
            answer = QtWidgets.QMessageBox.question(
                self, self.tr("Discard changes"), self.tr("Discard what was typed since the last save?"),
                QtWidgets.QMessageBox.StandardButton.Discard | QtWidgets.QMessageBox.StandardButton.Cancel,
                QtWidgets.QMessageBox.StandardButton.Cancel,
            )
            if answer != QtWidgets.QMessageBox.StandardButton.Discard:
                return False
        if self._view is None:
            self.new()
        else:
            self._dirty = False
            self.load(self._view.id)
        self._set_banner("info", self.tr("Changes discarded"))
        return True

    def unsaved_text(self) -> str:
        return self.tr("The application in the form has not been saved. Save it as a draft now?")

    def can_save_input(self) -> bool:
        return True
