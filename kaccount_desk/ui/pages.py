"""Which pages there are, who gets each, and which one a role lands on.

A new job adds one line to :data:`PAGES`; each page is a :class:`~kaccount_desk.ui.page.Page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kaccount_desk.domain.roles import Permission, Role
from kaccount_desk.services.context import Context
from kaccount_desk.ui.admin.admin_page import AdminPage
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage
from kaccount_desk.ui.page import Page
from kaccount_desk.ui.printing.print_page import PrintPage
from kaccount_desk.ui.qt import QT_TRANSLATE_NOOP, QtCore, QtWidgets
from kaccount_desk.ui.tickets.tickets_page import TicketsPage


@dataclass(frozen=True)
class PageSpec:
    title: str
    build: Callable[[Context], Page]
    needs_any: tuple[Permission, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Enrollment")), ApplicationsPage),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Tickets")), TicketsPage, (Permission.HANDLE_TICKETS,)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Print")), PrintPage, (Permission.TAKE_APPLICATIONS, Permission.EXPORT_ROSTER)),
    PageSpec(str(QT_TRANSLATE_NOOP("MainWindow", "Admin")), AdminPage, (Permission.MANAGE_STAFF, Permission.MANAGE_CAMPAIGNS)),
)


# The page each role uses most opens first (until someone has a last page of their own).
LANDING_PAGES: dict[str, type[QtWidgets.QWidget]] = {
    Role.CLERK.value: TicketsPage, Role.SUPERVISOR.value: TicketsPage, Role.COLLECTOR.value: ApplicationsPage,
    Role.OFFICE.value: ApplicationsPage, Role.ADMIN.value: ApplicationsPage,
}


def build_pages(ctx: Context) -> list[tuple[str, Page]]:
    """The pages this person may see, with translated titles, in navigation order."""
    return [
        (QtCore.QCoreApplication.translate("MainWindow", spec.title), spec.build(ctx))
        for spec in PAGES
        if not spec.needs_any or any(ctx.actor.may(p) for p in spec.needs_any)
    ]


