"""Every action a person can take in the ticket panel and the intake workflow has a CLI command.

The tables below pair them. They are read against the panels' source (each action the panel
runs through ``_act(Action.X, ...)``, each move the workflow panel has a button for) and against
the parser's real subcommands, so the test fails when either side gains one the other lacks.
"""

from __future__ import annotations

import ast
import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from clirun import kad
from support import REPO

from kaccount_desk.cli.application_commands import MOVES
from kaccount_desk.cli.main import build_parser
from kaccount_desk.cli.ticket_commands import QUEUES
from kaccount_desk.domain.tickets import Action
from kaccount_desk.domain.workflow import Status
from kaccount_desk.services.ticket_queries import Queue

UI = REPO / "kaccount_desk" / "ui"

# Ticket panel action (and the new-ticket form's RECEIVE) -> `kaccount-desk ticket <command>`.
TICKET_ACTIONS = {
    Action.RECEIVE: "open", Action.START: "start", Action.REFER: "refer", Action.ANSWER: "answer", Action.REPLY: "reply",
    Action.CALLBACK: "callback", Action.HANDSET_CAUSE: "handset", Action.OVERDUE_NOTICE: "notice", Action.NOTE: "note",
    Action.CLOSE: "close", Action.REASSIGN: "reassign", Action.WAIT: "wait", Action.RESUME: "resume",
    Action.CONTACT: "add-contact",
    Action.APPOINT: "appoint", Action.VISITED: "visited",
}
# `ticket` commands that read or configure rather than act on one ticket.
TICKET_READERS = {"show", "list", "search", "limits", "departments"}
# Workflow panel button -> `kaccount-desk application move ID --to <status>`.
WORKFLOW_MOVES = {Status.COLLECTED, Status.SUBMITTED, Status.SENT, Status.ACTIVATED, Status.REJECTED, Status.WITHDRAWN}
# The intake form's other actions -> `kaccount-desk application <command>`; the form itself is `roster import` row by row.
INTAKE_COMMANDS = {"show", "move", "confirm", "id-copy", "turn-copy", "remove-copy"}


def _subcommands(*path: str) -> set[str]:
    parser = build_parser()
    for name in path:
        action = next(a for a in parser._actions if a.dest and a.dest.endswith("command"))
        parser = action.choices[name]  # type: ignore[index]
    action = next(a for a in parser._actions if a.dest and a.dest.endswith("command"))
    return set(action.choices)  # type: ignore[arg-type]


def _enum_members(path: Path, enum: str, inside: str) -> set[str]:
    """``Enum.X`` names used as the first argument of calls to ``inside`` (or keys of a dict named ``inside``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        candidates: list[ast.expr] = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == inside and node.args:
            candidates = [node.args[0]]
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == inside for t in node.targets):
            candidates = [k for k in getattr(node.value, "keys", []) if k is not None]
        for c in candidates:
            if isinstance(c, ast.Attribute) and isinstance(c.value, ast.Name) and c.value.id == enum:
                found.add(c.attr)
    return found


def test_every_ticket_panel_action_has_a_command_and_back() -> None:
    panel = {Action[name] for name in _enum_members(UI / "tickets" / "ticket_detail.py", "Action", "_act")} | {Action.RECEIVE}
    assert panel == set(TICKET_ACTIONS), "the ticket panel and the table differ: add the new action's CLI command and a row here"
    commands = _subcommands("ticket")
    assert set(TICKET_ACTIONS.values()) <= commands, "a panel action has no `ticket` command"
    assert commands == set(TICKET_ACTIONS.values()) | TICKET_READERS, "a `ticket` command is in neither table"


def test_every_workflow_move_has_a_command_and_back() -> None:
    panel = {Status[name] for name in _enum_members(UI / "enrollment" / "workflow_panel.py", "Status", "titles")}
    assert panel == WORKFLOW_MOVES
    assert set(MOVES) == {s.value for s in WORKFLOW_MOVES}
    assert _subcommands("application") == INTAKE_COMMANDS


def test_the_cli_queue_names_are_the_services() -> None:
    assert [q.value for q in Queue] == QUEUES


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    assert kad("init", "--admin", "A001", db=path, staff=None).returncode == 0
    return path


def test_an_overdue_fault_is_closed_from_the_cli_after_the_notice(db: Path) -> None:
    received = (datetime.now().astimezone() - timedelta(days=10)).isoformat(timespec="seconds")
    opened = kad("ticket", "open", "--category", "fault", "--channel", "phone", "--window", "hotline", "--customer", "李明",
                 "--number", "13800138000", "--area", "town", "--content", "没有信号", "--received", received, "--json", db=db).json()
    tid = str(opened["id"])
    for step in (["start", tid], ["reply", tid, "--text", "已修复"], ["callback", tid, "--result", "satisfied", "--note", "客户确认"]):
        assert kad("ticket", *step, db=db).returncode == 0, step
    refused = kad("ticket", "close", tid, "--json", db=db)
    assert refused.returncode == 1 and json.loads(refused.stdout)["error"] is True
    told = kad("ticket", "notice", tid, "--text", "已告知客户超时并减免月租", "--json", db=db)
    assert told.returncode == 0 and told.json()["waiver"] is not None
    closed = kad("ticket", "close", tid, "--json", db=db).json()
    assert closed["status"] == "closed"
    actions = [e["action"] for e in closed["history"]]
    assert actions[-2:] == ["overdue_notice", "close"] and "start" in actions
    note = kad("ticket", "note", tid, "--text", "补充:基站已更换", "--json", db=db).json()
    assert note["history"][-1]["action"] == "note"
