"""Reading what a person typed: full-width forms, spreadsheet numbers, lists in one field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kaccount_desk.domain.text import cell_text, list_items, squeeze, to_half_width


def test_full_width_digits_letters_and_spaces_become_half_width() -> None:
    assert to_half_width("１３８　００１３ＡＢｘ") == "138 0013ABx"
    assert squeeze(" 1 38\u3000001 ") == "138001"


def test_a_list_typed_in_one_field_splits_on_any_usual_separator() -> None:
    assert list_items("亲情一家、动感地带，全球通; 校园网  欢乐在线") == ["亲情一家", "动感地带", "全球通", "校园网", "欢乐在线"]
    assert list_items("  、, ") == []


def test_spreadsheet_numbers_read_as_the_digits_a_person_sees() -> None:
    assert cell_text(13803170001) == "13803170001"
    assert cell_text(None) == ""


@given(st.text())
def test_any_typed_text_gives_clean_items(text: str) -> None:
    items = list_items(text)
    assert all(item and item == item.strip() and not any(sep in item for sep in ",、;") for item in items)


@given(st.text())
def test_squeeze_of_any_text_is_half_width_without_whitespace(text: str) -> None:
    """The shortcut for plain ASCII cells gives what the full translation would."""
    assert squeeze(text) == "".join(to_half_width(text).split())


def test_a_plain_ascii_cell_is_not_translated(monkeypatch: pytest.MonkeyPatch) -> None:
    """An ID or mobile number in a roster cell is already half-width without spaces: a translate per cell was a tenth of an import."""
    from kaccount_desk.domain import text

    calls: list[str] = []
    monkeypatch.setattr(text, "to_half_width", lambda value: calls.append(value) or value)
    assert squeeze("13098119700101001X") == "13098119700101001X"
    assert calls == []
