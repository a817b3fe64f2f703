"""The same round trip on a real PostgreSQL server, through pg_dump and pg_restore."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from postgresql_server import server_programs
from sqlalchemy import create_engine, text
from support import CST, PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock
from test_backup import _apply

from kaccount_desk.services import audit, backup, campaigns, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused

TABLES = ("staff", "campaigns", "applications", "id_copies", "application_events", "pool_numbers")


def _rows(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return {t: [tuple(r) for r in c.execute(text(f"SELECT * FROM {t} ORDER BY 1"))] for t in TABLES}
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_postgresql_round_trip_keeps_every_row_and_image(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))  # pg_dump beside the test server's own programs
    store = Store(pg_url, resources=REPO / "resources", clock=Clock(datetime(2012, 2, 25, 9, 30, tzinfo=CST)))
    try:
        admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
        code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
        for n in range(2):
            _apply(admin, code, n)
        out = tmp_path / "office.kdbackup"
        info = backup.backup(admin, out)
        assert info.engine == "postgresql"
        before = _rows(pg_url)
        assert len(before["id_copies"]) == 4
        _apply(admin, code, 5)
        truncated = tmp_path / "truncated.kdbackup"
        truncated.write_bytes(out.read_bytes()[:-2000])
        with pytest.raises(Refused):
            backup.restore(pg_url, truncated)
        assert len(_rows(pg_url)["applications"]) == 3
    finally:
        store.close()
    restored = backup.restore(pg_url, out)
    assert _rows(pg_url) == before
    assert restored.aside and backup.check_backup(restored.aside[0]).engine == "postgresql"
    again = Store(pg_url, resources=REPO / "resources")
    try:
        assert audit.verify(again).ok
    finally:
        again.close()
