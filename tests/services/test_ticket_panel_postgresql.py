"""The ticket panel's one read again on a real PostgreSQL server: each list in the union keeps the
order its own service gives it there (the server's collation, not Python's, orders the answers'
topics and the staff numbers), and the rows' NULLs and times come back typed alike; a ticket just
received, with the ids its sequences gave before its rows were written, is shown as it is stored."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_ticket_panel import (  # noqa: F401
    desk,
    test_a_ticket_just_received_shows_as_it_is_stored,
    test_the_panel_is_what_each_list_s_own_service_answers,
)

pytestmark = pytest.mark.postgres
