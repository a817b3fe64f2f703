"""Repeat callers and key accounts on a real PostgreSQL server: the one-statement look-up (a UNION with
typed NULLs and the organisation setting's JSON read as text) is SQL that could differ between stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import REPO, Clock
from test_caller_lookup import (  # noqa: F401
    clerk,
    test_a_contact_reopens_a_closed_ticket_to_its_first_receiver,
    test_a_number_of_a_live_application_is_a_key_account_without_a_tick,
    test_a_ticket_closed_exactly_seven_days_ago_counts_a_minute_later_not,
    test_key_accounts_have_their_own_limits_and_come_first_among_equals,
    test_open_and_recent_tickets_of_the_number_are_found,
)

from kaccount_desk.services.context import Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def store(pg_url: str, clock: Clock) -> Iterator[Store]:
    s = Store(pg_url, resources=REPO / "resources", clock=clock)
    yield s
    s.close()
