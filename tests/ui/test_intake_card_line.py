"""The intake form shows the customer card's line under the number (issue 24 item 3): for the number the
applicant keeps, or for the number another application of the same ID number holds; read in the form's preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import make_staff, valid_id
from test_intake_preview_form import make_form, settle
from typing_input import type_text

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import companies, company_members, enrollment, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.ui.enrollment.intake_form import IntakeForm

LISTED = "13803170001"
HELD = "13803170002"
NEW_ID = valid_id("13098119850612224")
KNOWN_ID = valid_id("13098119700303123")


@pytest.fixture
def known(admin: Context, campaign: str, tmp_path: Path) -> None:
    """13803170001: a member of 泊头铸造 by the operator's list, with an open ticket; 13803170002: 王五's application."""
    companies.add_company(admin, "泊头铸造有限公司", "B", manager="A001")
    listed = tmp_path / "members.csv"
    listed.write_text(f"成员号码\n{LISTED}\n", encoding="utf-8")
    company_members.import_members(admin, "泊头铸造有限公司", listed)
    tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "李四", LISTED, "咨询集团网资费"))
    enrollment.save_application(admin, ApplicationInput(campaign, IntakeFields(
        department="铸造事业部", name="王五", id_number=KNOWN_ID, number_source="existing", msisdn=HELD), plan="group8"))


def _typed(qtbot, form: IntakeForm, id_number: str, number: str = "") -> None:
    form.dept_combo.setEditText("铸造事业部")
    type_text(qtbot, form.name_edit, "李四")
    type_text(qtbot, form.id_edit, id_number)
    if number:
        type_text(qtbot, form.number_edit, number)
    settle(qtbot)


@pytest.mark.usefixtures("known")
def test_the_kept_number_of_a_listed_member_shows_the_cards_line(qtbot, admin: Context, campaign: str) -> None:
    form = make_form(qtbot, admin, campaign)
    _typed(qtbot, form, NEW_ID, LISTED)
    assert form.card_line.isVisible() and form.card_line.state == "calm"
    assert form.card_line.full_text() == "Customer card: 李四 · 泊头铸造有限公司(B) · 客户经理 A001 · 1 张未办结工单"
    form.number_edit.clear()
    type_text(qtbot, form.number_edit, "13900000000")  # a number no record knows: the line goes
    settle(qtbot)
    assert not form.card_line.isVisible()


@pytest.mark.usefixtures("known")
def test_an_id_number_another_application_holds_shows_that_numbers_line(qtbot, admin: Context, campaign: str) -> None:
    form = make_form(qtbot, admin, campaign)
    _typed(qtbot, form, KNOWN_ID)
    assert form.card_line.isVisible()
    assert form.card_line.full_text() == f"Same ID number as {HELD}: 王五"


@pytest.mark.usefixtures("known")
def test_a_collector_who_may_not_see_cards_gets_no_line(qtbot, admin: Context, campaign: str) -> None:
    collector = make_staff(admin, "D001", "collector", "铸造事业部")
    form = make_form(qtbot, collector, campaign)
    _typed(qtbot, form, KNOWN_ID, LISTED)
    assert form.preview is not None and form.preview.card is None and not form.card_line.isVisible()
    # No room is kept for a line that never comes: the next field sits as close as before issue 24 (seen at a seat).
    office_form = make_form(qtbot, admin, campaign)

    def gap(f: IntakeForm) -> int:
        return f.packages_edit.mapTo(f, f.packages_edit.rect().topLeft()).y() - f.number_edit.mapTo(f, f.number_edit.rect().topLeft()).y()

    assert gap(form) + form.card_line.height() <= gap(office_form)
