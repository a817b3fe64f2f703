"""The ``store`` fixture on a PostgreSQL database of its own, for the modules that run SQLite tests there.

Such a module imports the SQLite module's tests and this fixture; the name ``store`` then means the
server's store for the tests collected in that module, and the SQLite one everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from support import REPO, Clock

from kaccount_desk.services.context import Store


@pytest.fixture(name="store")
def store_on_postgresql(pg_url: str, clock: Clock) -> Iterator[Store]:
    store = Store(pg_url, resources=REPO / "resources", clock=clock)
    yield store
    store.close()
