"""The Admin page's settings read in one statement (services/admin_settings.read): the same views
the boxes' own services return, on both stores, and only the parts the person's boxes show."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event
from support import PASSWORD, REPO, Clock, make_staff

from kaccount_desk.services import admin_settings, organisation, retention, staff
from kaccount_desk.services import ticket_settings as settings
from kaccount_desk.services.context import Context, Store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def admin_of(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[Context]:
    url = f"sqlite:///{tmp_path / 'settings.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources", clock=clock)
    yield Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    store.close()


def _changed(admin: Context) -> None:
    """Every setting away from its default, so a column read into the wrong place shows."""
    settings.set_limits(admin, [settings.LimitView("fault", "rural", 60, 30), settings.LimitView("complaint", None, 40)],
                        {"complaint": 5, "fault": 3})
    settings.add_department(admin, "集团客户部")
    settings.retire_department(admin, settings.all_departments(admin)[0].name)
    retention.set_policy(admin, "counter", 30, 90)
    organisation.set_organisation_name(admin, "泊头市某某公司")


def test_every_box_s_settings_come_in_one_statement_as_their_own_services_give_them(admin_of: Context) -> None:
    admin = admin_of
    _changed(admin)
    sent: list[str] = []
    event.listen(admin.store.engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    found = admin_settings.read(admin)
    assert [s for s in sent if s != "BEGIN"] == sent[-1:]  # one statement (SQLite's own BEGIN aside)
    assert found.tickets is not None
    assert found.tickets.limits == settings.limits(admin)
    assert found.tickets.departments == settings.all_departments(admin)
    assert not found.tickets.departments[0].active and found.tickets.departments[-1].name == "集团客户部"
    assert found.tickets.warnings == settings.warnings(admin)
    assert found.retention == retention.get_policy(admin) and found.retention.days == 30
    assert found.organisation == organisation.organisation_name(admin) == "泊头市某某公司"


def test_a_store_never_set_reads_the_defaults(admin_of: Context) -> None:
    found = admin_settings.read(admin_of)
    assert found.retention == retention.get_policy(admin_of) and found.organisation == ""
    assert found.tickets is not None and found.tickets.limits == settings.limits(admin_of)


def test_what_a_person_is_not_shown_is_not_read(admin_of: Context) -> None:
    """A clerk sees the ticket settings only; an office collector none of them, and nothing is asked."""
    clerk = make_staff(admin_of, "C001", "clerk")
    seen = admin_settings.read(clerk)
    assert seen.tickets is not None and seen.retention is None and seen.organisation is None
    collector = make_staff(admin_of, "O001", "collector")
    sent: list[str] = []
    event.listen(admin_of.store.engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    assert admin_settings.read(collector) == admin_settings.AdminSettings(None, None, None)
    assert sent == []
