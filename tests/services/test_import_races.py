"""Concurrent roster imports and counter saves, as real processes on both stores, counted over rounds.

Before migration 0004 and BEGIN IMMEDIATE, two imports of the same people without a number made
silent duplicates (4 of 15 runs on SQLite, 5 of 5 on PostgreSQL), the losing import of
overlapping rosters died with an IntegrityError traceback, and some imports and saves met
"database is locked". Each round here starts the processes at the same instant.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from racing import Outcome, race, roster_csv
from sqlalchemy import func, select
from support import PASSWORD, REPO, SAMPLE_CAMPAIGN, Clock

from kaccount_desk.domain.workflow import LIVE_STATUSES
from kaccount_desk.services import campaigns, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.store.models import Application


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def shared(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[tuple[Store, str]]:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    code = campaigns.load_campaign_file(admin, SAMPLE_CAMPAIGN).code
    yield store, code
    store.close()


def _clean(outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        assert outcome.returncode == 0, outcome.stderr
        assert "Traceback" not in outcome.stderr, outcome.stderr
        assert outcome.result["error"] is None, outcome.result
        assert outcome.result["refused"] is None, outcome.result


def _live_per_person(store: Store) -> Counter[str]:
    """Grouped by the ID digest: the ID number itself is encrypted with a fresh nonce per row."""
    with store.read() as session:
        rows = session.execute(
            select(Application.id_digest, func.count()).where(Application.status.in_(LIVE_STATUSES)).group_by(Application.id_digest)
        )
        return Counter({number: count for number, count in rows})


def test_the_same_people_imported_twice_at_once_land_once(shared: tuple[Store, str], tmp_path: Path) -> None:
    store, code = shared
    rounds, people = 3, 60
    for round_no in range(rounds):
        roster = roster_csv(tmp_path / f"same-{round_no}.csv", round_no * people, people)
        outcomes = race(store.url, code, [("import", str(roster)), ("import", str(roster))], tmp_path)
        _clean(outcomes)
        totals = [outcome.result["totals"] for outcome in outcomes]
        assert sum(t["accepted"] for t in totals) == people, totals  # type: ignore[index]
        assert sum(t["accepted"] + t["unchanged"] for t in totals) == 2 * people, totals  # type: ignore[index]
    per_person = _live_per_person(store)
    assert len(per_person) == rounds * people
    assert set(per_person.values()) == {1}


def test_overlapping_rosters_both_land_and_the_loser_says_already_there(shared: tuple[Store, str], tmp_path: Path) -> None:
    store, code = shared
    for round_no in range(2):
        base = 1000 + round_no * 200
        first = roster_csv(tmp_path / f"a-{round_no}.csv", base, 100)
        second = roster_csv(tmp_path / f"b-{round_no}.csv", base + 50, 100)
        outcomes = race(store.url, code, [("import", str(first)), ("import", str(second))], tmp_path)
        _clean(outcomes)
        totals = [outcome.result["totals"] for outcome in outcomes]
        assert sum(t["accepted"] for t in totals) == 150, totals  # type: ignore[index]
        assert sum(t["unchanged"] for t in totals) == 50, totals  # type: ignore[index]
    assert set(_live_per_person(store).values()) == {1}


def test_six_imports_and_a_counter_never_meet_a_locked_store(shared: tuple[Store, str], tmp_path: Path) -> None:
    store, code = shared
    jobs = [("import", str(roster_csv(tmp_path / f"six-{n}.csv", 5000 + n * 80, 80))) for n in range(6)]
    outcomes = race(store.url, code, [*jobs, ("save", "30")], tmp_path)
    _clean(outcomes)
    assert [o.result["totals"]["accepted"] for o in outcomes[:6]] == [80] * 6  # type: ignore[index]
    assert outcomes[6].result["saved"] == 30
