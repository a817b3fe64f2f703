"""A list's count and first page in one statement (services/application_list.first_page): what
the count and the page read apart give, for every filter and a collector's own department, on
both stores; the Applications page opens and filters with one round trip, not two."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from sqlalchemy import event, select
from support import PASSWORD, REPO, Clock

from kaccount_desk.services import application_list, staff
from kaccount_desk.services.application_list import ApplicationQuery
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.demo import fill_demo
from kaccount_desk.store.models import Staff

PAGE = 7


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def filled(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[tuple[Context, str]]:
    url = f"sqlite:///{tmp_path / 'lists.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    yield admin, fill_demo(admin, tickets=0, applications=40).campaign
    store.close()


def _acting(admin: Context, staff_no: str) -> Context:
    with admin.store.read() as session:
        row = session.scalars(select(Staff).where(Staff.staff_no == staff_no)).one()
    return Context(admin.store, Actor(row.id, row.staff_no, row.name, row.role, row.department))


def _note(sent: list[str], _conn: object, _cursor: object, statement: str, *_rest: object) -> None:
    sent.append(statement)


def test_the_count_and_first_page_are_what_they_are_read_apart_in_one_statement(filled: tuple[Context, str]) -> None:
    admin, code = filled
    some = application_list.page_applications(admin, ApplicationQuery(code), 0, 40)
    queries = [
        ApplicationQuery(code), ApplicationQuery(code, department=some[0].department), ApplicationQuery(code, status=some[0].status),
        ApplicationQuery(code, search=some[3].name), ApplicationQuery(code, search="没有这个人"), ApplicationQuery("NO-SUCH"),
    ]
    for ctx in (admin, _acting(admin, "D401")):  # a collector sees their own department's alone
        for query in queries:
            sent: list[str] = []
            listen = partial(_note, sent)
            event.listen(admin.store.engine, "before_cursor_execute", listen)
            found = application_list.first_page(ctx, query, PAGE)
            event.remove(admin.store.engine, "before_cursor_execute", listen)
            assert [s for s in sent if s != "BEGIN"] == sent[-1:]  # one statement (SQLite's own BEGIN aside)
            assert found == (application_list.count_applications(ctx, query), application_list.page_applications(ctx, query, 0, PAGE))
    whole = application_list.first_page(admin, ApplicationQuery(code), PAGE)
    assert whole[0] == 40 and len(whole[1]) == PAGE and any(r.plan_name for r in whole[1])
    assert 0 < application_list.first_page(_acting(admin, "D401"), ApplicationQuery(code), PAGE)[0] < 40
