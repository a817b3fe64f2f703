"""Forbidden service phrases (服务忌语): spaces, full-width forms and capitals do not get a phrase past the check,
and every hit is placed in the text as the clerk typed it."""

from __future__ import annotations

from kaccount_desk.domain.service_phrases import (
    check_new_phrase,
    find_forbidden,
    held_reason,
    phrase_key,
    starter_phrases,
)

LIST = ["不知道", "这不归我管", "OK了吧"]


def _marked(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_forbidden(text, LIST)]


def test_a_plain_phrase_is_found_where_it_was_typed() -> None:
    assert _marked("这个我也不知道,您去问别人") == ["不知道"]
    assert _marked("您好,已为您查询话费") == []


def test_spaces_full_width_and_invisible_characters_do_not_get_around_it() -> None:
    assert _marked("我 不 知\u3000道") == ["不 知\u3000道"]
    assert _marked("这不\u200b归我管") == ["这不\u200b归我管"]
    assert _marked("ＯＫ了吧") == ["ＯＫ了吧"]
    assert _marked("ok 了吧") == ["ok 了吧"]


def test_every_occurrence_and_every_phrase_in_order() -> None:
    text = "不知道,这不归我管,还是不知道"
    hits = find_forbidden(text, LIST)
    assert [(text[h.start:h.end], h.phrase) for h in hits] == [("不知道", "不知道"), ("这不归我管", "这不归我管"), ("不知道", "不知道")]


def test_the_reason_names_the_phrases_once_in_both_languages() -> None:
    reason = held_reason(find_forbidden("不知道,不知道", LIST))
    assert reason.code == "answers.forbidden_phrase"
    assert reason.zh.count("“不知道”") == 1 and "'不知道'" in reason.en


def test_a_new_phrase_is_refused_when_listed_in_another_spelling() -> None:
    assert check_new_phrase("不 知 道", LIST).reasons[0].code == "answers.phrase_known"
    assert check_new_phrase("  ", LIST).reasons[0].code == "answers.phrase_empty"
    assert check_new_phrase("别烦我", LIST).value == "别烦我"
    assert phrase_key("ＯＫ 了吧") == phrase_key("ok了吧")


def test_the_starter_list_skips_comments_blanks_and_repeats() -> None:
    assert starter_phrases("# 注释\n不知道\n\n不 知道\n没办法\n") == ["不知道", "没办法"]
