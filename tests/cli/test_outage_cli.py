"""The ``outage`` commands as a script runs them: JSON out, a notice refused with exit code 1 and the reason."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from clirun import Done, kad
from pdf_probe import all_text

from kaccount_desk.domain.operator_time import OPERATOR_TZ


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.sqlite3")
    assert kad("init", "--admin", "A001", db=path, staff=None).returncode == 0
    return path


def ok_json(db: str, *args: str) -> Any:
    done = kad(*args, "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _start(hours: float) -> str:
    return (datetime.now(UTC) + timedelta(hours=hours)).astimezone(OPERATOR_TZ).isoformat(timespec="minutes")


def _add(db: str, start: str, hours: str) -> Done:
    return kad("outage", "add", "--what", "基站设备升级", "--area", "交河镇", "--start", start, "--hours", hours, "--json", db=db)


def test_add_list_and_print_a_notice_in_time(db: str, tmp_path: Path) -> None:
    added = _add(db, _start(100), "6").json()
    assert (added["key_accounts"], added["needs_approval"], added["notice"]) == (False, False, "ready")
    out = tmp_path / "notice.pdf"
    printed = ok_json(db, "outage", "notice", str(added["id"]), "--out", str(out))
    assert printed == {"out": str(out), "pages": 1} and "基站设备升级" in all_text(out)
    listed = ok_json(db, "outage", "list")
    assert [(o["id"], o["notice"]) for o in listed] == [(added["id"], "announced")]
    assert listed[0]["start"].endswith("+08:00") and listed[0]["announced_at"].endswith("+08:00")  # the hall's clock
    plain = kad("outage", "list", db=db)
    assert plain.returncode == 0 and "交河镇" in plain.stdout and "已通知" in plain.stdout


def test_a_late_notice_is_refused_with_exit_1_and_the_reason(db: str, tmp_path: Path) -> None:
    added = _add(db, _start(10), "6").json()
    assert added["notice"] == "too_late"
    out = tmp_path / "late.pdf"
    done = kad("outage", "notice", str(added["id"]), "--out", str(out), "--json", db=db)
    assert done.returncode == 1 and done.json()["codes"] == ["outage.too_late"] and not out.exists()
    english = kad("--lang", "en", "outage", "notice", str(added["id"]), "--out", str(out), db=db)
    assert english.returncode == 1 and "72 hours" in english.stderr and "Traceback" not in english.stderr


def test_long_work_waits_for_its_approval(db: str, tmp_path: Path) -> None:
    added = _add(db, _start(200), "30").json()
    assert (added["needs_approval"], added["notice"]) == (True, "needs_approval")
    out = tmp_path / "n.pdf"
    refused = kad("outage", "notice", str(added["id"]), "--out", str(out), db=db)
    assert refused.returncode == 1 and "批准" in refused.stderr
    approved = ok_json(db, "outage", "approve", str(added["id"]), "--by", "市公司网络部")
    assert approved["approved_by"] == "市公司网络部" and approved["notice"] == "ready"
    assert kad("outage", "notice", str(added["id"]), "--out", str(out), db=db).returncode == 0


def test_wrong_input_is_refused_in_words_and_misuse_is_exit_2(db: str) -> None:
    refused = _add(db, _start(-1), "0")
    assert refused.returncode == 1 and set(refused.json()["codes"]) == {"outage.hours", "outage.started"}
    assert _add(db, "next tuesday", "6").returncode == 2
    assert kad("outage", "approve", "99", "--by", "网络部", "--json", db=db).returncode == 1
