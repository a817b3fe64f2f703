"""ID-card images go once the law stops us keeping them: listed first, deleted on purpose, recorded."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import func, select
from support import CST, make_staff, valid_id

from kaccount_desk.domain.audit import Entry
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.retention import RetentionMode, RetentionPolicy, copies_due
from kaccount_desk.services import audit, enrollment, id_copies, retention
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.models import Application, IdCopy

DEADLINE = datetime(2012, 2, 27, 10, 0, tzinfo=CST)


def test_office_keeps_copies_days_after_settling_or_the_close_whichever_first() -> None:
    office = RetentionPolicy(RetentionMode.OFFICE, 90)
    settled = datetime(2012, 3, 1, tzinfo=CST)
    assert copies_due(office, "activated", settled, DEADLINE) == DEADLINE + timedelta(days=90)
    early_close = DEADLINE - timedelta(days=30)
    assert copies_due(office, "rejected", settled, early_close) == early_close + timedelta(days=90)
    assert copies_due(office, "submitted", None, DEADLINE) == DEADLINE + timedelta(days=90), "a closed campaign ends the need too"
    assert copies_due(RetentionPolicy(RetentionMode.OFFICE, 10), "withdrawn", datetime(2012, 2, 1, tzinfo=CST), DEADLINE) == datetime(
        2012, 2, 11, tzinfo=CST
    )


def test_counter_keeps_order_25s_two_years_and_activated_lines_while_in_service() -> None:
    counter = RetentionPolicy(RetentionMode.COUNTER)
    assert copies_due(counter, "rejected", datetime(2012, 2, 29, tzinfo=CST), DEADLINE) == datetime(2014, 2, 28, tzinfo=CST)
    assert copies_due(counter, "activated", datetime(2012, 3, 1, tzinfo=CST), DEADLINE) is None
    assert copies_due(counter, "activated", None, DEADLINE) is None


@pytest.mark.parametrize("status", ["draft", "collected", "submitted", "sent"])
def test_counter_purges_applications_never_finished_a_set_time_after_the_close(status: str) -> None:
    """Before: never, so a draft left at the counter kept its ID images for ever."""
    counter = RetentionPolicy(RetentionMode.COUNTER)
    assert copies_due(counter, status, None, DEADLINE) == DEADLINE + timedelta(days=730)
    assert copies_due(RetentionPolicy(RetentionMode.COUNTER, abandoned_days=30), status, None, DEADLINE) == DEADLINE + timedelta(days=30)


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def settled(admin: Context, campaign: str) -> list[int]:
    """Three applicants with both card sides: one activated, one withdrawn, one still a draft."""
    made = []
    for i, (name, target) in enumerate((("张三", "activated"), ("李四", "withdrawn"), ("王五", None))):
        inp = ApplicationInput(
            campaign,
            IntakeFields(department="铸造事业部", name=name, id_number=valid_id(f"1309811978010112{i}"), number_source="pool",
                         msisdn=f"1883275880{i + 1}"),
            plan="group8",
        )
        app_id = enrollment.save_application(admin, inp).id
        for side in ("front", "back"):
            id_copies.attach_id_copy(admin, app_id, side, _jpeg())
        if target == "activated":
            for step in ("collected", "submitted", "sent", "activated"):
                enrollment.move_application(admin, app_id, step)
        elif target == "withdrawn":
            enrollment.move_application(admin, app_id, "withdrawn", "本人不再办理")
        made.append(app_id)
    return made


def _copies(ctx: Context) -> int:
    with ctx.store.read() as session:
        return session.scalar(select(func.count()).select_from(IdCopy)) or 0


def _purges(ctx: Context) -> list[Entry]:
    with ctx.store.read() as session:
        return [e for e in audit.read_chain(session) if e.action == "purge"]


def test_a_dry_run_lists_then_the_purge_deletes_only_images_and_is_recorded(admin, settled, clock) -> None:
    retention.set_policy(admin, "office", 30)
    clock.advance(days=29)
    assert retention.purge_id_copies(admin).due == ()
    clock.advance(days=2)  # 31 days after settling, before the campaign's close + 30
    listed = retention.purge_id_copies(admin, dry_run=True)
    assert [d.application_id for d in listed.due] == settled[:2] and listed.images == 4
    assert listed.due[0].sides == ("back", "front") and listed.due[1].status == "withdrawn"
    assert _copies(admin) == 6 and _purges(admin) == [], "a dry run changes nothing"
    done = retention.purge_id_copies(admin, dry_run=False)
    assert done.images == 4 and _copies(admin) == 2
    with admin.store.read() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 3, "applications and their history stay"
    [entry] = _purges(admin)
    assert (entry.actor, entry.subject) == ("A001", "id_copies") and json.loads(entry.detail)["images"] == 4
    assert json.loads(entry.detail)["applications"] == settled[:2] and "张三" not in str(entry)
    assert id_copies.id_copy(admin, settled[0], "front") is None
    assert retention.purge_id_copies(admin, dry_run=False).due == ()
    clock.advance(days=60)  # past the campaign's close + 30: the draft's copies go too
    assert [d.application_id for d in retention.purge_id_copies(admin).due] == [settled[2]]


def test_only_an_admin_sets_the_policy_or_purges_and_bad_settings_are_refused(admin, settled) -> None:
    assert retention.get_policy(admin) == RetentionPolicy(RetentionMode.OFFICE, 90)
    office = make_staff(admin, "O001", "office", "公司(党委)办公室")
    with pytest.raises(Forbidden):
        retention.purge_id_copies(office)
    with pytest.raises(Forbidden):
        retention.set_policy(office, "office", 10)
    with pytest.raises(Refused) as bad:
        retention.set_policy(admin, "forever", 0)
    assert {r.code for r in bad.value.reasons} == {"retention.mode", "retention.days"}
    assert retention.set_policy(admin, "counter", 90).mode is RetentionMode.COUNTER
    assert retention.get_policy(admin).mode is RetentionMode.COUNTER


def test_counter_mode_purges_the_abandoned_draft_and_keeps_the_activated_line(admin, settled, clock) -> None:
    activated, withdrawn, draft = settled
    retention.set_policy(admin, "counter", 90, abandoned_days=365)
    clock.now = DEADLINE + timedelta(days=364)
    assert [d.application_id for d in retention.purge_id_copies(admin).due] == []
    clock.now = DEADLINE + timedelta(days=366)
    report = retention.purge_id_copies(admin, dry_run=False)
    assert [d.application_id for d in report.due] == [draft]
    assert id_copies.id_copy(admin, draft, "front") is None and id_copies.id_copy(admin, activated, "front") is not None
    assert id_copies.id_copy(admin, withdrawn, "front") is not None  # two years after withdrawing, not yet
    assert json.loads(_purges(admin)[-1].detail)["abandoned_days"] == 365


def test_the_abandoned_span_is_kept_when_only_the_mode_changes_and_refused_out_of_range(admin) -> None:
    assert retention.get_policy(admin).abandoned_days == 730
    retention.set_policy(admin, "counter", 90, 400)
    assert retention.set_policy(admin, "office", 60).abandoned_days == 400
    with pytest.raises(Refused) as refused:
        retention.set_policy(admin, "counter", 90, 0)
    assert [r.code for r in refused.value.reasons] == ["retention.abandoned_days"]
