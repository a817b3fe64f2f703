"""The office's hand-over killed between its commit and its rename, on a real PostgreSQL server: the same tests.

A killed desk's connection is dropped by the server, which rolls back what it had not committed;
the next start on this computer settles the file by the row the moves committed, or did not.
"""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_handover_pending import (  # noqa: F401
    out,
    test_a_rename_that_fails_after_the_commit_says_so_and_the_next_start_places_the_file,
    test_killed_after_the_commit_the_next_start_puts_the_whole_file_in_place,
    test_killed_just_before_the_commit_nothing_moves_and_no_temporary_stays,
)

pytestmark = pytest.mark.postgres
