"""A company's member list from the operator: imported once, counted once beside the applications, found from the card."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from support import make_staff
from test_customers import NUMBER, enrolled

from kaccount_desk.domain.member_lists import MemberOutcome
from kaccount_desk.services import companies, company_members, customers
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.store.archive_models import CompanyMember
from kaccount_desk.store.audit_models import AuditEntry

LISTED = "13803170001"


def member_list(folder: Path, *numbers: str, header: str = "序号,姓名,部门,成员号码", name: str = "members.csv") -> Path:
    """A list as the operator's system writes it: GBK, a title line above the header, names and departments beside."""
    path = folder / name
    lines = ["泊头铸造有限公司集团成员清单", header] + [f"{n},某某,铸造事业部,{number}" for n, number in enumerate(numbers, 1)]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    return path


def _stored(admin: Context) -> list[tuple[int, str]]:
    with admin.store.read() as session:
        return [tuple(r) for r in session.execute(select(CompanyMember.company_id, CompanyMember.number).order_by(CompanyMember.number))]


def _audited(admin: Context) -> list[str]:
    with admin.store.read() as session:
        return list(session.scalars(select(AuditEntry.detail).where(AuditEntry.detail.contains("member_list_import"))))


def test_a_list_adds_its_numbers_once_and_the_same_list_again_changes_nothing(admin: Context, campaign: str,
                                                                             tmp_path: Path) -> None:
    enrolled(admin, campaign)  # 18832758801, activated: a member through its application already
    company = companies.add_company(admin, "泊头铸造有限公司", "B", manager="A001", campaigns=[campaign])
    path = member_list(tmp_path, NUMBER, "+86 138-0317-0001", "0317-8123456", LISTED, "1380317")
    dry = company_members.import_members(admin, "泊头铸造有限公司", path, dry_run=True)
    assert dry.totals == {"new": 2, "unchanged": 0, "refused": 3} and _stored(admin) == [] and _audited(admin) == []
    done = company_members.import_members(admin, str(company.id), path)
    assert [(line.row, line.number, line.outcome) for line in done.lines] == [
        (3, NUMBER, MemberOutcome.NEW), (4, LISTED, MemberOutcome.NEW), (5, "0317-8123456", MemberOutcome.REFUSED),
        (6, LISTED, MemberOutcome.REFUSED), (7, "1380317", MemberOutcome.REFUSED)]
    assert [r.code for line in done.lines for r in line.reasons] == ["mobile.landline", "members.repeated", "mobile.length"]
    assert done.lines[3].text("en") == "The same number as row 4"
    assert done.members == 2  # 18832758801 is an application and a listed member: counted once
    shown = companies.show_company(admin, "泊头铸造有限公司")
    assert (shown.members, shown.member_numbers) == (2, [LISTED, NUMBER])
    assert [c.members for c in companies.list_companies(admin)] == [2]
    assert len(_audited(admin)) == 1 and '"file":"members.csv"' in _audited(admin)[0]
    again = company_members.import_members(admin, "泊头铸造有限公司", path)
    assert again.totals == {"new": 0, "unchanged": 2, "refused": 3} and again.members == 2
    assert len(_stored(admin)) == 2 and len(_audited(admin)) == 1
    card = customers.card(admin, LISTED)  # known only from the operator's list
    assert card is not None and card.company is not None and (card.company.name, card.company.manager) == ("泊头铸造有限公司", "A001")
    assert sorted(h.number for h in customers.search(admin, "铸造")) == [LISTED, NUMBER]


def test_an_xlsx_under_the_operators_headers_and_a_newer_list_without_a_member(admin: Context, tmp_path: Path) -> None:
    companies.add_company(admin, "沧州市政府", "A")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["姓名", "部门", "服务号码"])
    sheet.append(["张三", "办公室", 13803170001])  # a number cell, as Excel keeps digits
    sheet.append(["李四", "办公室", "13803170002"])
    first = tmp_path / "成员清单.xlsx"
    book.save(first)
    assert company_members.import_members(admin, "沧州市政府", first).totals["new"] == 2
    newer = member_list(tmp_path, "13803170002", "13803170003", header="序号,姓名,部门,手机号码", name="newer.csv")
    report = company_members.import_members(admin, "沧州市政府", newer)
    assert (report.totals["new"], report.totals["unchanged"], report.absent, report.members) == (1, 1, 1, 3)


def test_a_number_of_another_companys_list_is_refused_and_a_file_without_numbers_said_in_words(
        admin: Context, tmp_path: Path) -> None:
    companies.add_company(admin, "泊头铸造有限公司", "B")
    companies.add_company(admin, "沧州市政府", "A")
    company_members.import_members(admin, "泊头铸造有限公司", member_list(tmp_path, LISTED))
    other = company_members.import_members(admin, "沧州市政府", member_list(tmp_path, LISTED, name="other.csv"))
    assert other.lines[0].outcome is MemberOutcome.REFUSED and other.lines[0].reasons[0].code == "members.other_company"
    assert "泊头铸造有限公司" in other.lines[0].text("zh") and other.members == 0
    headless = tmp_path / "no-header.csv"
    headless.write_text("姓名,部门\n张三,办公室\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        company_members.import_members(admin, "沧州市政府", headless)
    assert refused.value.reasons[0].code == "members.no_header" and "成员号码" in refused.value.reasons[0].zh


def test_a_clerk_may_not_import_a_member_list(admin: Context, tmp_path: Path) -> None:
    companies.add_company(admin, "泊头铸造有限公司", "B")
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    with pytest.raises(Forbidden):
        company_members.import_members(clerk, "泊头铸造有限公司", member_list(tmp_path, LISTED))
    assert _stored(admin) == []


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_words_and_adds_nothing(admin: Context, tmp_path: Path) -> None:
    companies.add_company(admin, "泊头铸造有限公司", "B")
    fake = tmp_path / "成员清单.xlsx"
    fake.write_bytes(b"not a workbook at all" * 10)
    with pytest.raises(Refused) as refused:
        company_members.import_members(admin, "泊头铸造有限公司", fake)
    assert "成员清单.xlsx" in refused.value.reasons[0].zh and _stored(admin) == []
