"""``outage add/approve/notice/list``: the planned-work register (计划停机, standard 2.6) from scripts.

The names are a contract (issue 23 item 9). ``add`` answers whether key-account customers are
reached and whether an approval is needed; ``notice`` is refused with exit code 1 and the reason
when it is too late or not yet approved, like any other refusal.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, count, json_flag, print_json, row_number, say, when, words
from kaccount_desk.cli.session import logged_in
from kaccount_desk.cli.ticket_commands import _iso
from kaccount_desk.domain.outages import NOTICE_LABELS

if TYPE_CHECKING:
    from kaccount_desk.services.outages import OutageView

def register(sub: Any) -> None:
    p = sub.add_parser("outage", help="planned work that interrupts service: register, approve, print the customers' notice")
    osub = p.add_subparsers(dest="outage_command", metavar="COMMAND", required=True)
    c = osub.add_parser("add", help="register planned work (office, supervisors)")
    c.add_argument("--what", required=True, help="the work, e.g. 基站设备升级")
    c.add_argument("--area", required=True, help="where, e.g. 交河镇; a company whose name holds it counts as reached")
    c.add_argument("--start", required=True, type=_iso, metavar="ISO-8601", help="when it starts (the hall's time if no zone)")
    c.add_argument("--hours", required=True, type=count, help="expected duration in whole hours")
    c.add_argument("--affected", default="", help="who is affected, in words for the notice")
    c.add_argument("--campaign", action="append", default=[], metavar="CODE",
                   help="a campaign whose key-account customers it reaches (repeatable)")
    json_flag(c)
    c.set_defaults(handler=cmd_add)
    c = osub.add_parser("approve", help="record the competent department's approval (supervisors)")
    c.add_argument("id", type=row_number)
    c.add_argument("--by", required=True, help="who approved, e.g. 市公司网络部")
    json_flag(c)
    c.set_defaults(handler=cmd_approve)
    c = osub.add_parser("notice", help="print the customers' notice as a PDF (refused when too late or unapproved)")
    c.add_argument("id", type=row_number)
    c.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    json_flag(c)
    c.set_defaults(handler=cmd_notice)
    c = osub.add_parser("list", help="every planned work, the latest start first, with the key-account companies reached")
    json_flag(c)
    c.set_defaults(handler=cmd_list)


def _document(view: OutageView, args: argparse.Namespace) -> dict[str, object]:
    shown: dict[str, object] = asdict(view)
    refusal = view.notice_refusal
    shown["notice_refusal"] = refusal.text(args.lang) if refusal is not None else None
    return shown


def _line(view: OutageView, args: argparse.Namespace) -> str:
    state = NOTICE_LABELS.text(view.notice, args.lang)
    marks = words(args, "涉及重要客户", "key accounts") if view.key_accounts else ""
    return f"{view.id}\t{when(view.start)}\t{view.hours}h\t{view.area}\t{view.what}\t{state}\t{marks}".rstrip()


def _companies(view: OutageView, args: argparse.Namespace) -> None:
    for c in view.companies:
        named = words(args, "(指定)", " (named)") if c.named else ""
        say(f"  {c.code}\t{c.company}\t{words(args, f'{c.members} 户', f'{c.members} members')}{named}")


def _show(view: OutageView, args: argparse.Namespace) -> int:
    if args.json:
        print_json(_document(view, args))
        return OK
    say(_line(view, args))
    _companies(view, args)
    if view.needs_approval and view.approved_at is None:
        say(words(args, "需报主管部门批准后才能发通知", "Needs an approval recorded before the notice"))
    return OK


def cmd_add(args: argparse.Namespace) -> int:
    from kaccount_desk.services import outages

    return _show(outages.add(logged_in(args), args.what, args.area, args.start, args.hours, args.affected, args.campaign), args)


def cmd_approve(args: argparse.Namespace) -> int:
    from kaccount_desk.services import outages

    return _show(outages.approve(logged_in(args), args.id, args.by), args)


def cmd_notice(args: argparse.Namespace) -> int:
    from kaccount_desk.services import outages

    printed = outages.print_notice(logged_in(args), args.id, args.out)
    if args.json:
        print_json({"out": str(printed.out), "pages": printed.pages})
    else:
        say(words(args, f"已写入 {printed.out}({printed.pages} 页)", f"Written to {printed.out} ({printed.pages} page(s))"))
    return OK


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import outages

    views = outages.list_outages(logged_in(args))
    if args.json:
        print_json([_document(v, args) for v in views])
        return OK
    for view in views:
        say(_line(view, args))
        _companies(view, args)
    return OK
