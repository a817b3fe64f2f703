"""The intake preview on a real SQLite store: what the form shows, decided by the service (issue 19 items 2 and 8)."""

from __future__ import annotations

import pytest
from support import Clock, application_input, make_staff, valid_id

from kaccount_desk.domain.workflow import Status
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.intake_preview import preview_intake

ID_1 = valid_id("13098119780101123")
ID_2 = valid_id("13098119850612224")


def _typed(campaign: str, **changes: object) -> ApplicationInput:
    base: dict[str, object] = dict(department="铸造事业部", name="张三", id_number=ID_1, number_source="pool", msisdn="18832758801",
                                   plan="group8")
    return application_input(campaign, **(base | changes))


def test_a_pool_number_with_keep_the_current_plan_is_refused_in_words(admin: Context, campaign: str) -> None:
    with pytest.raises(Refused) as refused:
        enrollment.save_application(admin, _typed(campaign, plan="keep5"))
    (reason,) = refused.value.reasons
    assert reason.code == "application.plan_keep_current_new_number"
    assert "新号码没有原资费" in reason.zh and "no current plan" in reason.en
    kept = enrollment.save_application(admin, _typed(campaign, number_source="existing", msisdn="13812345678", plan="keep5"))
    assert kept.plan == "keep5"


def test_the_preview_offers_no_keep_current_plan_for_a_pool_number(admin: Context, campaign: str) -> None:
    pool = preview_intake(admin, _typed(campaign, plan="keep5"))
    assert {p.code: p.offered for p in pool.plans} == {"group8": True, "mzone15": True, "keep5": False}
    assert pool.notes["plan"].state == "reason" and "新号码没有原资费" in pool.notes["plan"].text("zh")
    assert "application.plan_keep_current_new_number" in {r.code for r in pool.missing}
    kept = preview_intake(admin, _typed(campaign, number_source="existing", msisdn="13812345678", plan="keep5"))
    assert all(p.offered for p in kept.plans) and kept.notes["plan"].state == "ok" and kept.fee is not None


def test_a_number_another_application_holds_is_named_while_typing(admin: Context, campaign: str) -> None:
    other = enrollment.save_application(admin, _typed(campaign, name="李四", id_number=ID_2))
    preview = preview_intake(admin, _typed(campaign))
    note = preview.notes["number"]
    assert note.state == "reason" and f"第{other.id}号申请" in note.text("zh") and f"#{other.id}" in note.text("en")
    assert "number.taken" in {r.code for r in preview.missing}
    assert preview_intake(admin, _typed(campaign, name="李四", id_number=ID_2), other.id).notes["number"].state == "ok"


def test_the_same_person_twice_is_named_under_the_id(admin: Context, campaign: str) -> None:
    first = enrollment.save_application(admin, _typed(campaign))
    again = preview_intake(admin, _typed(campaign, msisdn="18832758802"))
    assert again.notes["id"].state == "warning" and f"第{first.id}号" in again.notes["id"].text("zh")
    assert "application.same_person" not in {line.code for line in preview_intake(admin, _typed(campaign), first.id).notes["id"].lines}


def test_a_wrong_check_digit_is_listed_once(admin: Context, campaign: str) -> None:
    wrong = ID_1[:-1] + ("1" if ID_1[-1] != "1" else "2")
    preview = preview_intake(admin, _typed(campaign, id_number=wrong))
    assert preview.notes["id"].state == "reason"
    assert [r.code for r in preview.missing if r.code.startswith(("id.", "missing.id"))] == ["missing.id"]


def test_forward_moves_are_offered_only_when_they_would_go_through(admin: Context, campaign: str) -> None:
    view = enrollment.save_application(admin, _typed(campaign))
    preview = preview_intake(admin, _typed(campaign), view.id)
    assert Status.COLLECTED in view.moves and Status.COLLECTED not in preview.moves  # the copies are missing
    assert Status.WITHDRAWN in preview.moves


def test_a_late_application_says_who_may_accept_it(admin: Context, campaign: str, clock: Clock) -> None:
    clock.advance(days=3)
    clerk = make_staff(admin, "C001", "clerk")
    late = preview_intake(clerk, _typed(campaign)).late
    assert late is not None and not late.may_accept and late.reason.code == "deadline.passed"
    assert "主管" in late.who_may.zh and "管理员" in late.who_may.zh and "办公室" in late.who_may.zh
    assert preview_intake(admin, _typed(campaign)).late.may_accept  # type: ignore[union-attr]
    clock.advance(days=-3)
    assert preview_intake(admin, _typed(campaign)).late is None
