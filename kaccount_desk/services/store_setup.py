"""Choosing a store before anyone can log in: the first-run wizard's and the settings' "test the connection".

Nothing here creates or upgrades a store; it says, in words, what opening it would find.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url

from kaccount_desk import config
from kaccount_desk.domain.login import load_common_passwords, password_problems, staff_no_problems
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.context import store_guard
from kaccount_desk.services.errors import StoreUnavailable
from kaccount_desk.store.engine import probe
from kaccount_desk.store.failures import failure_words

_STATES = {
    "current": ("连接成功,数据库可以使用。", "Connected: the store is ready to use."),
    "older": ("连接成功。数据库由旧版本建立,打开时会自动升级。",
              "Connected: the store was made by an older version and is upgraded when opened."),
    "empty": ("连接成功。数据库是空的,完成向导时会在其中建立本程序的表。",
              "Connected: the database is empty; finishing sets up this program's tables in it."),
}


@dataclass(frozen=True)
class StoreCheck:
    ok: bool
    reason: Reason


def check_store(url: str) -> StoreCheck:
    """The answer for "test the connection": ready, to be upgraded, empty, or why it cannot be used."""
    try:
        with store_guard(url):
            state = probe(url)
    except StoreUnavailable as exc:
        return StoreCheck(False, _in_words(exc.reasons[0], url))
    zh, en = _STATES[state]
    return StoreCheck(True, Reason(f"store.{state}", zh, en))


def _in_words(reason: Reason, url: str) -> Reason:
    """The condition in the person's language and the place as the fields name it: no URL, user, password or libpq text."""
    words = failure_words(reason.code)
    if words is None:
        return reason
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        place = parsed.database or ""
    else:
        place = f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"
    return Reason(reason.code, f"{words[0]}:{place}", f"{words[1]}: {place}")


def first_admin_problems(staff_no: str, password: str) -> tuple[Reason, ...]:
    """What creating the first administrator would refuse in the staff ID and password, asked before any store exists.

    The wizard asks on its administrator page, so a common password is not refused only at Finish.
    """
    common = load_common_passwords(config.resources_dir())
    return (*staff_no_problems(staff_no), *password_problems(password, common))


def postgresql_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """A psycopg URL from the wizard's fields, each quoted, so a password with @ or / still works."""
    return URL.create("postgresql+psycopg", username=user or None, password=password or None,
                      host=host or None, port=port or None, database=database or None).render_as_string(hide_password=False)


def without_password(url: str) -> str:
    """What the settings file keeps: the password goes to the owner-only password file instead."""
    parsed = make_url(url)
    return URL.create(parsed.drivername, parsed.username, None, parsed.host, parsed.port, parsed.database,
                      parsed.query).render_as_string(hide_password=False)


def remember_password(host: str, port: int, database: str, user: str, password: str) -> None:
    """Keep a server password where libpq looks for it (PGPASSFILE), readable by its owner only.

    The settings file then holds a URL without the password, and nothing else on disk does.
    """
    path = config.password_file()
    path.parent.mkdir(parents=True, exist_ok=True)

    def field(value: str) -> str:
        return value.replace("\\", "\\\\").replace(":", "\\:")

    wanted = ":".join(field(v) for v in (host or "localhost", str(port or 5432), database, user))
    lines = [] if not path.exists() else [line for line in path.read_text(encoding="utf-8").splitlines()
                                          if not line.startswith(wanted + ":")]
    lines.append(f"{wanted}:{field(password)}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)
