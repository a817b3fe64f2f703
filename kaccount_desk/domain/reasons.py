"""Reasons a clerk can read, in Chinese first and English on request.

A reason is data, not an exception: checks collect every problem at once so the form can list
them all beside the fields, and the CLI can print them for a whole roster row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, Literal, TypeVar

Lang = Literal["zh", "en"]

T = TypeVar("T")


@dataclass(frozen=True)
class Reason:
    """One problem or warning, with a stable code that tests and scripts can rely on.

    ``confirm`` marks a warning that needs the clerk's explicit confirmation before the
    application may go on (for example a number whose segment belongs to another carrier,
    which may still have been ported to China Mobile).
    """

    code: str
    zh: str
    en: str
    confirm: bool = False

    def text(self, lang: Lang = "zh") -> str:
        return self.en if lang == "en" else self.zh


def joined(reasons: Iterable[Reason], lang: Lang = "zh") -> str:
    """Several reasons on one line: a full-width semicolon in Chinese, "; " in English."""
    return (";" if lang == "zh" else "; ").join(r.text(lang) for r in reasons)


@dataclass(frozen=True)
class Verdict(Generic[T]):
    """The outcome of a check: a value when valid, and any reasons and warnings either way."""

    value: T | None = None
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    warnings: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.reasons

    def texts(self, lang: Lang = "zh") -> list[str]:
        return [r.text(lang) for r in self.reasons]

    def warning_texts(self, lang: Lang = "zh") -> list[str]:
        return [w.text(lang) for w in self.warnings]


# Nothing to say, shared: a verdict is immutable, and the checks a roster makes per row mostly pass.
PASSED: Verdict[None] = Verdict()
