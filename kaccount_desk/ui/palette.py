"""The colours that carry a state on screen, in one place.

A refusal is the same red in the login dialog, under a field, on the Admin page, in a ticket's
panel and on an overdue row, and a warning the same amber, so a clerk learns one meaning per colour.
Widgets name a state ("reason", "warning", "ok", "calm", "info"); only this module knows the colours.
"""

from __future__ import annotations

# Text (and the bar of a progress cell) in each state.
COLOURS: dict[str, str] = {"reason": "#b3261e", "warning": "#9a6700", "ok": "#1b7a36", "calm": "#6b6b6b", "info": "#1f3b6e", "": "#000000"}
# Behind a banner's text: pale enough for the state's own text colour to read on it.
BANNER_BACKGROUNDS: dict[str, str] = {"reason": "#fdecea", "warning": "#fff4d6", "ok": "#e6f4ea", "info": "#eef3fb"}
# Behind a table row: stronger than a banner's, so one row stands out among white ones.
ROW_BACKGROUNDS: dict[str, str] = {"reason": "#f6c6c6", "warning": "#ffe1a6"}

# What a ticket's urgency (domain.ticket_deadlines.urgency) and an application's status look like.
# A complaint from its 10th day is red like an overdue ticket (domain.ticket_pauses.queue_state).
# A repair visit not recorded by the end of its window is red too (ticket_queries.TicketRow.missed_visit).
URGENCY_STATES: dict[str, str] = {"overdue": "reason", "escalated": "reason", "missed_visit": "reason",
                                   "due_soon": "warning", "done": "calm", "waiting": "info"}
APPLICATION_STATUS_STATES: dict[str, str] = {"rejected": "reason", "withdrawn": "calm", "activated": "ok"}


def text_style(state: str) -> str:
    """The style sheet that colours a label's text for ``state`` (reason, warning, ok, calm, info or "")."""
    return f"color: {COLOURS[state]};"


def banner_style(state: str) -> str:
    """The style sheet of a banner (a message across a page) in ``state``."""
    return f"background: {BANNER_BACKGROUNDS[state]}; color: {COLOURS[state]}; padding: 6px; border-radius: 4px;"
