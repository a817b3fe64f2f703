"""``kaccount-desk print`` in-process: files, --json, exit codes, and nothing left on refusal."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from clirun import kad
from pypdf import PdfReader
from support import PASSWORD, SAMPLE_CAMPAIGN
from test_cli import GOOD


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with an open copy of the sample campaign and one applicant, 张三 of 财务部."""
    folder = tmp_path_factory.mktemp("print-cli")
    path = folder / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=path, staff=None, password=PASSWORD).returncode == 0
    text = SAMPLE_CAMPAIGN.read_text(encoding="utf-8").replace('code = "BT2012-KA"', 'code = "OPEN"')
    toml = folder / "open.toml"
    toml.write_text(text.replace("deadline = 2012-02-27T10:00:00+08:00", "deadline = 2099-02-27T10:00:00+08:00"), encoding="utf-8")
    assert kad("campaign", "load", str(toml), db=path).returncode == 0
    book = openpyxl.Workbook()
    book.active.append(["姓名", "部门", "身份证号", "手机号", "套餐"])
    book.active.append(["张三", "财务部", GOOD, "13803170001", "group8"])
    book.save(folder / "r.xlsx")
    assert kad("roster", "import", str(folder / "r.xlsx"), "--campaign", "OPEN", db=path).returncode == 0
    return path


def test_forms_and_notice_are_written_and_reported(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    result = kad("print", "forms", "--campaign", "OPEN", "--department", "财务部", "--out", str(out), "--json", db=db)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"out": str(out), "pages": 1}
    text = PdfReader(out).pages[0].extract_text()
    assert "张三" in text and GOOD not in text and GOOD[-4:] in text and "13803170001" in text
    full = tmp_path / "full.pdf"
    args = ("print", "forms", "--campaign", "OPEN", "--department", "财务部", "--full-ids", "--out", str(full))
    assert kad(*args, db=db).returncode == 0
    assert GOOD in PdfReader(full).pages[0].extract_text()
    notice = kad("print", "notice", "--campaign", "OPEN", "--out", str(tmp_path / "notice.pdf"), db=db)
    assert notice.returncode == 0 and "共 1 页" in notice.stdout


def test_refusals_exit_1_and_misuse_exits_2_with_no_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "ids.pdf"
    refused = kad("print", "id-sheets", "--campaign", "OPEN", "--out", str(out), "--json", db=db)
    assert refused.returncode == 1
    assert "张三" in refused.stderr and json.loads(refused.stdout)["codes"] == ["print.no_copies"]
    misuse = kad("print", "roster", "--campaign", "OPEN", "--out", str(out), db=db)
    assert misuse.returncode == 2 and "--department" in misuse.stderr
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the per-user folder (audit anchor)
