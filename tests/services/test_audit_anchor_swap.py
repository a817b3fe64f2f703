"""The anchor moves only over the one the commit checked, compared and written under one lock.

A restore in another process sets the anchor back to the restored chain between a commit and its
move; the commit must then leave it alone, or ``audit verify`` raises a false tamper alarm.
"""

from __future__ import annotations

import multiprocessing

from kaccount_desk.services.audit_anchor import Appended, move_anchor, raise_alarm, read_alarm, read_anchor, write_anchor

KEY = "store-under-test"


def test_the_anchor_moves_only_over_the_one_checked() -> None:
    checked, restored, new = Appended(50, "a" * 64), Appended(40, "b" * 64), Appended(60, "c" * 64)
    write_anchor(KEY, checked)
    write_anchor(KEY, restored, backwards=True)  # a restore, after the commit checked the anchor
    assert move_anchor(KEY, new, checked) is False
    assert read_anchor(KEY) == restored
    assert move_anchor(KEY, new, restored) is True
    assert read_anchor(KEY) == new


def test_an_alarm_over_the_old_chain_is_not_raised_once_a_restore_set_the_anchor_back() -> None:
    """A commit that checked the old chain's anchor and found it missing from the restored chain
    (its lock waited out the restore) must not write the old anchor back with an alarm: seen once
    on PostgreSQL as a false "entries deleted" at the next verify."""
    checked, restored = Appended(37, "a" * 64), Appended(30, "b" * 64)
    write_anchor(KEY, checked)
    write_anchor(KEY, restored, backwards=True)
    assert raise_alarm(KEY, checked, "2026-12-06 20:00") is False
    assert read_anchor(KEY) == restored and read_alarm(KEY) is None
    assert raise_alarm(KEY, restored, "2026-12-06 20:01") is True
    assert read_alarm(KEY) is not None and read_anchor(KEY) == restored


def _move_many(start: int, home: str) -> None:
    import os

    os.environ["KACCOUNT_HOME"] = home
    for seq in range(start, start + 200, 2):
        write_anchor(f"{KEY}-{start}", Appended(seq, "d" * 64))


def test_two_processes_writing_anchors_lose_none_of_each_others(tmp_path, monkeypatch) -> None:
    """Each read-modify-write of the shared file holds the lock: neither process's last anchor is lost."""
    home = str(tmp_path / "home")
    monkeypatch.setenv("KACCOUNT_HOME", home)
    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_move_many, args=(start, home)) for start in (1, 2)]
    for child in children:
        child.start()
    for child in children:
        child.join(60)
    assert [child.exitcode for child in children] == [0, 0]
    assert read_anchor(f"{KEY}-1") == Appended(199, "d" * 64) and read_anchor(f"{KEY}-2") == Appended(200, "d" * 64)
