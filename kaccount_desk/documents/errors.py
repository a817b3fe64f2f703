"""The one exception the documents package raises for problems a clerk can act on.

It carries a :class:`Reason` rather than a bare message so the UI and the CLI show the same
Chinese wording (and English on request) that the domain checks use.
"""

from __future__ import annotations

from kaccount_desk.domain.reasons import Reason


class DocumentError(Exception):
    """A document could not be made; ``reason.code`` is stable for scripts and tests."""

    def __init__(self, reason: Reason) -> None:
        super().__init__(f"{reason.zh} ({reason.en})")
        self.reason = reason


def nothing_to_print() -> DocumentError:
    return DocumentError(Reason("doc.empty", "没有可打印的申请", "There are no applications to print."))


class Cancelled(Exception):
    """The person stopped a long print job from its progress callback; no file was kept."""
