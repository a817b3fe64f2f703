"""The desktop app's own preferences, kept in a small JSON file beside the other config.

Every setting is declared once here, with its type, default and a translatable label, and read
through :class:`Settings`; a missing, broken or wrongly typed value quietly falls back to the
default, because a counter must start even when a settings file was damaged.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from kaccount_desk import config
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP

log = logging.getLogger("kaccount_desk.ui.settings")

T = TypeVar("T")
SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class Setting(Generic[T]):
    name: str
    type: type
    default: T
    label: str


LANGUAGE: Setting[str] = Setting("language", str, "zh", QT_TRANSLATE_NOOP("settings", "Language"))
LAST_CAMPAIGN: Setting[str] = Setting("last_campaign", str, "", QT_TRANSLATE_NOOP("settings", "Last campaign"))

ALL_SETTINGS: tuple[Setting[Any], ...] = (LANGUAGE, LAST_CAMPAIGN)


class Settings:
    """Reads once at start, writes through on every change (there are only a few, rarely changed)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config.config_dir() / SETTINGS_FILE
        self._values: dict[str, Any] = self._load()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("settings file %s unreadable, using defaults: %s", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def get(self, setting: Setting[T]) -> T:
        value = self._values.get(setting.name)
        return value if isinstance(value, setting.type) else setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"{setting.name} takes {setting.type.__name__}, not {type(value).__name__}")
        self._values[setting.name] = value
        self._save()

    def _save(self) -> None:
        known = {s.name for s in ALL_SETTINGS}
        data = {k: v for k, v in self._values.items() if k in known}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        except OSError as exc:
            log.warning("cannot write settings to %s: %s", self.path, exc)
