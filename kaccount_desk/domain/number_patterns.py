"""Patterns people ask for when they choose a new number (尾号, 不带4, AABB, 尾号8)."""

from __future__ import annotations

from enum import StrEnum

from kaccount_desk.domain.labels import Labels


class Pattern(StrEnum):
    NO_FOUR = "no4"
    AABB = "aabb"
    ENDS_8 = "end8"


PATTERN_LABELS = Labels({
    Pattern.NO_FOUR: ("不带4", "No 4"),
    Pattern.AABB: ("AABB", "AABB"),
    Pattern.ENDS_8: ("尾号8", "Ends in 8"),
})


def matches(number: str, tail: str = "", patterns: frozenset[Pattern] = frozenset()) -> bool:
    """Whether a number fits what the applicant asked for; an empty request fits every number."""
    if tail and not number.endswith(tail):
        return False
    if Pattern.NO_FOUR in patterns and "4" in number:
        return False
    if Pattern.AABB in patterns:
        last = number[-4:]
        if not (len(last) == 4 and last[0] == last[1] and last[2] == last[3] and last[0] != last[2]):
            return False
    return Pattern.ENDS_8 not in patterns or number.endswith("8")
