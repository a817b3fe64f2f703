"""The crash dialog and the CLI's hook tell an unexpected database error without personal data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from support import REPO, valid_id

from kaccount_desk.services.context import Store

ID_NUMBER = valid_id("13098119780101123")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'crash.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources")
    yield store
    store.close()


def test_the_crash_dialog_and_the_cli_hook_show_the_safe_text(any_store: Store, qapp, capsys) -> None:  # noqa: ARG001
    from kaccount_desk.cli.main import _print_safely
    from kaccount_desk.ui.main import crash_box

    number = ID_NUMBER
    with any_store.transaction() as session:
        session.execute(text("INSERT INTO store_settings (name, value) VALUES (:n, '1')"), {"n": number})
    try:
        with any_store.transaction() as session:
            session.execute(text("INSERT INTO store_settings (name, value) VALUES (:n, '1')"), {"n": number})
    except Exception:  # noqa: BLE001 - the point is what an unexpected one looks like
        exc_type, exc, tb = sys.exc_info()
    assert exc is not None and exc_type is not None
    box = crash_box(exc_type, exc, tb)
    assert "IntegrityError" in box.text() and number not in box.text() and number not in box.detailedText()
    _print_safely(exc_type, exc, tb)
    err = capsys.readouterr().err
    assert "IntegrityError" in err and number not in err
