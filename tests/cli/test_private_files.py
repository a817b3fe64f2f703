"""A real process leaves its files readable by its owner only: the store, the log, PDFs, exports."""

from __future__ import annotations

import stat
import sys
from pathlib import Path

import pytest
from support import SAMPLE_CAMPAIGN
from test_cli import process

from kaccount_desk import config
from kaccount_desk.logs import log_file

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="file modes are POSIX; Windows relies on the folder's ACL")


def test_store_log_pdf_and_export_are_owner_only(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    out = tmp_path / "out"
    out.mkdir()
    assert process("--db", str(db), "init", "--admin", "A001").returncode == 0
    assert process("--db", str(db), "--as", "A001", "campaign", "load", str(SAMPLE_CAMPAIGN)).returncode == 0
    printed = process("--db", str(db), "--as", "A001", "print", "notice", "--campaign", "BT2012-KA", "--out", str(out / "notice.pdf"))
    assert printed.returncode == 0, printed.stderr
    made = [db, out / "notice.pdf", log_file()]
    assert not config.key_file().exists(), "a new store's key is kept sealed in the store, never in a file"
    assert {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == {str(p): "0o600" for p in made}
