"""Refusals a person can read: every one carries the domain's reasons in Chinese and English."""

from __future__ import annotations

from kaccount_desk.domain.reasons import Lang, Reason


class ServiceError(Exception):
    """An operation refused with reasons; nothing was changed."""

    def __init__(self, *reasons: Reason) -> None:
        self.reasons: tuple[Reason, ...] = reasons
        super().__init__("; ".join(r.en for r in reasons))

    def __reduce__(self) -> tuple[type[ServiceError], tuple[Reason, ...]]:
        """Rebuilt from its reasons, so a refusal made in a child process (``confined``) arrives whole."""
        return (type(self), self.reasons)

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


class StoreUnavailable(Exception):
    """The store cannot be used now: unreachable, refused the login, locked, full, newer or not a store.

    Not a :class:`ServiceError`: nothing the person typed was wrong, so faces tell it apart from a
    refusal (the CLI exits with 3, the GUI shows a banner and retries) and never as a bug.
    """

    def __init__(self, reason: Reason) -> None:
        self.reasons: tuple[Reason, ...] = (reason,)
        super().__init__(reason.en)

    @property
    def code(self) -> str:
        return self.reasons[0].code

    def texts(self, lang: Lang = "zh") -> list[str]:
        return [r.text(lang) for r in self.reasons]

    def text(self, lang: Lang = "zh") -> str:
        return self.reasons[0].text(lang)
