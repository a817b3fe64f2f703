"""One bilingual-label mechanism: every value shown to people has a Chinese and an English name."""

from __future__ import annotations

from enum import StrEnum

import pytest

from kaccount_desk.domain import tickets
from kaccount_desk.domain.id_documents import DOCUMENT_LABELS, IdDocumentType
from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.mobile import CARRIER_LABELS, Carrier
from kaccount_desk.domain.number_patterns import PATTERN_LABELS, Pattern
from kaccount_desk.domain.roles import ROLE_LABELS, Role
from kaccount_desk.domain.workflow import STATUS_LABELS, Status

TABLES: list[tuple[type[StrEnum], Labels]] = [
    (Status, STATUS_LABELS),
    (Role, ROLE_LABELS),
    (Carrier, CARRIER_LABELS),
    (IdDocumentType, DOCUMENT_LABELS),
    (Pattern, PATTERN_LABELS),
    *((kind, tickets.LABELS) for kind in (tickets.Category, tickets.Channel, tickets.Window, tickets.Area,
                                         tickets.TicketStatus, tickets.Action, tickets.CallbackResult)),
]


@pytest.mark.parametrize(("kind", "table"), TABLES, ids=[kind.__name__ for kind, _ in TABLES])
def test_every_member_is_named_in_both_languages(kind: type[StrEnum], table: Labels) -> None:
    for member in kind:
        assert member in table, (kind.__name__, member)
        zh, en = table.zh(member), table.en(member)
        assert zh and en and en.isascii(), (kind.__name__, member, zh, en)
        assert zh == en or not zh.isascii(), (kind.__name__, member, zh)  # the same only for names like AABB


def test_lookup_by_member_or_plain_value_and_unknown_values_shown_as_they_are() -> None:
    assert STATUS_LABELS.text(Status.DRAFT, "en") == STATUS_LABELS.text("draft", "en") == "Draft"
    assert STATUS_LABELS.text("draft") == "草稿"
    assert STATUS_LABELS.text("from-a-newer-version", "en") == "from-a-newer-version"
    assert STATUS_LABELS.choices("en")[0] == (Status.DRAFT, "Draft")
