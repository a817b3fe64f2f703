"""Companies (集团客户) and the customer card: one search finds a number from any desk's records."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from support import Clock, make_staff, valid_id
from test_billing import extract, months

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import billing, companies, customers, enrollment, id_copies, intake_preview, managers, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Forbidden, NotFound, Refused
from kaccount_desk.services.tickets import TicketInput

NUMBER = "18832758801"
ID_NUMBER = valid_id("13098119780101123")


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(out, format="JPEG")
    return out.getvalue()


def enrolled(admin: Context, campaign: str, msisdn: str = NUMBER, name: str = "张三", id_number: str = ID_NUMBER) -> int:
    """An applicant taken through to activated: a member of the campaign's company from then on."""
    inp = ApplicationInput(campaign, IntakeFields(department="铸造事业部", name=name, id_number=id_number,
                                                  number_source="pool", msisdn=msisdn), plan="group8")
    app_id = enrollment.save_application(admin, inp).id
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, _jpeg())
    for step in ("collected", "submitted", "sent", "activated"):
        enrollment.move_application(admin, app_id, step)
    return app_id


def ticket(admin: Context, content: str, number: str = NUMBER) -> int:
    return tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "张三", number, content)).id


def test_a_company_with_its_campaign_counts_the_activated_members(admin: Context, campaign: str) -> None:
    enrolled(admin, campaign)
    company = companies.add_company(admin, "泊头铸造有限公司", "B", industry="制造业", contacts="办公室 李娜",
                                    manager="A001", campaigns=[campaign], reason="新建档案")
    assert (company.members, company.member_numbers, company.campaigns) == (1, [NUMBER], [campaign])
    assert (company.manager, company.suggested_class, company.class_name) == ("A001", "C", "B类(中型企业、事业单位)")
    assert [(h.from_class, h.to_class) for h in company.history] == [(None, "B")]


def test_a_class_change_is_in_the_history_and_a_second_company_of_the_same_name_refused(admin: Context) -> None:
    companies.add_company(admin, "沧州市政府", "B")
    changed = companies.set_class(admin, "沧州市政府", "A", reason="党政机构")
    assert changed.company_class == "A"
    assert [(h.from_class, h.to_class, h.reason, h.staff_no) for h in changed.history] == [
        (None, "B", "", "A001"), ("B", "A", "党政机构", "A001")]
    assert companies.set_class(admin, str(changed.id), "A").history == changed.history  # the same class: no line
    with pytest.raises(Refused) as refused:
        companies.add_company(admin, "沧州市政府", "C")
    assert refused.value.reasons[0].code == "company.exists"
    with pytest.raises(Refused):
        companies.set_class(admin, "沧州市政府", "D")
    with pytest.raises(NotFound):
        companies.show_company(admin, "没有这家")


def test_class_rules_are_data_a_supervisor_edits_in_order(admin: Context) -> None:
    rules = companies.set_class_rule(admin, "B", 20, "1000")
    assert [(r.company_class, r.min_members, r.min_monthly_yuan) for r in rules] == [
        ("A", 200, "20000.00"), ("B", 20, "1000.00"), ("C", 0, "0.00")]
    with pytest.raises(Refused) as refused:
        companies.set_class_rule(admin, "A", 10, "0")
    assert refused.value.reasons[0].code == "class_rule.order"


def test_a_clerk_sees_cards_but_keeps_no_archive(admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    assert customers.search(clerk, "13800000000") == []
    with pytest.raises(Forbidden):
        companies.add_company(clerk, "某公司")


def test_the_card_puts_tier_company_manager_applications_and_open_tickets_first(admin: Context, campaign: str,
                                                                                tmp_path: Path, clock: Clock) -> None:
    enrolled(admin, campaign)
    companies.add_company(admin, "泊头铸造有限公司", "A", manager="A001", campaigns=[campaign])
    opened = ticket(admin, "家里信号很差")
    clock.advance(hours=1)
    closed = ticket(admin, "上月话费查询")  # newer, and closed: still after the open one
    tickets.reply(admin, closed, "已告知话费明细")
    tickets.callback(admin, closed, "satisfied")
    tickets.close(admin, closed)
    for month in months(2026, 1, 12):
        billing.import_billing(admin, extract(tmp_path, month, {NUMBER: "520"}), month)
    card = customers.card(admin, "+86 188-3275-8801")
    assert card is not None
    assert (card.name, card.tier and card.tier.tier_name, card.company and card.company.name) == ("张三", "金卡", "泊头铸造有限公司")
    assert card.company is not None and (card.company.company_class, card.company.manager) == ("A", "A001")
    assert card.applications[0].id_number != ID_NUMBER and card.applications[0].id_number.endswith(ID_NUMBER[-4:])
    assert [(t.id, t.open) for t in card.tickets] == [(opened, True), (closed, False)]
    assert [m.month for m in card.history] == months(2026, 1, 12)
    assert card.history[0].tier is None and card.history[2].tier == "gold"  # judged from the third month on
    line = customers.customer_line(admin, NUMBER)
    assert line is not None and line.text.startswith("张三 · 金卡 · 泊头铸造有限公司(A) · 客户经理 A001")
    assert customers.customer_line(admin, "13900000000") is None


def test_one_search_finds_by_number_name_company_and_id_tail(admin: Context, campaign: str) -> None:
    enrolled(admin, campaign)
    enrolled(admin, campaign, "18832758802", "李四", valid_id("13098119800101124"))
    companies.add_company(admin, "泊头铸造有限公司", "C", campaigns=[campaign])
    ticket(admin, "咨询", number="13803170009")
    assert [h.number for h in customers.search(admin, "8801")] == [NUMBER]
    assert [h.number for h in customers.search(admin, "李四")] == ["18832758802"]
    assert sorted(h.number for h in customers.search(admin, "铸造")) == [NUMBER, "18832758802"]
    assert [h.number for h in customers.search(admin, ID_NUMBER[-4:])] == [NUMBER]
    assert [h.number for h in customers.search(admin, "13803170009")] == ["13803170009"]
    assert customers.search(admin, "%") == []


def test_the_card_names_the_numbers_own_manager_before_the_companys(admin: Context, campaign: str) -> None:
    enrolled(admin, campaign)
    companies.add_company(admin, "泊头铸造有限公司", "A", manager="A001", campaigns=[campaign])
    make_staff(admin, "M001", "account_manager")
    assert customers.card(admin, NUMBER).manager is None  # type: ignore[union-attr]
    managers.assign_number(admin, NUMBER, "M001")
    card = customers.card(admin, NUMBER)
    assert card is not None and card.manager is not None
    assert (card.manager.staff_no, card.manager.name, card.company and card.company.manager) == ("M001", "员工M001", "A001")
    line = customers.customer_line(admin, NUMBER)
    assert line is not None and line.manager == "M001" and "客户经理 M001" in line.text and "A001" not in line.text
    managers.assign_number(admin, "13803170001", "M001")  # a key account known only by its manager still has a card
    alone = customers.card(admin, "13803170001")
    assert alone is not None and alone.manager is not None and alone.company is None


def test_the_intake_preview_carries_the_line_of_the_kept_number_or_the_same_id(admin: Context, campaign: str) -> None:
    own = enrollment.save_application(admin, ApplicationInput(campaign, IntakeFields(
        department="铸造事业部", name="王五", id_number=ID_NUMBER, number_source="existing", msisdn="13803170002"), plan="group8"))
    typed = ApplicationInput(campaign, IntakeFields(department="铸造事业部", name="王五", id_number=ID_NUMBER,
                                                    number_source="existing", msisdn="13803170002"), plan="group8")
    assert intake_preview.preview_intake(admin, typed, own.id).card is None  # only the application typed over knows it
    ticket(admin, "咨询", number="13803170002")
    found = intake_preview.preview_intake(admin, typed, own.id).card
    assert found is not None and (found.by, found.line.text) == ("number", "王五 · 1 张未办结工单")
    again = replace(typed, fields=replace(typed.fields, msisdn="", number_source="pool"))
    by_id = intake_preview.preview_intake(admin, again).card  # a new application of the same person
    assert by_id is not None and (by_id.by, by_id.line.number) == ("id", "13803170002")
