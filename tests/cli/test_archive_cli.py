"""``company``, ``billing`` and ``customer`` from the command line, each with --json, on a real store file."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from clirun import kad
from PIL import Image
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput

NUMBER = "18832758801"
ID_NUMBER = valid_id("13098119780101123")


def _activated(admin: Context, campaign: str) -> None:
    app_id = enrollment.save_application(admin, ApplicationInput(campaign, IntakeFields(
        department="铸造事业部", name="张三", id_number=ID_NUMBER, number_source="pool", msisdn=NUMBER), plan="group8")).id
    jpeg = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(jpeg, format="JPEG")
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, jpeg.getvalue())
    for step in ("collected", "submitted", "sent", "activated"):
        enrollment.move_application(admin, app_id, step)


def _bills(folder: Path, month: str, amount: str, arrears: str = "0") -> Path:
    path = folder / f"{month}-{amount}.csv"
    path.write_text(f"服务号码,帐期,出账金额,欠费\n{NUMBER},{month},{amount},{arrears}\n13803170001,{month},10,0\n", encoding="utf-8")
    return path


def test_company_commands_with_json(admin: Context, campaign: str, store_path: Path) -> None:
    _activated(admin, campaign)
    added = kad("company", "add", "泊头铸造有限公司", "--class", "B", "--manager", "A001", "--campaign", campaign,
                "--industry", "制造业", "--json", db=store_path)
    assert added.returncode == 0, added.stderr
    assert (added.json()["members"], added.json()["campaigns"], added.json()["manager"]) == (1, [campaign], "A001")
    listed = kad("company", "list", "--json", db=store_path).json()
    assert [(c["name"], c["company_class"], c["members"]) for c in listed] == [("泊头铸造有限公司", "B", 1)]
    changed = kad("company", "set-class", "泊头铸造有限公司", "A", "--reason", "当地支柱企业", "--json", db=store_path).json()
    assert [(h["from_class"], h["to_class"], h["reason"]) for h in changed["history"]] == [
        (None, "B", ""), ("B", "A", "当地支柱企业")]
    shown = kad("company", "show", str(changed["id"]), "--json", db=store_path).json()
    assert shown["member_numbers"] == [NUMBER] and shown["company_class"] == "A"
    rules = kad("company", "class-rules", "--set", "B", "30", "3000", "--json", db=store_path).json()
    assert rules[1] == {"company_class": "B", "class_name": "B类(中型企业、事业单位)", "min_members": 30, "min_monthly_yuan": "3000.00"}
    refused = kad("company", "class-rules", "--set", "A", "1", "0", "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["codes"] == ["class_rule.order"]
    shown_text = kad("company", "show", "泊头铸造有限公司", db=store_path).stdout
    assert "A类(党政机构、当地经济支柱企业)" in shown_text and "尚无账单" in shown_text
    assert kad("company", "show", "没有", db=store_path).returncode == 1


def test_billing_commands_with_json(admin: Context, store_path: Path, tmp_path: Path) -> None:
    for month in ("2026-01", "2026-02", "2026-03"):
        done = kad("billing", "import", str(_bills(tmp_path, month, "520")), "--month", month, "--json", db=store_path)
        assert done.returncode == 0, done.stderr
    assert done.json()["tiers"]["tiers"] == {"gold": 1} and done.json()["tiers"]["moves"] == {"new": 1}
    again = kad("billing", "import", str(_bills(tmp_path, "2026-03", "520")), "--month", "2026-03", "--json", db=store_path)
    assert again.json()["changed"] is False
    dry = kad("billing", "import", str(_bills(tmp_path, "2026-04", "520", "12.5")), "--month", "2026-04", "--dry-run", "--json",
              db=store_path).json()
    assert dry["dry_run"] is True and dry["tiers"]["moves"] == {"lost": 1}
    kad("billing", "import", str(_bills(tmp_path, "2026-04", "520", "12.5")), "--month", "2026-04", db=store_path)
    moves = kad("billing", "changes", "--month", "2026-04", "--json", db=store_path).json()
    assert [(m["number"], m["change"], m["before"], m["after"]) for m in moves] == [(NUMBER, "lost", "gold", None)]
    assert "退出" in kad("billing", "changes", "--month", "2026-04", db=store_path).stdout
    assert kad("billing", "tiers", "--set", "gold", "400", "--json", db=store_path).json()[1]["min_average_yuan"] == "400.00"
    bad = tmp_path / "bad.csv"
    bad.write_text("号码,金额\n123,abc\n", encoding="utf-8")
    refused = kad("billing", "import", str(bad), "--month", "2026-05", "--json", db=store_path)
    assert refused.returncode == 1 and refused.json()["refused_rows"][0]["codes"] == ["billing.number", "billing.amount"]
    assert "row 2: The number is not an 11-digit mobile number" in kad(
        "billing", "import", str(bad), "--month", "2026-05", db=store_path, lang="en").stdout
    assert kad("billing", "import", str(bad), "--month", "May", db=store_path).returncode == 1


def test_customer_commands_with_json(admin: Context, campaign: str, store_path: Path, tmp_path: Path) -> None:
    _activated(admin, campaign)
    kad("company", "add", "泊头铸造有限公司", "--campaign", campaign, db=store_path)
    for month in ("2026-01", "2026-02", "2026-03"):
        kad("billing", "import", str(_bills(tmp_path, month, "1000")), "--month", month, db=store_path)
    card = kad("customer", "show", NUMBER, "--json", db=store_path)
    assert card.returncode == 0, card.stderr
    document = card.json()
    assert (document["name"], document["tier"]["tier"], document["company"]["name"]) == ("张三", "diamond", "泊头铸造有限公司")
    assert ID_NUMBER not in card.stdout and document["applications"][0]["id_number"].endswith(ID_NUMBER[-4:])
    assert "钻石卡" in kad("customer", "show", NUMBER, db=store_path).stdout
    hits = kad("customer", "search", ID_NUMBER[-4:], "--json", db=store_path).json()
    assert [h["number"] for h in hits] == [NUMBER]
    assert [h["number"] for h in kad("customer", "search", "铸造", "--json", db=store_path).json()] == [NUMBER]
    unknown = kad("customer", "show", "13900000000", "--json", db=store_path)
    assert unknown.returncode == 1 and unknown.json()["codes"] == ["not_found"]


def test_customer_show_names_the_numbers_own_account_manager(admin: Context, campaign: str, store_path: Path) -> None:
    _activated(admin, campaign)
    kad("company", "add", "泊头铸造有限公司", "--manager", "A001", "--campaign", campaign, db=store_path)
    make_staff(admin, "M001", "account_manager")
    assert kad("customer", "show", NUMBER, "--json", db=store_path).json()["manager"] is None
    assert kad("manager", "assign-number", NUMBER, "M001", db=store_path).returncode == 0
    document = kad("customer", "show", NUMBER, "--json", db=store_path).json()
    assert (document["manager"], document["company"]["manager"]) == ({"staff_no": "M001", "name": "员工M001"}, "A001")
    assert "本号码的客户经理 M001" in kad("customer", "show", NUMBER, db=store_path).stdout


def test_company_import_members_with_json(admin: Context, campaign: str, store_path: Path, tmp_path: Path) -> None:
    _activated(admin, campaign)
    kad("company", "add", "泊头铸造有限公司", "--campaign", campaign, db=store_path)
    path = tmp_path / "成员清单.csv"
    path.write_text(f"姓名,成员号码\n张三,{NUMBER}\n李四,13803170001\n王五,12345\n", encoding="utf-8")
    dry = kad("company", "import-members", "泊头铸造有限公司", str(path), "--dry-run", "--json", db=store_path)
    assert dry.returncode == 1 and dry.json()["totals"] == {"new": 2, "unchanged": 0, "refused": 1}
    assert dry.json()["members"] == 2 and dry.json()["dry_run"] is True  # what it would be: the application and one more
    assert kad("company", "show", "泊头铸造有限公司", "--json", db=store_path).json()["members"] == 1
    done = kad("company", "import-members", "泊头铸造有限公司", str(path), "--json", db=store_path).json()
    assert [(r["row"], r["outcome"], r["codes"]) for r in done["rows"]] == [
        (2, "new", []), (3, "new", []), (4, "refused", ["mobile.length"])]
    assert done["members"] == 2 and kad("company", "show", "泊头铸造有限公司", "--json", db=store_path).json()["members"] == 2
    again = kad("company", "import-members", "泊头铸造有限公司", str(path), db=store_path, lang="en")
    assert "new members 0, already members 2, refused 1" in again.stdout and "row 4 12345 Refused" in again.stdout
    assert kad("customer", "show", "13803170001", "--json", db=store_path).json()["company"]["name"] == "泊头铸造有限公司"
    missing = kad("company", "import-members", "没有这家", str(path), "--json", db=store_path)
    assert missing.returncode == 1 and missing.json()["codes"] == ["not_found"]
