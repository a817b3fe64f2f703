"""The ``ticket`` commands as a script runs them (in-process through ``run(argv)``): JSON out, exit codes 0/1/2."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from clirun import Done, kad


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.sqlite3")
    assert run(path, "init", "--admin", "A001", login=False).returncode == 0
    return path


def run(db: str, *args: str, login: bool = True, staff_no: str = "A001") -> Done:
    return kad(*args, db=db, staff=staff_no if login else None)


def ok_json(db: str, *args: str, staff_no: str = "A001") -> Any:
    done = run(db, *args, "--json", staff_no=staff_no)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


OPEN = ["ticket", "open", "--category", "fault", "--channel", "phone", "--window", "hotline", "--customer", "李明",
        "--number", "13800138000", "--area", "rural", "--content", "基站故障,信号很差"]


def test_ticket_lifecycle_through_the_cli(db: str) -> None:
    opened = ok_json(db, *OPEN)
    tid = str(opened["id"])
    due = datetime.fromisoformat(opened["due_at"])
    assert due.utcoffset() is not None and (due - datetime.fromisoformat(opened["received_at"])).total_seconds() == 72 * 3600
    ok_json(db, "ticket", "refer", tid, "--department", "网络部", "--ask", "请核查基站", "--due", "2099-01-01T10:00:00+08:00")
    ok_json(db, "ticket", "answer", tid, "--department", "网络部", "--text", "已修复")
    ok_json(db, "ticket", "reply", tid, "--text", "已修复,请重启")
    ok_json(db, "ticket", "callback", tid, "--result", "satisfied")
    closed = ok_json(db, "ticket", "close", tid)
    assert closed["status"] == "closed"
    shown = ok_json(db, "ticket", "show", tid)
    assert {"id", "owner", "status", "due_at", "history"} <= shown.keys()
    assert shown["owner"] == "A001"
    assert [e["action"] for e in shown["history"]] == ["receive", "refer", "answer", "reply", "callback", "close"]
    hits = ok_json(db, "ticket", "search", "基站故障")
    assert [h["id"] for h in hits] == [opened["id"]]
    assert ok_json(db, "ticket", "search", 'NEAR("*') == []
    listed = ok_json(db, "ticket", "list", "--queue", "all", "--category", "fault")
    assert listed["count"] == "1" and listed["tickets"][0]["id"] == opened["id"]


def test_refusals_exit_1_and_misuse_exit_2(db: str) -> None:
    bad = [*OPEN]
    bad[bad.index("13800138000")] = "12345"
    done = run(db, *bad)
    assert done.returncode == 1 and "11位" in done.stderr
    tid = str(ok_json(db, *OPEN)["id"])
    done = run(db, "ticket", "close", tid, "--json")
    assert done.returncode == 1 and json.loads(done.stdout)["error"] is True
    assert run(db, "ticket", "refer", tid, "--department", "财务部", "--ask", "x").returncode == 1
    assert run(db, "ticket", "open", "--category", "refusal").returncode == 2
    assert run(db, "ticket", "open", *OPEN[2:], "--received", "yesterday").returncode == 2
    assert run(db, "ticket", "show", "999").returncode == 1


def test_a_ticket_is_handed_on_only_after_its_owner_left(db: str) -> None:
    for no, role in (("C001", "clerk"), ("C002", "clerk"), ("S001", "supervisor")):
        assert ok_json(db, "staff", "add", no, "--name", f"员工{no}", "--role", role)[0]["active"] is True
    tid = str(ok_json(db, *OPEN, staff_no="C001")["id"])
    refused = run(db, "ticket", "reassign", tid, "--to", "C002", "--reason", "调岗", "--json", staff_no="S001")
    assert refused.returncode == 1 and json.loads(refused.stdout)["codes"] == ["ticket.owner_active"]
    assert ok_json(db, "staff", "leave", "C001")[0]["active"] is False
    assert run(db, "ticket", "show", tid, staff_no="C001").returncode == 1
    moved = ok_json(db, "ticket", "reassign", tid, "--to", "C002", "--reason", "原负责人离职", staff_no="S001")
    assert (moved["owner"], moved["first_receiver"]) == ("C002", "C001")
    assert moved["history"][-1]["action"] == "reassign"


def test_limits_and_departments_are_set_from_the_cli(db: str) -> None:
    assert {(v["category"], v["area"]): v["hours"] for v in ok_json(db, "ticket", "limits")}[("fault", "rural")] == 72
    changed = ok_json(db, "ticket", "limits", "--set", "fault", "60", "--area", "rural")
    assert {(v["category"], v["area"]): v["hours"] for v in changed}[("fault", "rural")] == 60
    done = run(db, "ticket", "limits", "--set", "complaint", "400", "--json")
    assert done.returncode == 1 and json.loads(done.stdout)["codes"] == ["limit.appeal_bound"]
    opened = ok_json(db, *OPEN)
    assert (datetime.fromisoformat(opened["due_at"]) - datetime.fromisoformat(opened["received_at"])).total_seconds() == 60 * 3600
    names = ok_json(db, "ticket", "departments", "--add", "客户服务中心", "--retire", "计划建设部")
    assert [(d["name"], d["active"]) for d in names][-2:] == [("计划建设部", False), ("客户服务中心", True)]


def test_wait_and_resume_through_the_cli(db: str) -> None:
    opened = ok_json(db, *OPEN)
    tid = str(opened["id"])
    waiting = ok_json(db, "ticket", "wait", tid, "--reason", "客户不在家,约下周上门")
    assert waiting["status"] == "waiting" and waiting["urgency"] == "waiting" and waiting["waiting_since"]
    assert waiting["history"][-1]["action"] == "wait" and waiting["history"][-1]["text"] == "客户不在家,约下周上门"
    assert run(db, "ticket", "wait", tid).returncode == 2  # --reason is required
    resumed = ok_json(db, "ticket", "resume", tid)
    assert resumed["status"] == "open" and resumed["waiting_since"] is None
    assert datetime.fromisoformat(resumed["due_at"]) >= datetime.fromisoformat(opened["due_at"])
    again = run(db, "ticket", "resume", tid, "--json")
    assert again.returncode == 1 and "恢复处理" in again.stderr


def test_an_old_complaint_is_escalated_and_cannot_wait_past_15_days(db: str) -> None:
    now = datetime.now().astimezone()
    complaint = [*OPEN]
    complaint[complaint.index("fault")] = "complaint"
    del complaint[complaint.index("--area"):complaint.index("--area") + 2]
    day11 = ok_json(db, *complaint, "--received", (now - timedelta(days=11)).isoformat())
    day16 = ok_json(db, *complaint, "--received", (now - timedelta(days=16)).isoformat())
    fresh = ok_json(db, *complaint)
    listed = ok_json(db, "ticket", "list", "--queue", "escalation")
    assert {t["id"] for t in listed["tickets"]} == {day11["id"], day16["id"]}  # not the fresh one
    assert all(t["urgency"] == "escalated" for t in listed["tickets"])
    assert ok_json(db, "ticket", "wait", str(fresh["id"]), "--reason", "等客户提供话费单")["status"] == "waiting"
    late = run(db, "ticket", "wait", str(day11["id"]), "--reason", "等客户提供话费单", "--json")
    assert late.returncode == 1 and "超过办结时限" in late.stderr  # already late: its clock cannot be stopped
    refused = run(db, "ticket", "wait", str(day16["id"]), "--reason", "等客户提供话费单", "--json")
    assert refused.returncode == 1 and "15天" in refused.stderr
    assert ok_json(db, "ticket", "show", str(day16["id"]))["status"] == "open"


def test_warnings_are_set_from_the_cli_and_late_tickets_listed_by_owner(db: str) -> None:
    assert {v["category"]: v["warn_hours"] for v in ok_json(db, "ticket", "limits")}["complaint"] == 2
    warned = ok_json(db, "ticket", "limits", "--warn", "complaint", "6")
    assert {v["category"]: v["warn_hours"] for v in warned} == {
        "fault": 2, "complaint": 6, "consultation": 2, "lookup": 2, "business": 2,
    }
    done = run(db, "ticket", "limits", "--warn", "complaint", "100")
    assert done.returncode == 1 and "72" in done.stderr
    assert run(db, "ticket", "limits", "--warn", "complaint", "two").returncode == 2
    late = ok_json(db, *OPEN, "--received", (datetime.now().astimezone() - timedelta(hours=80)).isoformat())
    listed = ok_json(db, "ticket", "list", "--queue", "team_overdue")
    assert [t["id"] for t in listed["tickets"]] == [late["id"]] and listed["tickets"][0]["owner"] == "A001"
