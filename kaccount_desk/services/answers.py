"""One answer from every channel (standard 2.4): the standard answers library and the forbidden phrases.

Supervisors keep both (``CONFIGURE_TICKETS``); everyone handling tickets reads them. A reply to
the customer goes through :func:`check_reply` inside the reply's own transaction, so the panel,
the command line and any later face are held by the same list the moment a supervisor adds to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission
from kaccount_desk.domain.search_text import bigram_text, normalize, phrase_pairs, searchable
from kaccount_desk.domain.service_phrases import (
    PhraseHit,
    check_new_phrase,
    check_topic,
    find_forbidden,
    held_reason,
    phrase_key,
)
from kaccount_desk.domain.tickets import Category, check_text, parse_choice
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.answer_models import ForbiddenPhrase, StandardAnswer
from kaccount_desk.store.search import contains

__all__ = [
    "AnswerView", "HeldReply", "add_answer", "list_answers", "search_answers", "offered", "listing", "forbidden_phrases", "forbid",
    "check_reply", "standard_answer",
]

OFFERED_LIMIT = 50


@dataclass(frozen=True)
class AnswerView:
    id: int
    category: str
    topic: str
    text: str


class HeldReply(Refused):
    """A reply held for a forbidden phrase; ``hits`` say where, in the text as the clerk typed it."""

    def __init__(self, hits: tuple[PhraseHit, ...]) -> None:
        super().__init__(held_reason(hits))
        self.hits = hits


def _view(row: StandardAnswer) -> AnswerView:
    return AnswerView(row.id, row.category, row.topic, row.text)


def _phrases(session: Session) -> list[str]:
    return list(session.scalars(select(ForbiddenPhrase.phrase).order_by(ForbiddenPhrase.id)))


def check_reply(session: Session, text: str) -> None:
    """Raise :class:`HeldReply` when ``text`` uses a phrase of the store's forbidden list."""
    hits = find_forbidden(text, _phrases(session))
    if hits:
        raise HeldReply(hits)


def _category(raw: str) -> Category:
    kind = parse_choice(Category, raw)
    if kind is None:
        raise Refused(Reason("ticket.category", f"未知的业务类别“{raw}”", f"Unknown category {raw!r}"))
    return kind


def add_answer(ctx: Context, category: str, topic: str, text: str) -> AnswerView:
    """A supervisor files a standard answer; one using a forbidden phrase is refused like a reply."""
    ctx.require(Permission.CONFIGURE_TICKETS)
    kind = _category(category)
    verdict_topic, verdict_text = check_topic(topic), check_text(text, "标准答复", "standard answer")
    problems = verdict_topic.reasons + verdict_text.reasons
    if problems:
        raise Refused(*problems)
    assert verdict_topic.value is not None and verdict_text.value is not None
    with ctx.transaction() as session:
        check_reply(session, verdict_text.value)
        row = StandardAnswer(
            category=kind.value, topic=verdict_topic.value, text=verdict_text.value,
            search_text=f" {bigram_text(verdict_topic.value + ' ' + verdict_text.value)} ", active=True,
            added_by=ctx.actor.id, added_at=ctx.now(),
        )
        session.add(row)
        session.flush()
        return _view(row)


def _listed(session: Session, category: str | None, term: str, limit: int | None) -> list[AnswerView]:
    return [_view(row) for row in session.scalars(listing(category, term, limit))]


def listing(category: str | None, term: str = "", limit: int | None = None) -> Select[StandardAnswer]:
    """The active answers of ``category`` (all when None) containing ``term``, by category and topic: the
    library's lists, and the reply box's offer the ticket panel reads beside its ticket (``ticket_panel``)."""
    stmt = select(StandardAnswer).where(StandardAnswer.active)
    if category:
        stmt = stmt.where(StandardAnswer.category == _category(category).value)
    if term.strip():
        # The pairs of the term, space-bounded, are a substring of the bigram text exactly when the
        # answer contains the term (domain/search_text.py); a one-character term is looked up as typed.
        if searchable(term):
            stmt = stmt.where(contains(StandardAnswer.search_text, f" {phrase_pairs(term)} "))
        else:
            stmt = stmt.where(contains(StandardAnswer.search_text, normalize(term).strip()))
    stmt = stmt.order_by(StandardAnswer.category, StandardAnswer.topic, StandardAnswer.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return stmt


def list_answers(ctx: Context, category: str | None = None) -> list[AnswerView]:
    """The library, by category and topic."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        return _listed(session, category, "", None)


def search_answers(ctx: Context, term: str, category: str | None = None) -> list[AnswerView]:
    """Answers containing ``term`` (any Chinese or digit substring of the topic or text), as tickets are searched."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        return _listed(session, category, term, None)


def offered(ctx: Context, category: str) -> list[AnswerView]:
    """What the reply box offers for a ticket of ``category``: that category's answers, at most :data:`OFFERED_LIMIT`."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        return _listed(session, category, "", OFFERED_LIMIT)


def standard_answer(session: Session, answer_id: int) -> StandardAnswer:
    """The standard answer a reply says it used; refused when there is no such (active) answer."""
    row = session.get(StandardAnswer, answer_id)
    if row is None or not row.active:
        raise Refused(Reason("answers.unknown", f"没有编号为{answer_id}的标准答复", f"No standard answer {answer_id}"))
    return row


def forbidden_phrases(ctx: Context) -> list[str]:
    """The forbidden list, oldest first (the starter list, then what supervisors added)."""
    ctx.require(Permission.HANDLE_TICKETS)
    with ctx.store.read() as session:
        return _phrases(session)


def forbid(ctx: Context, phrase: str) -> list[str]:
    """A supervisor adds a phrase to the forbidden list; returns the list as it now is."""
    ctx.require(Permission.CONFIGURE_TICKETS)
    with ctx.transaction() as session:
        known = _phrases(session)
        verdict = check_new_phrase(phrase, known)
        if verdict.value is None:
            raise Refused(*verdict.reasons)
        session.add(ForbiddenPhrase(phrase=verdict.value, phrase_key=phrase_key(verdict.value), added_by=ctx.actor.id,
                                    added_at=ctx.now()))
        return [*known, verdict.value]
