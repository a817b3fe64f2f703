"""Printing from a real store: the PDFs are read back the way a clerk or a scanner reads them."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pdf_probe import decode_qr
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import update
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import campaigns, enrollment, id_copies, printing
from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Forbidden, NotFound, Refused
from kaccount_desk.store.crypto import copy_aad
from kaccount_desk.store.models import IdCopy

IDS = [valid_id("13098119780101123"), valid_id("13098119850612224"), valid_id("11010519491231001")]


def _jpeg(shade: int) -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (shade, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def _text(pdf: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)


def _pages(pdf: Path) -> int:
    return len(PdfReader(pdf).pages)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where PDFs go: a folder of their own, since the store's files sit in ``tmp_path``."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def apps(admin: Context, campaign: str) -> list[int]:
    """Three applicants in two departments; the first two have both sides of their card."""
    made = []
    for i, (name, dept, number) in enumerate(
        [("张三", "铸造事业部", "18832758801"), ("李四", "铸造事业部", "18832758802"), ("王五", "财务部", "18832758803")]
    ):
        view = enrollment.save_application(
            admin,
            ApplicationInput(
                campaign, IntakeFields(department=dept, name=name, id_number=IDS[i], number_source="pool", msisdn=number),
                plan="group8" if i else "mzone15",
            ),
        )
        made.append(view.id)
    for app_id in made[:2]:
        id_copies.attach_id_copy(admin, app_id, "front", _jpeg(100 + app_id))
        id_copies.attach_id_copy(admin, app_id, "back", _jpeg(150 + app_id))
    return made


def test_forms_carry_every_applicant_fee_and_full_id_for_the_office(admin, campaign, apps, out) -> None:
    done = printing.print_forms(admin, campaign, out / "forms.pdf", full_ids=True)
    assert done.pages == 3 and _pages(done.out) == 3
    first = " ".join(PdfReader(done.out).pages[0].extract_text().split())
    view = enrollment.get_application(admin, apps[0])
    assert view.monthly_fee == 15
    expected_texts = ("张三", "铸造事业部", IDS[0], "18832758801", "动感地带网聊套餐", "15 元", "男", "1978年1月1日",
                      "关于办理中国移动大客户业务的通知")
    for expected in expected_texts:
        assert expected in first
    assert "8 元" in _text(done.out)
    assert decode_qr(done.out, 2, out) == [f"KAD-APP:{apps[1]}"]


def test_ids_are_masked_for_staff_without_the_right(admin, campaign, apps, out) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    text = _text(printing.print_forms(clerk, campaign, out / "f.pdf").out)
    assert IDS[0] not in text and IDS[0][:4] + "**********" + IDS[0][-4:] in text
    summary = _text(printing.print_roster(clerk, campaign, out / "r.pdf", "铸造事业部").out)
    assert "张三" in summary and "王五" not in summary and IDS[1] not in summary


def test_department_and_chosen_applications_narrow_the_job(admin, campaign, apps, out) -> None:
    only_finance = printing.print_forms(admin, campaign, out / "a.pdf", department="财务部")
    assert only_finance.pages == 1 and "王五" in _text(only_finance.out)
    chosen = printing.print_forms(admin, campaign, out / "b.pdf", application_ids=[apps[2], apps[0]])
    text = _text(chosen.out)
    assert chosen.pages == 2 and "张三" in text and "王五" in text and "李四" not in text
    with pytest.raises(NotFound):
        printing.print_forms(admin, campaign, out / "c.pdf", application_ids=[99999])
    collector = make_staff(admin, "D001", "collector", "财务部")
    with pytest.raises(Forbidden):
        printing.print_forms(collector, campaign, out / "d.pdf", department="铸造事业部")
    assert printing.print_forms(collector, campaign, out / "e.pdf").pages == 1
    files = printing.print_form_files(admin, campaign, out, application_ids=apps[:2])
    assert [p.name for p in files.files] == [f"{apps[0]}-张三.pdf", f"{apps[1]}-李四.pdf"]
    assert not (out / "c.pdf").exists() and not (out / "d.pdf").exists()


def test_id_sheets_are_marked_with_branch_purpose_and_date(admin, campaign, apps, out) -> None:
    done = printing.print_id_sheets(admin, campaign, out / "ids.pdf", department="铸造事业部")
    assert done.pages == 2
    text = _text(done.out)
    assert "机主姓名:张三" in text and "机主姓名:李四" in text
    assert "仅供中国移动泊头公司办理大客户业务使用 2012-02-25" in text


def test_missing_copies_name_the_applicants_and_leave_no_file(admin, campaign, apps, out) -> None:
    with pytest.raises(Refused) as refused:
        printing.print_id_sheets(admin, campaign, out / "ids.pdf")
    assert "王五" in refused.value.text() and "正面和反面" in refused.value.text()
    assert list(out.glob("*.pdf")) == [] and list(out.glob(".*.tmp")) == []


def test_undecodable_image_is_refused_with_no_file(admin, campaign, apps, out) -> None:
    with admin.store.transaction() as session:
        broken = admin.store.keys.encrypt(b"\xff\xd8\xff\xe0 broken", copy_aad(apps[1], "back"))
        session.execute(update(IdCopy).where(IdCopy.application_id == apps[1], IdCopy.side == "back").values(data=broken))
    with pytest.raises(Refused) as refused:
        printing.print_id_sheets(admin, campaign, out / "ids.pdf", application_ids=apps[:2])
    assert refused.value.reasons[0].code == "doc.bad_image" and "李四" in refused.value.text()
    assert list(out.iterdir()) == []


def test_cancel_stops_and_leaves_no_file(admin, campaign, apps, out) -> None:
    seen = []

    def stop(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(printing.Cancelled):
        printing.print_forms(admin, campaign, out / "forms.pdf", progress=stop)
    with pytest.raises(printing.Cancelled):
        printing.print_id_sheets(admin, campaign, out / "ids.pdf", application_ids=apps[:2], progress=stop)
    assert seen == [(1, 3), (1, 2)]
    assert list(out.iterdir()) == []


def test_bad_targets_and_empty_campaigns_are_clear_refusals(admin, campaign, out) -> None:
    with pytest.raises(Refused) as empty:
        printing.print_forms(admin, campaign, out / "forms.pdf")
    assert empty.value.reasons[0].code == "doc.empty"
    with pytest.raises(Refused) as nowhere:
        printing.print_notice(admin, campaign, out / "missing" / "notice.pdf")
    assert nowhere.value.reasons[0].code == "doc.unwritable" and "无法写入文件" in nowhere.value.text()
    with pytest.raises(Refused):
        printing.print_roster(admin, campaign, out / "r.pdf", "宣传部")
    assert list(out.iterdir()) == []


def test_notice_template_is_edited_through_the_campaign(admin, campaign, out) -> None:
    default = printing.notice_template(admin, campaign)
    assert default.is_default and "${deadline}" in default.text
    assert ("deadline", "截止时间") in default.placeholders
    text = _text(printing.print_notice(admin, campaign, out / "n.pdf").out)
    assert text.startswith("关于办理中国移动大客户业务的通知")
    for expected in ("经与中国移动泊头公司协商", "截止时间:2012年2月27日 10:00前", "公司(党委)办公室赵浩然统一办理", "每月8元", "每月15元"):
        assert expected in text
    saved = printing.save_notice_template(admin, campaign, "请于${deadline}前交${contact}。")
    assert not saved.is_default
    assert "请于2012年2月27日 10:00前交赵浩然。" in _text(printing.print_notice(admin, campaign, out / "m.pdf").out)
    assert printing.save_notice_template(admin, campaign, "  ").is_default


def test_summary_goes_to_the_operator_with_submitted_applications(admin, campaign, apps, out) -> None:
    with pytest.raises(Refused):
        printing.print_summary(admin, campaign, out / "s.pdf")
    done = printing.print_summary(admin, campaign, out / "s.pdf", all_live=True)
    text = _text(done.out)
    assert "汇总表" in text and "铸造事业部(2 人)" in text and "财务部(1 人)" in text
    assert IDS[2] not in text and IDS[2][:4] + "**********" + IDS[2][-4:] in text
    assert IDS[2] in _text(printing.print_summary(admin, campaign, out / "u.pdf", all_live=True, full_ids=True).out)
    clerk = make_staff(admin, "C002", "clerk")
    with pytest.raises(Forbidden):
        printing.print_summary(clerk, campaign, out / "t.pdf", all_live=True)


def test_receipt_and_ticket_name_the_owner(admin, out) -> None:
    clerk = make_staff(admin, "C003", "clerk", "客服热线")
    ticket = t.open_ticket(
        clerk,
        t.TicketInput(category="fault", channel="phone", window="hotline", customer_name="李明", customer_number="13800138000",
                      content="家里信号很差", area="town"),
    )
    receipt = _text(printing.print_receipt(clerk, ticket.id, out / "r.pdf").out)
    assert "受理回执" in receipt and "员工C003(工号 C003)" in receipt
    assert "138****8000" in receipt and "13800138000" not in receipt
    t.refer(clerk, ticket.id, "网络部", "请核查基站")
    full = printing.print_ticket(clerk, ticket.id, out / "t.pdf")
    text = _text(full.out)
    assert "首问负责受理单" in text and full.pages == 1
    assert "网络部 请核查基站" in " ".join(text.split())


def test_the_notice_prices_every_option_and_lists_every_add_on(admin, campaign, out, tmp_path: Path) -> None:
    text = _text(printing.print_notice(admin, campaign, out / "n.pdf").out).replace(" ", "")
    assert "保留原资费+大客户包5元:每月在原资费基础上另加5元" in text
    assert "另加大客户包(集团包5元,含集团彩铃,网内300分钟)" in text
    assert "大客户包(集团包5元,含集团彩铃,网内300分钟):每月5元(资费方式一、二、三已含)" in text
    sample = (Path(__file__).resolve().parents[2] / "resources" / "campaigns" / "botou-2012.toml").read_text(encoding="utf-8")
    extra = sample.replace('code = "BT2012-KA"', 'code = "BT2026-KA"') + (
        '\n[[addons]]\ncode = "sms10"\nname = "短信包(200条)"\nmonthly_fee = "10.00"\n')
    (tmp_path / "c.toml").write_text(extra, encoding="utf-8")
    code = campaigns.load_campaign_file(admin, tmp_path / "c.toml").code
    text = _text(printing.print_notice(admin, code, out / "o.pdf").out).replace(" ", "")
    assert "短信包(200条):每月10元(可自愿加办)" in text


def test_the_organisation_heads_the_notice_rosters_and_summary_and_marks_the_id_sheets(admin, campaign, apps, out) -> None:
    """The wizard promised it; pdftotext found it in none of them."""
    from pdf_probe import pdfium_text

    from kaccount_desk.services import organisation

    plain = printing.print_notice(admin, campaign, out / "plain.pdf")
    assert pdfium_text(plain.out)[0].split()[0] == "关于办理中国移动大客户业务的通知"  # no name set: no line for it
    organisation.set_organisation_name(admin, "泊头铸造有限公司")
    printed = {
        "notice": printing.print_notice(admin, campaign, out / "n.pdf"),
        "roster": printing.print_roster(admin, campaign, out / "r.pdf", "铸造事业部"),
        "summary": printing.print_summary(admin, campaign, out / "s.pdf", all_live=True),
    }
    for kind, done in printed.items():
        assert pdfium_text(done.out)[0].split()[0] == "泊头铸造有限公司", kind  # the first line, above the title
    sheets = pdfium_text(printing.print_id_sheets(admin, campaign, out / "ids.pdf", department="铸造事业部").out)
    assert len(sheets) == 2
    for page in sheets:
        assert "用途:泊头铸造有限公司 仅供中国移动泊头公司办理大客户业务使用 2012-02-25" in page
