"""Rules every service and face asks rather than re-derives: editable statuses, a plan's monthly
fee with its add-ons, and acting on one's own department only."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from kaccount_desk.domain.roles import Permission, Role, allows, check_department, fixed_department
from kaccount_desk.domain.tariff import monthly_fee, plan_addons
from kaccount_desk.domain.workflow import EDITABLE, Status, allowed_moves, check_editable, is_editable


@pytest.mark.parametrize("status", list(Status))
def test_only_draft_and_collected_can_change(status: Status) -> None:
    editable = status in (Status.DRAFT, Status.COLLECTED)
    assert is_editable(status) is editable
    assert is_editable(status.value) is editable
    assert (check_editable(status) == ()) is editable
    if not editable:
        reason = check_editable(status)[0]
        assert reason.code == "application.locked" and reason.zh and reason.en


def test_editable_set_is_exactly_two() -> None:
    assert {Status.DRAFT, Status.COLLECTED} == EDITABLE


FEES = {"key5": Decimal("5"), "data10": Decimal("10"), "sms3": Decimal("3.50")}


def test_fee_of_plan_with_included_and_chosen_addons() -> None:
    assert monthly_fee(Decimal("18"), ("key5",), ("data10",), FEES) == Decimal("33")
    assert monthly_fee(Decimal("0"), ("key5",), (), FEES) == Decimal("5")


def test_an_included_addon_chosen_again_is_charged_once() -> None:
    assert monthly_fee(Decimal("18"), ("key5",), ("key5", "sms3", "sms3"), FEES) == Decimal("26.50")
    assert plan_addons(("key5",), ("key5", "sms3", "sms3")) == ("key5", "sms3")


def test_no_plan_costs_nothing_and_unknown_addons_cost_nothing() -> None:
    assert monthly_fee(None, (), (), FEES) == Decimal("0")
    assert monthly_fee(Decimal("10"), ("gone",), ("also-gone",), FEES) == Decimal("10")


def test_staff_with_all_departments_may_act_anywhere() -> None:
    assert fixed_department(Role.OFFICE, "公司(党委)办公室") is None
    assert check_department(Role.OFFICE, "公司(党委)办公室", "铸造事业部") == ()


def test_a_collector_acts_on_their_own_department_only() -> None:
    assert fixed_department(Role.COLLECTOR, "铸造事业部") == "铸造事业部"
    assert check_department(Role.COLLECTOR, "铸造事业部", " 铸造事业部 ") == ()
    refused = check_department(Role.COLLECTOR, "铸造事业部", "机加事业部")
    assert refused[0].code == "forbidden.department" and "铸造事业部" in refused[0].zh


def test_a_collector_without_a_department_acts_on_none() -> None:
    assert fixed_department(Role.COLLECTOR, None) == ""
    assert "未设部门" in check_department(Role.COLLECTOR, None, "铸造事业部")[0].zh
    assert check_department("no-such-role", "铸造事业部", "机加事业部")[0].code == "forbidden.department"


def test_moves_offered_are_those_the_role_may_make_from_the_status() -> None:
    def may(role: Role) -> Callable[[Permission], bool]:
        return lambda permission: allows(role, permission)

    assert allowed_moves(Status.DRAFT, may(Role.COLLECTOR)) == {Status.COLLECTED, Status.WITHDRAWN}
    assert allowed_moves(Status.DRAFT, may(Role.OFFICE)) == {Status.COLLECTED, Status.SUBMITTED, Status.WITHDRAWN}
    assert allowed_moves(Status.SENT, may(Role.CLERK)) == {Status.ACTIVATED, Status.REJECTED}
    assert allowed_moves(Status.ACTIVATED, may(Role.ADMIN)) == frozenset()
