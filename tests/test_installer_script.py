"""The Inno Setup script compiles on a stock Inno Setup and knows when the app is open.

The compiler itself needs Windows or Wine (packaging/build_installer.py); what can be checked
without it is what broke the build before: a file the script names that is not in the repository
(Inno Setup 6 ships no ChineseSimplified.isl), and the names that tie setup to a running app.
"""

from __future__ import annotations

import re

from support import REPO

from kaccount_desk import running_mark

PACKAGING = REPO / "packaging"
SCRIPT = PACKAGING / "kaccount-desk.iss"
BUILT_APP = "..\\dist\\kaccount-desk\\"  # made by PyInstaller before compiling, never committed


def _sections(text: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _parameter(entry: str, name: str) -> str | None:
    found = re.search(rf'(?:^|;)\s*{name}:\s*"([^"]*)"', entry)
    return found.group(1) if found else None


def _named_files(sections: dict[str, list[str]]) -> list[str]:
    """Every file the script reads at compile time, relative to packaging/ or on the compiler."""
    names = []
    for line in sections["Setup"]:
        key, _, value = line.partition("=")
        if key.strip() in {"SetupIconFile", "LicenseFile", "InfoBeforeFile", "InfoAfterFile", "WizardImageFile",
                           "WizardSmallImageFile"}:
            names.append(value.strip())
    for entry in sections["Languages"]:
        names += (_parameter(entry, "MessagesFile") or "").split(",")
        names += [n for n in [_parameter(entry, "LicenseFile"), _parameter(entry, "InfoBeforeFile")] if n]
    names += [_parameter(entry, "Source") or "" for entry in sections.get("Files", [])]
    return [n for n in names if n]


def test_every_file_the_script_names_is_in_the_repository() -> None:
    named = _named_files(_sections(SCRIPT.read_text(encoding="utf-8-sig")))
    ours = [n for n in named if not n.startswith(("compiler:", BUILT_APP))]
    assert any(n.endswith(".isl") for n in ours), "the Chinese messages must come from the repository"
    missing = [n for n in ours if not (PACKAGING / n.replace("\\", "/")).is_file()]
    assert missing == []
    # Stock Inno Setup 6 ships Default.isl and 29 translations, none of them Chinese.
    stock = [n for n in named if n.startswith("compiler:")]
    assert [n for n in stock if "Chinese" in n] == []


def test_the_chinese_messages_keep_every_placeholder_and_access_key() -> None:
    isl = _sections((PACKAGING / "languages" / "ChineseSimplified-kaccount.isl").read_text(encoding="utf-8-sig"))
    options = dict(line.split("=", 1) for line in isl["LangOptions"])
    assert options["LanguageID"] == "$0804"
    messages = dict(line.split("=", 1) for line in isl["Messages"])
    assert len(messages) >= 266  # all of Inno Setup 6.4's Default.isl: 266 messages, 12 custom ones
    assert len(isl["CustomMessages"]) >= 12
    assert "[name]" in messages["WelcomeLabel1"] and "%1" in messages["SetupAppRunningError"]
    buttons = [key for key in messages if key.startswith("Button") and key != "ButtonOK" and key != "ButtonCancel"]
    assert all("&" in messages[key] for key in buttons)


def test_setup_and_uninstall_know_the_running_app_by_its_mutex() -> None:
    setup = dict(line.split("=", 1) for line in _sections(SCRIPT.read_text(encoding="utf-8-sig"))["Setup"])
    assert tuple(setup["AppMutex"].split(",")) == running_mark.MUTEX_NAMES


def test_an_upgrade_replaces_the_bundled_runtime_whole() -> None:
    deleted = _sections(SCRIPT.read_text(encoding="utf-8-sig")).get("InstallDelete", [])
    assert any(_parameter(e, "Name") == "{app}\\_internal" and "filesandordirs" in e for e in deleted)
