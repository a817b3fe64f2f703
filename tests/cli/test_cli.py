"""What scripts see: exit codes and JSON, in-process through ``run(argv)``; the real process for the last few."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from clirun import kad
from support import PASSWORD, SAMPLE_CAMPAIGN, valid_id

GOOD = valid_id("13098119780101123")


def process(*args: str, password: str | None = PASSWORD) -> subprocess.CompletedProcess[str]:
    """The real ``python -m kaccount_desk``, for what only a process shows: its exit status."""
    env = {k: v for k, v in os.environ.items() if k != "KACCOUNT_PASSWORD"}
    if password is not None:
        env["KACCOUNT_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "kaccount_desk", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=path, staff=None).returncode == 0
    assert kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=path).returncode == 0
    return path


@pytest.fixture
def open_campaign(db: Path, tmp_path: Path) -> str:
    """The sample campaign again under another code, with a deadline still ahead of today's clock."""
    text = SAMPLE_CAMPAIGN.read_text(encoding="utf-8").replace('code = "BT2012-KA"', 'code = "OPEN"')
    text = text.replace("deadline = 2012-02-27T10:00:00+08:00", "deadline = 2099-02-27T10:00:00+08:00")
    path = tmp_path / "open.toml"
    path.write_text(text, encoding="utf-8")
    assert kad("campaign", "load", str(path), db=db).returncode == 0
    return "OPEN"


def test_check_id_json_gives_a_verdict_per_input() -> None:
    result = kad("check-id", "11010519491231002X", "1.30981E+17", "110105194912310021", "--json", staff=None)
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert [d["valid"] for d in doc] == [True, False, False]
    assert doc[0]["normalized"] == "11010519491231002X" and doc[0]["reasons"] == []
    assert "Excel" in doc[1]["reasons"][0]
    assert set(doc[2]) >= {"input", "valid", "normalized", "reasons", "warnings"}


def test_check_number_json_names_the_carrier_and_english_is_available() -> None:
    result = kad("check-number", "+86 138-0317-0001", "13012345678", "--require-carrier", "china-mobile", "--json", staff=None, lang="en")
    assert result.returncode == 0
    doc = json.loads(result.stdout)
    assert [d["carrier"] for d in doc] == ["china-mobile", "china-unicom"]
    assert doc[0]["normalized"] == "13803170001"
    assert "ported" in doc[1]["warnings"][0]
    landline = kad("check-number", "0317-8123456", "--json", staff=None)
    assert landline.returncode == 1 and json.loads(landline.stdout)[0]["valid"] is False


def test_init_refuses_a_second_admin(db: Path) -> None:
    again = kad("init", "--admin", "A002", db=db, staff=None)
    assert again.returncode == 1 and "已有" in again.stderr


def test_commands_that_change_data_need_a_login(db: Path, tmp_path: Path) -> None:
    assert kad("campaign", "list", db=db, staff=None).returncode == 2
    wrong = kad("campaign", "list", db=db, password="wrong-password")
    assert wrong.returncode == 1 and "密码" in wrong.stderr
    no_password = kad("campaign", "list", db=db, password=None)
    assert no_password.returncode == 2 and "KACCOUNT_PASSWORD" in no_password.stderr


def test_campaign_list_json(db: Path) -> None:
    doc = json.loads(kad("campaign", "list", "--json", db=db).stdout)
    assert doc[0]["code"] == "BT2012-KA" and doc[0]["deadline"] == "2012-02-27T10:00:00+08:00" and doc[0]["pool_size"] == 400


def _roster(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["XX公司大客户业务登记表"])
    sheet.append(["姓名", "部门", "身份证号", "手机号", "套餐"])
    sheet.append(["张三", "财务部", GOOD, "13803170001", "group8"])
    sheet.append(["李四", "宣传部", GOOD, "13803170002", "group8"])
    book.save(path)
    return path


def test_roster_import_after_the_deadline_is_refused_row_by_row(db: Path, tmp_path: Path) -> None:
    """The sample campaign's deadline passed in 2012: every row says so."""
    doc = json.loads(kad("roster", "import", str(_roster(tmp_path / "r.xlsx")), "--campaign", "BT2012-KA", "--json", db=db).stdout)
    assert [(r["row"], r["status"]) for r in doc["rows"]] == [(3, "rejected"), (4, "rejected")]
    assert any("截止" in reason for reason in doc["rows"][0]["reasons"])


def test_roster_import_json_dry_run_and_idempotent_reimport(db: Path, open_campaign: str, tmp_path: Path) -> None:
    path = _roster(tmp_path / "r.xlsx")
    dry = kad("roster", "import", str(path), "--campaign", open_campaign, "--dry-run", "--json", db=db)
    assert dry.returncode == 1
    doc = json.loads(dry.stdout)
    assert doc["dry_run"] is True
    assert [(r["row"], r["status"]) for r in doc["rows"]] == [(3, "accepted"), (4, "rejected")]
    assert set(doc["rows"][1]) >= {"row", "status", "reasons", "warnings"}
    assert "宣传部" in doc["rows"][1]["reasons"][0]
    assert doc["totals"] == {"accepted": 1, "updated": 0, "unchanged": 0, "rejected": 1}
    real = json.loads(kad("roster", "import", str(path), "--campaign", open_campaign, "--json", db=db).stdout)
    assert real["totals"]["accepted"] == 1, "the dry run must not have written the row"
    again = json.loads(kad("roster", "import", str(path), "--campaign", open_campaign, "--json", db=db).stdout)
    assert again["totals"] == {"accepted": 0, "updated": 0, "unchanged": 1, "rejected": 1}
    export = kad("roster", "export", "--campaign", open_campaign, "--all-live", "--out", str(tmp_path / "carrier.csv"), "--json", db=db)
    assert export.returncode == 0 and json.loads(export.stdout)["rows"] == 1
    assert GOOD not in (tmp_path / "carrier.csv").read_text(encoding="utf-8-sig"), "a working list of all live applications is masked"
    full = kad("roster", "export", "--campaign", open_campaign, "--all-live", "--full-ids", "--out", str(tmp_path / "full.csv"), db=db)
    assert full.returncode == 0 and GOOD in (tmp_path / "full.csv").read_text(encoding="utf-8-sig")


def test_usage_errors_exit_2(db: Path) -> None:
    assert kad("roster", "import", db=db).returncode == 2
    assert kad("no-such-command", db=db).returncode == 2


def test_estimate_json(db: Path) -> None:
    result = kad("estimate", "--campaign", "BT2012-KA", "--in-group", "400", "--out-group", "100", "--sms", "60", "--json", db=db)
    doc = json.loads(result.stdout)
    assert {d["code"]: d["monthly_cost"] for d in doc} == {"group8": "30.00", "mzone15": "31.00"}
    assert [d["code"] for d in doc if d["cheapest"]] == ["group8"]


def test_export_refuses_an_unwritable_place_and_leaves_nothing(db: Path, tmp_path: Path) -> None:
    result = kad("roster", "export", "--campaign", "BT2012-KA", "--out", str(tmp_path / "out.xlsx"), "--all-live", db=db)
    assert result.returncode == 1
    assert not (tmp_path / "out.xlsx").exists()


def test_module_and_console_script_agree() -> None:
    script = Path(sys.executable).parent / "kaccount-desk"
    module = process("--version")
    assert module.returncode == 0 and "kaccount-desk" in module.stdout
    if script.exists():
        out = subprocess.run([str(script), "--version"], capture_output=True, text=True, timeout=60)
        assert out.stdout.strip() == module.stdout.strip()


def test_a_real_process_exits_0_1_2_and_3(db: Path, tmp_path: Path) -> None:
    """The exit status a shell sees, for each outcome: fine, refused, misuse, store unavailable."""
    assert process("--db", str(db), "--as", "A001", "campaign", "list").returncode == 0
    assert process("check-id", "1.30981E+17").returncode == 1
    assert process("--db", str(db), "no-such-command").returncode == 2
    missing = process("--db", str(tmp_path / "nothing-here.sqlite3"), "--as", "A001", "campaign", "list")
    assert missing.returncode == 3 and "nothing-here.sqlite3" in missing.stderr and "Traceback" not in missing.stderr
    assert not (tmp_path / "nothing-here.sqlite3").exists()


def test_wrong_passwords_make_the_next_try_wait_seconds_and_staff_list_shows_it(db: Path) -> None:
    """The wait falls on the staff ID and on this PC (the admin here waits too), for about a second."""
    assert kad("staff", "add", "C001", "--name", "柜员", "--role", "clerk", db=db).returncode == 0
    for _ in range(4):
        assert kad("campaign", "list", db=db, staff="C001", password="wrong-password").returncode == 1
    waiting = kad("campaign", "list", db=db, staff="C001")
    assert waiting.returncode == 1 and "秒后再试" in waiting.stderr
    time.sleep(1.1)
    assert kad("staff", "unlock", "C001", db=db).returncode == 0
    assert kad("campaign", "list", db=db, staff="C001").returncode == 0
