"""Text for substring search over Chinese: overlapping character pairs (bigrams).

Chinese has no spaces, so a word tokenizer sees a whole clause as one token and finds nothing;
trigram indexes cannot match two-character words such as 话费 or 信号. Writing every run of
letters, digits and CJK characters as its overlapping pairs (信号很差 → ``信号 号很 很差``) and
searching for the phrase of the term's own pairs finds exactly the texts that contain the term
(measured in ``shared/notes/chinese-search.md``). Both sides go through :func:`normalize`, so
full-width input and capitals match what was stored.
"""

from __future__ import annotations

import unicodedata

from kaccount_desk.domain.text import to_half_width


def _is_token_char(ch: str) -> bool:
    # The same classes SQLite's unicode61 tokenizer keeps (letters, numbers, private use), so the
    # pairs written here are the tokens the index stores.
    category = unicodedata.category(ch)
    return category[0] in "LN" or category == "Co"


def normalize(text: str) -> str:
    """Half-width and lower-case: what both the stored text and the query are built from."""
    return to_half_width(text).lower()


def runs(text: str) -> list[str]:
    """The maximal runs of token characters, after normalizing."""
    out: list[str] = []
    current: list[str] = []
    for ch in normalize(text):
        if _is_token_char(ch):
            current.append(ch)
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def _pairs(run: str) -> list[str]:
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def bigram_text(text: str) -> str:
    """Every run as its overlapping pairs, a one-character run as itself, separated by spaces."""
    return " ".join(pair for run in runs(text) for pair in _pairs(run))


def searchable(term: str) -> bool:
    """Whether the index can answer ``term``: it needs a run of at least two characters."""
    return any(len(run) >= 2 for run in runs(term))


def _quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def bigram_query(term: str) -> str:
    """An FTS5 phrase of the term's pairs, every pair quoted so search syntax stays plain text.

    A one-character run at the start of a term may be the end of a longer run in the text, which
    a phrase cannot express, so it is left out (the hits may then include a few texts where that
    character differs); one at the end becomes a prefix, since it starts a pair in the text.
    Returns "" when the term has nothing the index can match (see :func:`searchable`).
    """
    parts = runs(term)
    if not searchable(term):
        return ""
    tokens: list[str] = []
    for index, run in enumerate(parts):
        if len(run) >= 2:
            tokens.extend(_quote(pair) for pair in _pairs(run))
        elif index == len(parts) - 1:
            tokens.append(_quote(run) + " *")
        elif index > 0:
            tokens.append(_quote(run))
    return " + ".join(tokens)


def phrase_pairs(term: str) -> str:
    """The term's pairs as plain words, for engines with their own phrase syntax (PostgreSQL)."""
    return " ".join(pair for run in runs(term) if len(run) >= 2 for pair in _pairs(run))
