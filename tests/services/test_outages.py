"""The planned-work register on a real store: registering, approving, the notice and its refusals,
the key-account companies reached, and the line a fault ticket gets during an announced outage."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pdf_probe import all_text
from sqlalchemy import select
from support import CST, SAMPLE_CAMPAIGN, Clock, application_input, make_staff, valid_id

from kaccount_desk.services import campaigns, enrollment, outages, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, NotFound, Refused
from kaccount_desk.store.outage_models import PlannedOutage

COMPANY_CODE = "BT2012-ZZ"


@pytest.fixture
def supervisor(admin: Context) -> Context:
    return make_staff(admin, "S001", "supervisor", "客户服务中心")


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客户服务中心")


@pytest.fixture
def company(admin: Context, campaign: str) -> str:
    """A second campaign organised by a company in 泊头, with one member (a live application)."""
    spec = dataclasses.replace(campaigns.read_campaign_file(SAMPLE_CAMPAIGN), code=COMPANY_CODE, issuer="泊头铸造有限公司")
    campaigns.save_campaign(admin, spec)
    enrollment.save_application(admin, application_input(
        COMPANY_CODE, department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"),
        number_source="pool", msisdn="18832758801", plan="group8",
    ))
    return COMPANY_CODE


def _in(clock: Clock, hours: float) -> datetime:
    return (clock.now + timedelta(hours=hours)).astimezone(CST)


def test_short_work_is_announced_until_exactly_72_hours_before(supervisor: Context, clock: Clock, tmp_path: Path) -> None:
    work = outages.add(supervisor, "基站设备升级", "交河镇", _in(clock, 100), 6, "交河镇全体用户")
    assert (work.key_accounts, work.needs_approval, work.notice) == (False, False, "ready")
    clock.advance(hours=28)  # exactly 72 hours before the start: still in time
    printed = outages.print_notice(supervisor, work.id, tmp_path / "notice.pdf")
    assert printed.pages == 1
    text = all_text(printed.out)
    assert "计划停机通知" in text and "基站设备升级" in text and "交河镇" in text and "6 小时" in text
    shown = outages.list_outages(supervisor)[0]
    assert shown.announced_at == clock.now and shown.notice == "announced"
    clock.advance(hours=10)  # a copy later is the same announcement
    outages.print_notice(supervisor, work.id, tmp_path / "copy.pdf")


def test_a_notice_one_minute_late_is_refused_and_nothing_is_recorded(supervisor: Context, clock: Clock, tmp_path: Path) -> None:
    work = outages.add(supervisor, "光缆割接", "富镇", _in(clock, 100), 4)
    clock.advance(hours=28, minutes=1)
    with pytest.raises(Refused) as refused:
        outages.print_notice(supervisor, work.id, tmp_path / "late.pdf")
    assert refused.value.reasons[0].code == "outage.too_late"
    assert "72" in refused.value.text("zh") and not (tmp_path / "late.pdf").exists()
    assert outages.list_outages(supervisor)[0].announced_at is None


def test_long_work_needs_an_approval_recorded_before_its_notice(supervisor: Context, office: Context, clock: Clock,
                                                                tmp_path: Path) -> None:
    work = outages.add(office, "机房搬迁", "泊头市区", _in(clock, 200), 24)
    assert (work.needs_approval, work.key_accounts, work.notice) == (True, False, "needs_approval")
    with pytest.raises(Refused) as refused:
        outages.print_notice(office, work.id, tmp_path / "n.pdf")
    assert refused.value.reasons[0].code == "outage.unapproved"
    with pytest.raises(Forbidden):
        outages.approve(office, work.id, "市公司网络部")
    approved = outages.approve(supervisor, work.id, "市公司网络部")
    assert approved.approved_by == "市公司网络部" and approved.approved_at == clock.now and approved.notice == "ready"
    with pytest.raises(Refused):
        outages.approve(supervisor, work.id, "市公司网络部")
    printed = outages.print_notice(office, work.id, tmp_path / "n.pdf")
    assert "已报市公司网络部批准" in all_text(printed.out)


def test_key_account_companies_are_found_by_area_or_named(supervisor: Context, company: str, campaign: str,
                                                          clock: Clock) -> None:
    by_area = outages.add(supervisor, "基站割接", "泊头", _in(clock, 100), 2)
    assert by_area.key_accounts and by_area.needs_approval
    assert [(c.code, c.company, c.members, c.named) for c in by_area.companies] == [(company, "泊头铸造有限公司", 1, False)]
    named = outages.add(supervisor, "线路检修", "富镇", _in(clock, 100), 2, campaigns=[campaign])
    assert [(c.code, c.named) for c in named.companies] == [(campaign, True)] and named.key_accounts
    elsewhere = outages.add(supervisor, "线路检修", "富镇", _in(clock, 100), 2)
    assert not elsewhere.key_accounts and elsewhere.companies == ()
    with pytest.raises(NotFound):
        outages.add(supervisor, "线路检修", "富镇", _in(clock, 100), 2, campaigns=["NO-SUCH"])


def test_wrong_input_and_wrong_people_are_refused_and_write_nothing(supervisor: Context, clerk: Context, clock: Clock) -> None:
    with pytest.raises(Refused) as refused:
        outages.add(supervisor, " ", "", _in(clock, -1), 0)
    assert {r.code for r in refused.value.reasons} == {"outage.what_empty", "outage.area_empty", "outage.hours", "outage.started"}
    with pytest.raises(Forbidden):
        outages.add(clerk, "升级", "富镇", _in(clock, 100), 2)
    with supervisor.store.read() as session:
        assert session.scalars(select(PlannedOutage)).all() == []
    assert outages.list_outages(clerk) == []


def test_a_fault_received_during_an_announced_outage_in_its_area_says_so(supervisor: Context, clerk: Context,
                                                                        clock: Clock, tmp_path: Path) -> None:
    work = outages.add(supervisor, "基站设备升级", "交河镇", _in(clock, 73), 6)
    outages.print_notice(supervisor, work.id, tmp_path / "n.pdf")
    clock.advance(hours=74)
    fault = tickets.open_ticket(clerk, tickets.TicketInput(
        category="fault", channel="phone", window="hotline", customer_name="张先生", customer_number="13803170001",
        area="rural", content="交河镇家里没有信号"))
    note = outages.ticket_outage(clerk, fault.category, fault.area, fault.content, fault.received_at)
    assert note is not None and (note.id, note.area) == (work.id, "交河镇")
    assert outages.ticket_outage(clerk, fault.category, fault.area, "富镇没有信号", fault.received_at) is None
    assert outages.ticket_outage(clerk, "complaint", fault.area, fault.content, fault.received_at) is None
    assert outages.ticket_outage(clerk, fault.category, fault.area, fault.content, fault.received_at + timedelta(hours=6)) is None
