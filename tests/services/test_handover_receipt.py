"""The office's receipt for a seat's package, written from its record of the import (issue 22 item 2):
the same receipt however often it is written, none for a package not imported, and no personal data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from handover_support import IDS, pack_for, seat_from, take
from support import Clock

from kaccount_desk.services import pool
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.handover_import import import_package, write_receipt
from kaccount_desk.services.handover_seat import acknowledge, send, sends


@pytest.fixture
def seat(admin: Context, campaign: str, tmp_path: Path, clock: Clock) -> Context:
    (tmp_path / "seat").mkdir()
    ctx = seat_from(pack_for(admin, campaign, tmp_path), tmp_path / "seat", clock)
    take(ctx, campaign, 0, pool.browse_pool(ctx, campaign)[0].number)
    return ctx


def test_the_receipt_written_again_later_is_the_same_and_names_no_one(admin: Context, seat: Context, tmp_path: Path,
                                                                       clock: Clock) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    preview = import_package(admin, package, ack_out=tmp_path / "first.kaack")
    clock.advance(hours=5)
    again = write_receipt(admin, preview.seat, preview.sequence, tmp_path / "again.kaack")
    assert again.read_bytes() == (tmp_path / "first.kaack").read_bytes()
    text = again.read_text(encoding="utf-8")
    assert "申请人0" not in text and IDS[0] not in text
    assert json.loads(text)["totals"] == {"new": 1, "changed": 0, "conflicts": 0}
    assert acknowledge(seat, again).sequence == 1
    seat.store.close()


def test_no_receipt_for_a_package_the_office_has_not_imported(admin: Context, seat: Context, tmp_path: Path) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    preview = import_package(admin, package, dry_run=True)
    with pytest.raises(Refused) as refused:
        write_receipt(admin, preview.seat, preview.sequence, tmp_path / "r.kaack")
    assert refused.value.reasons[0].code == "handover.not_imported" and not (tmp_path / "r.kaack").exists()
    assert [s.acknowledged_at for s in sends(seat)] == [None]
    seat.store.close()
