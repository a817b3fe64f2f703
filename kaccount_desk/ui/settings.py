"""The desktop app's own preferences, kept with QSettings in an INI file beside the other config.

Every setting is declared once here, with its type, default and a translatable label, and read
through :class:`Settings`; a missing, broken or wrongly typed value quietly falls back to the
default, because a counter must start even when a settings file was damaged. The file is an INI
file in the config folder (not the Windows registry), so ``KACCOUNT_HOME`` redirects it like every
other path and an office can copy it from one PC to the next.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from kaccount_desk import config
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore

log = logging.getLogger("kaccount_desk.ui.settings")

T = TypeVar("T")
SETTINGS_FILE = "settings.ini"
OLD_SETTINGS_FILE = "settings.json"  # before 0.2: read once, then the INI file is the one home


def _label(marked: object) -> str:
    """QT_TRANSLATE_NOOP marks the text for lupdate and returns it as it is; typed for mypy here."""
    return str(marked)


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    type: type
    default: T
    label: str


LANGUAGE: Setting[str] = Setting("language", str, "zh", _label(QT_TRANSLATE_NOOP("settings", "Language")))
LAST_CAMPAIGN: Setting[str] = Setting("last_campaign", str, "", _label(QT_TRANSLATE_NOOP("settings", "Last campaign")))
# "" is the embedded per-user store; a path or a URL without its password (see ui/first_run.py).
STORE: Setting[str] = Setting("store", str, "", _label(QT_TRANSLATE_NOOP("settings", "Database")))
# Before the name became the store's (services/organisation.py): read only to offer it to the administrator.
ORGANISATION: Setting[str] = Setting("organisation", str, "", _label(QT_TRANSLATE_NOOP("settings", "Organisation")))
PRINTER: Setting[str] = Setting("printer", str, "", _label(QT_TRANSLATE_NOOP("settings", "Default printer")))
PAPER: Setting[str] = Setting("paper", str, "A4", _label(QT_TRANSLATE_NOOP("settings", "Paper size")))
# Counter PCs are shared: after this many idle minutes the window locks (0: never).
IDLE_LOCK_MINUTES: Setting[int] = Setting("idle_lock_minutes", int, 10, _label(QT_TRANSLATE_NOOP("settings", "Lock after idle minutes")))
BACKUP_FOLDER: Setting[str] = Setting("backup_folder", str, "", _label(QT_TRANSLATE_NOOP("settings", "Backup folder")))
BACKUP_KEEP: Setting[int] = Setting("backup_keep", int, 7, _label(QT_TRANSLATE_NOOP("settings", "Backups kept")))
# Where the last saved file went, so the next save dialog opens there (not shown in the settings dialog).
LAST_FOLDER: Setting[str] = Setting("last_folder", str, "", _label(QT_TRANSLATE_NOOP("settings", "Last folder")))
# Where the last opened file came from (a scan of an ID card, a roster, a campaign file): kept apart
# from the save folder, since scans come from the scanner's folder and PDFs go to the documents.
LAST_OPEN_FOLDER: Setting[str] = Setting("last_open_folder", str, "", _label(QT_TRANSLATE_NOOP("settings", "Last folder opened")))
# The store file as this program last closed it after a normal session (services/backup.py closed_mark):
# found unchanged, it is not read through for damage again at the next start (not shown in the dialog).
STORE_CLOSED_AS: Setting[str] = Setting("store_closed_as", str, "", _label(QT_TRANSLATE_NOOP("settings", "Database as closed")))

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    LANGUAGE, LAST_CAMPAIGN, STORE, ORGANISATION, PRINTER, PAPER, IDLE_LOCK_MINUTES, BACKUP_FOLDER, BACKUP_KEEP,
)
PAPER_SIZES = ("A4", "A3", "Letter", "B5")


class Settings:
    """Reads through QSettings on every call (cheap, cached by Qt) and writes through on every change."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config.config_dir() / SETTINGS_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not self.path.exists()
        self._qt = QtCore.QSettings(str(self.path), QtCore.QSettings.Format.IniFormat)
        if fresh:
            self._import_old(self.path.with_name(OLD_SETTINGS_FILE))

    def _import_old(self, old: Path) -> None:
        try:
            data = json.loads(old.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.warning("old settings file %s unreadable, ignored: %s", old, exc)
            return
        for setting in ALL_SETTINGS:
            value = data.get(setting.name) if isinstance(data, dict) else None
            if isinstance(value, setting.type):
                self.set(setting, value)

    def get(self, setting: Setting[T]) -> T:
        if not self._qt.contains(setting.name):
            return setting.default
        value = self._qt.value(setting.name, setting.default)
        if setting.type is int and isinstance(value, str):
            try:
                return int(value)  # type: ignore[return-value]
            except ValueError:
                return setting.default
        return value if isinstance(value, setting.type) else setting.default  # type: ignore[return-value]

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.name} takes {setting.type.__name__}, not {type(value).__name__}")
        self._qt.setValue(setting.name, value)
        self._qt.sync()
        if self._qt.status() != QtCore.QSettings.Status.NoError:
            log.warning("cannot write settings to %s", self.path)

    def layout(self, staff_no: str, key: str) -> QtCore.QByteArray | None:
        """A saved widget state (ui/window_state.py), kept apart per staff member."""
        name = f"layout/{staff_no}/{key}"
        if not self._qt.contains(name):
            return None
        value = self._qt.value(name)
        return value if isinstance(value, QtCore.QByteArray) else None

    def set_layout(self, staff_no: str, key: str, state: QtCore.QByteArray) -> None:
        self._qt.setValue(f"layout/{staff_no}/{key}", state)

    def last_page(self, staff_no: str) -> str:
        name = f"page/{staff_no}"
        value = self._qt.value(name, "") if self._qt.contains(name) else ""
        return value if isinstance(value, str) else ""

    def set_last_page(self, staff_no: str, page: str) -> None:
        self._qt.setValue(f"page/{staff_no}", page)
