"""The demo fill on a real PostgreSQL server: explicit ids must leave the sequences where new rows continue.

The tests are the SQLite ones, imported; the first one also shows that both engines hold exactly
the same demo for the same seed (its second store is SQLite).
"""

from __future__ import annotations

import pytest
from test_demo import (  # noqa: F401
    test_a_store_holding_work_and_a_clerk_are_refused_and_nothing_changes,
    test_the_same_seed_builds_the_same_store_and_another_seed_another,
    test_the_ticket_services_work_on_a_demo_year,
)
from test_on_postgresql import store  # noqa: F401  (the same PostgreSQL store the other services tests use)

pytestmark = pytest.mark.postgres
