"""The ``answers`` commands and ``ticket appoint`` / ``ticket visited`` as a script runs them: JSON out,
a forbidden phrase or a reschedule without a reason refused with exit code 1 and the reason."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from clirun import kad

from kaccount_desk.domain.operator_time import OPERATOR_TZ


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.sqlite3")
    assert kad("init", "--admin", "A001", db=path, staff=None).returncode == 0
    return path


def ok_json(db: str, *args: str) -> Any:
    done = kad(*args, "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def refused(db: str, *args: str) -> list[str]:
    done = kad(*args, "--json", db=db)
    assert done.returncode == 1, done.stdout
    return list(json.loads(done.stdout)["codes"])


OPEN = ["ticket", "open", "--category", "fault", "--channel", "phone", "--window", "hotline", "--customer", "李明",
        "--number", "13800138000", "--area", "rural", "--content", "基站故障,信号很差"]


def test_answers_added_listed_searched_and_used_in_a_reply(db: str) -> None:
    added = ok_json(db, "answers", "add", "--category", "fault", "--topic", "信号", "--text", "已安排工程师检测基站,请保持手机畅通。")
    ok_json(db, "answers", "add", "--category", "consultation", "--topic", "资费", "--text", "集团成员间通话免费。")
    assert added[0]["topic"] == "信号"
    assert [a["topic"] for a in ok_json(db, "answers", "list", "--category", "fault")] == ["信号"]
    assert [a["id"] for a in ok_json(db, "answers", "search", "检测基站")] == [added[0]["id"]]
    assert ok_json(db, "answers", "search", "漫游") == []
    tid = str(ok_json(db, *OPEN)["id"])
    replied = ok_json(db, "ticket", "reply", tid, "--text", added[0]["text"], "--answer", str(added[0]["id"]))
    used = replied["history"][-1]["data"]
    assert used["standard_answer"] == added[0]["id"] and used["standard_topic"] == "信号" and used["edited"] is False


def test_a_forbidden_phrase_is_refused_by_ticket_reply_and_a_new_one_by_the_next_reply(db: str) -> None:
    tid = str(ok_json(db, *OPEN)["id"])
    assert refused(db, "ticket", "reply", tid, "--text", "这个 不知道") == ["answers.forbidden_phrase"]
    done = kad("--lang", "en", "ticket", "reply", tid, "--text", "ＯＫ, 这不归我管", db=db)
    assert done.returncode == 1 and "这不归我管" in done.stderr
    assert "别烦我" in ok_json(db, "answers", "forbid", "别烦我")["phrases"]
    assert "别烦我" in ok_json(db, "answers", "phrases")["phrases"]
    assert refused(db, "answers", "forbid", "别 烦我") == ["answers.phrase_known"]
    assert refused(db, "ticket", "reply", tid, "--text", "别烦我,等着吧") == ["answers.forbidden_phrase"]
    assert ok_json(db, "ticket", "show", tid)["replied"] is False


def test_a_visit_booked_moved_with_a_reason_and_recorded(db: str) -> None:
    tid = str(ok_json(db, *OPEN)["id"])
    day = (datetime.now(OPERATOR_TZ) + timedelta(days=2)).date()
    start, end = f"{day}T09:00", f"{day}T11:00"
    booked = ok_json(db, "ticket", "appoint", tid, "--from", start, "--to", end, "--visitor", "王师傅")
    assert booked["appointment"]["state"] == "booked" and booked["history"][-1]["action"] == "appoint"
    assert booked["appointment"]["start"] == f"{day}T09:00:00+08:00"
    assert refused(db, "ticket", "appoint", tid, "--from", start, "--to", end, "--visitor", "李师傅") == ["visit.reason"]
    assert refused(db, "ticket", "appoint", tid, "--from", end, "--to", start, "--visitor", "李师傅", "--reason", "改期") == ["visit.order"]
    moved = ok_json(db, "ticket", "appoint", tid, "--from", f"{day}T14:00", "--to", f"{day}T16:00", "--visitor", "李师傅",
                    "--reason", "客户下午在家")
    assert moved["history"][-1]["action"] == "reschedule" and "客户下午在家" in moved["history"][-1]["text"]
    done = ok_json(db, "ticket", "visited", tid, "--note", "已更换光猫")
    assert done["appointment"]["state"] == "kept" and done["history"][-1]["action"] == "visited"
    assert refused(db, "ticket", "visited", tid) == ["visit.none_booked"]
