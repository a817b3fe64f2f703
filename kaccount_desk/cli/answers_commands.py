"""``answers`` commands: the standard answers library and the forbidden service phrases (issue 23 item 7).

The same services as the Admin page's box and the ticket panel's reply box: supervisors add, everyone
handling tickets lists and searches. A reply using a forbidden phrase is refused by ``ticket reply``
itself (exit 1 with the phrase named).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from kaccount_desk.cli.output import OK, json_flag, print_json, say
from kaccount_desk.cli.session import logged_in
from kaccount_desk.domain.tickets import Category, label

if TYPE_CHECKING:
    from kaccount_desk.services.answers import AnswerView

CATEGORIES = [c.value for c in Category]


def register(sub: Any) -> None:
    p = sub.add_parser("answers", help="standard answers per ticket category and topic, and forbidden service phrases (服务忌语)")
    asub = p.add_subparsers(dest="answers_command", required=True)

    c = asub.add_parser("add", help="file a standard answer under a category and topic (supervisor)")
    c.add_argument("--category", required=True, choices=CATEGORIES)
    c.add_argument("--topic", required=True, metavar="TOPIC")
    c.add_argument("--text", required=True, metavar="TEXT")
    json_flag(c)
    c.set_defaults(handler=cmd_add)

    c = asub.add_parser("list", help="the standard answers, by category and topic")
    c.add_argument("--category", choices=CATEGORIES)
    json_flag(c)
    c.set_defaults(handler=cmd_list)

    c = asub.add_parser("search", help="standard answers containing TEXT (any Chinese or digit substring)")
    c.add_argument("text", metavar="TEXT")
    c.add_argument("--category", choices=CATEGORIES)
    json_flag(c)
    c.set_defaults(handler=cmd_search)

    c = asub.add_parser("forbid", help="add a phrase replies may not use (supervisor); prints the whole list")
    c.add_argument("phrase", metavar="PHRASE")
    json_flag(c)
    c.set_defaults(handler=cmd_forbid)

    c = asub.add_parser("phrases", help="the forbidden service phrases")
    json_flag(c)
    c.set_defaults(handler=cmd_phrases)


def _print_answers(args: argparse.Namespace, found: list[AnswerView]) -> None:
    if args.json:
        print_json([asdict(a) for a in found])
        return
    for a in found:
        say(f"#{a.id} {label(a.category, args.lang)} · {a.topic}: {a.text}")


def cmd_add(args: argparse.Namespace) -> int:
    from kaccount_desk.services import answers

    _print_answers(args, [answers.add_answer(logged_in(args), args.category, args.topic, args.text)])
    return OK


def cmd_list(args: argparse.Namespace) -> int:
    from kaccount_desk.services import answers

    _print_answers(args, answers.list_answers(logged_in(args), args.category))
    return OK


def cmd_search(args: argparse.Namespace) -> int:
    from kaccount_desk.services import answers

    _print_answers(args, answers.search_answers(logged_in(args), args.text, args.category))
    return OK


def _print_phrases(args: argparse.Namespace, phrases: list[str]) -> None:
    if args.json:
        print_json({"phrases": phrases})
    else:
        for phrase in phrases:
            say(phrase)


def cmd_forbid(args: argparse.Namespace) -> int:
    from kaccount_desk.services import answers

    _print_phrases(args, answers.forbid(logged_in(args), args.phrase))
    return OK


def cmd_phrases(args: argparse.Namespace) -> int:
    from kaccount_desk.services import answers

    _print_phrases(args, answers.forbidden_phrases(logged_in(args)))
    return OK
