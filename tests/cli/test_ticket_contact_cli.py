"""``ticket open`` naming the number's earlier tickets and its key account, ``ticket add-contact``, and key-account limits."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from clirun import kad
from support import SAMPLE_CAMPAIGN, valid_id

MEMBER = "13803170001"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", "--organisation", "泊头市铸造机械有限公司", db=path, staff=None).returncode == 0
    return path


def _ok(db: Path, *args: str) -> Any:
    done = kad(*args, "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _open(db: Path, number: str, content: str = "话费多扣") -> Any:
    return _ok(db, "ticket", "open", "--category", "complaint", "--channel", "phone", "--window", "hotline",
               "--customer", "张三", "--number", number, "--content", content)


def _enrol(db: Path, tmp_path: Path) -> None:
    """A live application for MEMBER, through a roster import into a campaign still open."""
    text = SAMPLE_CAMPAIGN.read_text(encoding="utf-8").replace('code = "BT2012-KA"', 'code = "OPEN"')
    campaign = tmp_path / "open.toml"
    campaign.write_text(text.replace("deadline = 2012-02-27T10:00:00+08:00", "deadline = 2099-02-27T10:00:00+08:00"), encoding="utf-8")
    assert kad("campaign", "load", str(campaign), db=db).returncode == 0
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "部门", "身份证号", "手机号", "套餐"])
    sheet.append(["张三", "财务部", valid_id("13098119780101123"), MEMBER, "group8"])
    book.save(tmp_path / "r.xlsx")
    assert _ok(db, "roster", "import", str(tmp_path / "r.xlsx"), "--campaign", "OPEN")["totals"]["accepted"] == 1


def test_open_names_the_numbers_earlier_tickets_and_add_contact_reopens(db: Path) -> None:
    first = _open(db, "13800138000")
    assert first["same_number"] == [] and first["key_account"] is False and first["company"] is None
    second = _open(db, "13800138000", "又多扣了")
    assert second["same_number"] == [first["id"]]
    closed = _ok(db, "ticket", "close", str(first["id"]), "--reason", "已退费")
    assert closed["status"] == "closed"
    again = _ok(db, "ticket", "add-contact", str(first["id"]), "--text", "客户来电:退费没到账")
    assert again["status"] == "in_progress" and again["owner"] == "A001"
    assert [e["action"] for e in again["history"]][-2:] == ["contact", "reopen"]
    refused = kad("ticket", "add-contact", str(first["id"]), "--text", " ", "--json", db=db)
    assert refused.returncode == 1 and json.loads(refused.stdout)["error"] is True
    listed = _ok(db, "ticket", "list", "--queue", "all")
    assert listed["count"] == "2"  # the contact opened no third ticket


def test_a_number_of_a_live_application_opens_a_key_account_ticket(db: Path, tmp_path: Path) -> None:
    _enrol(db, tmp_path)
    opened = _open(db, MEMBER)
    assert opened["key_account"] is True
    assert (opened["company"], opened["campaign"]) == ("泊头市铸造机械有限公司", "关于办理中国移动大客户业务的通知")
    text = kad("ticket", "open", "--category", "complaint", "--channel", "phone", "--window", "hotline", "--customer", "张三",
               "--number", MEMBER, "--content", "再次反映", db=db, lang="en")
    assert text.returncode == 0 and "key account: 泊头市铸造机械有限公司" in text.stdout and f"#{opened['id']}" in text.stdout


def test_key_account_limits_are_set_and_removed(db: Path) -> None:
    limits = _ok(db, "ticket", "limits", "--key-account", "complaint", "24")
    assert next(v for v in limits if v["category"] == "complaint")["key_account_hours"] == 24
    assert next(v for v in limits if v["category"] == "complaint")["hours"] == 48
    ticked = _ok(db, "ticket", "open", "--category", "complaint", "--channel", "phone", "--window", "hotline",
                 "--customer", "李明", "--number", "13900139000", "--content", "投诉", "--key-account")
    assert ticked["key_account"] is True and ticked["company"] is None
    assert (datetime.fromisoformat(ticked["due_at"]) - datetime.fromisoformat(ticked["received_at"])) == timedelta(hours=24)
    limits = _ok(db, "ticket", "limits", "--set", "complaint", "36")
    assert next(v for v in limits if v["category"] == "complaint")["key_account_hours"] == 24  # kept
    limits = _ok(db, "ticket", "limits", "--key-account", "complaint", "same")
    assert next(v for v in limits if v["category"] == "complaint")["key_account_hours"] is None
    bad = kad("ticket", "limits", "--key-account", "complaint", "400", "--json", db=db)
    assert bad.returncode == 1  # past the 15-day appeal bound
