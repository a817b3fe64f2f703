"""The colours that carry a state on screen, in one place.

A refusal is the same red in the login dialog, under a field, on the Admin page and in a ticket's
panel, and a warning the same amber, so a clerk learns one meaning per colour.
"""

from __future__ import annotations

COLOURS: dict[str, str] = {"reason": "#b3261e", "warning": "#9a6700", "ok": "#1b7a36", "calm": "#6b6b6b", "": "#000000"}


def text_style(state: str) -> str:
    """The style sheet that colours a label's text for ``state`` (reason, warning, ok, calm or "")."""
    return f"color: {COLOURS[state]};"
