"""The service standard's settings: limits per category and the departments tickets go to."""

from __future__ import annotations

from datetime import timedelta

import pytest
from support import make_staff

from kaccount_desk.services import ticket_settings as settings
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused


@pytest.fixture
def clerk(admin: Context) -> Context:
    return make_staff(admin, "C001", "clerk", "客服热线")


@pytest.fixture
def boss(admin: Context) -> Context:
    return make_staff(admin, "S001", "supervisor")


def fault(area: str) -> t.TicketInput:
    return t.TicketInput("fault", "phone", "hotline", "李明", "13800138000", "信号差", area)


def test_the_defaults_are_the_documented_ones(clerk: Context) -> None:
    assert [(v.category, v.area, v.hours) for v in settings.limits(clerk)] == [
        ("consultation", None, 24), ("lookup", None, 24), ("complaint", None, 48),
        ("fault", "town", 48), ("fault", "rural", 72), ("business", None, 72),
    ]


def test_a_new_limit_applies_to_tickets_received_afterwards(clerk: Context, boss: Context) -> None:
    before = t.open_ticket(clerk, fault("rural"))
    with pytest.raises(Forbidden):
        settings.set_limit(clerk, "fault", 60, "rural")
    assert settings.set_limit(boss, "故障申告", 60, "农村").hours == 60
    after = t.open_ticket(clerk, fault("rural"))
    assert after.due_at - after.received_at == timedelta(hours=60)
    assert t.show(clerk, before.id).due_at - before.received_at == timedelta(hours=72)
    assert t.open_ticket(clerk, fault("town")).due_at - after.received_at == timedelta(hours=48)


@pytest.mark.parametrize(("category", "hours", "area", "code"), [
    ("complaint", 15 * 24, None, "limit.appeal_bound"),
    ("lookup", 0, None, "limit.positive"),
    ("fault", 24, None, "limit.area"),
    ("lookup", 24, "town", "limit.no_area"),
    ("refusal", 24, None, "ticket.category"),
])
def test_a_wrong_limit_is_refused_and_changes_nothing(boss: Context, category: str, hours: int, area: str | None, code: str) -> None:
    before = settings.limits(boss)
    with pytest.raises(Refused) as refused:
        settings.set_limit(boss, category, hours, area)
    assert refused.value.reasons[0].code == code
    assert settings.limits(boss) == before


def test_a_retired_department_takes_no_referrals_but_still_answers(clerk: Context, boss: Context) -> None:
    opened = t.open_ticket(clerk, fault("town"))
    t.refer(clerk, opened.id, "网络部", "请核查基站")
    with pytest.raises(Forbidden):
        settings.retire_department(clerk, "网络部")
    settings.retire_department(boss, "网络部")
    assert "网络部" not in t.departments(clerk)
    with pytest.raises(Refused):
        t.refer(clerk, opened.id, "网络部", "再次核查")
    assert t.answer(clerk, opened.id, "网络部", "已修复").status == "answered"
    settings.add_department(boss, "客户服务中心")
    settings.add_department(boss, " 网络部 ")
    assert t.departments(clerk) == ["市场部", "网络部", "结算中心", "计划建设部", "客户服务中心"]
    with pytest.raises(Refused) as twice:
        settings.add_department(boss, "市场部")
    assert twice.value.reasons[0].code == "department.exists"
    with pytest.raises(Refused):
        settings.add_department(boss, "  ")


def test_the_last_department_cannot_be_retired(boss: Context) -> None:
    names = [d.name for d in settings.all_departments(boss)]
    for name in names[:-1]:
        settings.retire_department(boss, name)
    with pytest.raises(Refused) as refused:
        settings.retire_department(boss, names[-1])
    assert refused.value.reasons[0].code == "department.last"
