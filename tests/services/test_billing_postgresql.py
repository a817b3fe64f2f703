"""The customer archive's tests again on a real PostgreSQL server: the billing import's grouped window
query, bulk insert and month replacement, and the card's searches, are the SQL that differs between the two stores."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_billing import (  # noqa: F401
    test_a_month_again_with_new_amounts_replaces_it_and_recomputes_that_month_and_later,
    test_a_year_of_bills_gives_tiers_at_the_150_yuan_line,
    test_an_earlier_month_again_leaves_every_later_month_as_the_rule_gives_for_the_bills_now,
    test_arrears_in_the_month_drop_the_tier_and_the_move_is_listed,
    test_importing_the_same_month_twice_changes_nothing,
)
from test_company_members import (  # noqa: F401
    test_a_list_adds_its_numbers_once_and_the_same_list_again_changes_nothing,
    test_a_number_of_another_companys_list_is_refused_and_a_file_without_numbers_said_in_words,
    test_an_xlsx_under_the_operators_headers_and_a_newer_list_without_a_member,
)
from test_customers import (  # noqa: F401
    test_a_company_with_its_campaign_counts_the_activated_members,
    test_one_search_finds_by_number_name_company_and_id_tail,
    test_the_card_names_the_numbers_own_manager_before_the_companys,
    test_the_card_puts_tier_company_manager_applications_and_open_tickets_first,
    test_the_intake_preview_carries_the_line_of_the_kept_number_or_the_same_id,
)

pytestmark = pytest.mark.postgres
