"""Status, history and the workflow moves of one application, beside the intake form.

The panel enables the moves the service said this person may make now (``ApplicationView.moves``, then the
form's preview, which leaves out a forward move that would be refused), and asks
for a move with ``move_requested``; the form makes it, because unsaved edits are saved first.
"""

from __future__ import annotations

from datetime import tzinfo

from kaccount_desk.domain.workflow import Status, status_label
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationView
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.qt import Qt, QtWidgets, Signal


class WorkflowPanel(QtWidgets.QGroupBox):
    """Status, history and the moves this person may make from the current status."""

    move_requested = Signal(str, str)

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.setTitle(self.tr("Status and history"))
        self._ctx = ctx
        self.status_label = QtWidgets.QLabel()
        self.history = QtWidgets.QListWidget()
        self.history.setMaximumHeight(90)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons: dict[Status, QtWidgets.QPushButton] = {}
        self.reject_reason = QtWidgets.QLineEdit()
        self.reject_reason.setPlaceholderText(self.tr("Operator's reason for rejecting"))
        self.reject_reason.returnPressed.connect(lambda: self._request(Status.REJECTED))
        titles = {
            Status.COLLECTED: self.tr("Collect"),
            Status.SUBMITTED: self.tr("Submit"),
            Status.SENT: self.tr("Send to carrier"),
            Status.ACTIVATED: self.tr("Activated"),
            Status.REJECTED: self.tr("Rejected"),
            Status.WITHDRAWN: self.tr("Withdraw"),
        }
        # Forward moves in two rows of two, so the form stays narrow enough for a 1280 px screen in either language.
        forward, back = QtWidgets.QGridLayout(), QtWidgets.QHBoxLayout()
        back.addWidget(self.reject_reason, 1)
        for target, title in titles.items():
            button = QtWidgets.QPushButton(title)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _checked=False, t=target: self._request(t))
            self.buttons[target] = button
            if target in (Status.REJECTED, Status.WITHDRAWN):
                back.addWidget(button)
            else:
                forward.addWidget(button, forward.count() // 2, forward.count() % 2)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(forward)
        layout.addLayout(back)
        layout.addWidget(self.history)
        self.set_view(None)

    def _request(self, target: Status) -> None:
        if self.buttons[target].isEnabled():
            self.move_requested.emit(target.value, self.reject_reason.text() if target is Status.REJECTED else "")

    def set_moves(self, moves: frozenset[Status]) -> None:
        """Enable the moves the service offers now (``IntakePreview.moves``: none that it would refuse)."""
        for target, button in self.buttons.items():
            button.setEnabled(target in moves)
        self.reject_reason.setEnabled(self.buttons[Status.REJECTED].isEnabled())

    def set_view(self, view: ApplicationView | None, tz: tzinfo | None = None) -> None:
        """Times are shown in the campaign's own offset, the one its deadline was announced in."""
        lang = current_lang()
        self.history.clear()
        self.reject_reason.clear()
        self.set_moves(view.moves if view else frozenset())
        if view is None:
            self.status_label.setText(self.tr("Not saved yet"))
            return
        self.status_label.setText(self.tr("Application #%1: %2").replace("%1", str(view.id)).replace("%2", status_label(view.status, lang)))
        for e in view.events:
            moved = f"{status_label(e.from_status, lang)} → " if e.from_status else ""
            note = f"  {e.note}" if e.note else ""
            to = status_label(e.to_status, lang)
            self.history.addItem(f"{e.at.astimezone(tz):%Y-%m-%d %H:%M}  {e.staff_name} ({e.staff_no})  {moved}{to}{note}")
