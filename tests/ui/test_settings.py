"""Settings: declared once, kept in an INI file under the config folder, never a reason not to start."""

from __future__ import annotations

import json
from pathlib import Path

from kaccount_desk import config
from kaccount_desk.ui.settings import IDLE_LOCK_MINUTES, LANGUAGE, PAPER, STORE, Settings


def test_values_survive_a_restart_and_live_in_the_config_folder(qapp) -> None:
    Settings().set(IDLE_LOCK_MINUTES, 25)
    Settings().set(STORE, "postgresql+psycopg://kad@db.office/kad")
    again = Settings()
    assert again.get(IDLE_LOCK_MINUTES) == 25 and again.get(STORE) == "postgresql+psycopg://kad@db.office/kad"
    assert again.get(PAPER) == "A4"
    assert (config.config_dir() / "settings.ini").exists()


def test_a_damaged_value_falls_back_to_its_default(qapp) -> None:
    path = config.config_dir() / "settings.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[General]\nidle_lock_minutes=soon\nlanguage=\n", encoding="utf-8")
    settings = Settings()
    assert settings.get(IDLE_LOCK_MINUTES) == 10
    assert settings.get(LANGUAGE) in ("", "zh")


def test_the_old_json_settings_are_taken_over_once(qapp) -> None:
    old: Path = config.config_dir() / "settings.json"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps({"language": "en", "last_campaign": 3}), encoding="utf-8")
    settings = Settings()
    assert settings.get(LANGUAGE) == "en"
