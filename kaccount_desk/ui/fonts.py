"""The embedded CJK font offered to Qt, so the Chinese interface reads on any PC.

A Windows counter PC has Chinese fonts, but a fresh Linux machine or a minimal image may have
none, and every label would be boxes. The font the PDFs embed (resources/fonts) is added to Qt's
font database at start; Qt falls back to it for any character the default font lacks.
"""

from __future__ import annotations

import logging

from kaccount_desk import config
from kaccount_desk.ui.qt import QtGui

log = logging.getLogger("kaccount_desk.ui")

FONT_FILE = "wqy-microhei.ttc"


def add_embedded_font() -> list[str]:
    """The families Qt gained (empty, and logged, if the file is missing or unreadable)."""
    path = config.resources_dir() / "fonts" / FONT_FILE
    font_id = QtGui.QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("the interface font %s could not be loaded; Chinese may not display", path)
        return []
    return list(QtGui.QFontDatabase.applicationFontFamilies(font_id))
