"""Issue 22 item 5: a hand-over file and the moves it stands for, both or neither, even killed between the two.

A real child process writes the office's hand-over to the operator (or a seat's package) and is
killed with SIGKILL at one moment: after its transaction committed and before the file was renamed
into place, or just before that commit. The next start is the real program's (``python -m
kaccount_desk``: the sweep of temporaries, then the store opened), after which the file is in place
and matches its manifest with every application sent, or nothing moved and no temporary is left.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from handover_support import pack_for, seat_from, take
from operator_handover_support import application, checksums_hold, manifest, package, statuses
from sqlalchemy import func, select
from support import PASSWORD, REPO, Clock

from kaccount_desk import safe_files
from kaccount_desk.services import pool
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_seat import sends
from kaccount_desk.services.operator_handover import hand_over
from kaccount_desk.store.audit_models import AuditEntry
from kaccount_desk.store.handover_models import PendingHandoverFile

CHILD = Path(__file__).with_name("handover_kill_child.py")


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")]), "KACCOUNT_PASSWORD": PASSWORD}


def _kill_at(moment: str, kind: str, url: str, target: Path, staff_no: str) -> None:
    child = subprocess.Popen([sys.executable, str(CHILD), url, kind, moment, str(target), staff_no], env=_env(),
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "ready", child.stderr.read() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL


def _next_start(db: str, staff_no: str, *command: str) -> subprocess.CompletedProcess[str]:
    """The program started again as a clerk starts it: the sweep first, then the store opened."""
    done = subprocess.run([sys.executable, "-m", "kaccount_desk", "--db", db, "--as", staff_no, "--lang", "en", *command],
                          env=_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def _pending_rows(ctx: Context) -> int:
    with ctx.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(PendingHandoverFile)) or 0)


def _settled_entries(ctx: Context) -> list[dict[str, object]]:
    with ctx.store.read() as session:
        details = session.scalars(select(AuditEntry.detail).where(AuditEntry.subject.like("handover_pending_files %")))
        return [json.loads(d) for d in details]


def _ours(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(safe_files.PREFIX)]


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_killed_after_the_commit_the_next_start_puts_the_whole_file_in_place(admin: Context, campaign: str, out: Path) -> None:
    ready = [application(admin, campaign, n) for n in range(3)]
    _kill_at("after_commit", "operator", admin.store.url, out, "A001")

    assert {statuses(admin)[i] for i in ready} == {"sent"}  # committed: the moves are made, the file is not yet there
    assert len(_ours(out)) == 1 and len(list(out.iterdir())) == 1
    assert safe_files.sweep_stale() == 0 and len(_ours(out)) == 1  # the sweep leaves a temporary a commit promised

    started = _next_start(admin.store.url, "A001", "campaign", "list")

    written = [p for p in out.iterdir()]
    assert [p.name.startswith("移交运营商-含身份证信息-BT2012-KA-") for p in written] == [True]
    parts = package(written[0])
    assert checksums_hold(parts) and sorted(manifest(parts)["applications"]) == sorted(ready)
    assert "interrupted after it was saved" in started.stderr and written[0].name in started.stderr
    assert {statuses(admin)[i] for i in ready} == {"sent"} and _pending_rows(admin) == 0
    assert [(e["what"], e["outcome"]) for e in _settled_entries(admin)] == [("operator_handover_file", "placed")]
    assert not list(safe_files.pending_dir().glob("*.json"))


def test_killed_just_before_the_commit_nothing_moves_and_no_temporary_stays(admin: Context, campaign: str, out: Path) -> None:
    ready = [application(admin, campaign, n) for n in range(3)]
    _kill_at("before_commit", "operator", admin.store.url, out, "A001")

    assert {statuses(admin)[i] for i in ready} == {"submitted"}
    assert len(_ours(out)) == 1  # whole and promised: only the store can tell that its commit never came
    safe_files.sweep_stale()

    started = _next_start(admin.store.url, "A001", "campaign", "list")

    assert list(out.iterdir()) == []
    assert "interrupted before it was saved" in started.stderr
    assert {statuses(admin)[i] for i in ready} == {"submitted"} and _pending_rows(admin) == 0
    assert [e["outcome"] for e in _settled_entries(admin)] == ["removed"]
    assert not list(safe_files.pending_dir().glob("*.json"))
    again = hand_over(admin, campaign, out)
    assert sorted(again.sent) == sorted(ready) and [p.name for p in out.iterdir()] == [again.out.name]


def test_a_rename_that_fails_after_the_commit_says_so_and_the_next_start_places_the_file(admin: Context, campaign: str,
                                                                                        out: Path) -> None:
    """As when the target is open in another program on Windows: the moves stand, the clerk is told, the file waits."""
    ready = [application(admin, campaign, n) for n in range(2)]
    target = out / "移交运营商-含身份证信息-BT2012-KA.zip"
    child = subprocess.run([sys.executable, str(CHILD), admin.store.url, "operator", "blocked", str(target), "A001"],
                           env=_env(), stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert child.stdout.strip() == "handover.kept_for_later", child.stderr
    assert {statuses(admin)[i] for i in ready} == {"sent"} and len(_ours(out)) == 1
    target.rmdir()
    safe_files.sweep_stale()

    _next_start(admin.store.url, "A001", "campaign", "list")

    assert checksums_hold(package(target)) and _ours(out) == [] and _pending_rows(admin) == 0


def _blocking(target: Path) -> Callable[[int, int], bool]:
    """A progress callback that puts a folder where the file goes as the last ID sheet is drawn: the rename will fail."""

    def block(done: int, total: int) -> bool:
        if done == total:
            target.mkdir()
        return True

    return block


def test_the_refusal_after_the_commit_says_the_applications_were_sent(admin: Context, campaign: str, out: Path) -> None:
    application(admin, campaign, 0)
    target = out / "移交运营商-含身份证信息-BT2012-KA.zip"
    with pytest.raises(Refused) as kept:
        hand_over(admin, campaign, target, progress=_blocking(target))
    assert "marked sent" in kept.value.text("en") and "已交移动公司" in kept.value.text("zh")
    assert "Traceback" not in kept.value.text("en") and target.is_dir() and len(_ours(out)) == 1


@pytest.fixture
def seat(admin: Context, campaign: str, tmp_path: Path, clock: Clock) -> Iterator[Context]:
    (tmp_path / "seat").mkdir()
    ctx = seat_from(pack_for(admin, campaign, tmp_path), tmp_path / "seat", clock)
    numbers = [e.number for e in pool.browse_pool(ctx, campaign)]
    take(ctx, campaign, 0, numbers[0])
    yield ctx
    ctx.store.close()


def test_a_seat_send_killed_after_its_commit_is_put_in_place_and_imports(admin: Context, seat: Context, out: Path) -> None:
    from kaccount_desk.services.handover_import import import_package

    target = out / "交接包-含身份证信息-铸造事业部-001.kahp"
    _kill_at("after_commit", "seat", seat.store.url, target, seat.actor.staff_no)
    assert [s.sequence for s in sends(seat)] == [1] and not target.exists()  # recorded as sent, the file not there
    safe_files.sweep_stale()

    started = _next_start(seat.store.url, seat.actor.staff_no, "handover", "sent")

    assert "package sent to the office was interrupted after it was saved" in started.stderr
    assert _ours(out) == [] and _pending_rows(seat) == 0
    assert import_package(admin, target).totals["new"] == 1  # the package the send recorded, whole


def test_a_seat_send_killed_before_its_commit_records_nothing_and_leaves_nothing(seat: Context, out: Path) -> None:
    target = out / "p1.kahp"
    _kill_at("before_commit", "seat", seat.store.url, target, seat.actor.staff_no)
    safe_files.sweep_stale()

    _next_start(seat.store.url, seat.actor.staff_no, "handover", "sent")

    assert list(out.iterdir()) == [] and sends(seat) == [] and _pending_rows(seat) == 0
