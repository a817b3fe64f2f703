"""Every path the program touches, in one place, each redirectable.

Tests and portable installs point ``KACCOUNT_HOME`` at a folder of their own, so nothing ever
writes into the real per-user folders by accident; ``KACCOUNT_DB`` or ``--db`` picks another store.
"""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "kaccount-desk"
STORE_FILE = "kaccount.sqlite3"
KEY_FILE = "store.key"


def data_dir() -> Path:
    """The per-user data folder that holds the embedded default store."""
    home = os.environ.get("KACCOUNT_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    home = os.environ.get("KACCOUNT_HOME")
    if home:
        return Path(home) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def password_file() -> Path:
    """libpq's password file for a shared PostgreSQL store (see services/store_setup.py)."""
    return config_dir() / "pgpass.conf"


def log_dir() -> Path:
    """The per-user log folder (kept apart from data so a support person can be sent it alone)."""
    home = os.environ.get("KACCOUNT_HOME")
    if home:
        return Path(home) / "logs"
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def key_file() -> Path:
    """The key that encrypts ID numbers and images: per user, beside the settings, never in the store."""
    override = os.environ.get("KACCOUNT_KEY_FILE")
    if override:
        return Path(override)
    return config_dir() / KEY_FILE


def resources_dir() -> Path:
    """The shipped data: fonts, translations, the carrier segment table, the sample campaign.

    ``KACCOUNT_RESOURCES`` wins (a site's own copy, or the tests'); a frozen build has it beside
    the program; a checkout has ``resources/`` beside the package, used as is so an edit shows at
    once; an installed wheel carries it as the package ``kaccount_desk.resources`` (setup.py).
    """
    override = os.environ.get("KACCOUNT_RESOURCES")
    if override:
        return Path(override)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "pyproject.toml").is_file() and (checkout / "resources").is_dir():
        return checkout / "resources"
    return Path(str(importlib.resources.files("kaccount_desk.resources")))


def store_url(db: str | None = None) -> str:
    """Turn ``--db`` / ``KACCOUNT_DB`` (a path or an SQLAlchemy URL) into a URL.

    A bare path is the common case at a counter (a store on a USB stick or a share), so anything
    without ``://`` is taken as a SQLite file.
    """
    chosen = db or os.environ.get("KACCOUNT_DB")
    if not chosen:
        return f"sqlite:///{data_dir() / STORE_FILE}"
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser().resolve()}"
