"""A full ID number a command prints is recorded like one on screen (issue 20, item 7)."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import kad
from support import valid_id

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import audit, enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput

ID_1 = valid_id("13098119780101123")


def _views(ctx: Context) -> list[tuple[str, str, dict[str, object]]]:
    with ctx.store.read() as session:
        return [(e.actor, e.subject, json.loads(e.detail)) for e in audit.read_chain(session) if e.action == Action.VIEW_FULL_ID]


def test_application_show_on_the_command_line_is_recorded(campaign: str, store_path: Path, admin: Context) -> None:
    app_id = enrollment.save_application(admin, ApplicationInput(
        campaign, IntakeFields(department="铸造事业部", name="张三", id_number=ID_1, number_source="pool", msisdn="18832758801"),
        plan="group8",
    )).id
    before = len(_views(admin))
    done = kad("application", "show", str(app_id), db=store_path)
    assert done.returncode == 0 and ID_1 in done.stdout
    assert _views(admin)[before:] == [("A001", f"applications {app_id}", {"why": "show"})]
