"""What an operation changed in the store, so every open view can decide what to read again.

Modelled on Anki's ``OpChanges``: a change returns which kinds of records it touched, and each
screen re-reads only what it shows of those kinds. Plain data, shared by both faces: the GUI
spreads it to every open page, and a command could report it. ``EVERYTHING`` is what F5 says
(rows may have been written by another desk or the command line, unseen by this one).
"""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    """Which kinds of stored records an operation (or another desk) may have changed."""

    applications: bool = False  # applications, their ID copies, their moves, rosters imported
    tickets: bool = False  # tickets and their history
    staff: bool = False  # staff accounts, roles, departments
    campaigns: bool = False  # campaigns, their departments, plans and pools
    settings: bool = False  # ticket time limits, retention and other stored settings
    audit: bool = False  # the audit log (every change above writes it too)

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    @property
    def everything(self) -> bool:
        return all(getattr(self, f.name) for f in fields(self))

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


EVERYTHING = Changes(True, True, True, True, True, True)
# What each kind of operation changes; the faces name these rather than spelling the flags again.
APPLICATION_CHANGED = Changes(applications=True, audit=True)  # a save, a move, an ID copy, a confirmation
APPLICATIONS_MOVED = APPLICATION_CHANGED  # a batch move
ROSTER_IMPORTED = APPLICATION_CHANGED
TICKET_CHANGED = Changes(tickets=True, audit=True)  # a ticket opened or acted on
STAFF_CHANGED = Changes(staff=True, audit=True)
CAMPAIGNS_CHANGED = Changes(campaigns=True, audit=True)
SETTINGS_CHANGED = Changes(settings=True, audit=True)
