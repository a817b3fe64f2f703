"""Names and folders for the files people save and open: 铸造事业部_申请表_2026-12-02.pdf, in the folder used last.

A clerk files what the app writes by department and day, so the suggested name says who it is for,
what it is and when, in the interface language; and the dialog opens where the last file went,
instead of the working directory the app happened to start in.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from kaccount_desk.ui.qt import QtCore, QtWidgets
from kaccount_desk.ui.settings import LAST_FOLDER, LAST_OPEN_FOLDER, Settings

# Characters Windows refuses in a file name (a department may be called "财务/审计").
_REFUSED = re.compile(r'[\\/:*?"<>|\s]+')


def file_name(*parts: str | None, day: date, suffix: str) -> str:
    """The non-empty ``parts`` and the day joined by "_", made safe for any file system."""
    words = [_REFUSED.sub("-", part.strip()) for part in parts if part and part.strip()]
    return "_".join([*words, day.isoformat()]) + suffix


def _start_folder(remembered: str) -> Path:
    """The folder used last if it is still there, else the person's Documents (never the folder the app
    happened to start in, which on a counter PC is the program's own)."""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QtCore.QStandardPaths.writableLocation(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(parent: QtWidgets.QWidget | None, title: str, name: str, filters: str,
                  settings: Settings | None = None) -> Path | None:
    """The save dialog, opened in the folder used last with ``name`` suggested; the chosen folder is remembered."""
    settings = settings or Settings()
    start = str(_start_folder(settings.get(LAST_FOLDER)) / name)
    chosen, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, start, filters)
    if not chosen:
        return None
    settings.set(LAST_FOLDER, str(Path(chosen).parent))
    return Path(chosen)


def ask_open_path(parent: QtWidgets.QWidget | None, title: str, filters: str, settings: Settings | None = None) -> Path | None:
    """The open dialog, in the folder the last opened file came from (the back of a card is beside its front)."""
    settings = settings or Settings()
    chosen, _ = QtWidgets.QFileDialog.getOpenFileName(parent, title, str(_start_folder(settings.get(LAST_OPEN_FOLDER))), filters)
    if not chosen:
        return None
    settings.set(LAST_OPEN_FOLDER, str(Path(chosen).parent))
    return Path(chosen)
