"""The same round trip on a real PostgreSQL server, through pg_dump and pg_restore."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from postgresql_server import server_programs
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError
from support import CST, PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock, make_staff
from test_backup import _apply
from test_restore_in_use import WRITER, _committed, _wait_for

from kaccount_desk.services import audit, backup, campaigns, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.store import pg_rights, snapshot

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


ROLE_SCRIPT = REPO / "packaging" / "postgresql-app-role.sql"
DESK_PASSWORD = "Desk-Pw-7319"


def _desk_role(pg_url: str) -> tuple[str, str]:
    """A desk login in the app's group, as the README sets one up; its URL carries its password."""
    login = f"desk_{uuid.uuid4().hex[:10]}"
    engine = create_engine(pg_url)
    try:
        with engine.begin() as c:
            with c.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
                cursor.execute(ROLE_SCRIPT.read_text(encoding="utf-8"))
            c.exec_driver_sql(f"CREATE ROLE {login} LOGIN PASSWORD '{DESK_PASSWORD}' IN ROLE kaccount_app")
    finally:
        engine.dispose()
    return login, make_url(pg_url).set(username=login, password=DESK_PASSWORD).render_as_string(hide_password=False)


def _drop_role(pg_url: str, login: str) -> None:
    engine = create_engine(pg_url)
    try:
        with engine.begin() as c:
            c.execute(text(f"DROP OWNED BY {login}"))
            c.execute(text(f"DROP ROLE {login}"))
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_after_a_restore_as_the_owner_the_desk_role_still_works(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The finding: pg_restore --no-privileges dropped and made the tables again without the desk
    role's grants, so every desk failed until packaging/postgresql-app-role.sql was run again."""
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))
    Store(pg_url, resources=REPO / "resources").close()  # the owner makes the tables, then the role script grants
    login, desk_url = _desk_role(pg_url)
    try:
        desk = Store(desk_url, resources=REPO / "resources", clock=Clock(datetime(2012, 2, 25, 9, 30, tzinfo=CST)))
        try:
            admin = Context(desk, staff.create_first_admin(desk, "A001", "管理员", PASSWORD))
            code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
            _apply(admin, code, 1)
            taken = backup.backup(admin, tmp_path / "office.kdbackup")
            _apply(admin, code, 2)
        finally:
            desk.close()
        backup.restore(pg_url, taken.path)
        desk = Store(desk_url, resources=REPO / "resources", clock=Clock(datetime(2012, 2, 25, 10, 30, tzinfo=CST)))
        try:
            admin = Context(desk, staff.authenticate(desk, "A001", PASSWORD))
            _apply(admin, code, 3)  # the desk writes again, through the grants the restore kept
            with desk.engine.begin() as c, pytest.raises(DatabaseError, match="permission denied"):
                c.exec_driver_sql("UPDATE audit_log SET actor = 'X'")  # and still only the grants it had
            checked = audit.verify(desk)
            assert checked.ok, checked.reason
        finally:
            desk.close()
    finally:
        _drop_role(pg_url, login)


# The CLI, with every program it starts shown on stderr (Python announces each before starting it).
SHOWING_COMMANDS = """
import sys
from kaccount_desk.app import main
sys.addaudithook(lambda event, args: print("started:", args[1], file=sys.stderr) if event == "subprocess.Popen" else None)
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.postgres
def test_a_restore_refused_by_the_server_says_so_without_the_password(pg_url: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk role may not replace the tables: the refusal is words (exit 1), the URL shows ``***``,
    and no command line of pg_dump, pg_restore or psql (which every local user can read) holds the password."""
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))
    store = Store(pg_url, resources=REPO / "resources")
    try:
        staff.create_first_admin(store, "A001", "管理员", PASSWORD)
        taken = backup.backup_store(store, tmp_path / "office.kdbackup")
    finally:
        store.close()
    login, desk_url = _desk_role(pg_url)
    try:
        done = subprocess.run([sys.executable, "-c", SHOWING_COMMANDS, "--db", desk_url, "--lang", "en", "restore", str(taken.path)],
                              capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300)
        assert "started:" in done.stderr and DESK_PASSWORD not in done.stdout + done.stderr
        assert (done.returncode, "Traceback" in done.stderr) == (1, False), done.stderr[-3000:]
        assert "Only the database's owner" in done.stderr
    finally:
        _drop_role(pg_url, login)


def _written_in_backup(kept: Path, tmp_path: Path) -> set[int]:
    """The writer's tickets in a PostgreSQL backup, read from its dump's data as pg_restore prints it."""
    with zipfile.ZipFile(kept) as zf:
        (tmp_path / "kept.pgdump").write_bytes(zf.read(backup.PG_MEMBER))
    programs = snapshot.pg_bin()
    assert programs is not None
    data = subprocess.run([str(programs / "pg_restore"), "--data-only", "--table=tickets", "-f", "-", str(tmp_path / "kept.pgdump")],
                          check=True, capture_output=True, text=True).stdout
    return {int(n) for n in re.findall(r"writer (\d+)", data)}


def _written_live(url: str) -> set[int]:
    engine = create_engine(url)
    try:
        with engine.connect() as c:
            return {int(s.split()[1]) for s in c.execute(text("SELECT content FROM tickets WHERE content LIKE 'writer %'")).scalars()}
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_a_postgresql_restore_while_a_desk_writes_keeps_every_commit(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each ticket the desk was told was saved is in the database kept aside (saved before the
    restore) or in the restored one (after), never in neither: the copy aside is taken while the
    restore's transaction holds every table against writing."""
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))
    Store(pg_url, resources=REPO / "resources").close()
    login, desk_url = _desk_role(pg_url)
    try:
        desk = Store(desk_url, resources=REPO / "resources")
        try:
            admin = Context(desk, staff.create_first_admin(desk, "A001", "管理员", PASSWORD))
            make_staff(admin, "C001", "clerk")
            taken = backup.backup(admin, tmp_path / "office.kdbackup")
        finally:
            desk.close()
        log, stop = tmp_path / "committed.txt", tmp_path / "stop"
        child = subprocess.Popen([sys.executable, "-c", WRITER, desk_url, str(log), str(stop), str(REPO / "resources"), PASSWORD],
                                 env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(log, 20, child)
            restored = backup.restore(pg_url, taken.path)
            after_restore = len(_committed(log))
            _wait_for(log, after_restore + 20, child)
        finally:
            stop.touch()
            _out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        committed = _committed(log)
        before, after = _written_in_backup(restored.aside[0], tmp_path), _written_live(pg_url)
        lost = [n for n in committed if n not in before and n not in after]
        assert len(lost) == 0, f"{len(lost)} of {len(committed)} commits in neither the kept nor the restored database"
        assert sorted(before) == committed[: len(before)] and sorted(after) == committed[len(before):]
        # Checked against the anchor the restore moved: it keeps the anchor under the URL it was given
        # (the owner's); the desk's own anchor is keyed by its own URL until anchors follow the store's identity.
        owner = Store(pg_url, resources=REPO / "resources")
        try:
            checked = audit.verify(owner)
            assert checked.ok, checked.reason
        finally:
            owner.close()
    finally:
        _drop_role(pg_url, login)


@pytest.mark.postgres
def test_a_backup_pg_dump_refuses_is_told_in_words_without_the_password(pg_url: str, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A table the desk role may not read (made by hand on the server) stops pg_dump: words, no file."""
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))
    Store(pg_url, resources=REPO / "resources").close()
    login, desk_url = _desk_role(pg_url)
    engine = create_engine(pg_url)
    with engine.begin() as c:
        c.exec_driver_sql("CREATE TABLE owners_notes (id int)")
    engine.dispose()
    try:
        desk = Store(desk_url, resources=REPO / "resources")
        try:
            admin = Context(desk, staff.create_first_admin(desk, "A001", "管理员", PASSWORD))
            with pytest.raises(Refused) as refused:
                backup.backup(admin, tmp_path / "office.kdbackup")
        finally:
            desk.close()
        assert refused.value.reasons[0].code == "backup.pg_tool" and "permission denied" in refused.value.reasons[0].en
        assert DESK_PASSWORD not in str(refused.value.reasons) and list(tmp_path.glob("*.kdbackup")) == []
    finally:
        _drop_role(pg_url, login)


@pytest.mark.postgres
def test_a_restore_and_a_save_each_holding_a_table_the_other_waits_for_both_go_through(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The restore locks the tables one after another; a desk's save takes its own as its statements
    reach them. Each holding one the other waits for, the server ends one of the two: it ended the
    restore, refused with "deadlock detected" (seen in CI once saves were pipelined). Now the restore's
    try lets go, the save commits (and is in the copy kept aside), and the restore tries again."""
    monkeypatch.setenv("KACCOUNT_PG_BIN", str(server_programs()[0]))
    store = Store(pg_url, resources=REPO / "resources")
    try:
        staff.create_first_admin(store, "A001", "管理员", PASSWORD)
        taken = backup.backup_store(store, tmp_path / "office.kdbackup")
    finally:
        store.close()
    order = pg_rights.tables(pg_url)
    first, last = order[0], order[-1]
    outcome: list[BaseException | backup.Restored] = []
    desk = create_engine(pg_url)
    try:
        with desk.connect() as connection:
            connection.execute(text(f"LOCK TABLE {last} IN ROW EXCLUSIVE MODE"))  # as its first INSERT would

            def restoring() -> None:
                try:
                    outcome.append(backup.restore(pg_url, taken.path))
                except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                    outcome.append(exc)

            worker = threading.Thread(target=restoring)
            worker.start()
            waiting = text("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = CAST(:t AS regclass)")
            deadline = time.monotonic() + 60
            while not connection.execute(waiting, {"t": last}).scalar_one():  # the restore has the others and waits
                assert time.monotonic() < deadline and worker.is_alive(), outcome
                time.sleep(0.05)
            connection.execute(text(f"LOCK TABLE {first} IN ROW EXCLUSIVE MODE"))  # the save's next table: the cycle
            connection.commit()
        worker.join(120)
    finally:
        desk.dispose()
    assert len(outcome) == 1 and isinstance(outcome[0], backup.Restored), outcome
