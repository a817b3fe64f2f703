"""The log file: where it is, how it rotates, and what never goes into it.

Both faces log to ``kaccount-desk.log`` in the per-user log folder (``config.log_dir()``),
rotated at 1 MB with five old files kept, so a counter PC that runs for years never fills its
disk and support still gets the last days. Personal data must not reach the file: the code logs
reason codes and row ids, never names, and as a second line of defence every formatted line,
tracebacks included, passes through :func:`redact`, which removes resident ID numbers, mobile
numbers, the password of a store URL and the parameter lists SQLAlchemy puts into its errors
(which hold whatever a row contained, names included).
"""

from __future__ import annotations

import logging
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kaccount_desk import config

LOG_FILE = "kaccount-desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_SQL_PARAMETERS = re.compile(r"\[parameters: .*?\](?=\s*(?:\n|\(Background|$))", re.DOTALL)
_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]*@", re.IGNORECASE)
_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")


def redact(text: str) -> str:
    """``text`` with ID numbers, mobile numbers, URL passwords and SQL parameters replaced."""
    text = _SQL_PARAMETERS.sub("[parameters: hidden]", text)
    text = _URL_PASSWORD.sub(r"\1***@", text)
    text = _RESIDENT_ID.sub("<ID>", text)
    return _MOBILE.sub("<number>", text)


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record: message, arguments and traceback alike."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class _AppHandler(RotatingFileHandler):
    """Marks the handler this module installed, so setting up twice adds nothing."""


def log_file() -> Path:
    return config.log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the app's records to the rotating log file; returns its path, or None when the folder
    cannot be written (a locked-down PC must still start: the records then go nowhere)."""
    root = logging.getLogger()
    path = log_file()
    for handler in root.handlers:
        if isinstance(handler, _AppHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _AppHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(min(root.level, level) if root.level else level)
    return path
