"""The key-account reports again on a real PostgreSQL server: the grouped month buckets, the JSON callback
result and the distinct counts are the SQL that differs between the two stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import REPO, Clock
from test_key_account_reports import (  # noqa: F401
    test_a_month_of_development_revenue_churn_satisfaction_and_managers,
    test_a_month_without_bills_still_counts_members_and_tickets,
    test_an_empty_store_reports_zeros,
)

from kaccount_desk.services.context import Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def store(pg_url: str, clock: Clock) -> Iterator[Store]:
    s = Store(pg_url, resources=REPO / "resources", clock=clock)
    yield s
    s.close()
