"""Helpers and constants the tests share; fixtures live in conftest.py beside this file.

Kept out of conftest.py because each test folder may have a conftest of its own, and a plain
``from conftest import`` would then pick up the wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import select
from stdnum.cn import ric

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import staff
from kaccount_desk.services.context import Actor, Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.store.models import Staff

REPO = Path(__file__).resolve().parent.parent
SAMPLE_CAMPAIGN = REPO / "resources" / "campaigns" / "botou-2012.toml"
CST = timezone(timedelta(hours=8))
PASSWORD = "secret-pass"


@dataclass
class Clock:
    """A clock the test moves by hand: deadlines are about time, and time must not flake."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


def make_staff(admin: Context, staff_no: str, role: str, department: str | None = None) -> Context:
    """A colleague added through the service; acting as them without logging in, since checking the
    password (argon2) costs a second or more per call on a busy machine and login has its own tests."""
    staff.create_staff(admin, staff_no, f"员工{staff_no}", role, PASSWORD, department)
    with admin.store.read() as session:
        row = session.scalar(select(Staff).where(Staff.staff_no == staff_no))
    assert row is not None
    return Context(admin.store, Actor(row.id, row.staff_no, row.name, row.role, row.department))


def application_input(campaign_code: str, **values: object) -> ApplicationInput:
    """An input from flat keyword values, each put where it is declared: the applicant's own fields
    (the domain's ``IntakeFields``) or what the save adds beside them; for tests that vary both by name."""
    own = {f.name for f in fields(IntakeFields)}
    typed = {k: v for k, v in values.items() if k in own}
    rest = {k: v for k, v in values.items() if k not in own}
    return ApplicationInput(campaign_code, IntakeFields(**typed), **rest)  # type: ignore[arg-type]


def valid_id(first17: str) -> str:
    """A resident ID with the right check character, for tests that need valid ones."""
    return first17 + ric.calc_check_digit(first17 + "0")
