"""Parsing the command line and turning outcomes into exit codes: 0 fine, 1 refused, 2 misuse."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from kaccount_desk import __version__
from kaccount_desk.cli import enrollment_commands, print_commands, staff_commands, ticket_commands
from kaccount_desk.cli.output import REFUSED, USAGE, complain, print_json
from kaccount_desk.cli.session import UsageError
from kaccount_desk.services.errors import ServiceError

Registrar = Callable[[argparse._SubParsersAction], None]  # type: ignore[type-arg]
REGISTRARS: list[Registrar] = [
    enrollment_commands.register, staff_commands.register, ticket_commands.register, print_commands.register,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kaccount-desk",
        description="大客户业务受理、首问负责工单与打印 / key-account intake, first-contact tickets and printing. "
        "Without a command the desktop app opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", help="a store path or SQLAlchemy URL (default: KACCOUNT_DB, else the per-user store)")
    parser.add_argument("--as", dest="as_staff", metavar="STAFF_ID", help="act as this staff member (password from KACCOUNT_PASSWORD or a prompt)")
    parser.add_argument(
        "--lang", choices=["zh", "en"], default=os.environ.get("KACCOUNT_LANG", "zh") if os.environ.get("KACCOUNT_LANG") in ("zh", "en") else "zh",
        help="language of messages (default zh)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return USAGE
    try:
        return int(handler(args))
    except UsageError as exc:
        complain(str(exc))
        return USAGE
    except ServiceError as exc:
        if getattr(args, "json", False):
            print_json({"error": True, "reasons": exc.texts(args.lang), "codes": [r.code for r in exc.reasons]})
        for text in exc.texts(args.lang):
            complain(text)
        return REFUSED
    except KeyboardInterrupt:
        complain("已取消 / cancelled")
        return REFUSED


def main(argv: Sequence[str] | None = None) -> int:
    return run(sys.argv[1:] if argv is None else argv)
