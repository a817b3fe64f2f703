"""The intake form's campaign read with the preview of the application it opens on
(services/intake_preview.open_campaign): the campaign read once, in two statements, where the
form's read and its first preview read it twice; the same spec, checks and preview as read apart."""

from __future__ import annotations

from functools import partial

import pytest
from sqlalchemy import event
from support import application_input, make_staff

from kaccount_desk.services import campaigns, intake_preview
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import NotFound


def _note(sent: list[str], _conn: object, _cursor: object, statement: str, *_rest: object) -> None:
    sent.append(statement)


@pytest.mark.parametrize("role", ["admin", "collector"])  # a collector's form opens on their own department
def test_the_campaign_and_its_first_preview_come_in_two_statements(admin: Context, campaign: str, role: str) -> None:
    ctx = admin if role == "admin" else make_staff(admin, "C101", "collector", "铸造事业部")
    fresh = application_input(campaign, department=ctx.actor.department or "", name="", id_number="", msisdn="", plan="")
    sent: list[str] = []
    listen = partial(_note, sent)
    event.listen(admin.store.engine, "before_cursor_execute", listen)
    opened = intake_preview.open_campaign(ctx, campaign, fresh)
    event.remove(admin.store.engine, "before_cursor_execute", listen)
    assert len([s for s in sent if s != "BEGIN"]) == 2  # the campaign with its departments and plans, its pool
    assert opened.spec == campaigns.get_campaign(ctx, campaign)
    apart = intake_preview.live_checks(ctx, campaign, opened.spec).facts
    assert (opened.live.facts.departments, opened.live.facts.excluded_packages) == (apart.departments, apart.excluded_packages)
    assert opened.live.facts.in_pool(opened.spec.pool()[0]) and not opened.live.facts.in_pool("13800138000")
    assert opened.fresh == fresh and opened.preview == intake_preview.preview_intake(ctx, fresh)
    assert opened.preview is not None and opened.preview.plans and opened.preview.missing


def test_no_preview_unless_asked_for_this_campaign_by_one_who_takes_applications(admin: Context, campaign: str) -> None:
    assert intake_preview.open_campaign(admin, campaign).preview is None  # the campaign read again (edited elsewhere)
    other = application_input("OTHER", department="", name="")
    assert intake_preview.open_campaign(admin, campaign, other).preview is None
    manager = make_staff(admin, "M101", "account_manager")
    assert intake_preview.open_campaign(manager, campaign, application_input(campaign, department="")).preview is None
    with pytest.raises(NotFound):
        intake_preview.open_campaign(admin, "NO-SUCH")
