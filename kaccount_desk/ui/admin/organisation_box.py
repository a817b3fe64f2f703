"""The administrator's box for the organisation's name, which heads every printed notice and roster.

The name is the store's, shared by every PC of the office. Stores made before it was kept there
have none; if this PC's settings still hold the name its first-run wizard was given, the box
offers it (filled in, not saved) so the administrator only has to press Save.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.services import organisation
from kaccount_desk.services.admin_settings import AdminSettings
from kaccount_desk.services.changes import SETTINGS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.ui.operations import run_change
from kaccount_desk.ui.qt import QtWidgets, Slot
from kaccount_desk.ui.settings import ORGANISATION, Settings


class OrganisationBox(QtWidgets.QGroupBox):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        """Empty until painted: the page reads every box's settings in one statement and hands them out (``painter``)."""
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

    def painter(self) -> Callable[[AdminSettings], None]:
        """What paints the name from the page's read of every box's settings, asked now (read off the
        GUI thread: a name typed meanwhile is kept)."""
        asked_with = self.name.text()
        return lambda found: self._show(found.organisation, asked_with) if found.organisation is not None else None

    def _show(self, stored: str, asked_with: str) -> None:
        if self.name.text() != asked_with:
            return  # the administrator typed while it was read: their typing wins
        self.name.setText(stored)
        earlier = Settings().get(ORGANISATION).strip()
        if not stored and earlier:
            self.name.setText(earlier)
            self.status.setText(self.tr("Filled in from this PC's earlier setting: press Save to print it for the whole office."))

    @Slot()
    def save(self) -> None:
        ctx, typed = self.ctx, self.name.text()
        run_change(self, lambda: organisation.set_organisation_name(ctx, typed), SETTINGS_CHANGED, self._saved)

    def _saved(self, saved: str) -> None:
        self.name.setText(saved)
        cleared = self.tr("Cleared: documents print no organisation line.")
        self.status.setText(self.tr("Saved for every PC of this office.") if saved else cleared)
