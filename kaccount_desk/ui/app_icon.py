"""The application icon, from the PNGs drawn by packaging/make_icon.py.

Every size from 16 to 512 px goes into one QIcon, so Qt takes a sharp pixmap for any screen
scale (a 32 px title-bar icon on a 200 % screen uses the 64 px drawing, not a blurred 32 px).
"""

from __future__ import annotations

from kaccount_desk import config
from kaccount_desk.ui.qt import QtCore, QtGui

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QtGui.QIcon:
    """The icon in every size shipped; an empty icon (Qt's default) if the files are missing."""
    icon = QtGui.QIcon()
    folder = config.resources_dir() / "icons"
    for size in SIZES:
        path = folder / f"kaccount-desk-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QtCore.QSize(size, size))
    return icon
