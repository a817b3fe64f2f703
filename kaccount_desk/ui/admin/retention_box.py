"""The administrator's box for ID-card images: how long they are kept, and purging those past it.

The purge always lists first (the service's dry run) and asks; only then does it delete, and the
service records it. Nothing here decides what is due: the box shows what the service returns.
"""

from __future__ import annotations

from collections.abc import Callable

from kaccount_desk.domain.retention import MAX_DAYS, MODE_LABELS, RetentionMode
from kaccount_desk.services import retention
from kaccount_desk.services.admin_settings import AdminSettings
from kaccount_desk.services.changes import APPLICATION_CHANGED, SETTINGS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.services.retention import PurgeReport, RetentionPolicy
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_change, run_query
from kaccount_desk.ui.qt import QtWidgets, Slot

Confirm = Callable[[PurgeReport], bool]


class RetentionBox(QtWidgets.QGroupBox):
    def __init__(self, ctx: Context, parent: QtWidgets.QWidget | None = None) -> None:
        """Empty until painted: the page reads every box's settings in one statement and hands them out (``painter``)."""
        super().__init__(parent)
        self.setTitle(self.tr("ID-card images: keeping and purging"))
        self.ctx = ctx
        self.last_purge: PurgeReport | None = None
        self.mode = QtWidgets.QComboBox()
        for mode in RetentionMode:
            zh, en = MODE_LABELS[mode]
            self.mode.addItem(en if current_lang() == "en" else zh, mode.value)
        self.days = QtWidgets.QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.abandoned_days = QtWidgets.QSpinBox()
        self.abandoned_days.setRange(1, MAX_DAYS)
        self.abandoned_days.setToolTip(self.tr(
            "Counter rule: the ID-card images of applications never finished (draft, collected, submitted or sent) "
            "are deleted this many days after their campaign closed"
        ))
        self.save_button = QtWidgets.QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.purge_button = QtWidgets.QPushButton(self.tr("Purge expired ID copies…"))
        self.purge_button.clicked.connect(lambda: self.purge())
        self.status = QtWidgets.QLabel()
        self.status.setWordWrap(True)
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Rule"), self.mode)
        form.addRow(self.tr("Days (office)"), self.days)
        form.addRow(self.tr("Days after the close, unfinished (counter)"), self.abandoned_days)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.purge_button)
        row.addStretch(1)
        form.addRow("", row)
        form.addRow("", self.status)
        self.mode.currentIndexChanged.connect(self._mode_chosen)

    @Slot()
    def _mode_chosen(self) -> None:
        office = self.mode.currentData() == RetentionMode.OFFICE.value
        self.days.setEnabled(office)
        self.abandoned_days.setEnabled(not office)

    def _fields(self) -> tuple[object, int, int]:
        return self.mode.currentData(), self.days.value(), self.abandoned_days.value()

    def painter(self) -> Callable[[AdminSettings], None]:
        """What paints the rule from the page's read of every box's settings, asked now (read off the
        GUI thread: a rule changed in the fields meanwhile is kept)."""
        asked_with = self._fields()
        return lambda found: self._show(found.retention, asked_with) if found.retention is not None else None

    def _show(self, policy: RetentionPolicy, asked_with: tuple[object, int, int]) -> None:
        if self._fields() != asked_with:
            return
        self.mode.setCurrentIndex(self.mode.findData(policy.mode.value))
        self.days.setValue(policy.days)
        self.abandoned_days.setValue(policy.abandoned_days)
        self._mode_chosen()

    @Slot()
    def save(self) -> None:
        ctx, (mode, days, abandoned_days) = self.ctx, self._fields()
        run_change(self, lambda: retention.set_policy(ctx, str(mode), days, abandoned_days), SETTINGS_CHANGED,
                   lambda _policy: self.status.setText(self.tr("Saved.")))

    def _ask(self, report: PurgeReport) -> bool:
        ids = ", ".join(str(d.application_id) for d in report.due[:30]) + ("…" if len(report.due) > 30 else "")
        text = self.tr("%1 ID-card images of %2 applications are past their keeping date (applications %3). Delete them?")
        answer = QtWidgets.QMessageBox.question(
            self, self.tr("Purge ID copies"), text.replace("%1", str(report.images)).replace("%2", str(len(report.due))).replace("%3", ids)
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def purge(self, confirm: Confirm | None = None) -> None:
        """List first, ask, then delete, each store call off the GUI thread; ``confirm`` stands in for the question in tests.

        ``last_purge`` is the last report shown: what was listed, or what was deleted (None: nothing, by choice).
        """
        ctx = self.ctx

        def listed(report: PurgeReport) -> None:
            self.last_purge = report
            if not report.due:
                self.status.setText(self.tr("No ID copies are past their keeping date."))
            elif not (confirm or self._ask)(report):
                self.last_purge = None
                self.status.setText(self.tr("Nothing was deleted."))
            else:
                run_change(self, lambda: retention.purge_id_copies(ctx, dry_run=False), APPLICATION_CHANGED, deleted)

        def deleted(report: PurgeReport) -> None:
            self.last_purge = report
            self.status.setText(self.tr("Deleted %1 ID-card images.").replace("%1", str(report.images)))

        run_query(self, lambda: retention.purge_id_copies(ctx, dry_run=True), listed)
