"""``kaccount-desk print …``: the printing service's documents as PDF files, for scripts and cron."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, row_number, say, words
from kaccount_desk.cli.session import UsageError, logged_in

if TYPE_CHECKING:
    from kaccount_desk.services.printing import Printed

CAMPAIGN_DOCUMENTS = ("notice", "forms", "roster", "summary", "id-sheets")
TICKET_DOCUMENTS = ("receipt", "ticket")
FULL_ID_DOCUMENTS = ("forms", "roster", "summary")


def register(sub: Any) -> None:
    p = sub.add_parser("print", help="write a printable PDF: notice, forms, rosters, ID-copy sheets, ticket receipts")
    psub = p.add_subparsers(dest="print_command", required=True)
    for name in CAMPAIGN_DOCUMENTS:
        d = psub.add_parser(name, help=f"the campaign's {name}")
        d.add_argument("--campaign", required=True, metavar="CODE")
        if name == "summary":
            d.add_argument("--all-live", action="store_true", help="include applications the office has not submitted yet")
        elif name != "notice":
            d.add_argument("--department", metavar="NAME", help="only this department (required for roster)")
        if name in FULL_ID_DOCUMENTS:
            d.add_argument("--full-ids", action="store_true", help="print full ID numbers (masked by default; needs the right; recorded)")
        d.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        json_flag(d)
        d.set_defaults(handler=cmd_print)
    for name in TICKET_DOCUMENTS:
        d = psub.add_parser(name, help=f"a ticket's {name}")
        d.add_argument("--ticket", required=True, type=row_number, metavar="N")
        d.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
        json_flag(d)
        d.set_defaults(handler=cmd_print)


def _run(args: argparse.Namespace) -> Printed:
    from kaccount_desk.services import printing

    kind = args.print_command
    if kind == "roster" and not args.department:
        raise UsageError(words(args, "print roster 需要 --department", "print roster needs --department"))
    ctx = logged_in(args)
    if kind == "notice":
        return printing.print_notice(ctx, args.campaign, args.out)
    if kind == "forms":
        return printing.print_forms(ctx, args.campaign, args.out, department=args.department, full_ids=args.full_ids)
    if kind == "roster":
        return printing.print_roster(ctx, args.campaign, args.out, args.department, full_ids=args.full_ids)
    if kind == "summary":
        return printing.print_summary(ctx, args.campaign, args.out, all_live=args.all_live, full_ids=args.full_ids)
    if kind == "id-sheets":
        return printing.print_id_sheets(ctx, args.campaign, args.out, department=args.department)
    if kind == "receipt":
        return printing.print_receipt(ctx, args.ticket, args.out)
    return printing.print_ticket(ctx, args.ticket, args.out)


def cmd_print(args: argparse.Namespace) -> int:
    done = _run(args)
    if args.json:
        print_json({"out": str(done.out), "pages": done.pages})
    else:
        say(words(args, f"已生成 {done.out}(共 {done.pages} 页)", f"Wrote {done.out} ({done.pages} pages)"))
    return OK
