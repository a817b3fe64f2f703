"""``--self-test``: the whole path from store to a QR read off the rendered form, and a clear
failure naming the step when something an install needs is missing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO

from kaccount_desk.ui.self_test import run_self_test


def test_passes_in_process_and_reads_the_form_qr(qapp: object, kaccount_home: Path) -> None:
    lines: list[str] = []
    assert run_self_test(lines.append) == 0
    steps = ["store", "campaign", "application", "form PDF", "QR read back", "Chinese translations"]
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {step}" for step in steps]
    assert "ok   QR read back: KAD-APP:1" in lines and lines[-1].startswith("自检通过 / self-test passed")
    assert lines[-2] == "ok   Chinese translations: kaccount_desk_zh_CN, qtbase_zh_CN"
    assert os.environ["KACCOUNT_HOME"] == str(kaccount_home)  # put back after the run
    assert not kaccount_home.exists()  # nothing written into the person's folders


def _self_test(cwd: Path) -> subprocess.CompletedProcess[str]:
    """A fresh process, as a person or CI runs it (the font is registered once per process)."""
    return subprocess.run([sys.executable, "-m", "kaccount_desk", "--self-test"], capture_output=True, text=True, timeout=120, cwd=cwd)


def test_the_command_exits_0(tmp_path: Path) -> None:
    done = _self_test(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok   QR read back: KAD-APP:1" in done.stdout


@pytest.mark.parametrize(("left_out", "failure"), [
    ("*.ttc", "FAIL form PDF: "),  # the font: the form cannot be written, and the message names wqy-microhei.ttc
    ("*.qm", "FAIL Chinese translations: SelfTestFailed: kaccount_desk_zh_CN.qm not found in "),
])
def test_a_missing_resource_fails_at_its_step_and_says_which(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, left_out: str,
                                                               failure: str) -> None:
    incomplete = tmp_path / "resources"
    shutil.copytree(REPO / "resources", incomplete, ignore=shutil.ignore_patterns(left_out))
    monkeypatch.setenv("KACCOUNT_RESOURCES", str(incomplete))
    done = _self_test(tmp_path)
    lines = done.stdout.splitlines()
    assert done.returncode == 1, done.stdout + done.stderr
    assert lines[-2].startswith(failure) and (left_out != "*.ttc" or "wqy-microhei.ttc" in lines[-2])
    assert lines[-1] == "自检未通过 / self-test failed"
