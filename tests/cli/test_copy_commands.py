"""`application turn-copy` and `remove-copy` do what the form's Turn and Remove do, through the same service."""

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


def test_turn_and_remove_a_copy_from_the_cli(admin: Context, campaign: str, store_path: Path) -> None:
    inp = ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool",
                     msisdn="18832758801"),
        plan="group8",
    )
    app_id = enrollment.save_application(admin, inp).id
    out = BytesIO()
    Image.new("RGB", (640, 400), (200, 210, 220)).save(out, format="JPEG")
    id_copies.attach_id_copy(admin, app_id, "front", out.getvalue())
    assert kad("application", "turn-copy", str(app_id), "--side", "front", db=store_path).returncode == 0
    copy = id_copies.id_copy(admin, app_id, "front")
    assert copy is not None and (copy.width, copy.height) == (400, 640)
    missing_back = kad("application", "remove-copy", str(app_id), "--side", "back", db=store_path, lang="en")
    assert missing_back.returncode == 1 and "has no ID card back copy" in missing_back.stderr + missing_back.stdout
    removed = kad("application", "remove-copy", str(app_id), "--side", "front", "--json", db=store_path).json()
    assert removed["has_front"] is False and id_copies.id_copy(admin, app_id, "front") is None
