"""``--lang en`` gives English for every line the CLI prints, and Chinese stays the default.

A representative line of each kind of output: a check, the store created by init, a campaign
loaded and listed, a roster import's summary, staff, a ticket and a queue, a PDF written, a
usage error, a refusal and a store that cannot be used. Each pair is asserted both ways.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from clirun import kad
from support import SAMPLE_CAMPAIGN

from kaccount_desk.cli.main import run

CJK = re.compile(r"[\u4e00-\u9fff]")
OPEN = ["ticket", "open", "--category", "fault", "--channel", "phone", "--window", "hotline", "--customer", "Li Ming",
        "--number", "13800138000", "--area", "rural", "--content", "no signal"]


def test_check_id_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check-id", "11010519491231002X", "1234"]) == 1
    zh = capsys.readouterr().out
    assert "女" in zh and "18位" in zh
    assert run(["--lang", "en", "check-id", "11010519491231002X", "1234"]) == 1
    en = capsys.readouterr().out
    assert "female" in en and "18 characters" in en and not CJK.search(en)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "lang.sqlite3"


def test_every_kind_of_line_speaks_the_language_asked_for(db: Path, tmp_path: Path) -> None:
    init = kad("init", "--admin", "A001", "--name", "Admin", db=db, staff=None, lang="en")
    assert init.returncode == 0 and init.stdout.startswith("Store ready at sqlite:///") and not CJK.search(init.stdout)
    assert "已建立数据库" in kad("init", "--admin", "A002", db=tmp_path / "zh.sqlite3", staff=None).stdout

    loaded = {lang: kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=db, lang=lang).stdout for lang in ("zh", "en")}
    assert "个部门" in loaded["zh"] and "departments" in loaded["en"] and "个部门" not in loaded["en"]
    listed = kad("campaign", "list", db=db, lang="en").stdout
    assert "deadline 2012-02-27 10:00" in listed and "截止" not in listed
    estimate = {lang: kad("estimate", "--campaign", "BT2012-KA", "--out-group", "100", db=db, lang=lang).stdout for lang in ("zh", "en")}
    assert "100 out-of-group minutes" in estimate["en"] and "yuan a month" in estimate["en"] and "月费" not in estimate["en"]
    assert "集团网外通话100分钟" in estimate["zh"] and "元/月" in estimate["zh"]

    assert kad("staff", "add", "C001", "--name", "Wang", "--role", "clerk", db=db, lang="en").stdout.rstrip().endswith("active")
    assert kad("staff", "list", db=db).stdout.rstrip().endswith("在岗")

    ticket = kad(*OPEN, db=db, lang="en").stdout
    assert "owner A001 (Admin)" in ticket and "[on time]" in ticket and not CJK.search(ticket)
    assert "负责人 A001" in kad("ticket", "show", "1", db=db).stdout
    assert kad("ticket", "list", "--queue", "all", db=db, lang="en").stdout.startswith("1 tickets")
    assert kad("ticket", "list", "--queue", "all", db=db).stdout.startswith("共 1 张工单")
    limits = kad("ticket", "limits", db=db, lang="en").stdout
    assert " h  warned 2 h before\n" in limits and not CJK.search(limits)

    printed = kad("print", "receipt", "--ticket", "1", "--out", str(tmp_path / "r.pdf"), db=db, lang="en")
    assert printed.returncode == 0 and printed.stdout.startswith("Wrote ") and "pages" in printed.stdout

    refused = kad("ticket", "close", "1", db=db, lang="en")
    assert refused.returncode == 1 and refused.stderr and not CJK.search(refused.stderr)
    no_login = kad("campaign", "list", db=db, staff=None, lang="en")
    assert no_login.returncode == 2 and no_login.stderr.strip() == "This command needs --as STAFF_ID"
    assert kad("campaign", "list", db=db, staff=None).stderr.strip() == "此命令需要 --as 工号"
    no_password = kad("campaign", "list", db=db, password=None, lang="en")
    assert no_password.returncode == 2 and "KACCOUNT_PASSWORD" in no_password.stderr and not CJK.search(no_password.stderr)

    missing = kad("campaign", "list", db=tmp_path / "none.sqlite3", lang="en")
    assert missing.returncode == 3 and missing.stderr.startswith("There is no store file at ")
    assert kad("campaign", "list", db=tmp_path / "none.sqlite3").stderr.startswith("没有这个数据库文件")


def test_a_roster_summary_in_english(db: Path, tmp_path: Path) -> None:
    assert kad("init", "--admin", "A001", db=db, staff=None).returncode == 0
    assert kad("campaign", "load", str(SAMPLE_CAMPAIGN), db=db).returncode == 0
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,部门,身份证号,手机号,套餐\n张三,财务部,11010519491231002X,13803170001,group8\n", encoding="utf-8")
    en = kad("roster", "import", str(roster), "--campaign", "BT2012-KA", "--dry-run", db=db, lang="en").stdout
    assert "(dry run, nothing written) added 0, updated 0, unchanged 0, refused 1" in en and "refused" in en.splitlines()[0]
    zh = kad("roster", "import", str(roster), "--campaign", "BT2012-KA", "--dry-run", db=db).stdout
    assert "(试导入,未写入)新增 0" in zh


@pytest.mark.postgres
def test_init_never_prints_the_password_of_a_url(pg_url: str) -> None:
    """The test server trusts local connections, so the password in the URL is ignored but still must not be printed."""
    url = pg_url.replace("postgres@", "postgres:hunter2-secret@")
    done = kad("init", "--admin", "A001", "--json", db=url, staff=None)
    assert done.returncode == 0, done.stderr
    assert done.json()["store"] == url.replace("hunter2-secret", "***")
    again = kad("init", "--admin", "A001", db=url, staff=None, lang="en")
    assert again.returncode == 1 and "hunter2-secret" not in again.stdout + again.stderr


def test_check_id_loads_no_database_document_or_spreadsheet_library() -> None:
    """In a fresh process: the quick checks must not pay for SQLAlchemy, reportlab or openpyxl."""
    heavy = ("sqlalchemy", "alembic", "reportlab", "openpyxl", "python_calamine", "PIL", "PySide6", "argon2")
    probe = (
        "import sys\n"
        "from kaccount_desk.cli.main import run\n"
        "codes = [run(['check-id', '11010519491231002X']), run(['check-number', '13803170001', '--json'])]\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r}))\n"
        "print(codes, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "[0, 0] []", done.stderr
