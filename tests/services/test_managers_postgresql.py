"""Account managers' portfolio, tasks, follow-ups and queue again on a real PostgreSQL server: the union of a
manager's numbers, the "my day" ordering by date and the follow-ups' de-duplication are SQL that differs."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_managers import (  # noqa: F401
    boss,
    manager,
    other,
    test_a_manager_keeps_to_their_own_tasks,
    test_a_supervisor_assigns_a_company_and_a_number_and_a_manager_sees_the_portfolio,
    test_my_customers_queue_holds_the_open_tickets_of_the_managers_numbers_and_companies,
    test_my_day_puts_overdue_first_then_today_then_the_week_and_done_tasks_leave_it,
    test_the_months_drops_make_one_follow_up_each_for_the_numbers_manager,
    test_the_store_itself_keeps_one_follow_up_per_number_and_month,
)

pytestmark = pytest.mark.postgres
