"""Which pages there are, who gets each, and which one a role lands on.

A new job adds one line to :data:`PAGES`; each page is a :class:`~kaccount_desk.ui.page.Page`,
built when it is first shown (``ui/main_window.py``), so its module is imported only then: a clerk
who never opens Print never loads reportlab.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services.context import Context
from kaccount_desk.ui.page import Page
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore


@dataclass(frozen=True)
class PageSpec:
    """A page as the window knows it before it is built: ``kind`` is its class's name (kept as the
    clerk's last page) in ``module`` (under ``kaccount_desk.ui``), which the window imports (off the
    GUI thread when it can) the first time the page is shown."""

    title: str
    kind: str
    module: str
    needs_any: tuple[Permission, ...] = ()

    @property
    def module_path(self) -> str:
        return f"kaccount_desk.ui.{self.module}"

    def build(self, ctx: Context) -> Page:
        page: Page = getattr(import_module(self.module_path), self.kind)(ctx)
        return page


PAGES: tuple[PageSpec, ...] = (
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Enrollment")), "ApplicationsPage", "enrollment.applications_page"),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Tickets")), "TicketsPage", "tickets.tickets_page", (Permission.HANDLE_TICKETS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Print")), "PrintPage", "printing.print_page",
             (Permission.TAKE_APPLICATIONS, Permission.EXPORT_ROSTER)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Admin")), "AdminPage", "admin.admin_page",
             (Permission.MANAGE_STAFF, Permission.MANAGE_CAMPAIGNS)),
    # Last, so the Ctrl+1…4 keys keep the pages they had; "Outages" because "Planned work" is cut in the 88-pixel navigation.
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Customers")), "CustomersPage", "customers.customers_page", (Permission.VIEW_CUSTOMERS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "My day")), "MyDayPage", "managers.my_day_page",
             (Permission.KEEP_PORTFOLIO, Permission.MANAGE_KEY_ACCOUNTS)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Reports")), "ReportsPage", "reports.reports_page", (Permission.MANAGE_KEY_ACCOUNTS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Outages")), "OutagesPage", "outages.outages_page", (Permission.PLAN_OUTAGES,)),
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
