"""The key-account reports again on a real PostgreSQL server: the grouped month buckets, the JSON callback
result and the distinct counts are the SQL that differs between the two stores."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_key_account_reports import (  # noqa: F401
    test_a_month_of_development_revenue_churn_satisfaction_and_managers,
    test_a_month_without_bills_still_counts_members_and_tickets,
    test_an_empty_store_reports_zeros,
)

pytestmark = pytest.mark.postgres
