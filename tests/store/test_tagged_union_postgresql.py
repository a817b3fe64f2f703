"""The tagged UNION ALL again on a real PostgreSQL server, where a slot's type is the union's resolved type."""

from __future__ import annotations

import pytest
from on_postgresql import store_on_postgresql  # noqa: F401  (the store fixture, on PostgreSQL)
from test_tagged_union import test_each_branch_reads_what_it_reads_alone_in_one_statement  # noqa: F401

pytestmark = pytest.mark.postgres
