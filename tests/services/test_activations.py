"""The operator's list of activated numbers, as its systems write it: one batch of moves, every other row explained."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from operator_handover_support import application, statuses
from sqlalchemy import select
from support import Clock

from kaccount_desk.domain.history_notes import shown_note
from kaccount_desk.domain.operator_handover import Outcome
from kaccount_desk.services import activations
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Refused
from kaccount_desk.store.models import ApplicationEvent


def operator_xlsx(path: Path, rows: list[tuple[object, object]], date_header: str = "开通时间") -> Path:
    """As an operator's system exports it: a title row, its own headers, dates as Excel dates."""
    book = Workbook()
    sheet = book.active
    sheet.append(["中国移动泊头分公司 集团成员开通清单"])
    sheet.append(["序号", "服务号码", "客户名称", date_header, "操作员"])
    for n, (number, when) in enumerate(rows, start=1):
        sheet.append([n, number, "某公司", when, "营业员01"])
    book.save(path)
    return path


@pytest.fixture
def handed(admin: Context, campaign: str, clock: Clock) -> dict[str, int]:
    """Three sent, one submitted only; the list comes back a week later (2012-03-03)."""
    made = {f"sent{n}": application(admin, campaign, n, status="sent") for n in range(3)}
    made["submitted"] = application(admin, campaign, 3)
    clock.advance(days=7)
    return made


@pytest.mark.parametrize("header", ["开户日期", "开户时间", "入网时间"])
def test_the_day_is_read_under_the_names_the_business_hall_system_prints(admin: Context, handed: dict[str, int], tmp_path: Path,
                                                                         header: str) -> None:
    """The day a line was opened is 开户时间 on a BOSS account-opening list: not found, every number was taken as opened today."""
    listed = operator_xlsx(tmp_path / "开户清单.xlsx", [("18832758800", "2012-03-01")], date_header=header)
    report = activations.import_activations(admin, listed)
    assert [line.activated_on.isoformat() for line in report.lines if line.activated_on] == ["2012-03-01"]


def test_an_operators_xlsx_activates_the_sent_and_explains_the_rest(admin: Context, handed: dict[str, int], tmp_path: Path) -> None:
    listed = operator_xlsx(tmp_path / "开通清单.xlsx", [
        (18832758800, datetime(2012, 3, 1, 10, 12)),  # typed as a number, as Excel keeps it
        ("188 3275 8801", "2012/3/2"),
        ("18832758803", "2012-03-02"),  # only submitted: the office has not handed it over
        ("18832758899", "2012-03-02"),  # nobody's
        ("1883275", "2012-03-02"),  # not a number
        ("18832758802", "下周"),  # not a date
        ("18832758800", "2012-03-01"),  # the first row again
        ("18832758802", "2012-03-09"),  # after today
    ])

    report = activations.import_activations(admin, listed)

    by_row = {line.row: line for line in report.lines}
    assert [by_row[r].outcome for r in range(3, 11)] == [Outcome.ACTIVATED, Outcome.ACTIVATED, Outcome.OTHER_STATE, Outcome.NOT_FOUND,
                                                         Outcome.BAD_ROW, Outcome.BAD_ROW, Outcome.BAD_ROW, Outcome.BAD_ROW]
    assert by_row[3].application_id == handed["sent0"] and by_row[3].activated_on.isoformat() == "2012-03-01"
    assert "办公室已审" in by_row[5].text("zh") and "submitted" in by_row[5].text("en").lower()
    assert [r.code for line in (by_row[6], by_row[7], by_row[8], by_row[9], by_row[10]) for r in line.reasons] == [
        "activation.not_found", "activation.bad_number", "activation.bad_date", "activation.repeated", "activation.future_date"]
    assert "row 3" in by_row[9].text("en")
    assert report.totals == {"activated": 2, "already": 0, "not_found": 1, "other_state": 1, "bad_row": 4}
    now = statuses(admin)
    assert (now[handed["sent0"]], now[handed["sent1"]], now[handed["sent2"]], now[handed["submitted"]]) == (
        "activated", "activated", "sent", "submitted")
    with admin.store.read() as s:
        note = s.scalar(select(ApplicationEvent.note).where(ApplicationEvent.application_id == handed["sent0"],
                                                            ApplicationEvent.to_status == "activated"))
    assert note == "运营商开通 2012-03-01 开通清单.xlsx 第3行"
    assert shown_note(note, "en") == "Activated by the operator on 2012-03-01 (开通清单.xlsx, row 3)"


def test_the_same_list_again_changes_nothing(admin: Context, handed: dict[str, int], tmp_path: Path) -> None:
    listed = operator_xlsx(tmp_path / "list.xlsx", [("18832758800", "2012-03-01"), ("18832758801", "2012-03-01")])
    first = activations.import_activations(admin, listed)
    with admin.store.read() as s:
        events = s.scalar(select(ApplicationEvent.id).order_by(ApplicationEvent.id.desc()).limit(1))
    again = activations.import_activations(admin, listed)
    assert first.totals["activated"] == 2 and again.totals["already"] == 2 and again.totals["activated"] == 0
    with admin.store.read() as s:
        assert s.scalar(select(ApplicationEvent.id).order_by(ApplicationEvent.id.desc()).limit(1)) == events


def test_a_gbk_csv_with_other_headers_and_no_date_column(admin: Context, handed: dict[str, int], tmp_path: Path) -> None:
    listed = tmp_path / "activated.csv"
    listed.write_bytes("MSISDN,备注\r\n8618832758802,已开\r\n".encode("gb18030"))
    report = activations.import_activations(admin, listed, dry_run=True)
    assert [line.outcome for line in report.lines] == [Outcome.ACTIVATED]
    assert [n.code for n in report.notices] == ["activation.no_date_column"]
    assert statuses(admin)[handed["sent2"]] == "sent"  # a dry run writes nothing
    report = activations.import_activations(admin, listed, campaign_code="BT2012-KA")
    assert statuses(admin)[handed["sent2"]] == "activated" and report.lines[0].activated_on.isoformat() == "2012-03-03"


def test_a_file_that_is_no_list_is_refused_whole(admin: Context, handed: dict[str, int], tmp_path: Path) -> None:
    listed = tmp_path / "notes.csv"
    listed.write_text("姓名,部门\n张三,财务部\n", encoding="utf-8")
    with pytest.raises(Refused) as refused:
        activations.import_activations(admin, listed)
    assert refused.value.reasons[0].code == "activation.no_header"
    with pytest.raises(Refused) as refused:
        activations.import_activations(admin, tmp_path / "gone.xlsx")
    assert refused.value.reasons[0].code == "sheet.not_found"
    assert set(statuses(admin).values()) == {"sent", "submitted"}
