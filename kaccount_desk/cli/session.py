"""Opening the store and logging in for one command."""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from kaccount_desk import config
from kaccount_desk.domain.reasons import Lang
from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store


class UsageError(Exception):
    """The command was called wrongly: exit code 2, with the message."""


def open_store(args: argparse.Namespace) -> Store:
    return Store(config.store_url(args.db))


def password(prompt: str) -> str:
    """From KACCOUNT_PASSWORD for scripts, else asked on the terminal; never from argv."""
    given = os.environ.get("KACCOUNT_PASSWORD")
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UsageError("需要密码:请设置环境变量 KACCOUNT_PASSWORD 或在终端运行 / a password is needed: set KACCOUNT_PASSWORD or run in a terminal")
    return getpass.getpass(prompt)


def login(args: argparse.Namespace, store: Store) -> Context:
    if not args.as_staff:
        raise UsageError("此命令需要 --as 工号 / this command needs --as STAFF_ID")
    actor = staff.authenticate(store, args.as_staff, password(f"{args.as_staff} 的密码 / password: "))
    lang: Lang = args.lang
    return Context(store, actor, lang=lang)
