"""The same services on a real PostgreSQL server: the SQL that differs between the two stores.

Shared offices keep their store on PostgreSQL, where search is a ``tsvector`` over the character
pairs instead of FTS5, history is guarded by a PL/pgSQL trigger, and the live-number rule is a
partial unique index. The tests below are the SQLite ones, imported, so both stores answer to
exactly the same expectations; only the ``store`` fixture differs.
"""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from sqlalchemy import text
from test_enrollment import (  # noqa: F401
    test_a_pool_number_belongs_to_one_live_application_until_freed,
    test_forward_moves_need_everything_and_record_who_and_when,
    test_id_copies_are_reencoded_bounded_and_hashed,
    test_list_search_finds_wildcards_only_as_written,
    test_wrong_input_is_refused_whole_and_writes_nothing,
)
from test_printing import apps, out, test_summary_goes_to_the_operator_with_submitted_applications  # noqa: F401
from test_rosters import (  # noqa: F401
    test_a_broken_file_changes_nothing,
    test_cancel_leaves_the_store_unchanged,
    test_import_reports_every_row_by_its_excel_row_number,
    test_importing_the_same_file_again_changes_and_duplicates_nothing,
)
from test_ticket_services import (  # noqa: F401
    clerk,
    test_full_workflow_keeps_the_first_receiver_as_owner,
    test_history_cannot_be_rewritten,
    test_percent_and_underscore_are_searched_as_written,
    test_queues_pages_and_filters,
    test_report_and_export,
    test_search_chinese_digits_and_syntax,
)

from kaccount_desk.services.context import Store

pytestmark = pytest.mark.postgres


def test_these_tests_really_run_on_postgresql(store: Store) -> None:
    with store.read() as session:
        assert session.bind is not None and session.bind.dialect.name == "postgresql"
        assert session.execute(text("SELECT to_regclass('ticket_search')")).scalar_one() == "ticket_search"
