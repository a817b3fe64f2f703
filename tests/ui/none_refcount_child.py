"""Child process of test_none_refcount.py: asks one item model for data() through C++ many times.

It runs apart because the fault it looks for aborts the interpreter ("none_dealloc"): in a child,
that is a failed test with the output kept, not a dead test run. It prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import CST, PASSWORD, REPO, Clock  # noqa: E402

from kaccount_desk.services import rosters, staff  # noqa: E402
from kaccount_desk.services.application_list import ApplicationQuery  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.services.ticket_queries import Queue, TicketQuery  # noqa: E402
from kaccount_desk.ui import operations  # noqa: E402
from kaccount_desk.ui.enrollment.applications_model import ApplicationsModel  # noqa: E402
from kaccount_desk.ui.enrollment.roster_dialogs import ImportReportModel  # noqa: E402
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets  # noqa: E402
from kaccount_desk.ui.tickets.tickets_model import TicketsModel  # noqa: E402

# Every role a view, a delegate or an accessibility client asks for, and our own user roles.
ROLES = [int(role.value) for role in Qt.ItemDataRole if int(role.value) < int(Qt.ItemDataRole.UserRole.value)]
ROLES += [int(Qt.ItemDataRole.UserRole.value) + n for n in range(4)]


def build_model(kind: str, ctx: Context, campaign: str, roster: Path) -> QtCore.QAbstractItemModel:
    if kind == "applications":
        return ApplicationsModel(ctx, ApplicationQuery(campaign))
    if kind == "tickets":
        return TicketsModel(ctx, TicketQuery(queue=Queue.ALL))
    report_model = ImportReportModel()
    report_model.set_report(rosters.import_roster(ctx, roster, campaign, dry_run=True))
    return report_model


def settle(app: QtWidgets.QApplication) -> None:
    """Until the lazy models' counts and pages, read in worker threads, have arrived."""
    while not operations.idle():
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def main(kind: str, store_path: str, campaign: str, roster: str, calls: int) -> None:
    app = QtWidgets.QApplication([])
    store = Store(f"sqlite:///{store_path}", resources=REPO / "resources", clock=Clock(datetime(2012, 2, 25, 9, 30, tzinfo=CST)))
    ctx = Context(store, staff.authenticate(store, "A001", PASSWORD))
    model = build_model(kind, ctx, campaign, Path(roster))
    proxy = QtCore.QIdentityProxyModel()
    proxy.setSourceModel(model)
    view = QtWidgets.QTableView()
    view.setModel(proxy)
    view.resize(1200, 700)
    view.show()
    settle(app)
    rows, columns = proxy.rowCount(), proxy.columnCount()
    assert rows and columns, f"{kind}: the model is empty, so it would prove nothing"
    # Fewer rows than one page, so no page is dropped from the cache while counting: freeing
    # rows (whose fields hold None) would lower the count for an honest reason.
    assert rows < 100, f"{kind}: keep the store under one page"
    view.grab()  # let the view fetch and paint once, so caches are warm before counting
    settle(app)
    view.grab()
    losses: dict[str, int] = {}
    per_role = calls // len(ROLES) + 1
    asked = 0
    for role in ROLES:
        before = sys.getrefcount(None)
        for n in range(per_role):
            proxy.data(proxy.index(n % rows, (n // rows) % columns), role)
        for n in range(per_role // 10):
            proxy.headerData(n % columns, Qt.Orientation.Horizontal, role)
            proxy.headerData(n % rows, Qt.Orientation.Vertical, role)
        asked += per_role
        if sys.getrefcount(None) < before:
            losses[f"role {role}"] = before - sys.getrefcount(None)
    before = sys.getrefcount(None)
    for n in range(40):  # real paints: the delegate asks for every role it styles
        view.verticalScrollBar().setValue(n % (view.verticalScrollBar().maximum() + 1))
        view.grab()
    if sys.getrefcount(None) < before:
        losses["painting"] = before - sys.getrefcount(None)
    print(json.dumps({"model": kind, "calls": asked, "losses": losses}), flush=True)
    view.close()
    store.close()
    del app


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
