"""The administrator's box for the organisation's name, which heads every printed notice and roster.

The name is the store's, shared by every PC of the office. Stores made before it was kept there
have none; if this PC's settings still hold the name its first-run wizard was given, the box
offers it (filled in, not saved) so the administrator only has to press Save.
"""

from __future__ import annotations

from kaccount_desk.services import organisation
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.messages import show_error
from kaccount_desk.ui.qt import QtWidgets, Slot
from kaccount_desk.ui.settings import ORGANISATION, Settings


class OrganisationBox(QtWidgets.QGroupBox):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Organisation"))
        self.ctx = ctx
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText(self.tr("Printed above the notice, the rosters and the summary"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        form = QtWidgets.QFormLayout(self)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.save_button)
        form.addRow(self.tr("Name"), row)
        form.addRow("", self.status)
        self.refresh()

    def refresh(self) -> None:
        try:
            stored = organisation.organisation_name(self.ctx)
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.name.setText(stored)
        earlier = Settings().get(ORGANISATION).strip()
        if not stored and earlier:
            self.name.setText(earlier)
            self.status.setText(self.tr("Filled in from this PC's earlier setting: press Save to print it for the whole office."))

    @Slot()
    def save(self) -> None:
        try:
            saved = organisation.set_organisation_name(self.ctx, self.name.text())
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.name.setText(saved)
        cleared = self.tr("Cleared: documents print no organisation line.")
        self.status.setText(self.tr("Saved for every PC of this office.") if saved else cleared)
