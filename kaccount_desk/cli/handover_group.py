"""The ``handover`` command group, which more than one command module fills (seat ↔ office, office → operator)."""

from __future__ import annotations

from typing import Any

_KEPT = "_kaccount_handover_group"


def handover_group(sub: Any) -> Any:
    """The ``handover`` subcommands of this parser, made the first time a module asks for them.

    Kept on the parser's own subcommand object (not in a table by ``id``): each ``run`` builds a new
    parser, and an id reused after the old one is gone would hand back the old parser's group.
    """
    found = getattr(sub, _KEPT, None)
    if found is None:
        p = sub.add_parser("handover", help="hand-over packages between department seats, the office and the operator")
        found = p.add_subparsers(dest="handover_command", metavar="STEP", required=True)
        setattr(sub, _KEPT, found)
    return found
