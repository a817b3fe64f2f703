"""Command lines a hostile or careless user types: each is answered in words with README's exit code.

Each of these once ended in a Python traceback (issue 20, item 9) or, worse, changed the mode of a
path that was not the program's (item 3). In-process through ``run(argv)`` a traceback would be an
exception out of ``kad``; the pipe to ``head`` needs a real child process and a real pipe.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import kad
from support import PASSWORD, SAMPLE_CAMPAIGN

HUGE = "99999999999999999999999"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_fifo_given_as_the_store_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo, 0o644)
    for args in (("--as", "A001", "ticket", "list"), ("init", "--admin", "A001")):
        done = kad(*args, db=fifo, staff=None)
        assert done.returncode == 3, done
        assert "不是普通文件" in done.stderr
        assert _mode(fifo) == 0o644 and stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_folder_given_as_the_store_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    done = kad("ticket", "list", db=folder, lang="en")
    assert done.returncode == 3 and "not a regular file" in done.stderr
    assert _mode(folder) == 0o755 and list(folder.iterdir()) == []


@pytest.mark.skipif(not os.path.exists("/dev/null") or os.name != "posix", reason="needs a POSIX /dev/null")
def test_the_null_device_is_refused_before_anything_touches_it() -> None:
    """Checked without harm: the refusal comes before any open or chmod, and the mode is compared."""
    before = os.stat("/dev/null")
    # The usual device, world-writable: a chmod to 0600 (what the store once did) would show.
    assert stat.S_ISCHR(before.st_mode) and stat.S_IMODE(before.st_mode) & 0o066 == 0o066
    done = kad("ticket", "list", db="/dev/null")
    assert done.returncode == 3 and "不是普通文件" in done.stderr
    assert os.stat("/dev/null").st_mode == before.st_mode


@pytest.mark.parametrize("url", ["mysql://desk1:Hunter2Secret@localhost/kaccount", "postgresql+nodriver://desk1:Hunter2Secret@h/k",
                                 "not a url://", "sqlite:///" + "d" * 5000, "x" * 5000])
def test_store_addresses_that_cannot_be_used_are_named_in_words(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a relative 5,000-character path would land here
    done = kad("ticket", "list", db=url, lang="en")
    assert done.returncode == 3, done
    assert "store" in done.stderr.lower() and "Hunter2Secret" not in done.stdout + done.stderr
    assert len(done.stderr) < 600  # a 5,000-character path is not echoed whole
    assert not list(tmp_path.glob("x*")) and not list(tmp_path.glob("d*"))


@pytest.mark.parametrize("args", [
    ("application", "show", HUGE), ("ticket", "show", HUGE), ("ticket", "list", "--offset", HUGE),
    ("ticket", "search", "x", "--limit", HUGE),
])
def test_numbers_no_store_can_hold_are_wrong_usage(campaign: str, store_path: Path, args: tuple[str, ...]) -> None:
    done = kad(*args, db=store_path)
    assert done.returncode == 2 and "9223372036854775807" in done.stderr


def test_a_time_limit_of_twenty_digits_is_refused_in_words(campaign: str, store_path: Path) -> None:
    for args in (("fault", HUGE, "--area", "town"), ("complaint", HUGE), ("business", str(24 * 366 + 1))):
        category, hours, *rest = args
        done = kad("ticket", "limits", "--set", category, hours, *rest, db=store_path, lang="en")
        assert done.returncode == 1, done
        assert "cannot be more than" in done.stderr


@pytest.mark.parametrize("fee", ['"NaN"', '"1e999999"', '"-Infinity"', '"sNaN"', '"100000.01"'])
def test_a_campaign_fee_that_is_no_sum_of_money_is_refused_at_load(campaign: str, store_path: Path, tmp_path: Path,
                                                                     fee: str) -> None:
    text = SAMPLE_CAMPAIGN.read_text(encoding="utf-8").replace('code = "BT2012-KA"', 'code = "BAD"')
    text = text.replace('monthly_fee = "3.00"', f"monthly_fee = {fee}", 1)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    done = kad("campaign", "load", str(path), db=store_path, lang="en")
    assert done.returncode == 1, done
    assert "amount" in done.stderr
    assert "BAD" not in kad("campaign", "list", db=store_path).stdout


def test_a_command_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    """A real pipe closed by its reader after one line, as ``| head -1`` does: no traceback, exit 1."""
    numbers = [str(110105194912310000 + i) for i in range(20_000)]
    env = {**os.environ, "KACCOUNT_PASSWORD": PASSWORD}
    child = subprocess.Popen([sys.executable, "-m", "kaccount_desk", "check-id", *numbers], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline()
    child.stdout.close()
    errors = child.stderr.read().decode("utf-8", "replace")
    assert child.wait(timeout=120) == 1
    assert errors == ""
