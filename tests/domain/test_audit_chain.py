"""The chain rule alone: each kind of rewrite is named at the first entry it touches."""

from __future__ import annotations

from dataclasses import replace

from kaccount_desk.domain.audit import GENESIS, Entry, StaffChangeRow, entry_hash, first_break, trail_gaps, witness_of


def _chain(n: int) -> list[Entry]:
    entries: list[Entry] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        fields = (f"2012-02-25T01:{seq:02}:00.000000", "A001", "change", f"staff {seq}", "{}")
        digest = entry_hash(seq, *fields, prev)
        entries.append(Entry(seq, *fields, prev, digest))
        prev = digest
    return entries


def _renumbered(entries: list[Entry], start: int) -> list[Entry]:
    return entries[:start] + [replace(e, seq=start + 1 + i) for i, e in enumerate(entries[start:])]


def _code(found: object) -> object:
    return None if found is None else (found[0], found[1].code)  # type: ignore[index]


def test_an_intact_chain_passes_with_or_without_its_anchor() -> None:
    log = _chain(6)
    assert first_break(log) is None
    assert first_break(log, (6, log[-1].hash)) is None
    assert first_break(log, (3, log[2].hash)) is None


def test_an_edited_entry() -> None:
    log = _chain(6)
    log[3] = replace(log[3], subject="staff 99")
    assert _code(first_break(log)) == (4, "audit.edited")


def test_a_deleted_entry_and_a_deleted_then_renumbered_entry() -> None:
    log = _chain(6)
    assert _code(first_break(log[:2] + log[3:])) == (3, "audit.deleted")
    assert _code(first_break(_renumbered(log[:2] + log[3:], 2))) == (3, "audit.deleted")


def test_swapped_entries() -> None:
    log = _chain(6)
    swapped = log[:2] + [replace(log[3], seq=3), replace(log[2], seq=4)] + log[4:]
    assert _code(first_break(swapped)) == (3, "audit.reordered")


def test_a_forged_entry_with_a_correct_hash_inserted_in_the_middle() -> None:
    log = _chain(6)
    fields = ("2012-02-25T01:03:30.000000", "A001", "change", "staff 1", "{}")
    forged = Entry(4, *fields, log[2].hash, entry_hash(4, *fields, log[2].hash))
    tampered = log[:3] + [forged] + [replace(e, seq=e.seq + 1) for e in log[3:]]
    assert _code(first_break(tampered)) == (4, "audit.inserted")


def test_a_forged_entry_appended_at_the_end() -> None:
    log = _chain(4)
    fields = ("2012-02-25T02:00:00.000000", "A001", "change", "staff 1", "{}")
    assert _code(first_break([*log, Entry(5, *fields, GENESIS, entry_hash(5, *fields, GENESIS))])) == (4, "audit.inserted")


def test_a_deleted_tail_needs_the_anchor() -> None:
    log = _chain(6)
    assert first_break(log[:4]) is None
    assert _code(first_break(log[:4], (6, log[-1].hash))) == (5, "audit.tail_deleted")
    assert _code(first_break(log[:4], (0, GENESIS))) is None
    assert _code(first_break(_chain(6), (6, "f" * 64))) == (6, "audit.rewritten")


def test_staff_changes_no_entry_names_are_listed_and_named_rows_that_vanished_too() -> None:
    named = Entry(1, "2012-02-25T01:00:00.000000", "A001", "change", "staff", '{"op":"update","trail":[1,2]}', GENESIS, "h")
    rows = [StaffChangeRow(1, 7, "update", "active", "t1"), StaffChangeRow(3, 7, "update", "role", "t3")]
    assert [(r.code, "role" in r.en) for r in trail_gaps([named], rows)] == [
        ("audit.staff_unrecorded", True), ("audit.staff_trail_deleted", False)]
    assert trail_gaps([named], rows[:1] + [StaffChangeRow(2, 7, "update", "", "t2")]) == []
    unnamed = [StaffChangeRow(i, 7, "update", "role", "t") for i in range(10, 18)]
    listed = trail_gaps([], unnamed, listed=5)
    assert len(listed) == 6 and "3 more" in listed[-1].en


def test_a_witness_is_the_count_and_the_head_hash_start() -> None:
    seen = witness_of(1234, "3f9ac2d177e0" + "0" * 52)
    assert (seen.text, seen.printed) == ("#1234 · 3f9ac2d177e0", "审计链 #1234 · 3f9ac2d177e0")
