"""The planned-work register on a real PostgreSQL server: the same tests as on SQLite, imported,
so both stores answer to the same expectations (row locks, time comparisons, the campaign links)."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_outages import (  # noqa: F401
    clerk,
    company,
    supervisor,
    test_a_fault_received_during_an_announced_outage_in_its_area_says_so,
    test_a_notice_one_minute_late_is_refused_and_nothing_is_recorded,
    test_key_account_companies_are_found_by_area_or_named,
    test_long_work_needs_an_approval_recorded_before_its_notice,
    test_short_work_is_announced_until_exactly_72_hours_before,
    test_wrong_input_and_wrong_people_are_refused_and_write_nothing,
)

pytestmark = pytest.mark.postgres
