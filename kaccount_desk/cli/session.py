"""Opening the store and logging in for one command.

Services are imported here only when a command needs the store, so commands that do not
(``check-id``, ``check-number``, ``--help``) never load SQLAlchemy.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kaccount_desk import config
from kaccount_desk.cli.output import complain, words
from kaccount_desk.domain.reasons import Lang

if TYPE_CHECKING:
    from kaccount_desk.services.context import Context, Store


class UsageError(Exception):
    """The command was called wrongly: exit code 2, with the message."""


def open_store(args: argparse.Namespace, create: bool = False) -> Store:
    """Only ``init`` may create a store; any other command refuses a SQLite path that does not exist."""
    from kaccount_desk.services.context import Store

    store = Store(config.store_url(args.db), create=create)
    args.store = store  # run() closes it when the command ends, so in-process callers leak no connections
    for settled in store.settled:  # a hand-over file a killed run left, put in place or removed on opening
        complain(words(args, settled.reason.zh, settled.reason.en))
    return store


def password(args: argparse.Namespace, prompt: str) -> str:
    """From KACCOUNT_PASSWORD for scripts, else asked on the terminal; never from argv."""
    given = os.environ.get("KACCOUNT_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UsageError(words(args, "需要密码:请设置环境变量 KACCOUNT_PASSWORD 或在终端运行",
                               "A password is needed: set KACCOUNT_PASSWORD or run in a terminal"))
    return getpass.getpass(prompt)


def secret(args: argparse.Namespace, variable: str, zh: str, en: str) -> str:
    """A new password or a recovery key, from ``variable`` for scripts, else asked on the terminal; never from argv.

    ``zh``/``en`` name what is asked ("新员工的密码", "the new staff member's password").
    """
    given = os.environ.get(variable)
    if given is not None:
        return given
    named = en[:1].upper() + en[1:]
    if not sys.stdin.isatty():
        raise UsageError(words(args, f"需要{zh}:请设置环境变量 {variable} 或在终端运行",
                               f"{named} is needed: set {variable} or run in a terminal"))
    return getpass.getpass(words(args, f"{zh}:", f"{named}: "))


def login(args: argparse.Namespace, store: Store) -> Context:
    from kaccount_desk.services import staff
    from kaccount_desk.services.context import Context

    if not args.as_staff:
        raise UsageError(words(args, "此命令需要 --as 工号", "This command needs --as STAFF_ID"))
    given = password(args, words(args, f"{args.as_staff} 的密码:", f"Password for {args.as_staff}: "))
    actor = staff.authenticate(store, args.as_staff, given)
    lang: Lang = args.lang
    return Context(store, actor, lang=lang)


def logged_in(args: argparse.Namespace) -> Context:
    """The usual start of a command: open the existing store and log in as ``--as``."""
    return login(args, open_store(args))
