"""The hand-over to the operator and the activation list on a real PostgreSQL server: the same tests, another store.

An office on PostgreSQL appends the audit entries at commit, in one statement with the change
entries; the hand-over's moves, its entries and the file must still stand or fall together.
"""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_activations import (  # noqa: F401
    handed,
    test_an_operators_xlsx_activates_the_sent_and_explains_the_rest,
    test_the_same_list_again_changes_nothing,
)
from test_operator_handover import (  # noqa: F401
    folder,
    test_applications_that_may_not_move_stay_behind_with_their_reasons,
    test_nothing_to_send_writes_nothing_and_says_why,
    test_the_operator_gets_one_file_and_the_applications_move_to_sent_with_it,
)

pytestmark = pytest.mark.postgres
