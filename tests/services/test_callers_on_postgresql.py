"""Repeat callers and key accounts on a real PostgreSQL server: the one-statement look-up (a UNION with
typed NULLs and the organisation setting's JSON read as text) is SQL that could differ between stores."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_caller_lookup import (  # noqa: F401
    clerk,
    test_a_contact_reopens_a_closed_ticket_to_its_first_receiver,
    test_a_number_of_a_live_application_is_a_key_account_without_a_tick,
    test_a_ticket_closed_exactly_seven_days_ago_counts_a_minute_later_not,
    test_key_accounts_have_their_own_limits_and_come_first_among_equals,
    test_open_and_recent_tickets_of_the_number_are_found,
)

pytestmark = pytest.mark.postgres
