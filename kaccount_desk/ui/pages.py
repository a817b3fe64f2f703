"""Which pages there are, who gets each, and which one a role lands on.

A new job adds one line to :data:`PAGES`; each page is a :class:`~kaccount_desk.ui.page.Page`,
built when it is first shown (``ui/main_window.py``), so its module is imported only then: a clerk
who never opens Print never loads reportlab.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services.context import Context
from kaccount_desk.ui.page import Page
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore


def _applications(ctx: Context) -> Page:
    from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage

    return ApplicationsPage(ctx)


def _tickets(ctx: Context) -> Page:
    from kaccount_desk.ui.tickets.tickets_page import TicketsPage

    return TicketsPage(ctx)


def _printing(ctx: Context) -> Page:
    from kaccount_desk.ui.printing.print_page import PrintPage

    return PrintPage(ctx)


def _customers(ctx: Context) -> Page:
    from kaccount_desk.ui.customers.customers_page import CustomersPage

    return CustomersPage(ctx)


def _my_day(ctx: Context) -> Page:
    from kaccount_desk.ui.managers.my_day_page import MyDayPage

    return MyDayPage(ctx)


def _reports(ctx: Context) -> Page:
    from kaccount_desk.ui.reports.reports_page import ReportsPage

    return ReportsPage(ctx)


def _outages(ctx: Context) -> Page:
    from kaccount_desk.ui.outages.outages_page import OutagesPage

    return OutagesPage(ctx)


def _admin(ctx: Context) -> Page:
    from kaccount_desk.ui.admin.admin_page import AdminPage

    return AdminPage(ctx)


@dataclass(frozen=True)
class PageSpec:
    """A page as the window knows it before it is built: ``kind`` is its class's name (kept as the
    clerk's last page), ``build`` imports its module and makes it, the first time it is shown."""

    title: str
    kind: str
    build: Callable[[Context], Page]
    needs_any: tuple[Permission, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Enrollment")), "ApplicationsPage", _applications),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Tickets")), "TicketsPage", _tickets, (Permission.HANDLE_TICKETS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Print")), "PrintPage", _printing,
             (Permission.TAKE_APPLICATIONS, Permission.EXPORT_ROSTER)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Admin")), "AdminPage", _admin,
             (Permission.MANAGE_STAFF, Permission.MANAGE_CAMPAIGNS)),
    # Last, so the Ctrl+1…4 keys keep the pages they had; "Outages" because "Planned work" is cut in the 88-pixel navigation.
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Customers")), "CustomersPage", _customers, (Permission.VIEW_CUSTOMERS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "My day")), "MyDayPage", _my_day,
             (Permission.KEEP_PORTFOLIO, Permission.MANAGE_KEY_ACCOUNTS)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Reports")), "ReportsPage", _reports, (Permission.MANAGE_KEY_ACCOUNTS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Outages")), "OutagesPage", _outages, (Permission.PLAN_OUTAGES,)),
)


# The page each role uses most opens first (until someone has a last page of their own).
LANDING_PAGES: dict[str, str] = {
    Role.CLERK.value: "TicketsPage", Role.SUPERVISOR.value: "TicketsPage", Role.COLLECTOR.value: "ApplicationsPage",
    Role.OFFICE.value: "ApplicationsPage", Role.ADMIN.value: "ApplicationsPage", Role.ACCOUNT_MANAGER.value: "MyDayPage",
}


def pages_for(ctx: Context) -> list[tuple[str, PageSpec]]:
    """The pages this person may see, with translated titles, in navigation order; none is built yet."""
    return [
        (QtCore.QCoreApplication.translate("MainWindow", spec.title), spec)
        for spec in PAGES
        if not spec.needs_any or any(ctx.actor.may(p) for p in spec.needs_any)
    ]
