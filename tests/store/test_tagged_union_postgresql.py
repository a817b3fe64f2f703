"""The tagged UNION ALL again on a real PostgreSQL server, where a slot's type is the union's resolved type."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import REPO, Clock
from test_tagged_union import test_each_branch_reads_what_it_reads_alone_in_one_statement  # noqa: F401

from kaccount_desk.services.context import Store

pytestmark = pytest.mark.postgres


@pytest.fixture
def store(pg_url: str, clock: Clock) -> Iterator[Store]:
    s = Store(pg_url, resources=REPO / "resources", clock=clock)
    yield s
    s.close()
