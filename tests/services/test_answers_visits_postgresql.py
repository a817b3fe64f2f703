"""The standard answers, forbidden phrases and appointments tests again, on a real PostgreSQL server:
the starter list seeded by the migration, the answers' LIKE search and the missed-visit SQL (a
COALESCE over time columns) must answer exactly as on SQLite."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_answers_visits import (  # noqa: F401
    clerk,
    test_a_reply_with_a_forbidden_phrase_is_held_and_changes_nothing,
    test_a_visit_booked_moved_with_a_reason_and_missed_at_the_exact_minute,
    test_a_visit_recorded_in_its_window_is_kept_and_not_counted,
    test_standard_answers_are_found_by_chinese_substrings_and_recorded_with_the_reply,
    test_the_store_starts_with_the_starter_list_and_a_supervisor_adds_to_it,
)

pytestmark = pytest.mark.postgres
