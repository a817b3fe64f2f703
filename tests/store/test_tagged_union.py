"""Reads sent together as one tagged UNION ALL (store/tagged_union.py) give back what each gives alone.

The Reports page's twelve grouped reads and the 异动 list's check go through it: each figure must come
back as its own read would have given it, on both stores, with whole numbers as ``int`` (PostgreSQL
would make a slot shared by an integer and a sum a Decimal) and times still aware UTC.
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import BigInteger, cast, event, false, func, select
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.store.models import Staff
from kaccount_desk.store.tagged_union import Branch, read_together


def _branches() -> dict[str, Branch]:
    return {
        "people": select(Staff.id, Staff.staff_no, Staff.created_at, Staff.active),
        # a sum of a BIGINT column (as a bill's fen): PostgreSQL's sum of it is numeric
        "roles": select(Staff.role, func.count(), func.coalesce(func.sum(cast(Staff.failed_logins, BigInteger)), 0))
        .group_by(Staff.role),
        "nobody": select(Staff.staff_no, Staff.id).where(false()),
    }


def test_each_branch_reads_what_it_reads_alone_in_one_statement(admin: Context) -> None:
    make_staff(admin, "D101", "clerk")
    make_staff(admin, "D102", "clerk")
    store = admin.store
    sent: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        sent.append(statement)

    with store.read() as session:
        alone = {tag: sorted(tuple(row) for row in session.execute(branch)) for tag, branch in _branches().items()}
        event.listen(store.engine, "before_cursor_execute", note)
        try:
            together = read_together(session, _branches())
        finally:
            event.remove(store.engine, "before_cursor_execute", note)
    assert len(sent) == 1
    assert {tag: sorted(rows) for tag, rows in together.items()} == alone
    assert together["nobody"] == [] and len(together["people"]) == 3
    assert sorted(together["roles"]) == [("admin", 1, 0), ("clerk", 2, 0)]
    whole = [row[0] for row in together["people"]] + [n for row in together["roles"] for n in row[1:]]
    assert {type(n) for n in whole} == {int}  # not Decimal, though a slot holds an id, a count and a sum
    assert all(created.tzinfo == UTC and active is True for _, _, created, active in together["people"])
