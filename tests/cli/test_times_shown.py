"""Times in the CLI's lines read as the GUI shows them, to the minute; --json keeps ISO 8601 for scripts."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from clirun import kad
from support import valid_id

from kaccount_desk.cli.output import when
from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import enrollment
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput


@pytest.fixture
def in_china(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_store_times_in_local_time_ticket_times_in_their_own_zone(in_china: None) -> None:
    assert when(datetime(2026, 12, 2, 6, 29, 34, 957479, tzinfo=UTC)) == "2026-12-02 14:29"
    assert when(datetime(2026, 12, 2, 6, 29)) == "2026-12-02 14:29", "a naive time from the store is UTC"
    beijing = timezone(timedelta(hours=8))
    assert when(datetime(2026, 12, 5, 14, 27, 5, tzinfo=beijing)) == "2026-12-05 14:27"


def test_application_history_lines_carry_no_iso_stamps(admin: Context, campaign: str, store_path: Path) -> None:
    inp = ApplicationInput(
        campaign,
        IntakeFields(department="铸造事业部", name="张三", id_number=valid_id("13098119780101123"), number_source="pool",
                     msisdn="18832758801"),
        plan="group8",
    )
    app_id = enrollment.save_application(admin, inp).id
    shown = kad("application", "show", str(app_id), db=store_path).stdout
    assert re.search(r"^  \d{4}-\d\d-\d\d \d\d:\d\d A001 ", shown, re.M), shown
    assert not re.search(r"T\d\d:\d\d:\d\d", shown)
    assert "T" in kad("application", "show", str(app_id), "--json", db=store_path).json()["events"][0]["at"]
