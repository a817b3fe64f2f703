"""The intake form's first preview comes with its campaign (intake_preview.open_campaign): a form
opened on a campaign reads it once, in two statements, and paints the preview of its empty
application from that read; typing before the campaign came still gets a preview of its own."""

from __future__ import annotations

from functools import partial

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from support import make_staff

from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.enrollment.intake_form import IntakeForm


def _note(sent: list[str], _conn: object, _cursor: object, statement: str, *_rest: object) -> None:
    if statement != "BEGIN":
        sent.append(statement)


def _opened(qtbot: QtBot, ctx: Context, campaign: str, sent: list[str], typed: str = "") -> IntakeForm:
    listen = partial(_note, sent)
    event.listen(ctx.store.engine, "before_cursor_execute", listen)
    try:
        form = IntakeForm(ctx, campaign)
        qtbot.addWidget(form)
        if typed:
            form.name_edit.setText(typed)  # before the campaign came from the store
        qtbot.waitUntil(lambda: operations.idle() and form.preview_settled)
    finally:
        event.remove(ctx.store.engine, "before_cursor_execute", listen)
    return form


@pytest.mark.parametrize("role", ["admin", "collector"])  # a collector's form opens on their own department
def test_the_first_preview_is_read_with_the_campaign(qtbot: QtBot, admin: Context, campaign: str, role: str) -> None:
    ctx = admin if role == "admin" else make_staff(admin, "C101", "collector", "铸造事业部")
    sent: list[str] = []
    form = _opened(qtbot, ctx, campaign, sent)
    assert len(sent) == 2  # the campaign with its departments and plans, its pool: nothing again for the preview
    assert form.preview is not None and {p.code for p in form.preview.plans} == {"group8", "mzone15", "keep5"}
    assert form.plan_combo.count() > 1 and "application.name" in {r.code for r in form.preview.missing}
    assert form.dept_combo.currentText() == (ctx.actor.department or "")


def test_typing_before_the_campaign_came_gets_its_own_preview(qtbot: QtBot, admin: Context, campaign: str) -> None:
    sent: list[str] = []
    form = _opened(qtbot, admin, campaign, sent, typed="张三")
    assert form.name_edit.text() == "张三" and form.preview is not None
    assert "application.name" not in {r.code for r in form.preview.missing}  # the name typed is in it
    assert len(sent) == 3  # the typed form is not the one the campaign's preview was read for: asked again
