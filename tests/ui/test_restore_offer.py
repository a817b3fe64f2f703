"""A damaged store file is named as damaged and the latest backup is offered and restored."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from kaccount_desk.services import backup
from kaccount_desk.services.context import Context
from kaccount_desk.ui.restore_offer import offer_restore


def _scribble(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2)
        f.write(os.urandom(16384))


@pytest.mark.usefixtures("english")
def test_a_scribbled_store_is_found_and_the_latest_backup_restored(qapp: object, admin: Context, campaign: str, store_path: Path,
                                                                  tmp_path: Path) -> None:
    folder = tmp_path / "daily"
    taken = backup.daily_backup(admin.store, folder, keep=3)
    assert taken is not None
    admin.store.close()
    with sqlite3.connect(store_path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert backup.damage(admin.store.url) is None
    _scribble(store_path)
    problem = backup.damage(admin.store.url)
    assert problem is not None and problem.code == "store.damaged" and "damaged" in problem.en
    asked: list[str] = []
    assert offer_restore(admin.store.url, problem, folder, confirm=lambda text: asked.append(text) or True)
    assert str(taken) in asked[0] and "kept" in asked[0]
    assert backup.damage(admin.store.url) is None
    assert [p for p in store_path.parent.iterdir() if p.name.startswith(f"{store_path.name}.replaced-")]


@pytest.mark.usefixtures("english")
def test_without_a_backup_the_person_is_told_where_none_was_found(
    admin: Context, store_path: Path, tmp_path: Path, message_boxes: list[tuple[str, str]]
) -> None:
    admin.store.close()
    _scribble(store_path)
    problem = backup.damage(admin.store.url)
    assert problem is not None
    assert not offer_restore(admin.store.url, problem, tmp_path / "none", confirm=lambda text: pytest.fail("nothing to offer"))
    assert message_boxes and message_boxes[0][0] == "critical" and "No backup was found" in message_boxes[0][1]


def test_the_wait_for_a_restore_keeps_the_gui_thread_turning_and_says_what_it_does(qapp: object) -> None:
    """Before any window is open, a slow copy (a backup on a network folder) shows a small window saying
    what it does instead of an app that seems not to start; the caller still gets the answer, or the refusal."""
    import threading
    import time

    from kaccount_desk.domain.reasons import Reason
    from kaccount_desk.services.errors import Refused
    from kaccount_desk.ui.qt import QtCore, QtWidgets
    from kaccount_desk.ui.restore_offer import _waiting
    from kaccount_desk.ui.workers import Operation

    seen: list[tuple[bool, str]] = []

    def look() -> None:
        shown = [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, QtWidgets.QProgressDialog) and w.isVisible()]
        seen.append((threading.current_thread() is threading.main_thread(), shown[0].labelText() if shown else ""))

    QtCore.QTimer.singleShot(700, look)
    assert _waiting("Restoring the backup…", Operation(lambda _progress: time.sleep(1.2) or 42)) == 42
    assert seen == [(True, "Restoring the backup…")]
    with pytest.raises(Refused):
        _waiting("Restoring the backup…", Operation(lambda _progress: (_ for _ in ()).throw(Refused(Reason("x", "不行", "no")))))
