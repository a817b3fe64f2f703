"""``staff`` commands: colleagues' accounts, so an office can be set up and kept from a script.

A new colleague's password comes from KACCOUNT_NEW_PASSWORD or is asked on the terminal, never
from the command line, where it would stay in the shell's history.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, words
from kaccount_desk.cli.session import UsageError, logged_in, open_store, password, secret
from kaccount_desk.domain.roles import Role

if TYPE_CHECKING:
    from kaccount_desk.services.staff import StaffView


def register(sub: Any) -> None:
    p = sub.add_parser("staff", help="staff accounts: add, list, mark as left, reinstate")
    ssub = p.add_subparsers(dest="staff_command", required=True)
    c = ssub.add_parser("add", help="add a staff member")
    c.add_argument("staff_no", metavar="STAFF_ID")
    c.add_argument("--name", required=True)
    c.add_argument("--role", required=True, choices=[r.value for r in Role])
    c.add_argument("--department", metavar="NAME")
    json_flag(c)
    c.set_defaults(handler=cmd_add)
    c = ssub.add_parser("list", help="list staff accounts")
    json_flag(c)
    c.set_defaults(handler=cmd_list)
    for name, active, text in (("leave", False, "mark a staff member as left (cannot log in; tickets may be handed on)"),
                               ("reinstate", True, "let a staff member who left log in again")):
        c = ssub.add_parser(name, help=text)
        c.add_argument("staff_no", metavar="STAFF_ID")
        json_flag(c)
        c.set_defaults(handler=lambda a, active=active: cmd_set_active(a, active))
    c = ssub.add_parser("unlock", help="lift the wait that wrong passwords put on a staff ID")
    c.add_argument("staff_no", metavar="STAFF_ID")
    json_flag(c)
    c.set_defaults(handler=cmd_unlock)
    c = ssub.add_parser("reset-password", help="an admin sets a forgotten password (KACCOUNT_NEW_PASSWORD or asked)")
    c.add_argument("staff_no", metavar="STAFF_ID")
    json_flag(c)
    c.set_defaults(handler=cmd_reset_password)
    c = ssub.add_parser("password", help="change your own password (--as; the new one from KACCOUNT_NEW_PASSWORD or asked)")
    c.set_defaults(handler=cmd_password)


def _print(args: argparse.Namespace, people: list[StaffView]) -> int:
    if args.json:
        print_json([asdict(p) for p in people])
    else:
        for p in people:
            state = words(args, "在岗", "active") if p.active else words(args, "离岗", "left")
            if p.locked_until is not None:
                until = p.locked_until.astimezone().strftime("%H:%M:%S")
                state += " " + words(args, f"登录需等待到 {until}", f"login waits until {until}")
            say(f"{p.staff_no}  {p.name}  {p.role}  {p.department or ''}  {state}")
    return OK


def cmd_add(args: argparse.Namespace) -> int:
    from kaccount_desk.services import staff

    ctx = logged_in(args)
    new_password = secret(args, "KACCOUNT_NEW_PASSWORD", "新员工的密码", "the new staff member's password")
    return _print(args, [staff.create_staff(ctx, args.staff_no, args.name, args.role, new_password, args.department)])


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import staff

    return _print(args, staff.list_staff(logged_in(args)))


def cmd_set_active(args: argparse.Namespace, active: bool) -> int:
    from kaccount_desk.services import staff

    return _print(args, [staff.set_active(logged_in(args), args.staff_no, active)])


def cmd_unlock(args: argparse.Namespace) -> int:
    from kaccount_desk.services import staff

    ctx = logged_in(args)
    return _print(args, [staff.unlock(ctx, args.staff_no)])


def cmd_reset_password(args: argparse.Namespace) -> int:
    from kaccount_desk.services import staff

    ctx = logged_in(args)
    new = secret(args, "KACCOUNT_NEW_PASSWORD", f"{args.staff_no} 的新密码", f"the new password for {args.staff_no}")
    return _print(args, [staff.reset_password(ctx, args.staff_no, new)])


def cmd_password(args: argparse.Namespace) -> int:
    from kaccount_desk.services import staff

    if not args.as_staff:
        raise UsageError(words(args, "此命令需要 --as 工号", "This command needs --as STAFF_ID"))
    store = open_store(args)
    old = password(args, words(args, f"{args.as_staff} 的当前密码:", f"Current password for {args.as_staff}: "))
    staff.change_password(store, args.as_staff, old, secret(args, "KACCOUNT_NEW_PASSWORD", "新密码", "the new password"))
    say(words(args, f"{args.as_staff} 的密码已更改", f"The password of {args.as_staff} is changed"))
    return OK
