"""``ticket appoint`` and ``ticket visited``: repair visits booked, moved and recorded (issue 23 item 8).

Registered under ``ticket`` by ``ticket_commands.register``, printing the ticket as its other actions do.
``--from``/``--to`` accept any ISO 8601 time; one without an offset is read as +08:00, the hall's.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, row_number
from kaccount_desk.cli.session import logged_in


def register(tsub: Any, iso: Callable[[str], Any], show: Callable[[argparse.Namespace, Any], None]) -> None:
    """Add the two commands to the ``ticket`` parser; ``iso`` parses a time, ``show`` prints the ticket."""
    c = tsub.add_parser("appoint", help="book a repair visit for a fault (the owner); with a visit booked, --reason moves it")
    c.add_argument("id", type=row_number)
    c.add_argument("--from", dest="start", required=True, type=iso, metavar="ISO-8601")
    c.add_argument("--to", dest="end", required=True, type=iso, metavar="ISO-8601")
    c.add_argument("--visitor", required=True, metavar="NAME", help="who goes to the customer")
    c.add_argument("--reason", default="", metavar="TEXT", help="why the booked visit is moved (required to reschedule)")
    json_flag(c)

    def appoint(args: argparse.Namespace) -> int:
        from kaccount_desk.services import appointments

        show(args, appointments.appoint(logged_in(args), args.id, args.start, args.end, args.visitor, args.reason))
        return OK

    c.set_defaults(handler=appoint)

    c = tsub.add_parser("visited", help="record that the booked visit took place (the owner)")
    c.add_argument("id", type=row_number)
    c.add_argument("--note", default="", metavar="TEXT")
    json_flag(c)

    def visited(args: argparse.Namespace) -> int:
        from kaccount_desk.services import appointments

        show(args, appointments.visited(logged_in(args), args.id, args.note))
        return OK

    c.set_defaults(handler=visited)
