"""Data-only segments (146, 148, 149) cannot join a calling group; a ticket about such a card is taken."""

from __future__ import annotations

import pytest
from support import make_staff, valid_id

from kaccount_desk.cli.main import run
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused


def test_an_application_keeping_a_data_only_number_is_refused_with_the_reason(admin: Context, campaign: str) -> None:
    """Kept as a draft with the reason listed (issue 14 item 3), and refused when it is to move on."""
    inp = ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="existing",
                     msisdn="14912345678"),
        plan="group8",
    )
    draft = enrollment.save_application(admin, inp)
    assert "mobile.data_only" in [r.code for r in draft.problems]
    with pytest.raises(Refused) as refused:
        enrollment.move_application(admin, draft.id, "collected")
    assert "mobile.data_only" in [r.code for r in refused.value.reasons]


def test_a_ticket_about_a_data_card_is_opened(admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    view = t.open_ticket(clerk, t.TicketInput("fault", "phone", "hotline", "李明", "14912345678", "上网卡没有信号", area="town"))
    assert view.customer_number == "14912345678"


def test_check_number_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--lang", "en", "check-number", "14812345678", "14712345678"]) == 1
    out = capsys.readouterr().out
    assert "Segment 148 is for data cards" in out and "14712345678 China Mobile" in out
