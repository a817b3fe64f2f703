"""Campaigns from TOML, the sample that reproduces the seed notice, and staff with argon2."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, select
from support import PASSWORD, make_staff, valid_id

from kaccount_desk.domain.campaign import DepartmentSpec
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.tariff import RatedItem, UsageProfile
from kaccount_desk.services import campaigns, enrollment, estimate, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.models import Staff


def test_sample_campaign_reproduces_the_seed_notice(admin: Context, campaign: str) -> None:
    spec = campaigns.get_campaign(admin, campaign)
    assert spec.issuer == "公司(党委)办公室"
    assert spec.carrier_branch == "中国移动泊头公司"
    assert spec.contact == "赵浩然"
    assert spec.deadline == datetime(2012, 2, 27, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    assert spec.deadline.utcoffset() == timedelta(hours=8)
    assert spec.pool_prefixes == ("188327588", "188327599", "188327688", "188327699")
    assert len(spec.pool()) == 400
    assert "亲情一家" in spec.excluded_packages
    assert [p.item.code for p in spec.plans] == ["group8", "mzone15", "keep5"]
    assert [(a.code, a.monthly_fee, a.free_in_group_minutes) for a in spec.addons] == [("ka5", Decimal("5.00"), 300)]


def test_the_staff_forms_department_names_come_with_the_campaign_list_in_the_campaigns_order(admin: Context, campaign: str) -> None:
    """What the Admin page's new-staff form offers: each campaign's names, read with the list in one
    statement; a campaign with none has none, and the list is what list_campaigns gives."""
    spec = campaigns.get_campaign(admin, campaign)
    campaigns.save_campaign(admin, replace(spec, code="EMPTY-1", title="没有部门", departments=()))
    sent: list[str] = []
    listen = lambda *args: sent.append(args[2])  # noqa: E731
    event.listen(admin.store.engine, "before_cursor_execute", listen)
    listing = campaigns.campaign_listing(admin)
    event.remove(admin.store.engine, "before_cursor_execute", listen)
    assert [s for s in sent if s != "BEGIN"] == sent[-1:]  # one statement (SQLite's own BEGIN aside)
    assert listing.departments == {campaign: tuple(d.name for d in spec.departments), "EMPTY-1": ()}
    assert len(listing.departments[campaign]) == 9
    assert listing.summaries == campaigns.list_campaigns(admin)
    assert {s.code: s.departments for s in listing.summaries} == {campaign: 9, "EMPTY-1": 0}
    assert {s.code: s.pool_size for s in listing.summaries} == {campaign: 400, "EMPTY-1": 400}


def test_estimate_marks_the_cheapest_for_a_usage_profile(admin: Context, campaign: str) -> None:
    results = estimate.estimate_options(admin, campaign, UsageProfile(400, 100, 60, 0))
    costs = {e.option.code: e.monthly_cost for e in results}
    assert costs == {"group8": Decimal("30.00"), "mzone15": Decimal("31.00")}
    assert [e.option.code for e in results if e.cheapest] == ["group8"]
    with_current = estimate.estimate_options(admin, campaign, UsageProfile(0, 0, 0, 0), Decimal("18"))
    assert {e.option.code: e.monthly_cost for e in with_current}["keep5"] == Decimal("23.00")


def test_reloading_a_campaign_updates_it_in_place(admin: Context, campaign: str) -> None:
    spec = campaigns.get_campaign(admin, campaign)
    changed = replace(spec, contact="李明", departments=(*spec.departments, DepartmentSpec("新成立事业部", "business-unit")))
    campaigns.save_campaign(admin, changed)
    again = campaigns.get_campaign(admin, campaign)
    assert again.contact == "李明" and again.departments[-1].name == "新成立事业部"
    assert len(campaigns.list_campaigns(admin)) == 1


def test_a_bad_campaign_file_is_refused_with_every_reason(admin: Context, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('code = "X"\ntitle = "t"\ndeadline = 2012-02-27T10:00:00\npool_prefixes = ["12345"]\n', encoding="utf-8")
    with pytest.raises(Refused) as refused:
        campaigns.load_campaign_file(admin, bad)
    codes = [r.code for r in refused.value.reasons]
    assert "campaign.deadline" in codes and "campaign.missing_key" in codes
    assert campaigns.list_campaigns(admin) == []
    broken = tmp_path / "broken.toml"
    broken.write_text("code = ", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        campaigns.load_campaign_file(admin, broken)
    assert refused.value.reasons[0].code == "campaign.toml"


def test_only_campaign_managers_load_campaigns(admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    with pytest.raises(Forbidden) as refused:
        campaigns.load_campaign_file(clerk, Path(__file__).resolve().parents[2] / "resources" / "campaigns" / "botou-2012.toml")
    assert "C001" in refused.value.text("zh")


def test_passwords_are_argon2_and_logins_say_the_same_for_unknown_and_wrong(store: Store, admin: Context) -> None:
    with store.read() as s:
        assert s.scalar(select(Staff.password_hash)).startswith("$argon2")
    assert staff.authenticate(store, "A001", PASSWORD).role == "admin"
    with pytest.raises(Refused) as wrong:
        staff.authenticate(store, "A001", "nope")
    with pytest.raises(Refused) as unknown:
        staff.authenticate(store, "ZZZ", PASSWORD)
    assert wrong.value.texts() == unknown.value.texts()
    with pytest.raises(Refused):
        staff.create_first_admin(store, "A002", "x", PASSWORD)


def test_only_admins_manage_staff(admin: Context) -> None:
    office = make_staff(admin, "O002", "office")
    with pytest.raises(Forbidden):
        staff.create_staff(office, "X1", "x", "clerk", PASSWORD)
    with pytest.raises(Refused):
        staff.create_staff(admin, "O002", "dup", "clerk", PASSWORD)
    with pytest.raises(Refused) as refused:
        staff.create_staff(admin, "X2", "x", "king", "123")
    assert {r.code for r in refused.value.reasons} == {"staff.role", "staff.password"}


def test_staff_who_leave_cannot_log_in_and_can_be_reinstated(admin: Context) -> None:
    make_staff(admin, "C009", "clerk")
    office = make_staff(admin, "O009", "office")
    with pytest.raises(Forbidden):
        staff.set_active(office, "C009", False)
    assert not staff.set_active(admin, "C009", False).active
    with pytest.raises(Refused):
        staff.authenticate(admin.store, "C009", PASSWORD)
    assert {s.staff_no: s.active for s in staff.list_staff(admin)}["C009"] is False
    with pytest.raises(Refused) as myself:
        staff.set_active(admin, "A001", False)
    assert myself.value.reasons[0].code == "staff.self_leave"
    assert staff.set_active(admin, "C009", True).active
    assert staff.authenticate(admin.store, "C009", PASSWORD).staff_no == "C009"


def test_a_plan_or_add_on_in_use_cannot_be_removed(admin: Context, campaign: str) -> None:
    spec = campaigns.get_campaign(admin, campaign)
    data10 = RatedItem(code="data10", name="流量包10元", monthly_fee=Decimal("10.00"), free_data_mb=100)
    campaigns.save_campaign(admin, replace(spec, addons=(*spec.addons, data10)))
    enrollment.save_application(admin, enrollment.ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool",
                     msisdn="18832758801"),
        plan="group8", addons=("data10",),
    ))
    for changed in (replace(spec, plans=spec.plans[1:]), spec):
        with pytest.raises(Refused) as refused:
            campaigns.save_campaign(admin, changed)
        assert refused.value.reasons[0].code == "campaign.plan_used"
    assert [a.code for a in campaigns.get_campaign(admin, campaign).addons] == ["ka5", "data10"]
