"""What one roster row costs, counted: the work the rules once repeated per row is done once.

A roster of 10,000 rows took some twenty times the bare read-and-insert, most of it in per-row
rules that made the same ID number's keyed digest three times and its checksum twice. Counting
the calls (not timing them, on a shared machine) keeps those from coming back.
"""

from __future__ import annotations

import csv
import gc
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from support import REPO, SAMPLE_CAMPAIGN, Clock, valid_id

from kaccount_desk.domain import resident_id
from kaccount_desk.services import campaigns, enrollment, rosters, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.store.crypto import StoreKeys
from kaccount_desk.store.models import Application

PEOPLE = 300


def _roster(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["姓名", "部门", "身份证号码", "手机号码", "资费方式"])
        out.writerows([f"员工{n:05d}", "铸造事业部", valid_id(f"1309811970{n % 12 + 1:02d}01{n:03d}"), f"138{n:08d}", "group8"]
                      for n in range(PEOPLE))
    return path


def _counting(calls: list[int], fn: Callable[..., Any]) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return fn(*args, **kwargs)
    return counted


@contextmanager
def _loads() -> Iterator[list[int]]:
    """The ids of the applications loaded as ORM objects meanwhile."""
    loaded: list[int] = []

    def seen(target: Application, _context: object) -> None:
        loaded.append(target.id)

    event.listen(Application, "load", seen)
    try:
        yield loaded
    finally:
        event.remove(Application, "load", seen)


@pytest.mark.parametrize("again", [False, True], ids=["first", "unchanged again"])
def test_each_row_is_digested_once_and_its_checksum_computed_once(admin: Context, campaign: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch, again: bool) -> None:
    path = _roster(tmp_path / "r.csv")
    if again:
        rosters.import_roster(admin, path, campaign)
    digests: list[int] = []
    checksums: list[int] = []
    monkeypatch.setattr(StoreKeys, "digest", _counting(digests, StoreKeys.digest))
    monkeypatch.setattr(resident_id, "calc_check_digit", _counting(checksums, resident_id.calc_check_digit))
    report = rosters.import_roster(admin, path, campaign)
    assert report.totals["unchanged" if again else "accepted"] == PEOPLE
    assert len(digests) <= PEOPLE
    assert len(checksums) <= PEOPLE


def test_an_unchanged_import_again_builds_no_application_object(admin: Context, campaign: str, tmp_path: Path) -> None:
    """Comparing plain values in bulk: loading each matched application as an ORM object made a re-import slower than the first."""
    path = _roster(tmp_path / "r.csv")
    rosters.import_roster(admin, path, campaign)
    with _loads() as loaded:
        report = rosters.import_roster(admin, path, campaign)
    assert report.totals["unchanged"] == PEOPLE
    assert loaded == []


def test_only_the_changed_applications_are_loaded_and_a_later_row_sees_the_change(admin: Context, campaign: str, tmp_path: Path) -> None:
    path = _roster(tmp_path / "r.csv")
    first = rosters.import_roster(admin, path, campaign)
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[3][4] = "keep5"  # the third person keeps their plan now ...
    rows.append(list(rows[3]))  # ... and says so twice: the second time it is no change
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    with _loads() as loaded:
        report = rosters.import_roster(admin, path, campaign)
    changed = first.rows[2].application_id
    assert report.totals == {"accepted": 0, "updated": 1, "unchanged": PEOPLE, "rejected": 0}
    assert loaded == [changed]
    assert enrollment.get_application(admin, changed or 0).plan == "keep5"


def test_a_plan_written_alike_on_every_row_is_matched_once(admin: Context, campaign: str, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row of a roster names the same few plans: the verdict on one is the verdict on all."""
    from kaccount_desk.services import intake_rules

    matched: list[int] = []
    monkeypatch.setattr(intake_rules, "match_item", _counting(matched, intake_rules.match_item))
    report = rosters.import_roster(admin, _roster(tmp_path / "r.csv"), campaign)
    assert report.totals["accepted"] == PEOPLE
    assert len(matched) == 1


@pytest.mark.postgres
def test_on_postgresql_an_import_its_change_and_its_unchanged_repeat_land_as_on_sqlite(pg_url: str, clock: Clock,
                                                                                       tmp_path: Path) -> None:
    """The shared insert values and the plain-value comparison take PostgreSQL's own paths (RETURNING, Core executemany)."""
    store = Store(pg_url, resources=REPO / "resources", clock=clock)
    try:
        admin = Context(store, staff.create_first_admin(store, "A001", "管理员", "secret-pass"))
        code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
        path = _roster(tmp_path / "r.csv")
        first = rosters.import_roster(admin, path, code)
        rows = list(csv.reader(path.open(encoding="utf-8")))
        rows[3][4] = "keep5"
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        again = rosters.import_roster(admin, path, code)
        assert first.totals["accepted"] == PEOPLE
        assert again.totals == {"accepted": 0, "updated": 1, "unchanged": PEOPLE - 1, "rejected": 0}
        view = enrollment.get_application(admin, first.rows[2].application_id or 0)
        assert view.plan == "keep5" and view.status == "draft" and view.name == "员工00002"
    finally:
        store.close()


def test_the_heap_alive_before_an_import_is_not_walked_by_the_collector_during_it(admin: Context, campaign: str, tmp_path: Path) -> None:
    """Each full pass of the garbage collector walked the whole app's heap, a fifth of a big import's time;
    the objects alive before it are set aside (frozen) while it runs, and given back after, even when it fails."""
    frozen: list[int] = []

    def progress(done: int, total: int) -> bool:
        frozen.append(gc.get_freeze_count())
        return True

    before = gc.get_freeze_count()
    report = rosters.import_roster(admin, _roster(tmp_path / "r.csv"), campaign, progress=progress)
    assert report.totals["accepted"] == PEOPLE
    assert frozen and min(frozen) > before
    assert gc.get_freeze_count() == before

    def stop(done: int, total: int) -> bool:
        return False

    with pytest.raises(rosters.Cancelled):
        rosters.import_roster(admin, _roster(tmp_path / "r2.csv"), campaign, progress=stop)
    assert gc.get_freeze_count() == before


class _Cycle:
    """An object that only the cycle collector frees (it refers to itself)."""

    def __init__(self) -> None:
        self.itself = self


def test_garbage_waiting_before_an_import_is_not_kept_through_it(admin: Context, campaign: str, tmp_path: Path) -> None:
    """Frozen with the heap, a previous import's garbage would stay until the end: a re-import of 100,000 rows peaked 10 MB higher."""
    path = _roster(tmp_path / "r.csv")
    old = _Cycle()
    gone = weakref.ref(old)
    gc.collect()  # now in the oldest generation, where only a full pass looks
    del old
    alive: list[bool] = []

    def progress(done: int, total: int) -> bool:
        alive.append(gone() is not None)
        return True

    rosters.import_roster(admin, path, campaign, progress=progress)
    assert alive and not any(alive)
