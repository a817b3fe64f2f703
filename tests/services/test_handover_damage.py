"""Issue 22 item 5: a package changed anywhere is refused whole, a package for another office or campaign is
refused in words, and a send or an import killed with SIGKILL in a real child process leaves no plaintext
and no half-made change."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from handover_support import IDS, pack_for, seat_from, take
from sqlalchemy import func, select, update
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock

from kaccount_desk import safe_files
from kaccount_desk.services import campaigns, pool, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_import import import_package
from kaccount_desk.services.handover_package import MAGIC
from kaccount_desk.services.handover_seat import send, sends
from kaccount_desk.store.audit_models import AuditEntry
from kaccount_desk.store.handover_models import HandoverImport
from kaccount_desk.store.models import Application, Campaign, IdCopy


def _office(tmp_path: Path, clock: Clock, name: str = "office") -> tuple[Context, str]:
    store = Store(f"sqlite:///{tmp_path / f'{name}.sqlite3'}", resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    return admin, campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code


@pytest.fixture
def pair(tmp_path: Path, clock: Clock) -> Iterator[tuple[Context, Context, str, Path]]:
    """An office, a seat with two applications, and the seat's first package."""
    admin, code = _office(tmp_path, clock)
    (tmp_path / "seat").mkdir()
    seat = seat_from(pack_for(admin, code, tmp_path), tmp_path / "seat", clock)
    numbers = [e.number for e in pool.browse_pool(seat, code)]
    take(seat, code, 0, numbers[0])
    take(seat, code, 1, numbers[1])
    package = send(seat, tmp_path / "p1.kahp").path
    yield admin, seat, code, package
    seat.store.close()
    admin.store.close()


def _state(ctx: Context) -> tuple[int, int, int, int]:
    with ctx.store.read() as session:
        return tuple(int(session.scalar(select(func.count()).select_from(m)) or 0)  # type: ignore[return-value]
                     for m in (Application, IdCopy, HandoverImport, AuditEntry))


def _positions(blob: bytes) -> dict[str, int]:
    """One byte in each part of the layout: the header, the manifest, the encrypted payload, the GCM tag."""
    (header_len,) = struct.unpack_from(">I", blob, len(MAGIC))
    manifest_at = len(MAGIC) + 4 + header_len
    (manifest_len,) = struct.unpack_from(">I", blob, manifest_at)
    payload_at = manifest_at + 4 + manifest_len
    return {"magic": 2, "header": len(MAGIC) + 4 + header_len - 5, "manifest": manifest_at + 4 + manifest_len // 2,
            "payload": (payload_at + len(blob) - 16) // 2, "tag": len(blob) - 3}


@pytest.mark.parametrize("where", ["magic", "header", "manifest", "payload", "tag"])
def test_one_changed_byte_anywhere_refuses_the_whole_package(pair: tuple[Context, Context, str, Path], tmp_path: Path,
                                                             where: str) -> None:
    admin, _seat, _code, package = pair
    blob = bytearray(package.read_bytes())
    blob[_positions(bytes(blob))[where]] ^= 0x01
    changed = tmp_path / "changed.kahp"
    changed.write_bytes(bytes(blob))
    before = _state(admin)
    with pytest.raises(Refused) as refused:
        import_package(admin, changed, dry_run=where == "payload")
    assert refused.value.reasons[0].code in ("handover.damaged", "handover.other_office")
    assert _state(admin) == before
    assert import_package(admin, package).totals["new"] == 2  # the untouched one still imports


def test_a_package_for_another_office_or_campaign_is_refused_in_words(pair: tuple[Context, Context, str, Path], tmp_path: Path,
                                                                      clock: Clock) -> None:
    admin, _seat, code, package = pair
    other, other_code = _office(tmp_path, clock, "other")
    pack_for(other, other_code, tmp_path / "seat", count=1)  # the other office has a key of its own
    with pytest.raises(Refused) as refused:
        import_package(other, package)
    assert refused.value.reasons[0].code == "handover.other_office"
    assert "另一个办公室" in refused.value.text("zh") and "another office" in refused.value.text("en")
    with admin.store.transaction() as session:
        session.execute(update(Campaign).values(code="BT2013-KA"))
    with pytest.raises(Refused) as refused:
        import_package(admin, package)
    assert refused.value.reasons[0].code == "handover.other_campaign" and code in refused.value.text("en")
    other.store.close()


CHILD = r"""
import sys, time
from pathlib import Path
from kaccount_desk.services import staff
from kaccount_desk.services.context import Context, Store
kind, url, target, password = sys.argv[1:5]
store = Store(url, create=False)
ctx = Context(store, staff.authenticate(store, sys.argv[5], password))
if kind == "send":
    from kaccount_desk.services import handover_seat
    real = Path.write_bytes
    def half_then_wait(self, data):
        real(self, data[: len(data) // 2])
        print("ready", flush=True)
        time.sleep(60)
    Path.write_bytes = half_then_wait
    handover_seat.send(ctx, Path(target))
else:
    from kaccount_desk.services import handover_apply, handover_import
    real_add = handover_apply.add_application
    added = []
    def add_then_wait(imported, entry):
        row = real_add(imported, entry)
        added.append(row)
        if len(added) == 2:
            print("ready", flush=True)
            time.sleep(60)
        return row
    handover_import.add_application = add_then_wait
    handover_import.import_package(ctx, Path(target), ack_out=Path(target).parent / "ack.kaack")
"""


def _kill_in_child(kind: str, store: Store, target: Path, staff_no: str) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD, kind, store.url, str(target), PASSWORD, staff_no],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})
    assert child.stdout is not None
    line = child.stdout.readline().strip()
    assert line == "ready", child.stderr.read() if child.stderr else ""
    os.kill(child.pid, signal.SIGKILL)
    child.wait()


def _plaintext_in(folder: Path, needles: list[bytes]) -> list[str]:
    return [p.name for p in folder.rglob("*") if p.is_file() and any(n in p.read_bytes() for n in needles)]


def test_a_killed_send_leaves_no_plaintext_and_records_nothing(pair: tuple[Context, Context, str, Path], tmp_path: Path) -> None:
    _admin, seat, _code, _package = pair
    out = tmp_path / "out"
    out.mkdir()
    _kill_in_child("send", seat.store, out / "p2.kahp", seat.actor.staff_no)
    needles = ["申请人0".encode(), IDS[0].encode(), IDS[1].encode()]
    assert _plaintext_in(out, needles) == []
    assert all(p.name.startswith(safe_files.PREFIX) for p in out.iterdir())  # only the sealed, hidden half-file
    assert safe_files.sweep_stale() >= 1 and list(out.iterdir()) == []
    assert [s.sequence for s in sends(seat)] == [1]  # the killed send was never recorded


def test_a_killed_import_leaves_the_office_as_it_was(pair: tuple[Context, Context, str, Path], tmp_path: Path) -> None:
    admin, _seat, _code, package = pair
    before = _state(admin)
    admin.store.close()
    _kill_in_child("import", admin.store, package, "A001")
    reopened = Store(admin.store.url, resources=REPO / "resources", create=False)
    assert _state(Context(reopened, admin.actor))[:3] == before[:3]  # the audit log gained the child's login only
    assert not (package.parent / "ack.kaack").exists()
    assert [p.name for p in package.parent.iterdir() if p.name.startswith(safe_files.PREFIX)] == []
    reopened.close()
