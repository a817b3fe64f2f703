"""Parsing the command line and turning outcomes into exit codes: 0 fine, 1 refused, 2 misuse, 3 store unavailable.

Building the parser imports no service: each command imports what it uses when it runs, so a
quick check (``check-id``) or ``--help`` does not load SQLAlchemy, reportlab or openpyxl.
``run(argv)`` is the in-process entry point (tests and the soak call it); ``main`` is the script's.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from types import TracebackType

from kaccount_desk import __version__
from kaccount_desk.cli import (
    answers_commands,
    application_commands,
    billing_commands,
    company_commands,
    customer_commands,
    demo_commands,
    enrollment_commands,
    handover_commands,
    key_commands,
    manager_commands,
    operator_commands,
    outage_commands,
    print_commands,
    report_commands,
    retention_commands,
    staff_commands,
    task_commands,
    ticket_commands,
    vault_commands,
)
from kaccount_desk.cli.output import REFUSED, UNAVAILABLE, USAGE, complain, print_json, words
from kaccount_desk.cli.session import UsageError
from kaccount_desk.services.errors import ServiceError, StoreUnavailable

Registrar = Callable[[argparse._SubParsersAction], None]
REGISTRARS: list[Registrar] = [
    enrollment_commands.register, application_commands.register, staff_commands.register, ticket_commands.register,
    print_commands.register, vault_commands.register, retention_commands.register, demo_commands.register,
    key_commands.register, handover_commands.register, operator_commands.register, outage_commands.register,
    company_commands.register, billing_commands.register, customer_commands.register,
    report_commands.register,
    manager_commands.register, task_commands.register,
    answers_commands.register,
]


def _default_lang() -> str:
    chosen = os.environ.get("KACCOUNT_LANG")
    return chosen if chosen in ("zh", "en") else "zh"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kaccount-desk",
        description="大客户业务受理、首问负责工单与打印 / key-account intake, first-contact tickets and printing. "
        "Without a command the desktop app opens. Exit codes: 0 fine, 1 input refused, 2 wrong usage, 3 store unavailable.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="on a temporary store: run the migrations, print one application form, read its QR code back; exit 0 if all worked",
    )
    parser.add_argument("--db", metavar="URL", help="a store path or SQLAlchemy URL (default: KACCOUNT_DB, else the per-user store)")
    parser.add_argument("--as", dest="as_staff", metavar="STAFF_ID",
                        help="act as this staff member (password from KACCOUNT_PASSWORD or a prompt)")
    parser.add_argument("--lang", choices=["zh", "en"], default=_default_lang(), help="language of messages (default zh, or KACCOUNT_LANG)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in REGISTRARS:
        register(sub)
    return parser


def _reasons(args: argparse.Namespace, exc: ServiceError | StoreUnavailable, **extra: object) -> None:
    if getattr(args, "json", False):
        print_json({"error": True, **extra, "reasons": exc.texts(args.lang), "codes": [r.code for r in exc.reasons]})
    for text in exc.texts(args.lang):
        complain(text)


def _offer_backup(args: argparse.Namespace, exc: StoreUnavailable) -> None:
    """A damaged store file: name the latest daily backup and the command that restores it."""
    from kaccount_desk import config
    from kaccount_desk.services import backup

    if exc.code in backup.DAMAGED:
        complain(backup.restore_offer(config.store_url(args.db))[1].text(args.lang))


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse's own exit: 2 for misuse, 0 for --help and --version
        return int(exc.code or 0)
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
        _reasons(args, exc)
        return REFUSED
    except StoreUnavailable as exc:
        _reasons(args, exc, store_unavailable=True)
        _offer_backup(args, exc)
        return UNAVAILABLE
    except KeyboardInterrupt:
        complain(words(args, "已取消", "Cancelled"))
        return REFUSED
    finally:
        store = getattr(args, "store", None)
        if store is not None:
            store.close()


def _print_safely(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug's traceback on the terminal, without SQL values or a database's quoted row."""
    from kaccount_desk.services import crash_report

    print(crash_report.safe_traceback(exc_type, exc, tb), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    sys.excepthook = _print_safely
    return run(sys.argv[1:] if argv is None else argv)
