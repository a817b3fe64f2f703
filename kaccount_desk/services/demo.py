"""``kaccount-desk demo``: fill an empty store with a believable office's work, for trying and measuring.

A new clerk, a trainer or a benchmark needs a store that looks like a year at the counter
without anyone's real data. The fill is deterministic (same seed, same store), refuses a store
that already holds applications or tickets (so it can never mix invented people into an office's
real work), and writes through the same tables, defaults, encryption and audit trail as real work.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from sqlalchemy import func, select

from kaccount_desk.domain.audit import Action
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services import campaigns, staff
from kaccount_desk.services.audit import record_for
from kaccount_desk.services.context import Context
from kaccount_desk.services.demo_applications import ApplicationPlan, insert_applications
from kaccount_desk.services.demo_billing import insert_bills
from kaccount_desk.services.demo_tickets import insert_tickets, ticket_plan
from kaccount_desk.services.errors import Refused
from kaccount_desk.services.tickets import time_limits
from kaccount_desk.store.models import Application, RatedItemRow, Staff
from kaccount_desk.store.ticket_models import Ticket

DEMO_PASSWORD = "Demo-Counter-2012"
MAX_TICKETS = 10_000_000
MAX_APPLICATIONS = 1_000_000
# The demo's staff: 工号, name, role, department (a collector belongs to a business unit).
DEMO_STAFF = (
    ("D101", "刘晓燕", Role.CLERK, None), ("D102", "王建国", Role.CLERK, None), ("D103", "张丽娟", Role.CLERK, None),
    ("D104", "赵明", Role.CLERK, None), ("D105", "孙海波", Role.CLERK, None), ("D106", "周婷", Role.CLERK, None),
    ("D201", "陈志强", Role.SUPERVISOR, None), ("D301", "李秀英", Role.OFFICE, None),
    ("D401", "马春梅", Role.COLLECTOR, "铸造事业部"), ("D402", "郭鹏", Role.COLLECTOR, "装配事业部"),
)
DEMO_STAFF_NOS = tuple(s[0] for s in DEMO_STAFF)
# progress(done, total) -> False to stop: the CLI prints it, the GUI's operation dialog shows it.
Progress = Callable[[int, int], bool]


@dataclass(frozen=True)
class DemoFill:
    campaign: str
    staff: tuple[str, ...]
    password: str
    applications: int
    copies: int
    tickets: int
    seconds: float
    stopped: bool
    billed_numbers: int = 0  # numbers with a year of bills (services/demo_billing.py)


def _refuse_if_in_use(ctx: Context, tickets: int, applications: int) -> None:
    problems = []
    if not 0 <= tickets <= MAX_TICKETS or not 0 <= applications <= MAX_APPLICATIONS:
        problems.append(Reason("demo.counts", f"工单数须在0到{MAX_TICKETS:,}之间,申请数须在0到{MAX_APPLICATIONS:,}之间",
                               f"Tickets must be 0 to {MAX_TICKETS:,} and applications 0 to {MAX_APPLICATIONS:,}"))
    with ctx.store.read() as session:
        in_use = (session.scalar(select(func.count()).select_from(Application)) or 0) + (
            session.scalar(select(func.count()).select_from(Ticket)) or 0)
        taken = set(session.scalars(select(Staff.staff_no).where(Staff.staff_no.in_(DEMO_STAFF_NOS))))
    if in_use:
        problems.append(Reason("demo.in_use", "这个数据库里已经有申请或工单:演示数据只能填入新建的空数据库(先用 init 建一个)",
                               "This store already holds applications or tickets: demo data goes only into a new, "
                               "empty store (make one with init first)"))
    if taken:
        listed = ", ".join(sorted(taken))
        problems.append(Reason("demo.staff_taken", f"工号 {listed} 已存在", f"Staff IDs {listed} exist"))
    if problems:
        raise Refused(*problems)


def _campaign(ctx: Context, seed: int) -> ApplicationPlan:
    """The sample campaign, renamed and still open: its deadline a month from now."""
    now = ctx.now()
    sample = campaigns.read_campaign_file(campaigns.sample_campaign_path(ctx))
    spec = replace(sample, code=f"DEMO-{seed}", title=f"{sample.title}(演示数据)",
                   issued_on=(now - timedelta(days=20)).date(), deadline=now + timedelta(days=30))
    campaigns.save_campaign(ctx, spec)
    with ctx.store.read() as session:
        row = campaigns.campaign_row(session, spec.code)
        items = list(session.execute(select(RatedItemRow.id, RatedItemRow.kind, RatedItemRow.keep_current)
                                     .where(RatedItemRow.campaign_id == row.id).order_by(RatedItemRow.position)))
        roles = list(session.execute(select(Staff.id, Staff.role).where(Staff.staff_no.in_(DEMO_STAFF_NOS))))
        departments = tuple(d.id for d in row.departments)
    return ApplicationPlan(
        campaign_id=row.id, departments=departments,
        plans=tuple((i, keeps) for i, kind, keeps in items if kind == "plan"),
        addon=next((i for i, kind, _ in items if kind == "addon"), None), pool=tuple(spec.pool()),
        takers=tuple(i for i, role in roles if role in (Role.COLLECTOR, Role.CLERK)),
        office=tuple(i for i, role in roles if role in (Role.OFFICE, Role.SUPERVISOR)), start=now - timedelta(days=20), now=now, seed=seed,
    )


def fill_demo(ctx: Context, tickets: int, applications: int, seed: int = 1, progress: Progress | None = None) -> DemoFill:
    """Add the demo staff, an open campaign with ``applications`` and a year of ``tickets``."""
    ctx.require(Permission.MANAGE_STAFF)
    _refuse_if_in_use(ctx, tickets, applications)
    started = time.monotonic()
    for staff_no, name, role, department in DEMO_STAFF:
        staff.create_staff(ctx, staff_no, name, role.value, DEMO_PASSWORD, department)
    total, done = tickets + applications, 0

    def step(count: int) -> bool:
        nonlocal done
        done += count
        return progress is None or progress(done, total)

    plan = _campaign(ctx, seed)
    made_apps, copies = insert_applications(ctx, plan, applications, step)
    stopped = made_apps < applications
    made_tickets = 0
    if not stopped:
        with ctx.store.read() as session:
            owners = [i for i, role in session.execute(select(Staff.id, Staff.role).where(Staff.staff_no.in_(DEMO_STAFF_NOS)))
                      if role in (Role.CLERK, Role.SUPERVISOR)]
            tplan = ticket_plan(session, owners, time_limits(ctx), ctx.now(), seed, tickets)
        made_tickets = insert_tickets(ctx, tplan, tickets, step)
        stopped = made_tickets < tickets
    billed = 0 if stopped else insert_bills(ctx, seed)
    with ctx.transaction() as session:
        record_for(ctx, session, Action.DEMO_FILL, "", applications=made_apps, tickets=made_tickets, seed=seed)
    return DemoFill(f"DEMO-{seed}", DEMO_STAFF_NOS, DEMO_PASSWORD, made_apps, copies, made_tickets,
                    round(time.monotonic() - started, 1), stopped, billed)
