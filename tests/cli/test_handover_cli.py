"""``kaccount-desk handover ...``: the office's pack, the seat's set-up and send, the office's import and the receipt."""

from __future__ import annotations

from pathlib import Path

from clirun import kad
from handover_support import take
from support import PASSWORD, REPO, Clock

from kaccount_desk.services import pool, staff
from kaccount_desk.services.context import Context, Store


def test_pack_receive_send_import_and_ack_from_the_command_line(admin: Context, campaign: str, store_path: Path,
                                                                tmp_path: Path, clock: Clock) -> None:
    pack = tmp_path / "pack.kapack"
    made = kad("handover", "pack", "--campaign", campaign, "--department", "铸造事业部", "--count", "3", "--out", str(pack),
               "--json", db=store_path)
    assert made.returncode == 0, made.stderr
    assert len(made.json()["numbers"]) == 3
    seat_db = tmp_path / "seat.sqlite3"
    got = kad("handover", "receive", str(pack), "--collector", "C101", "--json", db=seat_db, staff=None)
    assert got.returncode == 0, got.stderr
    assert got.json()["department"] == "铸造事业部" and got.json()["numbers"] == 3 and got.json()["recovery_key"]
    seat_store = Store(f"sqlite:///{seat_db}", resources=REPO / "resources", create=False, clock=clock)
    seat = Context(seat_store, staff.authenticate(seat_store, "C101", PASSWORD))
    numbers = [e.number for e in pool.browse_pool(seat, campaign)]
    assert numbers == made.json()["numbers"]
    take(seat, campaign, 0, numbers[0])
    seat_store.close()

    sent = kad("handover", "send", "--json", db=seat_db, staff="C101")
    assert sent.returncode == 0, sent.stderr
    package = Path(sent.json()["path"])
    assert package.name.startswith("交接包-含身份证信息-铸造事业部-001-") and package.suffix == ".kahp"
    try:
        preview = kad("handover", "import", str(package), "--dry-run", "--json", db=store_path)
        assert preview.returncode == 0, preview.stderr
        assert preview.json()["totals"]["new"] == 1 and preview.json()["dry_run"]
        ack = tmp_path / "ack.kaack"
        done = kad("handover", "import", str(package), "--ack-out", str(ack), "--json", db=store_path)
        assert done.returncode == 0 and done.json()["rows"][0]["result"] == "new"
        waiting = kad("handover", "sent", "--json", db=seat_db, staff="C101")
        assert waiting.json()["unacknowledged"] == [1]
        assert kad("handover", "ack", str(ack), db=seat_db, staff="C101", lang="en").stdout.startswith("The office acknowledged package 1")
        assert kad("handover", "sent", "--json", db=seat_db, staff="C101").json()["unacknowledged"] == []
    finally:
        package.unlink(missing_ok=True)


def test_a_damaged_pack_or_package_is_refused_in_words_and_makes_nothing(admin: Context, campaign: str, store_path: Path,
                                                                         tmp_path: Path) -> None:
    bad = tmp_path / "bad.kapack"
    bad.write_text('{"body": {}, "sha256": "00"}', encoding="utf-8")
    seat_db = tmp_path / "seat.sqlite3"
    got = kad("handover", "receive", str(bad), "--collector", "C101", "--json", db=seat_db, staff=None, lang="en")
    assert got.returncode == 1 and "not a sound campaign pack" in got.json()["reasons"][0]
    assert not seat_db.exists()
    junk = tmp_path / "junk.kahp"
    junk.write_bytes(b"PK\x03\x04 not a package")
    refused = kad("handover", "import", str(junk), "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["codes"] == ["handover.damaged"]
    assert "Traceback" not in refused.stderr
