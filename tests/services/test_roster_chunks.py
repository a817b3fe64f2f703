"""An import longer than one chunk (1,000 rows) still sees the whole file and writes all or nothing.

The rows are checked and written a chunk at a time; these tests put the second sighting of a
person, or of a number, in a later chunk than the first, and stop or dry-run an import after its
first chunk was written, so the store must still end as if the file had been taken in one piece.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from support import valid_id

from kaccount_desk.services import enrollment, rosters
from kaccount_desk.services.context import Context
from kaccount_desk.store.models import Application, ApplicationEvent

PEOPLE = 1_100
FIRST_ROW = 2  # the header is row 1


def _person(n: int, note: str = "") -> list[str]:
    return [f"员工{n:05d}", "铸造事业部", valid_id(f"130981{1960 + n // 1000}0101{n % 1000:03d}"), f"138{n:08d}", "group8", note]


def _roster(path: Path, extra: list[list[str]] = ()) -> Path:  # type: ignore[assignment]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["姓名", "部门", "身份证号码", "手机号码", "资费方式", "备注"])
        out.writerows(_person(n) for n in range(PEOPLE))
        out.writerows(extra)
    return path


def _count(ctx: Context, model: type) -> int:
    with ctx.store.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_person_or_number_seen_again_in_a_later_chunk_is_matched_or_refused(admin: Context, campaign: str, tmp_path: Path) -> None:
    stranger = ["陌生人", "铸造事业部", valid_id("11010519491231002"), f"138{5:08d}", "group8", ""]
    path = _roster(tmp_path / "r.csv", [_person(5), _person(7, "换了备注"), stranger])
    report = rosters.import_roster(admin, path, campaign)
    by_row = {r.row: r for r in report.rows}
    first, again, changed, taken = by_row[FIRST_ROW + 5], by_row[FIRST_ROW + PEOPLE], by_row[FIRST_ROW + PEOPLE + 1], \
        by_row[FIRST_ROW + PEOPLE + 2]
    assert first.status == "accepted" and first.application_id is not None
    assert again.status == "unchanged" and again.application_id == first.application_id
    assert changed.status == "updated" and changed.application_id == by_row[FIRST_ROW + 7].application_id
    assert taken.status == "rejected" and [r.code for r in taken.reasons] == ["number.taken"]
    assert taken.reasons[0].en == f"138{5:08d} already belongs to another application"  # as within one chunk, dry run or not
    assert report.totals == {"accepted": PEOPLE, "updated": 1, "unchanged": 1, "rejected": 1}
    assert _count(admin, Application) == PEOPLE and _count(admin, ApplicationEvent) == PEOPLE
    assert enrollment.get_application(admin, changed.application_id or 0).note == "换了备注"


def test_an_import_stopped_after_its_first_chunk_was_written_leaves_nothing(admin: Context, campaign: str, tmp_path: Path) -> None:
    path = _roster(tmp_path / "r.csv")
    with pytest.raises(rosters.Cancelled):
        rosters.import_roster(admin, path, campaign, progress=lambda done, total: done < 1_050)
    assert _count(admin, Application) == 0 and _count(admin, ApplicationEvent) == 0


def test_a_dry_run_over_several_chunks_writes_nothing(admin: Context, campaign: str, tmp_path: Path) -> None:
    report = rosters.import_roster(admin, _roster(tmp_path / "r.csv"), campaign, dry_run=True)
    assert report.totals["accepted"] == PEOPLE
    assert _count(admin, Application) == 0 and _count(admin, ApplicationEvent) == 0


def test_new_people_go_in_a_statement_per_chunk_with_their_lookup_columns(admin: Context, campaign: str, tmp_path: Path) -> None:
    """Asking for the new ids back in order (RETURNING) cost SQLite one INSERT per person, a third of an import."""
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(admin.store.engine, "before_cursor_execute", seen)
    try:
        report = rosters.import_roster(admin, _roster(tmp_path / "r.csv"), campaign)
    finally:
        event.remove(admin.store.engine, "before_cursor_execute", seen)
    assert report.totals["accepted"] == PEOPLE
    inserts = [s for s in statements if s.startswith("INSERT INTO applications ")]
    assert 1 <= len(inserts) <= 2  # two chunks of the sheet
    with admin.store.read() as s:
        rows = s.execute(select(Application.id, Application.id_number, Application.id_digest, Application.id_tail)).all()
    assert sorted(r.application_id for r in report.rows) == sorted(r.id for r in rows)
    assert all(digest == admin.store.keys.digest(number) and tail == number[-4:] for _, number, digest, tail in rows)
