"""The ``handover`` command group: the hand-over packages between departments, the office and the operator.

Two command modules add to it (the department seats' packages, and the office's hand-over to the
operator), each through :func:`handover_commands`, so neither needs the other to be registered first.
"""

from __future__ import annotations

import argparse
from typing import Any


def handover_commands(sub: Any) -> Any:
    """The subcommands of ``handover``, the group made on the first call and found again on the next."""
    group = sub.choices.get("handover")
    if group is None:
        group = sub.add_parser("handover", help="hand-over packages: department seats, the office, the operator")
        group.add_subparsers(dest="handover_command", required=True, metavar="STEP")
    return next(action for action in group._actions if isinstance(action, argparse._SubParsersAction))
