"""The ``handover`` command group, which more than one command module fills (seat ↔ office, office → operator)."""

from __future__ import annotations

from typing import Any

_groups: dict[int, Any] = {}


def handover_group(sub: Any) -> Any:
    """The ``handover`` subcommands of this parser, made the first time a module asks for them."""
    found = _groups.get(id(sub))
    if found is None:
        p = sub.add_parser("handover", help="hand-over packages between department seats, the office and the operator")
        found = p.add_subparsers(dest="handover_command", metavar="STEP", required=True)
        _groups[id(sub)] = found
    return found
