"""Loading the interface language: Chinese from the shipped .qm file, English as the source text.

Chinese is the default because the people at the counter read Chinese; English exists for
developers and support. Qt's own strings (OK, Cancel in standard dialogs) come from Qt's
translations, with the few they lack from ui/qt_gaps.py; the default QLocale follows the chosen
language, so a calendar popup or a file dialog's dates are not in the computer's locale instead.
"""

from __future__ import annotations

import logging

from kaccount_desk import config
from kaccount_desk.ui.messages import set_current_lang
from kaccount_desk.ui.qt import QtCore
from kaccount_desk.ui.qt_gaps import QtGapsTranslator

log = logging.getLogger("kaccount_desk.ui.i18n")

LANGUAGES: dict[str, str] = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"
QM_FILE = "translations/kaccount_desk_zh_CN.qm"
LOCALES: dict[str, QtCore.QLocale] = {
    "zh": QtCore.QLocale("zh_CN"),
    "en": QtCore.QLocale("en_US"),
}

_installed: list[QtCore.QTranslator] = []


def normalize_language(lang: str | None) -> str:
    """Accept "zh", "zh_CN", "en", "en_US" and the like; anything else means the default."""
    short = (lang or "").lower().replace("-", "_").split("_")[0]
    return short if short in LANGUAGES else DEFAULT_LANGUAGE


def install_translations(app: QtCore.QCoreApplication, lang: str | None) -> str:
    """Replace any installed translators with the chosen language's; returns the language used.

    Widgets read translations and the default locale when they are built, so a switch shows in
    windows opened afterwards.
    """
    chosen = normalize_language(lang)
    while _installed:
        app.removeTranslator(_installed.pop())
    QtCore.QLocale.setDefault(LOCALES[chosen])  # month and day names, dates in Qt's own widgets
    if chosen == "zh":
        gaps = QtGapsTranslator(app)  # installed first, so asked last (Qt asks the newest first)
        app.installTranslator(gaps)
        _installed.append(gaps)
        ours = QtCore.QTranslator(app)
        path = config.resources_dir() / QM_FILE
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("Chinese translation %s not found; showing English", path)
        qt_own = QtCore.QTranslator(app)
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load("qtbase_zh_CN", qt_dir):
            app.installTranslator(qt_own)
            _installed.append(qt_own)
    set_current_lang(chosen)
    return chosen
