"""``ticket`` commands: first-contact tickets from scripts, on the same services as the GUI.

Times are printed in ISO 8601 with the +08:00 offset (the operator's zone); ``--received`` and
``--due`` accept any ISO 8601 time, and one without an offset is read as +08:00.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say
from kaccount_desk.cli.session import UsageError, login, open_store
from kaccount_desk.domain.tickets import label
from kaccount_desk.services import ticket_queries as queries
from kaccount_desk.services import ticket_settings as settings
from kaccount_desk.services import tickets
from kaccount_desk.services.context import Context

CATEGORIES = ["consultation", "lookup", "complaint", "fault", "business"]
CHANNELS = ["face", "phone", "letter", "visit", "online"]


def _iso(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=tickets.OPERATOR_TZ)



def register(sub: Any) -> None:
    p = sub.add_parser("ticket", help="first-contact tickets (首问负责制)")
    tsub = p.add_subparsers(dest="ticket_command", required=True)

    c = tsub.add_parser("open", help="receive a customer's matter; you become its owner")
    c.add_argument("--category", required=True, choices=CATEGORIES)
    c.add_argument("--channel", required=True, choices=CHANNELS)
    c.add_argument("--window", required=True, metavar="NAME", help="self_run_hall, partner_hall, hotline, billing_desk, key_account_desk (or 客服热线 ...)")
    c.add_argument("--customer", required=True, metavar="NAME")
    c.add_argument("--number", required=True, metavar="N")
    c.add_argument("--area", choices=["town", "rural"])
    c.add_argument("--content", required=True, metavar="TEXT")
    c.add_argument("--received", type=_iso, metavar="ISO-8601", help="when it was received, e.g. for a letter written down later")
    json_flag(c)
    c.set_defaults(handler=cmd_open)

    c = tsub.add_parser("refer", help="refer a ticket to a department; you stay its owner")
    c.add_argument("id", type=int)
    c.add_argument("--department", required=True, metavar="NAME")
    c.add_argument("--ask", required=True, metavar="TEXT")
    c.add_argument("--due", type=_iso, metavar="ISO-8601")
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.refer(ctx, a.id, a.department, a.ask, a.due)))

    c = tsub.add_parser("answer", help="record a department's answer")
    c.add_argument("id", type=int)
    c.add_argument("--department", required=True, metavar="NAME")
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.answer(ctx, a.id, a.department, a.text)))

    c = tsub.add_parser("reply", help="record the reply to the customer")
    c.add_argument("id", type=int)
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.reply(ctx, a.id, a.text)))

    c = tsub.add_parser("callback", help="record the customer's confirmation")
    c.add_argument("id", type=int)
    c.add_argument("--result", required=True, choices=["satisfied", "unsatisfied", "unreachable"])
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.callback(ctx, a.id, a.result)))

    c = tsub.add_parser("close", help="close a ticket (after reply and callback, or with a reason)")
    c.add_argument("id", type=int)
    c.add_argument("--reason", metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.close(ctx, a.id, a.reason)))

    c = tsub.add_parser("reassign", help="hand a ticket to a new owner when its owner has left (supervisor)")
    c.add_argument("id", type=int)
    c.add_argument("--to", required=True, metavar="STAFF_ID", dest="new_owner")
    c.add_argument("--reason", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.reassign(ctx, a.id, a.new_owner, a.reason)))

    c = tsub.add_parser("show", help="a ticket with its history")
    c.add_argument("id", type=int)
    json_flag(c)
    c.set_defaults(handler=lambda a: _action(a, lambda ctx: tickets.show(ctx, a.id)))

    c = tsub.add_parser("list", help="a queue of tickets")
    c.add_argument("--queue", choices=[q.value for q in queries.Queue], default="mine")
    c.add_argument("--category", choices=CATEGORIES)
    c.add_argument("--status", choices=["open", "in_progress", "referred", "answered", "replied", "closed"])
    c.add_argument("--channel", choices=CHANNELS)
    c.add_argument("--window", metavar="NAME")
    c.add_argument("--owner", metavar="STAFF_ID")
    c.add_argument("--from", dest="received_from", type=_iso, metavar="ISO-8601")
    c.add_argument("--to", dest="received_to", type=_iso, metavar="ISO-8601")
    c.add_argument("--sort", choices=["due", "received"], default="due")
    c.add_argument("--desc", action="store_true")
    c.add_argument("--limit", type=int, default=50)
    c.add_argument("--offset", type=int, default=0)
    json_flag(c)
    c.set_defaults(handler=cmd_list)

    c = tsub.add_parser("search", help="find tickets by any Chinese or digit substring")
    c.add_argument("text", metavar="TEXT")
    c.add_argument("--limit", type=int, default=queries.SEARCH_LIMIT)
    json_flag(c)
    c.set_defaults(handler=cmd_search)

    c = tsub.add_parser("limits", help="each category's time limit in hours; --set changes one (supervisor)")
    c.add_argument("--set", nargs=2, metavar=("CATEGORY", "HOURS"), dest="new_limit")
    c.add_argument("--area", choices=["town", "rural"], help="with --set for a fault: which area's limit")
    json_flag(c)
    c.set_defaults(handler=cmd_limits)

    c = tsub.add_parser("departments", help="the departments tickets may be referred to; --add or --retire one (supervisor)")
    c.add_argument("--add", metavar="NAME")
    c.add_argument("--retire", metavar="NAME")
    json_flag(c)
    c.set_defaults(handler=cmd_departments)


def _print_ticket(args: argparse.Namespace, v: tickets.TicketView) -> None:
    if args.json:
        print_json(asdict(v))
        return
    lang = args.lang
    say(f"#{v.id} {label(v.category, lang)} {label(v.status, lang)}  {v.customer_name} {v.customer_number}")
    say(f"  owner {v.owner} ({v.owner_name})  due {v.due_at.isoformat()}  [{v.urgency}]")
    say(f"  {v.content}")
    for e in v.history:
        say(f"  {e.at.isoformat()} {e.staff_no} {label(e.action, lang)} {e.details(lang)}".rstrip())


def _action(args: argparse.Namespace, work: Any) -> int:
    ctx: Context = login(args, open_store(args))
    _print_ticket(args, work(ctx))
    return OK


def cmd_open(args: argparse.Namespace) -> int:
    inp = tickets.TicketInput(
        category=args.category, channel=args.channel, window=args.window, customer_name=args.customer,
        customer_number=args.number, content=args.content, area=args.area, received=args.received,
    )
    return _action(args, lambda ctx: tickets.open_ticket(ctx, inp))


def cmd_list(args: argparse.Namespace) -> int:
    if args.limit < 1 or args.offset < 0:
        raise UsageError("--limit 至少为1,--offset 不能为负 / --limit must be ≥ 1 and --offset ≥ 0")
    ctx = login(args, open_store(args))
    q = queries.TicketQuery(
        queue=queries.Queue(args.queue), category=args.category, status=args.status, channel=args.channel, window=args.window,
        owner=args.owner, received_from=args.received_from, received_to=args.received_to, sort=queries.Sort(args.sort), descending=args.desc,
    )
    rows = queries.page_tickets(ctx, q, args.offset, args.limit)
    count = queries.count_tickets(ctx, q)
    if args.json:
        print_json({"count": str(count), "tickets": [asdict(r) for r in rows]})
    else:
        say(f"{count} tickets")
        for r in rows:
            say(f"#{r.id} {r.due_at.isoformat()} [{r.urgency}] {label(r.status, args.lang)} {r.owner} {r.customer_name} {r.summary}")
    return OK


def cmd_search(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    result = queries.search_tickets(ctx, args.text, args.limit)
    if args.json:
        print_json([asdict(r) for r in result.hits])
    else:
        say(f"{result.count} hits")
        for r in result.hits:
            say(f"#{r.id} {r.received_at.isoformat()} {r.customer_name} {r.customer_number} {r.summary}")
        if result.hint is not None:
            say(result.hint.text(args.lang))
    return OK


def cmd_limits(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    if args.new_limit:
        category, hours = args.new_limit
        if not hours.isdigit():
            raise UsageError(f"时限应为整数小时:{hours} / HOURS must be a whole number: {hours}")
        settings.set_limit(ctx, category, int(hours), args.area)
    found = settings.limits(ctx)
    if args.json:
        print_json([asdict(v) for v in found])
    else:
        for v in found:
            area = f" {label(v.area, args.lang)}" if v.area else ""
            say(f"{label(v.category, args.lang)}{area}: {v.hours} h")
    return OK


def cmd_departments(args: argparse.Namespace) -> int:
    ctx = login(args, open_store(args))
    if args.add:
        settings.add_department(ctx, args.add)
    if args.retire:
        settings.retire_department(ctx, args.retire)
    found = settings.all_departments(ctx)
    if args.json:
        print_json([asdict(d) for d in found])
    else:
        for d in found:
            say(d.name if d.active else f"{d.name} (停用 retired)")
    return OK
