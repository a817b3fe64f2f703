"""The demo fill on a real PostgreSQL server: explicit ids must leave the sequences where new rows continue.

The tests are the SQLite ones, imported; the first one also shows that both engines hold exactly
the same demo for the same seed (its second store is SQLite).
"""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_demo import (  # noqa: F401
    test_a_store_holding_work_and_a_clerk_are_refused_and_nothing_changes,
    test_the_same_seed_builds_the_same_store_and_another_seed_another,
    test_the_ticket_services_work_on_a_demo_year,
)

pytestmark = pytest.mark.postgres
