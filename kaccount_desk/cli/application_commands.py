"""``application`` commands: the intake workflow's moves, confirmations and ID copies from a script.

The workflow panel beside the intake form offers the same moves (collect, submit, send to the
carrier, activated, rejected, withdraw); tests/cli holds the two lists side by side.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, row_number, say, when, words
from kaccount_desk.cli.session import logged_in
from kaccount_desk.domain.workflow import Status, status_label

if TYPE_CHECKING:
    from kaccount_desk.services.enrollment import ApplicationView

# Every status a person can move an application to (the draft is where it starts).
MOVES = [s.value for s in Status if s is not Status.DRAFT]


def register(sub: Any) -> None:
    p = sub.add_parser("application", help="one application: show, move, confirm a warning; attach, turn or remove ID copies")
    asub = p.add_subparsers(dest="application_command", required=True)

    c = asub.add_parser("show", help="an application with its history")
    c.add_argument("id", type=row_number)
    json_flag(c)
    c.set_defaults(handler=cmd_show)

    c = asub.add_parser("move", help="collect, submit, send, record the carrier's result, or withdraw")
    c.add_argument("id", type=row_number)
    c.add_argument("--to", required=True, choices=MOVES, dest="target")
    c.add_argument("--reason", default="", metavar="TEXT", help="the operator's reason, for --to rejected")
    json_flag(c)
    c.set_defaults(handler=cmd_move)

    c = asub.add_parser("confirm", help="confirm a warning after checking it (e.g. a number ported from another carrier)")
    c.add_argument("id", type=row_number)
    c.add_argument("--code", required=True, metavar="CODE", help="the warning's code, as `application show --json` lists it")
    json_flag(c)
    c.set_defaults(handler=cmd_confirm)

    c = asub.add_parser("id-copy", help="attach a photo or scan of the ID card's front or back")
    c.add_argument("id", type=row_number)
    c.add_argument("--side", required=True, choices=["front", "back"])
    c.add_argument("file", type=Path)
    json_flag(c)
    c.set_defaults(handler=cmd_id_copy)

    c = asub.add_parser("turn-copy", help="turn an attached ID copy a quarter to the right (or --left), before it is submitted")
    c.add_argument("id", type=row_number)
    c.add_argument("--side", required=True, choices=["front", "back"])
    c.add_argument("--left", action="store_true", help="turn to the left instead")
    json_flag(c)
    c.set_defaults(handler=cmd_turn_copy)

    c = asub.add_parser("remove-copy", help="remove a wrong or unreadable ID copy, before it is submitted")
    c.add_argument("id", type=row_number)
    c.add_argument("--side", required=True, choices=["front", "back"])
    json_flag(c)
    c.set_defaults(handler=cmd_remove_copy)


def _print(args: argparse.Namespace, v: ApplicationView) -> int:
    lang = args.lang
    if args.json:
        doc = asdict(v)
        doc["missing"] = [{"code": r.code, "text": r.text(lang)} for r in v.missing]
        print_json(doc)
        return OK
    say(f"#{v.id} {v.campaign_code} {v.department} {v.name} {v.id_number} {v.msisdn or ''}  {status_label(v.status, lang)}")
    sides = [words(args, "正面", "front")] if v.has_front else []
    sides += [words(args, "反面", "back")] if v.has_back else []
    copies = " ".join(sides) or words(args, "无", "none")
    say(words(args, f"  套餐 {v.plan_name or '—'}  月费 {v.monthly_fee} 元  证件复印件 {copies}",
              f"  plan {v.plan_name or '—'}  monthly fee {v.monthly_fee} yuan  ID copies {copies}"))
    for r in v.missing:
        say(f"    ! {r.text(lang)}")
    for e in v.events:
        moved = f"{status_label(e.from_status, lang)} → " if e.from_status else ""
        say(f"  {when(e.at)} {e.staff_no} {moved}{status_label(e.to_status, lang)} {e.note}".rstrip())
    return OK


def cmd_show(args: argparse.Namespace) -> int:
    from kaccount_desk.services import enrollment

    return _print(args, enrollment.get_application(logged_in(args), args.id))


def cmd_move(args: argparse.Namespace) -> int:
    from kaccount_desk.services import enrollment

    return _print(args, enrollment.move_application(logged_in(args), args.id, args.target, args.reason))


def cmd_confirm(args: argparse.Namespace) -> int:
    from kaccount_desk.services import enrollment

    return _print(args, enrollment.confirm_warning(logged_in(args), args.id, args.code))


def cmd_id_copy(args: argparse.Namespace) -> int:
    from kaccount_desk.services import id_copies

    raw = id_copies.read_image_file(args.file)
    return _print(args, id_copies.attach_id_copy(logged_in(args), args.id, args.side, raw, args.file.name))


def cmd_turn_copy(args: argparse.Namespace) -> int:
    from kaccount_desk.services import id_copies

    return _print(args, id_copies.rotate_id_copy(logged_in(args), args.id, args.side, clockwise=not args.left))


def cmd_remove_copy(args: argparse.Namespace) -> int:
    from kaccount_desk.services import id_copies

    return _print(args, id_copies.remove_id_copy(logged_in(args), args.id, args.side))
