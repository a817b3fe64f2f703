"""``ticket`` commands: first-contact tickets from scripts, on the same services as the GUI.

Times are printed in ISO 8601 with the +08:00 offset (the operator's zone); ``--received`` and
``--due`` accept any ISO 8601 time, and one without an offset is read as +08:00.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import asdict
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli import ticket_visit_commands
from kaccount_desk.cli.output import OK, count, json_flag, print_json, row_number, say, when, words
from kaccount_desk.cli.session import UsageError, logged_in
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.ticket_deadlines import HOUR
from kaccount_desk.domain.tickets import CallbackResult, Category, Channel, TicketStatus, label

if TYPE_CHECKING:
    from kaccount_desk.services.context import Context
    from kaccount_desk.services.tickets import TicketView

CATEGORIES = [c.value for c in Category]
CHANNELS = [c.value for c in Channel]
# services.ticket_queries.Queue; a test keeps them equal
QUEUES = ["mine", "window", "department", "due_today", "overdue", "escalation", "team_overdue", "my_customers", "all"]
URGENCY = {"overdue": ("已超时", "overdue"), "due_soon": ("即将到期", "due soon"), "ok": ("未到期", "on time"), "done": ("已办结", "done"),
           "waiting": ("等待客户,计时暂停", "waiting on the customer, clock stopped"),
           "escalated": ("投诉已满10天,已升级", "complaint 10+ days old, escalated")}


def _urgency(args: argparse.Namespace, code: str) -> str:
    zh, en = URGENCY.get(code, (code, code))
    return words(args, zh, en)


def _iso(value: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        # Both languages: argparse calls this before --lang is known.
        raise argparse.ArgumentTypeError(f"不是 ISO 8601 时间 / not an ISO 8601 time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=OPERATOR_TZ)


Work = Callable[[ModuleType, "Context", argparse.Namespace], "TicketView"]


def _on_ticket(work: Work) -> Callable[[argparse.Namespace], int]:
    """A handler that runs one ticket action, ``work(services.tickets, ctx, args)``, and prints the ticket."""

    def handler(args: argparse.Namespace) -> int:
        from kaccount_desk.services import tickets

        _print_ticket(args, work(tickets, logged_in(args), args))
        return OK

    return handler


def _on_waits(work: Work) -> Callable[[argparse.Namespace], int]:
    """Like :func:`_on_ticket`, for the waiting actions of ``services.ticket_waits``."""

    def handler(args: argparse.Namespace) -> int:
        from kaccount_desk.services import ticket_waits

        _print_ticket(args, work(ticket_waits, logged_in(args), args))
        return OK

    return handler


def _text_action(tsub: Any, name: str, help_text: str, work: Work) -> None:
    """A ticket action that takes the ticket's id and one required text (a reply, a note, a notice …)."""
    c = tsub.add_parser(name, help=help_text)
    c.add_argument("id", type=row_number)
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(work))


def register(sub: Any) -> None:
    p = sub.add_parser("ticket", help="first-contact tickets (首问负责制)")
    tsub = p.add_subparsers(dest="ticket_command", required=True)

    c = tsub.add_parser("open", help="receive a customer's matter; you become its owner")
    c.add_argument("--category", required=True, choices=CATEGORIES)
    c.add_argument("--channel", required=True, choices=CHANNELS)
    c.add_argument("--window", required=True, metavar="NAME",
                   help="self_run_hall, partner_hall, hotline, billing_desk, key_account_desk (or 客服热线 ...)")
    c.add_argument("--customer", required=True, metavar="NAME")
    c.add_argument("--number", required=True, metavar="N")
    c.add_argument("--area", choices=["town", "rural"])
    c.add_argument("--content", required=True, metavar="TEXT")
    c.add_argument("--received", type=_iso, metavar="ISO-8601", help="when it was received, e.g. for a letter written down later")
    c.add_argument("--key-account", action="store_true",
                   help="a key-account customer the store does not hold (a number of a live application is one anyway)")
    json_flag(c)
    c.set_defaults(handler=cmd_open)

    c = tsub.add_parser("add-contact", help="a repeat caller: add this contact to an earlier ticket of the number (a closed one reopens)")
    c.add_argument("id", type=row_number)
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=cmd_add_contact)

    c = tsub.add_parser("start", help="start working on a ticket (the owner)")
    c.add_argument("id", type=row_number)
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.start(ctx, a.id)))

    c = tsub.add_parser("refer", help="refer a ticket to a department; you stay its owner")
    c.add_argument("id", type=row_number)
    c.add_argument("--department", required=True, metavar="NAME")
    c.add_argument("--ask", required=True, metavar="TEXT")
    c.add_argument("--due", type=_iso, metavar="ISO-8601")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.refer(ctx, a.id, a.department, a.ask, a.due)))

    c = tsub.add_parser("answer", help="record a department's answer")
    c.add_argument("id", type=row_number)
    c.add_argument("--department", required=True, metavar="NAME")
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.answer(ctx, a.id, a.department, a.text)))

    c = tsub.add_parser("reply", help="record the reply to the customer (held when it uses a forbidden service phrase)")
    c.add_argument("id", type=row_number)
    c.add_argument("--text", required=True, metavar="TEXT")
    c.add_argument("--answer", type=row_number, metavar="ID", help="the standard answer it started from (see `answers list`)")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.reply(ctx, a.id, a.text, a.answer)))

    c = tsub.add_parser("callback", help="record the customer's confirmation")
    c.add_argument("id", type=row_number)
    c.add_argument("--result", required=True, choices=[r.value for r in CallbackResult])
    c.add_argument("--note", default="", metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.callback(ctx, a.id, a.result, a.note)))

    _text_action(tsub, "handset", "record that the customer's handset caused the fault (no repair limit)",
                 lambda t, ctx, a: t.record_handset_cause(ctx, a.id, a.text))

    _text_action(tsub, "notice", "record that the customer was told a fault is overdue (starts the rent waiver)",
                 lambda t, ctx, a: t.record_overdue_notice(ctx, a.id, a.text))

    _text_action(tsub, "note", "add a note to a ticket (also to a closed one, to correct it)",
                 lambda t, ctx, a: t.add_note(ctx, a.id, a.text))

    c = tsub.add_parser("wait", help="the ticket waits on the customer; its time limit stops (the owner)")
    c.add_argument("id", type=row_number)
    c.add_argument("--reason", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_waits(lambda w, ctx, a: w.wait(ctx, a.id, a.reason)))

    c = tsub.add_parser("resume", help="the customer has acted; the clock runs again, the due time moved by the wait")
    c.add_argument("id", type=row_number)
    c.add_argument("--note", default="", metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_waits(lambda w, ctx, a: w.resume(ctx, a.id, a.note)))

    ticket_visit_commands.register(tsub, _iso, _print_ticket)

    c = tsub.add_parser("close", help="close a ticket (after reply and callback, or with a reason)")
    c.add_argument("id", type=row_number)
    c.add_argument("--reason", metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.close(ctx, a.id, a.reason)))

    c = tsub.add_parser("reassign", help="hand a ticket to a new owner when its owner has left (supervisor)")
    c.add_argument("id", type=row_number)
    c.add_argument("--to", required=True, metavar="STAFF_ID", dest="new_owner")
    c.add_argument("--reason", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.reassign(ctx, a.id, a.new_owner, a.reason)))

    c = tsub.add_parser("show", help="a ticket with its history")
    c.add_argument("id", type=row_number)
    json_flag(c)
    c.set_defaults(handler=_on_ticket(lambda t, ctx, a: t.show(ctx, a.id)))

    c = tsub.add_parser("list", help="a queue of tickets")
    c.add_argument("--queue", choices=QUEUES, default="mine")
    c.add_argument("--category", choices=CATEGORIES)
    c.add_argument("--status", choices=[s.value for s in TicketStatus])
    c.add_argument("--channel", choices=CHANNELS)
    c.add_argument("--window", metavar="NAME")
    c.add_argument("--owner", metavar="STAFF_ID")
    c.add_argument("--from", dest="received_from", type=_iso, metavar="ISO-8601")
    c.add_argument("--to", dest="received_to", type=_iso, metavar="ISO-8601")
    c.add_argument("--sort", choices=["due", "received"], default="due")
    c.add_argument("--desc", action="store_true")
    c.add_argument("--limit", type=count, default=50)
    c.add_argument("--offset", type=count, default=0)
    json_flag(c)
    c.set_defaults(handler=cmd_list)

    c = tsub.add_parser("search", help="find tickets by any Chinese or digit substring")
    c.add_argument("text", metavar="TEXT")
    c.add_argument("--limit", type=count, default=None, help="at most this many hits (default: the search's own limit)")
    json_flag(c)
    c.set_defaults(handler=cmd_search)

    c = tsub.add_parser("limits", help="each category's time limit and warning in hours; --set or --warn changes one (supervisor)")
    c.add_argument("--set", nargs=2, metavar=("CATEGORY", "HOURS"), dest="new_limit")
    c.add_argument("--area", choices=["town", "rural"], help="with --set for a fault: which area's limit")
    c.add_argument("--warn", nargs=2, metavar=("CATEGORY", "HOURS"),
                   help="warn the owner this many hours before a ticket of the category is due (supervisor; default 2)")
    c.add_argument("--key-account", nargs=2, metavar=("CATEGORY", "HOURS"), dest="key_limit",
                   help="a key account's own limit for the category (with --area for a fault); HOURS 'same' removes it (supervisor)")
    json_flag(c)
    c.set_defaults(handler=cmd_limits)

    c = tsub.add_parser("departments", help="the departments tickets may be referred to; --add or --retire one (supervisor)")
    c.add_argument("--add", metavar="NAME")
    c.add_argument("--retire", metavar="NAME")
    json_flag(c)
    c.set_defaults(handler=cmd_departments)


def _print_ticket(args: argparse.Namespace, v: TicketView) -> None:
    if args.json:
        print_json(asdict(v))
        return
    lang = args.lang
    say(f"#{v.id} {label(v.category, lang)} {label(v.status, lang)}  {v.customer_name} {v.customer_number}")
    say(words(args, f"  负责人 {v.owner}({v.owner_name})  时限 {when(v.due_at)}  [{_urgency(args, v.urgency)}]",
              f"  owner {v.owner} ({v.owner_name})  due {when(v.due_at)}  [{_urgency(args, v.urgency)}]"))
    if v.company:
        say(words(args, f"  大客户:{v.company} · {v.campaign}", f"  key account: {v.company} · {v.campaign}"))
    say(f"  {v.content}")
    if v.appointment is not None:
        a = v.appointment
        say(words(args, f"  预约上门 {when(a.start)} 至 {when(a.end)} {a.visitor} [{a.state}]",
                  f"  visit {when(a.start)} to {when(a.end)} {a.visitor} [{a.state}]"))
    for e in v.history:
        say(f"  {when(e.at)} {e.staff_no} {label(e.action, lang)} {e.details(lang)}".rstrip())


def cmd_open(args: argparse.Namespace) -> int:
    """Open the ticket; say which open or recent tickets the number has (``same_number``) and whose key account it is."""
    from kaccount_desk.services import tickets

    received = tickets.receive(logged_in(args), tickets.TicketInput(
        category=args.category, channel=args.channel, window=args.window, customer_name=args.customer,
        customer_number=args.number, content=args.content, area=args.area, key_account=args.key_account, received=args.received,
    ))
    same = [e.id for e in received.caller.same_number]
    v = received.view
    if args.json:
        print_json({**asdict(v), "same_number": same})
        return OK
    _print_ticket(args, v)
    if same:
        ids = " ".join(f"#{i}" for i in same)
        say(words(args, f"  此号码还有未办结或7天内办结的工单:{ids}(可用 ticket add-contact 记入原工单)",
                  f"  this number has open or recently closed tickets: {ids} (ticket add-contact adds a contact to one)"))
    return OK


def cmd_add_contact(args: argparse.Namespace) -> int:
    from kaccount_desk.services.ticket_contacts import add_contact

    _print_ticket(args, add_contact(logged_in(args), args.id, args.text))
    return OK


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import ticket_queries as queries

    if args.limit < 1 or args.offset < 0:
        raise UsageError(words(args, "--limit 至少为1,--offset 不能为负", "--limit must be at least 1 and --offset not negative"))
    ctx = logged_in(args)
    q = queries.TicketQuery(
        queue=queries.Queue(args.queue), category=args.category, status=args.status, channel=args.channel, window=args.window,
        owner=args.owner, received_from=args.received_from, received_to=args.received_to, sort=queries.Sort(args.sort),
        descending=args.desc,
    )
    rows = queries.page_tickets(ctx, q, args.offset, args.limit)
    count = queries.count_tickets(ctx, q)
    if args.json:
        print_json({"count": str(count), "tickets": [asdict(r) for r in rows]})
    else:
        say(words(args, f"共 {count} 张工单", f"{count} tickets"))
        for r in rows:
            state = f"[{_urgency(args, r.urgency)}] {label(r.status, args.lang)}"
            say(f"#{r.id} {when(r.due_at)} {state} {r.owner} {r.customer_name} {r.summary}")
    return OK


def cmd_search(args: argparse.Namespace) -> int:
    from kaccount_desk.services import ticket_queries as queries

    ctx = logged_in(args)
    result = queries.search_tickets(ctx, args.text, args.limit or queries.SEARCH_LIMIT)
    if args.json:
        print_json([asdict(r) for r in result.hits])
    else:
        say(words(args, f"找到 {result.count} 条", f"{result.count} hits"))
        for r in result.hits:
            say(f"#{r.id} {when(r.received_at)} {r.customer_name} {r.customer_number} {r.summary}")
        if result.hint is not None:
            say(result.hint.text(args.lang))
    return OK


def cmd_limits(args: argparse.Namespace) -> int:
    from kaccount_desk.services import ticket_settings as settings

    ctx = logged_in(args)
    if args.new_limit:
        category, hours = args.new_limit
        if not hours.isdigit():
            raise UsageError(words(args, f"时限应为整数小时:{hours}", f"HOURS must be a whole number: {hours}"))
        settings.set_limit(ctx, category, int(hours), args.area)
    if args.warn:
        category, hours = args.warn
        if not hours.isdigit():
            raise UsageError(words(args, f"提醒时间应为整数小时:{hours}", f"HOURS must be a whole number: {hours}"))
        settings.set_warning(ctx, category, int(hours))
    if args.key_limit:
        category, hours = args.key_limit
        if not (hours.isdigit() or hours == "same"):
            raise UsageError(words(args, f"时限应为整数小时或 same:{hours}", f"HOURS must be a whole number or 'same': {hours}"))
        settings.set_key_account_limit(ctx, category, None if hours == "same" else int(hours), args.area)
    found, warnings = settings.limits(ctx), settings.warnings(ctx)
    if args.json:
        print_json([{**asdict(v), "warn_hours": warnings.before(v.category) // HOUR} for v in found])
    else:
        for v in found:
            area = f" {label(v.area, args.lang)}" if v.area else ""
            warn = warnings.before(v.category) // HOUR
            kh = v.key_account_hours
            key = "" if kh is None else words(args, f"  大客户{kh}小时", f"  key accounts {kh} h")
            say(f"{label(v.category, args.lang)}{area}: {v.hours} {words(args, '小时', 'h')}{key}"
                f"  {words(args, f'到期前{warn}小时提醒', f'warned {warn} h before')}")
    return OK


def cmd_departments(args: argparse.Namespace) -> int:
    from kaccount_desk.services import ticket_settings as settings

    ctx = logged_in(args)
    if args.add:
        settings.add_department(ctx, args.add)
    if args.retire:
        settings.retire_department(ctx, args.retire)
    found = settings.all_departments(ctx)
    if args.json:
        print_json([asdict(d) for d in found])
    else:
        for d in found:
            say(d.name if d.active else words(args, f"{d.name}(停用)", f"{d.name} (retired)"))
    return OK
