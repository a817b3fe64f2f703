"""Choosing a new number from the campaign's reserved pool, by tail digits and simple patterns.

The applicant stands at the counter saying "something ending in 88": the list follows every
keystroke, the first free match is already selected, and Enter takes it.
"""

from __future__ import annotations

from kaccount_desk.domain.number_patterns import PATTERN_LABELS, Pattern
from kaccount_desk.services import pool
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.services.pool import PoolEntry
from kaccount_desk.ui.enrollment.latest_query import LatestQuery
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtCore, QtGui, QtWidgets

RESULT_LIMIT = 500
# Keys that move through the list from the tail field (QKeyEvent.key() is a plain int).
STEP_OF_KEY = {int(Qt.Key.Key_Up): -1, int(Qt.Key.Key_Down): 1, int(Qt.Key.Key_PageUp): -10, int(Qt.Key.Key_PageDown): 10}
_NUMBER_ROLE = Qt.ItemDataRole.UserRole


class PoolBrowser(QtWidgets.QDialog):
    """A dialog that never needs ``exec`` in tests: build it, drive it, then call ``accept()``."""

    def __init__(self, ctx: Context, campaign_code: str, tail: str = "", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._code = campaign_code
        self._chosen: str | None = None
        self._query = LatestQuery()
        self._accept_when_settled = False
        self.setWindowTitle(self.tr("Choose a new number"))
        self.tail_edit = QtWidgets.QLineEdit(tail)
        self.tail_edit.setPlaceholderText(self.tr("Last digits, e.g. 88"))
        self.tail_edit.setValidator(QtGui.QRegularExpressionValidator(QtCore.QRegularExpression(r"[0-9]{0,11}"), self))
        self.tail_edit.installEventFilter(self)
        self.pattern_boxes: dict[Pattern, QtWidgets.QCheckBox] = {}
        self.show_taken = QtWidgets.QCheckBox(self.tr("Show taken numbers too"))
        self.numbers = QtWidgets.QListWidget()
        self.numbers.setFlow(QtWidgets.QListView.Flow.LeftToRight)
        self.numbers.setWrapping(True)
        self.numbers.setResizeMode(QtWidgets.QListView.ResizeMode.Adjust)
        self.numbers.setUniformItemSizes(True)
        self.numbers.setSpacing(4)
        self.numbers.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont))
        self.count_label = QtWidgets.QLabel()
        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(text_style("reason"))
        self.error_label.hide()
        self._build_layout()
        self.tail_edit.textChanged.connect(self.refresh)
        self.show_taken.toggled.connect(self.refresh)
        self.numbers.itemDoubleClicked.connect(lambda _item: self.accept())
        self.resize(560, 420)
        self.refresh()

    def _build_layout(self) -> None:
        lang = current_lang()
        filters = QtWidgets.QHBoxLayout()
        tail_label = QtWidgets.QLabel(self.tr("&Tail digits:"))
        tail_label.setBuddy(self.tail_edit)
        filters.addWidget(tail_label)
        filters.addWidget(self.tail_edit, 1)
        for pattern, name in PATTERN_LABELS.choices(lang):
            box = QtWidgets.QCheckBox(name)
            box.toggled.connect(self.refresh)
            self.pattern_boxes[Pattern(pattern)] = box
            filters.addWidget(box)
        standard = QtWidgets.QDialogButtonBox.StandardButton
        buttons = QtWidgets.QDialogButtonBox(standard.Ok | standard.Cancel)
        buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Take this number"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        bottom = QtWidgets.QHBoxLayout()
        bottom.addWidget(self.show_taken)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.numbers, 1)
        layout.addWidget(self.error_label)
        layout.addLayout(bottom)
        layout.addWidget(buttons)

    @property
    def chosen_number(self) -> str | None:
        """The number taken with Enter, a double-click or OK; None until then."""
        return self._chosen

    def patterns(self) -> frozenset[Pattern]:
        return frozenset(p for p, box in self.pattern_boxes.items() if box.isChecked())

    def visible_numbers(self) -> list[str]:
        return [self.numbers.item(i).data(_NUMBER_ROLE) for i in range(self.numbers.count())]

    def refresh(self) -> None:
        """Re-query on every change, off the GUI thread: the tail field never waits for the store."""
        tail, patterns, free_only = self.tail_edit.text(), self.patterns(), not self.show_taken.isChecked()
        self._query.ask(lambda done, failed: run_query(
            self, lambda: pool.browse_pool(self._ctx, self._code, tail, patterns, free_only, RESULT_LIMIT), done, failed,
        ), self._answered, self._failed)

    @property
    def settled(self) -> bool:
        """The list shows the answer for what is typed and ticked now."""
        return self._query.settled

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, ServiceError):
            return False
        self.error_label.setText("\n".join(exc.texts(current_lang())))
        self.error_label.show()
        return True

    def _answered(self, entries: list[PoolEntry]) -> None:
        self._paint(entries)
        if self._accept_when_settled:
            self._accept_when_settled = False
            self.accept()

    def _paint(self, entries: list[PoolEntry]) -> None:
        self.error_label.hide()
        self.numbers.clear()
        free = 0
        for entry in entries:
            item = QtWidgets.QListWidgetItem(entry.number if entry.free else self.tr("%1 (taken)").replace("%1", entry.number))
            item.setData(_NUMBER_ROLE, entry.number)
            if entry.free:
                free += 1
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.numbers.addItem(item)
        first_free = next((i for i in range(self.numbers.count()) if self.numbers.item(i).flags() & Qt.ItemFlag.ItemIsEnabled), None)
        if first_free is not None:
            self.numbers.setCurrentRow(first_free)
        more = self.tr(" (first %1 shown)").replace("%1", str(RESULT_LIMIT)) if len(entries) >= RESULT_LIMIT else ""
        self.count_label.setText(self.tr("%1 free of %2 listed").replace("%1", str(free)).replace("%2", str(len(entries))) + more)

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        """Up and Down in the tail field move through the list, so the hands stay on the keys."""
        if watched is self.tail_edit and event.type() == QtCore.QEvent.Type.KeyPress and isinstance(event, QtGui.QKeyEvent):
            step = STEP_OF_KEY.get(event.key())
            if step is not None:
                self._step(step)
                return True
        return super().eventFilter(watched, event)

    def _step(self, delta: int) -> None:
        """Move the selection in reading order, over taken numbers, which cannot be picked."""
        free = [i for i in range(self.numbers.count()) if self.numbers.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
        if not free:
            return
        current = self.numbers.currentRow()
        position = free.index(current) if current in free else 0
        self.numbers.setCurrentRow(free[max(0, min(len(free) - 1, position + delta))])

    def accept(self) -> None:
        """Take the selected free number; with none selected the dialog stays open.

        Enter pressed before the list caught up with the digits takes the first free match once it has.
        """
        if not self._query.settled:
            self._accept_when_settled = True
            return
        item = self.numbers.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self._chosen = item.data(_NUMBER_ROLE)
        super().accept()

    @classmethod
    def pick(cls, ctx: Context, campaign_code: str, tail: str = "", parent: QtWidgets.QWidget | None = None) -> tuple[str | None, bool]:
        """Open modally and return (number, accepted); callers never touch the dialog itself."""
        dialog = cls(ctx, campaign_code, tail, parent)
        accepted = dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted
        number = dialog.chosen_number
        dialog.deleteLater()
        return number, accepted
