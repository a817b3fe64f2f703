"""``report key-accounts`` from the command line: the .xlsx written and the headline figures as JSON."""

from __future__ import annotations

from pathlib import Path

from clirun import kad
from openpyxl import load_workbook
from test_archive_cli import _activated, _bills

from kaccount_desk.services.context import Context


def test_report_key_accounts_writes_the_workbook_and_prints_the_headline(admin: Context, campaign: str, store_path: Path,
                                                                         tmp_path: Path) -> None:
    _activated(admin, campaign)
    assert kad("company", "add", "泊头铸造有限公司", "--manager", "A001", "--campaign", campaign, db=store_path).returncode == 0
    for month in ("2026-10", "2026-11", "2026-12"):
        assert kad("billing", "import", str(_bills(tmp_path, month, "520")), "--month", month, db=store_path).returncode == 0
    out = tmp_path / "大客户报表"
    done = kad("report", "key-accounts", "--month", "2026-12", "--out", str(out), "--json", db=store_path)
    assert done.returncode == 0, done.stderr
    head = done.json()
    assert head["out"] == str(out) + ".xlsx" and head["bills_imported"] is True
    assert (head["members"], head["members_gained"], head["key_accounts"]) == (1, 0, 1)
    assert (head["revenue_yuan"], head["key_account_revenue_yuan"], head["members_gone"]) == ("530.00", "520.00", 0)
    book = load_workbook(out.with_suffix(".xlsx"))
    assert len(book.sheetnames) == 6 and book["集团客户"]["G2"].value == 520
    text = kad("report", "key-accounts", "--month", "2026-11", "--out", str(tmp_path / "r.xlsx"), db=store_path, lang="en").stdout
    assert "Members 1 (0 gained this month), key accounts 0" in text and "Revenue 530.00 yuan" in text


def test_a_wrong_month_is_refused_in_words_and_nothing_written(admin: Context, store_path: Path, tmp_path: Path) -> None:
    refused = kad("report", "key-accounts", "--month", "2026-13", "--out", str(tmp_path / "r.xlsx"), "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["codes"] == ["report.month"]
    assert not (tmp_path / "r.xlsx").exists()
    (tmp_path / "a folder.xlsx").mkdir()
    folder = kad("report", "key-accounts", "--month", "2026-12", "--out", str(tmp_path / "a folder.xlsx"), db=store_path)
    assert folder.returncode == 1 and "不是普通文件" in folder.stderr and "Traceback" not in folder.stderr
