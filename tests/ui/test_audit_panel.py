"""The Admin page's audit tab: admins only, filters, the chain check and an export read back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from qt_dialogs import answer_file_dialog
from support import make_staff

from kaccount_desk.domain.audit import Action
from kaccount_desk.services import audit
from kaccount_desk.services.audit_view import AuditFilter
from kaccount_desk.services.context import Context
from kaccount_desk.ui import operations
from kaccount_desk.ui.admin.admin_page import AdminPage

pytestmark = pytest.mark.usefixtures("english")


def _open_tab(qtbot, page: AdminPage) -> None:
    """Show the page on its audit tab, which reads the log and its alarm then (not with the page)."""
    page.show()
    assert page.audit_panel is not None
    page.tabs.setCurrentWidget(page.audit_panel)
    qtbot.waitUntil(operations.idle)  # counted in the background


def test_the_audit_tab_reads_nothing_until_it_is_shown(qtbot, admin: Context) -> None:
    """The Admin page opens on its first tab: the log's count and the alarm wait for their own tab."""
    page = AdminPage(admin)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(operations.idle)
    panel = page.audit_panel
    assert panel is not None and panel.model.rowCount() == 0 and not panel.model.counting
    page.refresh()  # F5 before the tab was opened: still nothing read for it
    qtbot.waitUntil(operations.idle)
    assert panel.model.rowCount() == 0
    _open_tab(qtbot, page)
    assert panel.model.rowCount() > 0 and "entr" in panel.status.text()


def test_admins_filter_check_and_export_the_log(qtbot, admin: Context, campaign: str, tmp_path: Path, store_path: Path) -> None:
    clerk = make_staff(admin, "C001", "clerk")
    with clerk.transaction() as session:
        audit.record_for(clerk, session, Action.VIEW_FULL_ID, "applications 3")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    panel = page.audit_panel
    assert panel is not None and [page.tabs.tabText(i) for i in range(page.tabs.count())].count("Audit log") == 1
    _open_tab(qtbot, page)
    total = panel.model.rowCount()
    assert total >= 6
    panel.model.index(0, 0).data()  # asks for the first page
    qtbot.waitUntil(operations.idle)
    newest = [panel.model.index(0, c).data() for c in range(6)]
    assert newest[2:5] == ["C001", "View full ID", "applications 3"]

    panel.actor.setText("C001")
    panel.apply_filter()
    assert panel.status.text() == "…"
    qtbot.waitUntil(operations.idle)
    assert panel.model.rowCount() == 1 and "1 entr" in panel.status.text()
    panel.actor.setText("")
    panel.action.setCurrentIndex(panel.action.findData("change"))
    panel.apply_filter()
    qtbot.waitUntil(operations.idle)
    assert 0 < panel.model.rowCount() < total

    panel.verify()
    qtbot.waitUntil(operations.idle)
    assert "intact" in panel.status.text()
    out, seen = tmp_path / "audit.xlsx", []
    answer_file_dialog(out, seen)
    panel.export()  # through the real save dialog, which offers a dated name in the interface language
    assert seen[0][1] == f"Audit-log_{admin.now().astimezone().date().isoformat()}.xlsx"
    qtbot.waitUntil(lambda: "written" in panel.status.text(), timeout=20000)
    sheet = openpyxl.load_workbook(out).active
    actions = {row[3] for row in sheet.iter_rows(values_only=True)}
    assert actions >= {"修改数据"} and "查看完整证件号码" not in actions  # the filter applies to the export
    assert audit.verify(admin.store).ok

    with sqlite3.connect(store_path) as raw:
        raw.execute("DROP TRIGGER audit_log_no_update")
        raw.execute("UPDATE audit_log SET actor = 'X' WHERE seq = 2")
    panel.verify()
    qtbot.waitUntil(operations.idle)
    assert "tampered" in panel.status.text() and "#2" in panel.status.text()


def test_other_roles_do_not_get_the_audit_tab(qtbot, admin: Context, campaign: str) -> None:
    supervisor = make_staff(admin, "S001", "supervisor")
    page = AdminPage(supervisor)
    qtbot.addWidget(page)
    qtbot.waitUntil(operations.idle)
    assert page.audit_panel is None and "Audit log" not in [page.tabs.tabText(i) for i in range(page.tabs.count())]


def test_the_audit_model_passes_qt_model_tester(qtbot, qtmodeltester, admin: Context, campaign: str) -> None:
    from kaccount_desk.ui.admin.audit_panel import AuditModel

    model = AuditModel(admin)
    model.set_filter(AuditFilter())  # empty until given a filter: its tab reads when first shown
    qtbot.waitUntil(operations.idle)
    assert model.rowCount() >= 5
    qtmodeltester.check(model, force_py=True)
    qtbot.waitUntil(operations.idle)


def test_a_lost_anchor_is_shown_as_the_tab_opens(qtbot, admin: Context, store_path: Path) -> None:
    for n in range(4):
        with admin.transaction() as session:
            audit.record_for(admin, session, Action.EXPORT, f"list-{n}.xlsx")
    count = audit.verify(admin.store).entries
    with sqlite3.connect(store_path) as raw:
        raw.execute("DROP TRIGGER audit_log_no_delete")
        raw.execute(f"DELETE FROM audit_log WHERE seq > {count - 2}")
        raw.execute(f"UPDATE audit_head SET seq = {count - 2}, hash = (SELECT hash FROM audit_log WHERE seq = {count - 2})")
    for n in range(4):  # the desk goes on working; the anchor must not follow
        with admin.transaction() as session:
            audit.record_for(admin, session, Action.EXPORT, f"more-{n}.xlsx")
    page = AdminPage(admin)
    qtbot.addWidget(page)
    _open_tab(qtbot, page)
    panel = page.audit_panel
    assert panel is not None and not panel.alarm.isHidden()
    assert panel.alarm.text().startswith("Audit alarm: ") and f"#{count}" in panel.alarm.text()
    panel.verify()
    qtbot.waitUntil(operations.idle)
    assert "audit_log_no_delete" in panel.status.text() and f"#{count}" in panel.status.text()
