"""Every item model survives being asked for data() by C++ far more often than a test usually does.

PySide6 6.12.0 on CPython < 3.12 drops a reference to None each time data() returns None to C++;
after a few thousand calls the interpreter aborts. Each model is asked 100,000 times through a
QIdentityProxyModel, role by role, and painted by a QTableView, in a child process: the test
fails when None's reference count falls in any role or paint, or when the child dies.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import make_staff

from kaccount_desk.services import tickets as t
from kaccount_desk.services.context import Context

CHILD = Path(__file__).with_name("none_refcount_child.py")
CALLS = 100_000


@pytest.fixture
def filled_store(admin: Context, campaign: str, applications, store_path: Path) -> Path:
    applications(30)
    clerk = make_staff(admin, "C001", "clerk", "客服热线")
    for i in range(30):
        t.open_ticket(clerk, t.TicketInput("fault" if i % 2 else "consultation", "phone", "hotline", f"客户{i:03d}",
                                           f"1380013{i:04d}", f"信号查询第{i}次", area="town"))
    return store_path


@pytest.mark.parametrize("model", ["applications", "tickets", "roster_report"])
def test_data_through_cpp_never_costs_none_a_reference(model: str, filled_store: Path, campaign: str,
                                                        write_roster, tmp_path: Path) -> None:
    roster = write_roster(40, "report.csv", start=500)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(CHILD.parent.parent), *sys.path])}
    done = subprocess.run([sys.executable, str(CHILD), model, str(filled_store), campaign, str(roster), str(CALLS)],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, f"the child died ({done.returncode}):\n{done.stderr[-2000:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["calls"] >= CALLS
    assert result["losses"] == {}, f"None lost references (role: how many): {result['losses']}"
