"""``manager`` commands: which companies and key-account numbers each account manager (客户经理) looks after."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import logged_in

if TYPE_CHECKING:
    from kaccount_desk.services.managers import Assignment


def register(sub: Any) -> None:
    p = sub.add_parser("manager", help="account managers (客户经理): assign companies and numbers, show a portfolio")
    msub = p.add_subparsers(dest="manager_command", required=True)
    c = msub.add_parser("assign", help="give a company to an account manager")
    c.add_argument("company", metavar="COMPANY", help="the company's name or its number in `company list`")
    c.add_argument("staff_no", metavar="STAFF_ID")
    json_flag(c)
    c.set_defaults(handler=cmd_assign)
    c = msub.add_parser("assign-number", help="give an individual key account's number to an account manager")
    c.add_argument("number", metavar="NUMBER")
    c.add_argument("staff_no", metavar="STAFF_ID")
    json_flag(c)
    c.set_defaults(handler=cmd_assign_number)
    c = msub.add_parser("list", help="the staff who may look after customers")
    json_flag(c)
    c.set_defaults(handler=cmd_list)
    c = msub.add_parser("show", help="a manager's companies and numbers (your own without STAFF_ID)")
    c.add_argument("staff_no", metavar="STAFF_ID", nargs="?")
    json_flag(c)
    c.set_defaults(handler=cmd_show)


def _assigned(args: argparse.Namespace, done: Assignment) -> int:
    if args.json:
        print_json(asdict(done))
        return OK
    what = done.company or done.number or ""
    before = words(args, f"(原为 {done.previous_manager})", f" (was {done.previous_manager})") if done.previous_manager else ""
    say(words(args, f"{what} 的客户经理:{done.manager} {done.manager_name}{before}",
              f"{what} is looked after by {done.manager} {done.manager_name}{before}"))
    return OK


def cmd_assign(args: argparse.Namespace) -> int:
    from kaccount_desk.services import managers

    return _assigned(args, managers.assign_company(logged_in(args), args.company, args.staff_no))


def cmd_assign_number(args: argparse.Namespace) -> int:
    from kaccount_desk.services import managers

    return _assigned(args, managers.assign_number(logged_in(args), args.number, args.staff_no))


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import managers

    found = managers.list_managers(logged_in(args))
    if args.json:
        print_json([asdict(m) for m in found])
        return OK
    for m in found:
        say(f"{m.staff_no}  {m.name}")
    return OK


def cmd_show(args: argparse.Namespace) -> int:
    from kaccount_desk.services import managers

    shown = managers.portfolio(logged_in(args), args.staff_no)
    if args.json:
        print_json(asdict(shown))
        return OK
    say(f"{shown.manager}  {shown.manager_name}")
    say(f"  {words(args, '集团客户', 'companies')}: {', '.join(shown.companies) or '-'}")
    say(f"  {words(args, '号码', 'numbers')}: {', '.join(shown.numbers) or '-'}")
    return OK
