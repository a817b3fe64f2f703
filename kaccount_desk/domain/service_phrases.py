"""Forbidden service phrases (服务忌语) and standard answers: one answer from every channel (standard 2.4).

The operator's service standard asks every channel to give a customer the same answer and every
clerk to avoid the phrases that turn a customer away ("不知道", "这不归我管", "你自己看" ...).
Supervisors keep the list as data in the store; this module decides whether a text uses one.

A clerk who types fast, or tries to slip past the check, should not get "不 知道" or the
full-width "ＯＫ" through: both sides are compared after :func:`phrase_key` (half-width, lower-case,
no whitespace or invisible characters). Each hit is reported as a span of the text *as typed*,
so the reply box can mark exactly what the clerk wrote and keep every character of it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from kaccount_desk.domain.reasons import Reason, Verdict
from kaccount_desk.domain.text import to_half_width

MAX_PHRASE = 32
MAX_TOPIC = 64


def _dropped(ch: str) -> bool:
    """Whitespace of any width and invisible format characters (zero-width space, joiners): never part of a word."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def phrase_key(text: str) -> str:
    """What a phrase and a reply are compared as: half-width, lower-case, without spaces or invisible characters."""
    return "".join(ch for ch in to_half_width(text).lower() if not _dropped(ch))


@dataclass(frozen=True)
class PhraseHit:
    """One forbidden phrase found: ``start``/``end`` index the text as typed (end exclusive)."""

    phrase: str
    start: int
    end: int


def _keyed(text: str) -> tuple[str, list[int]]:
    """``text``'s key and, for each character of the key, the index of the typed character it came from."""
    kept: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        for out in to_half_width(ch).lower():
            if not _dropped(out):
                kept.append(out)
                where.append(index)
    return "".join(kept), where


def find_forbidden(text: str, phrases: list[str] | tuple[str, ...]) -> tuple[PhraseHit, ...]:
    """Every occurrence of every phrase in ``text``, in the order they appear; overlapping ones too."""
    key, where = _keyed(text)
    hits: list[PhraseHit] = []
    for phrase in phrases:
        wanted = phrase_key(phrase)
        if not wanted:
            continue
        found = key.find(wanted)
        while found >= 0:
            hits.append(PhraseHit(phrase, where[found], where[found + len(wanted) - 1] + 1))
            found = key.find(wanted, found + 1)
    return tuple(sorted(hits, key=lambda h: (h.start, h.end)))


def held_reason(hits: tuple[PhraseHit, ...]) -> Reason:
    """Why a reply is held: the phrases named, so the clerk knows what to rewrite (nothing is lost)."""
    names = list(dict.fromkeys(h.phrase for h in hits))
    zh = "、".join(f"“{n}”" for n in names)
    en = ", ".join(f"'{n}'" for n in names)
    return Reason(
        "answers.forbidden_phrase",
        f"回复中有服务忌语{zh},请换一种说法后再发送",
        f"The reply uses a forbidden service phrase ({en}); please rephrase it and send again",
    )


def check_new_phrase(raw: str | None, known: list[str] | tuple[str, ...]) -> Verdict[str]:
    """A phrase for the forbidden list: not empty, short, and not already listed in another spelling."""
    phrase = " ".join(to_half_width(raw or "").split())
    if not phrase_key(phrase):
        return Verdict(reasons=(Reason("answers.phrase_empty", "忌语不能为空", "The phrase is empty"),))
    if len(phrase) > MAX_PHRASE:
        return Verdict(reasons=(Reason("answers.phrase_long", f"忌语最多{MAX_PHRASE}字", f"A phrase has at most {MAX_PHRASE} characters"),))
    if any(phrase_key(k) == phrase_key(phrase) for k in known):
        return Verdict(reasons=(Reason("answers.phrase_known", f"“{phrase}”已在忌语清单中", f"'{phrase}' is already on the list"),))
    return Verdict(value=phrase)


def starter_phrases(text: str) -> list[str]:
    """The phrases of a starter list file: one a line, blank lines and ``#`` comments skipped, duplicates once."""
    seen: dict[str, str] = {}
    for line in text.splitlines():
        phrase = " ".join(to_half_width(line).split())
        if phrase and not phrase.startswith("#"):
            seen.setdefault(phrase_key(phrase), phrase)
    return list(seen.values())


def check_topic(raw: str | None) -> Verdict[str]:
    """A standard answer's topic (资费, 信号, 停机 ...): what supervisors file it under and clerks look for."""
    topic = " ".join(to_half_width(raw or "").split())
    if not topic:
        return Verdict(reasons=(Reason("answers.topic_empty", "主题不能为空", "The topic is empty"),))
    if len(topic) > MAX_TOPIC:
        return Verdict(reasons=(Reason("answers.topic_long", f"主题最多{MAX_TOPIC}字", f"A topic has at most {MAX_TOPIC} characters"),))
    return Verdict(value=topic)
