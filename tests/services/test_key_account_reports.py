"""The key-account reports of a month on a small store built by the archive's own services: five months
of bills, two companies, members joined by activation and by list, key accounts' tickets with callbacks.

Report month 2012-02 (the test clock's), the month before 2012-01. The numbers:
- N1 activated into company A on 2012-02-25: 1200 yuan a month, diamond throughout.
- N2 listed in A since 2011-12: 600 a month, gold in January; a zero bill in February: gone from the
  group, and its average falls to silver (a tier drop).
- N3 listed in A since 2012-01: 200 a month, 个人高价值客户 in January; arrears in February: out of the tiers.
- N5 listed in B at 23:59 on 29 February (hall time): 100 a month, no bill in February: gone from B.
- N4 listed in B at 00:30 on 1 March (hall time; still February in UTC): not a member in February.
- OUTSIDER, no company: 400 a month, silver, so its ticket is a key account's without a tick.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event
from support import CST, Clock, make_staff
from test_billing import extract, months
from test_customers import enrolled

from kaccount_desk.services import billing, companies, manager_tasks, tickets
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import Forbidden, Refused
from kaccount_desk.services.key_account_reports import key_account_report
from kaccount_desk.services.tickets import TicketInput
from kaccount_desk.store.archive_models import CompanyMember

N1, N2, N3, N4, N5 = "18832758801", "13803170001", "13803170002", "13803170003", "13803170004"
OUTSIDER, STRANGER, TICKED = "13900000001", "13911112222", "13911113333"
MONTH = "2012-02"


def listed(admin: Context, company: str, number: str, at: datetime) -> None:
    """A member from an operator's list (the archive has no list import yet, so the row is written as one would)."""
    with admin.transaction() as session:
        company_id = companies.company_row(session, company).id
        session.add(CompanyMember(company_id=company_id, number=number, source="operator_list", added_at=at))


def open_ticket(admin: Context, number: str, category: str = "consultation", key_account: bool = False) -> int:
    return tickets.open_ticket(admin, TicketInput(category, "phone", "hotline", "客户", number, "话费和信号", key_account=key_account)).id


def settle(admin: Context, ticket_id: int, *results: str) -> None:
    """Reply, call back with each result in turn (replying again after "not satisfied" reopens it), close."""
    for result in results:
        tickets.reply(admin, ticket_id, "已处理")
        tickets.callback(admin, ticket_id, result)
    tickets.close(admin, ticket_id)


def build(admin: Context, campaign: str, folder: Path, clock: Clock) -> Context:
    """The store of the module's docstring; returns the second account manager (M002, a supervisor)."""
    manager = make_staff(admin, "M002", "supervisor")
    enrolled(admin, campaign, msisdn=N1)
    companies.add_company(admin, "泊头铸造有限公司", "A", manager="A001", campaigns=[campaign])
    companies.add_company(admin, "沧州市政府", "B", manager="M002")
    listed(admin, "泊头铸造有限公司", N2, datetime(2011, 12, 10, 9, 0, tzinfo=CST))
    listed(admin, "泊头铸造有限公司", N3, datetime(2012, 1, 15, 9, 0, tzinfo=CST))
    listed(admin, "沧州市政府", N5, datetime(2012, 2, 29, 23, 59, tzinfo=CST))
    listed(admin, "沧州市政府", N4, datetime(2012, 3, 1, 0, 30, tzinfo=CST))
    for month in [*months(2011, 10, 12), "2012-01"]:
        bills = {N1: "1200", N2: "600", N3: "200", N4: "50", N5: "100", OUTSIDER: "400"}
        billing.import_billing(admin, extract(folder, month, bills), month)
    february = {N1: "1200", N2: "0", N3: "200", N4: "50", OUTSIDER: "400"}
    billing.import_billing(admin, extract(folder, MONTH, february, arrears={N3: "50"}), MONTH)
    late = open_ticket(admin, N3)  # a member's; closed a second after its 24 hours
    on_the_dot = open_ticket(admin, N1, "complaint")  # a member's; closed at its due time exactly
    settle(admin, open_ticket(admin, OUTSIDER), "unsatisfied", "satisfied")
    settle(admin, open_ticket(admin, STRANGER), "satisfied")  # nobody's key account: not in the report
    settle(admin, open_ticket(admin, TICKED, "lookup", key_account=True), "unreachable")
    clock.advance(hours=24, seconds=1)
    settle(admin, late, "satisfied")
    clock.advance(hours=24, seconds=-1)
    settle(admin, on_the_dot, "satisfied")
    return manager


def test_a_month_of_development_revenue_churn_satisfaction_and_managers(admin: Context, campaign: str, tmp_path: Path,
                                                                        clock: Clock) -> None:
    build(admin, campaign, tmp_path, clock)
    report = key_account_report(admin, "2012年2月")
    assert report.month == MONTH and report.bills_imported
    assert report.months_imported == [*months(2011, 10, 12), "2012-01", MONTH]
    assert [t.month for t in report.trend] == [*months(2011, 3, 12), "2012-01", MONTH]
    assert [(t.month, t.members, t.gained, t.key_accounts) for t in report.trend[-4:]] == [
        ("2011-11", 0, 0, 0), ("2011-12", 1, 1, 4), ("2012-01", 2, 1, 4), (MONTH, 4, 2, 3)]
    assert report.trend[-2].by_tier == {"diamond": 1, "gold": 1, "silver": 1, "high_value": 1}
    assert report.trend[-1].by_tier == {"diamond": 1, "gold": 0, "silver": 2, "high_value": 0}
    assert [(c.name, c.members, c.gained, c.key_accounts, c.billed, c.revenue_fen, c.left) for c in report.companies] == [
        ("泊头铸造有限公司", 3, 1, 2, 2, 140_000, 1), ("沧州市政府", 1, 1, 0, 0, 0, 1)]
    assert [(t.tier, t.numbers, t.revenue_fen, t.average_fen) for t in report.tiers] == [
        ("diamond", 1, 120_000, 120_000), ("gold", 0, 0, 0), ("silver", 2, 40_000, 20_000), ("high_value", 0, 0, 0),
        (None, 2, 25_000, 12_500)]
    assert [(c.kind, c.tier, c.numbers) for c in report.churn if c.numbers] == [
        ("left_group", None, 2), ("tier_down", "gold", 1), ("tier_lost", "high_value", 1)]
    assert [(s.category, s.closed, s.on_time, s.satisfied, s.unsatisfied, s.unreachable) for s in report.satisfaction] == [
        ("complaint", 1, 1, 1, 0, 0), ("consultation", 2, 1, 2, 1, 0), ("lookup", 1, 1, 0, 0, 1)]
    assert [(m.staff_no, m.companies, m.members, m.gained, m.tickets_closed, m.closed_on_time, m.satisfied, m.unsatisfied)
            for m in report.managers] == [("A001", 1, 3, 1, 2, 1, 2, 0), ("M002", 1, 1, 1, 0, 0, 0, 0)]
    head = report.headline()
    assert (head.members, head.members_gained, head.key_accounts, head.revenue_yuan, head.key_account_revenue_yuan) == (
        4, 2, 3, "1850.00", "1600.00")
    assert (head.members_gone, head.tier_drops, head.tier_exits) == (2, 1, 1)
    assert (head.tickets_closed, head.closed_on_time, head.satisfied, head.unsatisfied, head.satisfaction_rate) == (
        4, 3, 3, 1, 0.75)


def test_a_month_without_bills_still_counts_members_and_tickets(admin: Context, campaign: str, tmp_path: Path,
                                                                clock: Clock) -> None:
    build(admin, campaign, tmp_path, clock)
    clock.advance(days=5)
    report = key_account_report(admin, "2012-03")
    assert not report.bills_imported
    assert (report.trend[-1].members, report.trend[-1].gained) == (5, 1)  # N4 joined at 00:30 on 1 March
    assert sum(t.revenue_fen for t in report.tiers) == 0 and report.satisfaction == []
    assert [c.left for c in report.companies] == [0, 0]  # no March bills yet: nobody is judged gone by them


def statements(admin: Context, month: str) -> int:
    """How many SQL statements one report of ``month`` sends to the store."""
    sent: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            sent.append(statement)

    event.listen(admin.store.engine, "before_cursor_execute", count)
    try:
        key_account_report(admin, month)
    finally:
        event.remove(admin.store.engine, "before_cursor_execute", count)
    return len(sent)


def test_the_report_is_a_fixed_number_of_grouped_queries_whatever_the_store_holds(admin: Context, campaign: str,
                                                                                 tmp_path: Path, clock: Clock) -> None:
    empty = statements(admin, MONTH)
    build(admin, campaign, tmp_path, clock)
    assert statements(admin, MONTH) == empty == 1


def test_a_managers_tasks_due_in_the_month_count_as_on_time_when_done_by_the_end_of_their_day(
        admin: Context, clock: Clock) -> None:
    """Done at 23:59 on its due day in the hall is on time, at 00:01 the next day late, never done not;
    one due the next month is not the month's. A manager with tasks and no company is listed."""
    make_staff(admin, "M001", "account_manager")
    due = {day: manager_tasks.add_task(admin, f"回访{day}", f"2012-02-{day:02d}", manager="M001").id for day in (27, 28, 29)}
    later = manager_tasks.add_task(admin, "走访", "2012-03-01", manager="M001").id
    clock.now = datetime(2012, 2, 27, 23, 59, tzinfo=CST)
    manager_tasks.complete_task(admin, due[27])
    manager_tasks.complete_task(admin, later)
    clock.now = datetime(2012, 2, 29, 0, 1, tzinfo=CST)
    manager_tasks.complete_task(admin, due[28])
    line = next(m for m in key_account_report(admin, MONTH).managers if m.staff_no == "M001")
    assert (line.companies, line.tasks_due, line.tasks_on_time) == (0, 3, 1)


def test_a_clerk_may_not_read_reports_and_a_wrong_month_is_refused_in_words(admin: Context) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    with pytest.raises(Forbidden):
        key_account_report(clerk, MONTH)
    with pytest.raises(Refused) as refused:
        key_account_report(admin, "2012-13")
    assert refused.value.reasons[0].code == "report.month"
    assert "2026-03" in refused.value.reasons[0].zh


def test_an_empty_store_reports_zeros(admin: Context) -> None:
    report = key_account_report(admin, MONTH)
    assert report.companies == [] and report.managers == [] and report.satisfaction == []
    assert report.headline().satisfaction_rate is None and report.headline().revenue_yuan == "0.00"
    assert report.trend[0].month == "2011-03" and all(t.members == 0 for t in report.trend)

