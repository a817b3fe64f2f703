"""The notes the program itself writes into an application's history: stored once, read in the reader's language.

A clerk's own note is shown as typed. The roster import's note ("名单导入 铸造事业部名单.xlsx 第5行") is stored
in Chinese, as it always was, so older stores read the same; the English interface shows it in English
instead of leaving the one Chinese line in an English history.
"""

from __future__ import annotations

import re

_IMPORTED = re.compile(r"^名单导入 (?P<file>.+) 第(?P<row>\d+)行$")
_HANDED_OVER = re.compile(r"^移交运营商 (?P<file>.+)$")
_ACTIVATED = re.compile(r"^运营商开通 (?P<day>\d{4}-\d{2}-\d{2}) (?P<file>.+) 第(?P<row>\d+)行$")


def import_note(file_name: str, row: int) -> str:
    """What the history says of an application a roster import added: the file and its row."""
    return f"名单导入 {file_name} 第{row}行"


def handover_note(file_name: str) -> str:
    """What the history says of an application handed over to the operator: the hand-over's file."""
    return f"移交运营商 {file_name}"


def activation_note(day: str, file_name: str, row: int) -> str:
    """What the history says of an application the operator's list marked activated: the day, the file and its row."""
    return f"运营商开通 {day} {file_name} 第{row}行"


def shown_note(note: str, lang: str) -> str:
    """``note`` for a reader of ``lang``: the program's own notes in English when asked, anything else as written."""
    if lang != "en":
        return note
    if found := _IMPORTED.match(note):
        return f"Roster import {found['file']}, row {found['row']}"
    if found := _HANDED_OVER.match(note):
        return f"Handed over to the operator: {found['file']}"
    if found := _ACTIVATED.match(note):
        return f"Activated by the operator on {found['day']} ({found['file']}, row {found['row']})"
    return note
