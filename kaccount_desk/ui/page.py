"""What the main window asks of each of its pages (Enrollment, Tickets, Print, Admin).

A page follows the campaign chosen in the toolbar and re-reads what it shows when told: after any
change (``apply_changes``, from the one app-wide signal of ``ui/operations.py``) and on F5.
The window types against this protocol, so a page that forgets one of them fails
mypy, instead of being skipped quietly at run time as a ``getattr(page, "set_campaign", None)`` was.
"""

from __future__ import annotations

from typing import Protocol

from kaccount_desk.services.changes import Changes


class Page(Protocol):
    def set_campaign(self, code: str | None) -> None:
        """The campaign chosen in the toolbar (``None``: there is none yet); called whenever it changes."""

    def refresh(self) -> None:
        """Re-read what the page shows: rows were written behind its back (a roster import)."""

    def apply_changes(self, changes: Changes, origin: object) -> None:
        """Something changed (here, on another page, or on F5 at another desk): re-read what shows of it.

        ``origin`` is the widget that made the change (None for F5); a panel that already shows the
        result of its own change need not read it again, every other view must.
        """

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor in the page's search box; False for a page that has none."""
