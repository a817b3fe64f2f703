"""The roster import's history note, stored in Chinese and read in English in the English interface."""

from __future__ import annotations

from kaccount_desk.domain.history_notes import import_note, shown_note


def test_the_import_note_reads_in_the_readers_language() -> None:
    note = import_note("铸造事业部名单.xlsx", 5)
    assert note == "名单导入 铸造事业部名单.xlsx 第5行"  # as stores have always held it
    assert shown_note(note, "zh") == note
    assert shown_note(note, "en") == "Roster import 铸造事业部名单.xlsx, row 5"


def test_a_clerks_own_note_is_shown_as_typed_in_either_language() -> None:
    for note in ("客户要求周五前开通", "名单导入 by hand", ""):
        assert shown_note(note, "en") == note and shown_note(note, "zh") == note
