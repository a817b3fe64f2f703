"""The billing import's tests again on a real PostgreSQL server: the grouped window query, the bulk
insert and the month's replacement are the SQL that differs between the two stores."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import REPO, Clock
from test_billing import (  # noqa: F401
    test_a_month_again_with_new_amounts_replaces_it_and_recomputes_that_month_and_later,
    test_a_year_of_bills_gives_tiers_at_the_150_yuan_line,
    test_arrears_in_the_month_drop_the_tier_and_the_move_is_listed,
    test_importing_the_same_month_twice_changes_nothing,
)

from kaccount_desk.services.context import Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def store(pg_url: str, clock: Clock) -> Iterator[Store]:
    s = Store(pg_url, resources=REPO / "resources", clock=clock)
    yield s
    s.close()
