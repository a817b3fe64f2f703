"""The campaign box on the toolbar: every campaign, the closed ones marked, the right one chosen.

Opening the window, the campaign used last is shown if it still takes applications, else the
newest one that does; a reload (F5, a campaign loaded or edited elsewhere) keeps what the person
chose, even a closed one looked at on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

from kaccount_desk.services.campaigns import CampaignSummary
from kaccount_desk.ui.fit import narrow_combo
from kaccount_desk.ui.qt import QtCore, QtWidgets

# Beside a campaign's code: whether it has passed its deadline.
CLOSED_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


class CampaignBox(QtWidgets.QComboBox):
    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        narrow_combo(self, 40)

    @property
    def code(self) -> str | None:
        code = self.currentData()
        return str(code) if code else None

    def fill(self, found: Sequence[CampaignSummary], wanted: str | None, opening: bool) -> None:
        """List ``found`` and choose ``wanted`` (when opening: unless it has closed), without signalling."""
        self.blockSignals(True)
        self.clear()
        for summary in found:
            mark = self.tr(" — closed") if summary.expired else ""
            self.addItem(f"{summary.title}({summary.code}){mark}", summary.code)
            self.setItemData(self.count() - 1, summary.expired, CLOSED_ROLE)
            if summary.expired:
                self.setItemData(self.count() - 1, self.palette().placeholderText(), QtCore.Qt.ItemDataRole.ForegroundRole)
        index = self.findData(wanted)
        if opening and (index < 0 or found[index].expired):
            index = next((i for i, summary in enumerate(found) if not summary.expired), index)
        self.setCurrentIndex(index if index >= 0 else (0 if found else -1))
        self.blockSignals(False)

    def is_closed(self, index: int) -> bool:
        return bool(self.itemData(index, CLOSED_ROLE))

    def live_index(self, code: str) -> int:
        """Where ``code`` is in the box if it still takes applications, else -1."""
        index = self.findData(code)
        return index if index >= 0 and not self.is_closed(index) else -1
