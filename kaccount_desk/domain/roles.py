"""Who may do what: one table, read by every service so the CLI and the GUI obey the same rules."""

from __future__ import annotations

from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason


class Role(StrEnum):
    CLERK = "clerk"
    COLLECTOR = "collector"
    OFFICE = "office"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"
    ACCOUNT_MANAGER = "account_manager"


ROLE_LABELS = Labels({
    Role.CLERK: ("营业员", "Clerk"),
    Role.COLLECTOR: ("事业部统计员", "Department collector"),
    Role.OFFICE: ("办公室人员", "Office staff"),
    Role.SUPERVISOR: ("主管", "Supervisor"),
    Role.ADMIN: ("管理员", "Administrator"),
    Role.ACCOUNT_MANAGER: ("客户经理", "Account manager"),
})


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    MANAGE_CAMPAIGNS = "manage_campaigns"
    TAKE_APPLICATIONS = "take_applications"
    COLLECT = "collect"
    ALL_DEPARTMENTS = "all_departments"
    SUBMIT = "submit"
    HAND_OVER = "hand_over"
    RECORD_CARRIER_RESULT = "record_carrier_result"
    ACCEPT_LATE = "accept_late"
    EXPORT_ROSTER = "export_roster"
    VIEW_FULL_ID = "view_full_id"
    HANDLE_TICKETS = "handle_tickets"
    REASSIGN_TICKETS = "reassign_tickets"
    CONFIGURE_TICKETS = "configure_tickets"
    VIEW_AUDIT = "view_audit"
    PLAN_OUTAGES = "plan_outages"
    APPROVE_OUTAGES = "approve_outages"
    VIEW_CUSTOMERS = "view_customers"
    MANAGE_KEY_ACCOUNTS = "manage_key_accounts"
    KEEP_PORTFOLIO = "keep_portfolio"


_OFFICE = {
    Permission.MANAGE_CAMPAIGNS,
    Permission.TAKE_APPLICATIONS,
    Permission.COLLECT,
    Permission.ALL_DEPARTMENTS,
    Permission.SUBMIT,
    Permission.HAND_OVER,
    Permission.RECORD_CARRIER_RESULT,
    Permission.ACCEPT_LATE,
    Permission.EXPORT_ROSTER,
    Permission.VIEW_FULL_ID,
    Permission.HANDLE_TICKETS,
    Permission.PLAN_OUTAGES,
    Permission.VIEW_CUSTOMERS,
}

GRANTS: dict[Role, frozenset[Permission]] = {
    # A counter clerk takes applications at the desk and records what the operator did with them,
    # but the office decides what is submitted and whether a late one is accepted.
    Role.CLERK: frozenset(
        {
            Permission.TAKE_APPLICATIONS,
            Permission.ALL_DEPARTMENTS,
            Permission.RECORD_CARRIER_RESULT,
            Permission.HANDLE_TICKETS,
            Permission.VIEW_CUSTOMERS,
        }
    ),
    # A collector gathers their own unit's applications first (先交事业部统计) and nothing else.
    Role.COLLECTOR: frozenset({Permission.TAKE_APPLICATIONS, Permission.COLLECT}),
    Role.OFFICE: frozenset(_OFFICE),
    # The supervisor answers for the service standard, so sets its time limits and departments,
    # records the competent department's approval of planned work (standard 2.6), and keeps the
    # key-account archive: billing imports, tier lines, company classes.
    Role.SUPERVISOR: frozenset(_OFFICE | {Permission.REASSIGN_TICKETS, Permission.CONFIGURE_TICKETS,
                                          Permission.APPROVE_OUTAGES, Permission.MANAGE_KEY_ACCOUNTS}),
    Role.ADMIN: frozenset(set(Permission)),
    # An account manager (客户经理, spec ch. 7) looks after a portfolio of companies and key-account
    # numbers: sees the customer archive, works their own tasks, and handles tickets, since a customer
    # who calls their manager makes the manager the first contact (首问负责) of what they ask.
    Role.ACCOUNT_MANAGER: frozenset({Permission.VIEW_CUSTOMERS, Permission.HANDLE_TICKETS, Permission.KEEP_PORTFOLIO}),
}


def allows(role: str, permission: Permission) -> bool:
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:
        return False


def fixed_department(role: str, own: str | None) -> str | None:
    """The one department a person may act on, or None when they may act on every department.

    Staff without ``ALL_DEPARTMENTS`` (a department's collector) see, take, import and print their
    own department's applications only; someone with no department set then has none.
    """
    return None if allows(role, Permission.ALL_DEPARTMENTS) else (own or "").strip()


def check_department(role: str, own: str | None, wanted: str | None) -> tuple[Reason, ...]:
    """Why this person may not act on ``wanted``'s applications; empty when they may."""
    fixed = fixed_department(role, own)
    if fixed is None or (wanted or "").strip() == fixed:
        return ()
    return (
        Reason(
            "forbidden.department",
            f"只能办理本部门({fixed or '未设部门'})的申请",
            f"You may only handle your own department's applications ({fixed or 'none set'})",
        ),
    )


def check_view_id_image(role: str, application_editable: bool) -> tuple[Reason, ...]:
    """Why this person may not open an ID copy at full size; empty when they may.

    A full-size copy shows the whole ID number and the photo, so it needs the same right as a
    full number (PIPL art. 28). The one exception is the person still taking the application:
    checking that a scan is readable and upright is part of taking it, and they hold the card.
    """
    if allows(role, Permission.VIEW_FULL_ID) or (application_editable and allows(role, Permission.TAKE_APPLICATIONS)):
        return ()
    return (
        Reason(
            "forbidden.id_image",
            "完整的证件照片只有可查看完整证件号码的人员,或在申请提交前由受理人查看",
            "Only staff allowed to see full ID numbers, or the person taking the application before it is submitted, "
            "may open the full-size ID copy",
        ),
    )


def roles_with(permission: Permission) -> tuple[Role, ...]:
    """The roles the table grants ``permission``, in the table's order, for words that name who may."""
    return tuple(role for role, granted in GRANTS.items() if permission in granted)
