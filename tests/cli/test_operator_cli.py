"""``handover operator`` and ``handover activations`` in-process and as real processes: --json, exit codes, and a kill -9 mid-write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from clirun import kad
from openpyxl import Workbook
from operator_handover_support import application, checksums_hold, package, statuses
from support import REPO

from kaccount_desk.safe_files import PREFIX, sweep_stale
from kaccount_desk.services.context import Context


def test_hand_over_and_activate_from_the_command_line(admin: Context, campaign: str, store_path: Path, tmp_path: Path) -> None:
    ready = [application(admin, campaign, n) for n in range(2)]
    held = application(admin, campaign, 2, department="财务部")
    out = tmp_path / "out"
    out.mkdir()

    done = kad("handover", "operator", "--campaign", campaign, "--department", "铸造事业部", "--out", str(out), "--json", db=store_path)

    assert done.returncode == 0, done.stderr
    doc = done.json()
    written = Path(doc["out"])
    assert written.parent == out and written.name.startswith("移交运营商-含身份证信息-BT2012-KA-铸造事业部-")
    assert sorted(doc["sent"]) == sorted(ready) and doc["refused"] == [] and doc["by_department"] == {"铸造事业部": 2}
    assert checksums_hold(package(written))
    assert statuses(admin)[held] == "submitted"

    listed = tmp_path / "开通.xlsx"
    book = Workbook()
    book.active.append(["手机号码", "开通日期"])
    book.active.append(["18832758800", "2012-03-01"])
    book.active.append(["18832758802", "2012-03-01"])
    book.save(listed)
    first = kad("handover", "activations", str(listed), "--json", db=store_path)
    assert first.returncode == 1  # one row was not done: the script is told
    rows = {r["row"]: r for r in first.json()["rows"]}
    assert rows[2]["outcome"] == "activated" and rows[2]["activated_on"] == "2012-03-01"
    assert rows[3]["outcome"] == "other_state" and "submitted" not in rows[3]["reasons"][0]  # in Chinese by default
    english = kad("handover", "activations", str(listed), lang="en", db=store_path)
    assert "row 2 18832758800 Already activated" in english.stdout and "not sent to the carrier" in english.stdout
    assert "activated 0, already 1" in english.stdout
    assert statuses(admin)[ready[0]] == "activated" and statuses(admin)[ready[1]] == "sent"


def test_refusals_exit_1_in_words_and_leave_nothing(admin: Context, campaign: str, store_path: Path, tmp_path: Path) -> None:
    application(admin, campaign, 0, status="collected")
    out = tmp_path / "out"
    out.mkdir()
    nothing = kad("handover", "operator", "--campaign", campaign, "--out", str(out), db=store_path, lang="en")
    assert nothing.returncode == 1 and "no application submitted by the office" in nothing.stderr and "Traceback" not in nothing.stderr
    assert list(out.iterdir()) == []
    clerk = kad("handover", "operator", "--campaign", "NOPE", "--out", str(out), "--json", db=store_path)
    assert clerk.returncode == 1 and clerk.json()["error"] is True
    gone = kad("handover", "activations", str(tmp_path / "gone.csv"), db=store_path)
    assert gone.returncode == 1 and "找不到文件" in gone.stderr


def test_a_hand_over_killed_mid_write_moves_nothing_and_leaves_no_file(admin: Context, campaign: str, store_path: Path,
                                                                      tmp_path: Path, kaccount_home: Path) -> None:
    """kill -9 while the ID sheets are being drawn (the moves to "sent" made in the open transaction, the
    temporary beside the target made): no application moved, no hand-over file, and the next start
    removes the temporary."""
    ready = [application(admin, campaign, n) for n in range(8)]
    out = tmp_path / "out"
    out.mkdir()
    marker = tmp_path / "ready"
    env = {**os.environ, "KACCOUNT_HOME": str(kaccount_home),
           "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "tests")])}
    child = subprocess.Popen([sys.executable, str(Path(__file__).with_name("handover_child.py")), str(store_path), str(out), str(marker)],
                             env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert [p.name for p in out.iterdir() if p.name.startswith(PREFIX)], "the temporary is beside the target while it is written"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()

    assert child.returncode == -signal.SIGKILL
    assert [p for p in out.iterdir() if not p.name.startswith(PREFIX)] == []
    assert {statuses(admin)[i] for i in ready} == {"submitted"}
    sweep_stale()  # what the next start of the program does first
    assert list(out.iterdir()) == []
    again = kad("handover", "operator", "--campaign", campaign, "--out", str(out), "--json", db=store_path)
    assert again.returncode == 0 and len(again.json()["sent"]) == 8


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_help_names_the_id_data(lang: str) -> None:
    shown = kad("handover", "operator", "--help", staff=None, lang=lang)
    assert shown.returncode == 0 and "含身份证信息" in shown.stdout
