"""``manager`` and ``task`` from the command line, each with --json, on a real store file."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from clirun import kad
from support import make_staff

from kaccount_desk.cli.task_commands import KINDS
from kaccount_desk.domain.manager_tasks import TaskKind, hall_today
from kaccount_desk.services import tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.tickets import TicketInput

NUMBER, SECOND = "18832758801", "13803170001"


def _bills(folder: Path, month: str, amount: str) -> Path:
    path = folder / f"{month}-{amount}.csv"
    path.write_text(f"服务号码,帐期,出账金额,欠费\n{NUMBER},{month},{amount},0\n{SECOND},{month},{amount},0\n", encoding="utf-8")
    return path


def test_manager_commands_with_json(admin: Context, store_path: Path) -> None:
    make_staff(admin, "M001", "account_manager")
    make_staff(admin, "C001", "clerk")
    assert kad("company", "add", "泊头铸造有限公司", db=store_path).returncode == 0
    assigned = kad("manager", "assign", "泊头铸造有限公司", "M001", "--json", db=store_path)
    assert assigned.returncode == 0, assigned.stderr
    assert assigned.json() == {"manager": "M001", "manager_name": "员工M001", "company": "泊头铸造有限公司", "number": None,
                               "previous_manager": None}
    number = kad("manager", "assign-number", NUMBER, "M001", "--json", db=store_path).json()
    assert (number["number"], number["manager"]) == (NUMBER, "M001")
    assert [m["staff_no"] for m in kad("manager", "list", "--json", db=store_path).json()] == ["M001", "A001"]
    shown = kad("manager", "show", "M001", "--json", db=store_path).json()
    assert (shown["companies"], shown["numbers"]) == (["泊头铸造有限公司"], [NUMBER])
    refused = kad("manager", "assign", "泊头铸造有限公司", "C001", "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["codes"] == ["manager.role"]
    assert "营业员" in kad("manager", "assign", "泊头铸造有限公司", "C001", db=store_path).stderr
    english = kad("manager", "assign-number", "12345", "M001", db=store_path, lang="en")
    assert english.returncode == 1 and "is not an 11-digit mobile number" in english.stderr
    assert "泊头铸造有限公司 的客户经理:M001" in kad("manager", "assign", "泊头铸造有限公司", "M001", db=store_path).stdout
    theirs = tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "张三", NUMBER, "问套餐")).id
    tickets.open_ticket(admin, TicketInput("consultation", "phone", "hotline", "李四", SECOND, "别人的客户"))
    queue = kad("ticket", "list", "--queue", "my_customers", "--json", db=store_path, staff="M001").json()
    assert [t["id"] for t in queue["tickets"]] == [theirs]


def test_task_commands_with_json(admin: Context, store_path: Path) -> None:
    """The command runs on the real clock: yesterday in the hall is overdue, three days on is in my day's week."""
    today = hall_today(datetime.now(UTC))
    yesterday, soon = (today + timedelta(days=d) for d in (-1, 3))
    make_staff(admin, "M001", "account_manager")
    kad("company", "add", "泊头铸造有限公司", db=store_path)
    added = kad("task", "add", "--manager", "M001", "--title", "走访泊头铸造", "--due", yesterday.isoformat(), "--kind", "visit",
                "--company", "泊头铸造有限公司", "--number", NUMBER, "--json", db=store_path)
    assert added.returncode == 0, added.stderr
    task = added.json()
    assert (task["manager"], task["source"], task["kind_name"], task["company"], task["number"], task["due_on"]) == (
        "M001", "supervisor", "走访", "泊头铸造有限公司", NUMBER, yesterday.isoformat())
    own = kad("task", "add", "--title", "续约提醒", "--due", soon.isoformat(), "--kind", "renewal", "--json", db=store_path,
              staff="M001").json()
    assert own["source"] == "hand"
    listed = kad("task", "list", "--json", db=store_path, staff="M001").json()
    assert [(t["id"], t["part"]) for t in listed] == [(task["id"], "overdue"), (own["id"], "upcoming")]
    done = kad("task", "done", str(task["id"]), "--json", db=store_path, staff="M001").json()
    assert done["done_at"] is not None
    assert [t["id"] for t in kad("task", "list", "--manager", "M001", "--open", "--json", db=store_path).json()] == [own["id"]]
    text = kad("task", "list", db=store_path, staff="M001", lang="en").stdout
    assert "[Next 7 days]  Renewal  续约提醒" in text and "[done]" in text
    bad = kad("task", "add", "--title", " ", "--due", "明天", "--json", db=store_path, staff="M001")
    assert bad.returncode == 1 and bad.json()["codes"] == ["task.title_empty", "task.due"]
    assert kad("task", "done", "404", db=store_path, staff="M001").returncode == 1
    assert kad("task", "done", "x", db=store_path, staff="M001").returncode == 2


def test_task_from_changes_with_json(admin: Context, store_path: Path, tmp_path: Path) -> None:
    make_staff(admin, "M001", "account_manager")
    for month in ("2026-01", "2026-02", "2026-03"):
        assert kad("billing", "import", str(_bills(tmp_path, month, "600")), "--month", month, db=store_path).returncode == 0
    kad("billing", "import", str(_bills(tmp_path, "2026-04", "0")), "--month", "2026-04", db=store_path)
    kad("manager", "assign-number", NUMBER, "M001", db=store_path)
    made = kad("task", "from-changes", "--month", "2026-04", "--json", db=store_path)
    assert made.returncode == 0, made.stderr
    assert ([t["number"] for t in made.json()["created"]], made.json()["without_manager"]) == ([NUMBER], [SECOND])
    again = kad("task", "from-changes", "--month", "2026-04", db=store_path, lang="en").stdout
    assert "0 follow-up tasks made, 1 there already, 1 numbers without a manager" in again
    refused = kad("task", "from-changes", "--month", "2026-13", "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["codes"] == ["billing.month"]


def test_the_command_line_offers_every_kind() -> None:
    assert [k.value for k in TaskKind] == KINDS
