"""``purge --dry-run`` / ``purge`` and ``retention`` from the command line, on a real store file."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from clirun import kad
from PIL import Image
from support import valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput


def _jpeg() -> bytes:
    out = BytesIO()
    Image.new("RGB", (856, 540), (120, 200, 220)).save(out, format="JPEG")
    return out.getvalue()


def test_dry_run_lists_purge_deletes_and_only_admins_may(admin: Context, campaign: str, store_path: Path) -> None:
    app_id = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123")),
    )).id
    for side in ("front", "back"):
        id_copies.attach_id_copy(admin, app_id, side, _jpeg())
    # The CLI runs on today's clock: the sample campaign closed in 2012, so its copies are long due.
    listed = kad("purge", "--dry-run", "--json", db=store_path)
    assert listed.returncode == 0, listed.stderr
    assert listed.json()["images"] == 2 and listed.json()["applications"][0]["application_id"] == app_id
    assert "张三" not in listed.stdout
    assert id_copies.id_copy(admin, app_id, "front") is not None
    assert "2 ID-card images of 1 applications would be deleted" in kad("purge", "--dry-run", db=store_path, lang="en").stdout
    done = kad("purge", db=store_path)
    assert done.returncode == 0 and "已删除 1 份申请的 2 张身份证复印件" in done.stdout
    assert id_copies.id_copy(admin, app_id, "front") is None
    assert kad("retention", "--mode", "counter", "--json", db=store_path).json() == {"mode": "counter", "days": 90, "abandoned_days": 730}
    set_span = kad("retention", "--abandoned-days", "365", db=store_path, lang="en")
    assert set_span.returncode == 0 and "counter 90 (unfinished applications: 365 days after the close)" in set_span.stdout
    assert kad("retention", "--abandoned-days", "0", db=store_path).returncode == 1
    assert kad("retention", "--days", "0", db=store_path).returncode == 1
    enrollment_staff = kad("staff", "add", "O001", "--name", "王芳", "--role", "office", "--department", "公司(党委)办公室", db=store_path)
    assert enrollment_staff.returncode == 0, enrollment_staff.stderr
    assert kad("purge", db=store_path, staff="O001").returncode == 1
