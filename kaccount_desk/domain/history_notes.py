"""The notes the program itself writes into an application's history: stored once, read in the reader's language.

A clerk's own note is shown as typed. The roster import's note ("名单导入 铸造事业部名单.xlsx 第5行") is stored
in Chinese, as it always was, so older stores read the same; the English interface shows it in English
instead of leaving the one Chinese line in an English history.
"""

from __future__ import annotations

import re

_IMPORTED = re.compile(r"^名单导入 (?P<file>.+) 第(?P<row>\d+)行$")


def import_note(file_name: str, row: int) -> str:
    """What the history says of an application a roster import added: the file and its row."""
    return f"名单导入 {file_name} 第{row}行"


def shown_note(note: str, lang: str) -> str:
    """``note`` for a reader of ``lang``: the import's own note in English when asked, anything else as written."""
    found = _IMPORTED.match(note) if lang == "en" else None
    return f"Roster import {found['file']}, row {found['row']}" if found else note
