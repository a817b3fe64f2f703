"""``customer`` commands: the customer card of a number, and the one search that finds it."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say, when, words
from kaccount_desk.cli.session import logged_in

if TYPE_CHECKING:
    from kaccount_desk.services.customers import CustomerCard


def register(sub: Any) -> None:
    p = sub.add_parser("customer", help="customer cards: show a number's card, search by number, name, company, ID tail")
    csub = p.add_subparsers(dest="customer_command", required=True)
    c = csub.add_parser("show", help="the card of a number: tier, company, manager, applications, tickets, tier history")
    c.add_argument("number", metavar="NUMBER")
    json_flag(c)
    c.set_defaults(handler=cmd_show)
    c = csub.add_parser("search", help="numbers matching a number, a name, a company or the last four of an ID")
    c.add_argument("text", metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=cmd_search)


def cmd_show(args: argparse.Namespace) -> int:
    from kaccount_desk.services import customers
    from kaccount_desk.services.errors import not_found

    card = customers.card(logged_in(args), args.number)
    if card is None:
        raise not_found("号码的档案", "record of the number", args.number[:20])
    if args.json:
        print_json(asdict(card))
        return OK
    _say_card(args, card)
    return OK


def _say_card(args: argparse.Namespace, card: CustomerCard) -> None:
    tier = card.tier
    say(f"{card.number}  {card.name}  {tier.tier_name if tier and tier.tier else words(args, '非大客户', 'not a key account')}")
    if tier is not None:
        say(words(args, f"  {tier.month} 月均消费 {tier.average_yuan} 元  RFM {tier.recency}-{tier.frequency}-{tier.monetary}",
                  f"  {tier.month} average {tier.average_yuan} yuan  RFM {tier.recency}-{tier.frequency}-{tier.monetary}"))
    if card.company is not None:
        manager = card.company.manager or "-"
        say(f"  {card.company.name}  {card.company.class_name}  {words(args, '客户经理', 'account manager')} {manager}")
    if card.manager is not None:
        say(f"  {words(args, '本号码的客户经理', 'own account manager')} {card.manager.staff_no} {card.manager.name}")
    for a in card.applications:
        say(f"  {words(args, '申请', 'application')} {a.id}  {a.campaign}  {a.id_number}  {a.status_name}")
    for t in card.tickets:
        say(f"  {words(args, '工单', 'ticket')} {t.id}  {when(t.received_at)}  {t.category_name}  {t.status_name}  {t.content}")
    changes = [m for i, m in enumerate(card.history) if i == 0 or m.tier != card.history[i - 1].tier]
    for m in changes:
        say(f"  {m.month}  {m.tier_name or '-'}")


def cmd_search(args: argparse.Namespace) -> int:
    from kaccount_desk.services import customers

    hits = customers.search(logged_in(args), args.text)
    if args.json:
        print_json([asdict(h) for h in hits])
        return OK
    for h in hits:
        say(f"{h.number}  {h.name}  {h.company}  {h.tier_name}")
    if not hits:
        say(words(args, "没有找到", "Nothing found"))
    return OK
