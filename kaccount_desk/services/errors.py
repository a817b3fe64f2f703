"""Refusals a person can read: every one carries the domain's reasons in Chinese and English."""

from __future__ import annotations

from kaccount_desk.domain.reasons import Lang, Reason


class ServiceError(Exception):
    """An operation refused with reasons; nothing was changed."""

    def __init__(self, *reasons: Reason) -> None:
        self.reasons: tuple[Reason, ...] = reasons
        super().__init__("; ".join(r.en for r in reasons))

    def texts(self, lang: Lang = "zh") -> list[str]:
        return [r.text(lang) for r in self.reasons]

    def text(self, lang: Lang = "zh") -> str:
        return ";".join(self.texts(lang)) if lang == "zh" else "; ".join(self.texts(lang))


class Refused(ServiceError):
    """The input was wrong: the clerk can fix it and try again."""


class Forbidden(ServiceError):
    """The logged-in staff member lacks the right for this."""


class NotFound(ServiceError):
    """What was asked for does not exist in this store."""


def not_found(what_zh: str, what_en: str, key: object) -> NotFound:
    return NotFound(Reason("not_found", f"找不到{what_zh}“{key}”", f"No {what_en} {key!r}"))
