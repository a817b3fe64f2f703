"""A copy can be turned, taken off and opened at full size: only while the application is being taken
(opening: or by staff allowed full IDs), with every full-size view in the audit log."""

from __future__ import annotations

from io import BytesIO

import pytest
from PIL import Image
from support import make_staff, valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused


def _card() -> bytes:
    """A landscape card whose left half is red, so a turn can be seen in the pixels."""
    image = Image.new("RGB", (640, 400), (240, 240, 240))
    image.paste((220, 20, 20), (0, 0, 320, 400))
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _pixel(ctx: Context, app_id: int, x: float, y: float) -> tuple[int, int, int]:
    copy = id_copies.id_copy(ctx, app_id, "front")
    assert copy is not None
    with Image.open(BytesIO(copy.data)) as image:
        return image.convert("RGB").getpixel((int(x * image.width), int(y * image.height)))  # type: ignore[return-value]  # RGB gives a triple


@pytest.fixture
def app_id(admin: Context, campaign: str) -> int:
    inp = ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool",
                     msisdn="18832758801"),
        plan="group8",
    )
    view = enrollment.save_application(admin, inp)
    id_copies.attach_id_copy(admin, view.id, "front", _card())
    id_copies.attach_id_copy(admin, view.id, "back", _card())
    return view.id


def _views(ctx: Context) -> list[str]:
    with ctx.store.read() as session:
        return [e.subject for e in audit.read_chain(session) if e.action == "view_id_image"]


def test_a_quarter_turn_each_way(admin: Context, app_id: int) -> None:
    id_copies.rotate_id_copy(admin, app_id, "front", clockwise=True)
    copy = id_copies.id_copy(admin, app_id, "front")
    assert copy is not None and (copy.width, copy.height) == (400, 640)
    assert _pixel(admin, app_id, 0.5, 0.1)[0] > 180, "turned clockwise, the red left half is now on top"
    assert _pixel(admin, app_id, 0.5, 0.9)[0] > 180 and _pixel(admin, app_id, 0.5, 0.9)[1] > 180
    id_copies.rotate_id_copy(admin, app_id, "front", clockwise=False)
    id_copies.rotate_id_copy(admin, app_id, "front", clockwise=False)
    assert _pixel(admin, app_id, 0.5, 0.9)[1] < 80, "two turns back: the red half is at the bottom"


def test_removing_a_copy_makes_it_missing_again(admin: Context, app_id: int) -> None:
    view = id_copies.remove_id_copy(admin, app_id, "back")
    assert view.has_front and not view.has_back
    assert any(r.code.startswith("missing.copy") for r in view.missing)
    assert id_copies.id_copy(admin, app_id, "back") is None
    with pytest.raises(Refused) as refused:
        id_copies.remove_id_copy(admin, app_id, "back")
    assert refused.value.reasons[0].code == "image.none"


def test_once_it_moved_on_copies_stay_as_they_are(admin: Context, app_id: int) -> None:
    enrollment.move_application(admin, app_id, "submitted")
    before = id_copies.id_copy(admin, app_id, "front")
    for change in (id_copies.remove_id_copy, id_copies.rotate_id_copy):
        with pytest.raises(Refused):
            change(admin, app_id, "front")
    assert id_copies.id_copy(admin, app_id, "front") == before


def test_full_size_views_are_allowed_as_the_rule_says_and_recorded(admin: Context, campaign: str) -> None:
    clerk, other_clerk = make_staff(admin, "G101", "clerk"), make_staff(admin, "G102", "clerk")
    inp = ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="李四", id_number=valid_id("13098119850612224"), number_source="pool",
                     msisdn="18832758802"),
        plan="group8",
    )
    app_id = enrollment.save_application(clerk, inp).id
    for side in ("front", "back"):
        id_copies.attach_id_copy(clerk, app_id, side, _card())
    assert id_copies.view_id_copy(clerk, app_id, "front").width == 640, "the person taking it checks the scan"
    assert id_copies.view_id_copy(admin, app_id, "front").width == 640
    assert _views(admin) == [f"applications {app_id}"] * 2
    with pytest.raises(Refused) as refused:
        id_copies.view_id_copy(other_clerk, app_id, "front")
    assert refused.value.reasons[0].code == "forbidden.id_image", "a clerk who sees the number masked sees no full image"
    enrollment.move_application(admin, app_id, "submitted")
    with pytest.raises(Refused):
        id_copies.view_id_copy(clerk, app_id, "front")
    assert id_copies.view_id_copy(admin, app_id, "front").width == 640, "staff allowed full IDs still may"
    assert len(_views(admin)) == 3, "a refused view is not recorded as a view"
