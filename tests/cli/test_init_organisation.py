"""``init --organisation``: the name every document of the new store is headed with, set from the command line."""

from __future__ import annotations

from pathlib import Path

from clirun import kad
from pdf_probe import pdfium_text
from support import SAMPLE_CAMPAIGN


def test_init_sets_the_organisation_that_heads_the_printed_notice(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    made = kad("init", "--admin", "A001", "--organisation", " 泊头铸造有限公司 ", "--json", db=db, staff=None)
    assert made.returncode == 0 and made.json()["organisation"] == "泊头铸造有限公司"
    assert kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=db).returncode == 0
    out = tmp_path / "notice.pdf"
    assert kad("print", "notice", "--campaign", "BT2012-KA", "--out", str(out), db=db).returncode == 0
    assert pdfium_text(out)[0].split()[0] == "泊头铸造有限公司"


def test_a_name_that_cannot_head_a_page_is_refused_before_any_store_is_made(tmp_path: Path) -> None:
    db = tmp_path / "office.sqlite3"
    refused = kad("init", "--admin", "A001", "--organisation", "铸" * 41, db=db, staff=None, lang="en")
    assert refused.returncode == 1 and "at most 40 characters" in refused.stderr + refused.stdout
    assert not db.exists()
