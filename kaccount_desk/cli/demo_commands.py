"""``demo``: fill a new, empty store with a believable office's work (staff, a campaign, applications, tickets)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in


def register(sub: Any) -> None:
    p = sub.add_parser("demo", help="fill a new, empty store with demo data (admins): staff, a campaign, "
                       "applications with ID copies, a year of tickets; the same seed gives the same store")
    p.add_argument("--tickets", type=int, default=1000, metavar="N", help="tickets over the past year (default 1000)")
    p.add_argument("--applications", type=int, default=300, metavar="N", help="applications to the demo campaign (default 300)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="the same seed always gives the same data (default 1)")
    json_flag(p)
    p.set_defaults(handler=cmd_demo)


def _progress(done: int, total: int) -> bool:
    if sys.stderr.isatty():
        print(f"\r  {done:,} / {total:,}", end="", file=sys.stderr, flush=True)
    return True


def cmd_demo(args: argparse.Namespace) -> int:
    from kaccount_desk.services.demo import fill_demo

    fill = fill_demo(logged_in(args), args.tickets, args.applications, args.seed, _progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(asdict(fill))
        return OK
    say(words(args, f"已填入演示数据:活动 {fill.campaign},{fill.applications:,} 份申请({fill.copies:,} 张身份证复印件),"
                    f"{fill.tickets:,} 张工单,用时 {fill.seconds} 秒",
              f"Demo data filled in: campaign {fill.campaign}, {fill.applications:,} applications ({fill.copies:,} ID-copy "
              f"images), {fill.tickets:,} tickets, in {fill.seconds} s"))
    say(words(args, f"{fill.billed_numbers:,} 个号码有12个月的账单和大客户级别",
              f"{fill.billed_numbers:,} numbers have twelve months of bills and their tiers"))
    say(words(args, f"演示员工 {'、'.join(fill.staff)} 的密码都是 {fill.password}",
              f"The demo staff {', '.join(fill.staff)} all have the password {fill.password}"))
    return OK
