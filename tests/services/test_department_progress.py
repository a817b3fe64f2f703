"""The progress panel's figures (services/application_list.department_progress), read with the
campaign in one statement: each department in its order, its applications by status, the live ones
and those ready, on both stores; an unknown campaign said in words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event, select
from support import PASSWORD, REPO, Clock

from kaccount_desk.domain.workflow import Status
from kaccount_desk.services import application_list, campaigns, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.demo import fill_demo
from kaccount_desk.services.errors import NotFound
from kaccount_desk.store.models import Application, Campaign, Department


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def filled(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> Iterator[tuple[Context, str]]:
    url = f"sqlite:///{tmp_path / 'progress.sqlite3'}" if request.param == "sqlite" else str(request.getfixturevalue("pg_url"))
    store = Store(url, resources=REPO / "resources", clock=clock)
    admin = Context(store, staff.create_first_admin(store, "A001", "管理员", PASSWORD))
    yield admin, fill_demo(admin, tickets=0, applications=60).campaign
    store.close()


def test_each_department_counts_its_own_applications_by_status_in_one_statement(filled: tuple[Context, str]) -> None:
    admin, code = filled
    with admin.store.read() as session:
        campaign_id = session.scalar(select(Campaign.id).where(Campaign.code == code))
        names = list(session.scalars(select(Department.name).where(Department.campaign_id == campaign_id).order_by(Department.position)))
        held = Counter((name, status) for name, status in session.execute(
            select(Department.name, Application.status).join(Department).where(Application.campaign_id == campaign_id)))
    sent: list[str] = []
    event.listen(admin.store.engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
    progress = application_list.department_progress(admin, code)
    assert [s for s in sent if s != "BEGIN"] == sent[-1:]  # one statement (SQLite's own BEGIN aside)
    assert [d.department for d in progress.departments] == names
    ready = {Status.SUBMITTED.value, Status.SENT.value, Status.ACTIVATED.value}
    for dept in progress.departments:
        assert dept.by_status == {s.value: held[(dept.department, s.value)] for s in Status}
        assert dept.total == sum(n for s, n in dept.by_status.items() if s not in (Status.REJECTED, Status.WITHDRAWN))
        assert dept.ready == sum(dept.by_status[s] for s in ready)
    assert sum(d.total for d in progress.departments) > 0 and sum(d.ready for d in progress.departments) > 0
    assert progress.deadline == campaigns.get_campaign(admin, code).deadline


def test_an_unknown_campaign_is_said_in_words(filled: tuple[Context, str]) -> None:
    admin, _ = filled
    with pytest.raises(NotFound) as missing:
        application_list.department_progress(admin, "NO-SUCH")
    assert "NO-SUCH" in missing.value.text("zh")
