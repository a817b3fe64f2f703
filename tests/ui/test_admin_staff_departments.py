"""The Admin page's new-staff form offers the chosen campaign's departments, read with the campaign
list (campaigns.campaign_listing): the chosen one's on opening, another's when another is chosen,
a campaign's new department once it is saved, and what was typed stays."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from kaccount_desk.domain.campaign import DepartmentSpec
from kaccount_desk.services import campaigns
from kaccount_desk.services.changes import CAMPAIGNS_CHANGED
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage

pytestmark = pytest.mark.usefixtures("english")


def _offered(page: AdminPage) -> list[str]:
    return [page.new_department.itemText(i) for i in range(page.new_department.count())]


def test_the_staff_form_offers_the_chosen_campaign_s_departments(qtbot: QtBot, admin: Context, campaign: str) -> None:
    spec = campaigns.get_campaign(admin, campaign)
    campaigns.save_campaign(admin, replace(spec, code="SMALL-1", title="小活动", departments=(DepartmentSpec("车间一", "business_unit"),)))
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.set_campaign(campaign)
    qtbot.waitUntil(operations.idle)
    assert _offered(page) == ["", *(d.name for d in spec.departments)]
    page.new_department.setCurrentText("自填部门")
    page.set_campaign("SMALL-1")
    assert _offered(page) == ["", "车间一"] and page.new_department.currentText() == "自填部门"
    small = campaigns.get_campaign(admin, "SMALL-1")
    campaigns.save_campaign(admin, replace(small, departments=(*small.departments, DepartmentSpec("车间二", "business_unit"))))
    page.apply_changes(CAMPAIGNS_CHANGED, None)  # saved elsewhere (another PC, the CLI): the list is read again
    qtbot.waitUntil(operations.idle)
    assert _offered(page) == ["", "车间一", "车间二"] and page.new_department.currentText() == "自填部门"
    page.set_campaign("GONE-1")
    assert _offered(page) == [""]
