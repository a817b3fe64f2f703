"""Child of test_drafts.py: a clerk types into the intake form and the ticket form, then the process is killed."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import PASSWORD, REPO  # noqa: E402

from kaccount_desk.services import staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui import operations  # noqa: E402
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage  # noqa: E402
from kaccount_desk.ui.enrollment.intake_form import IntakeForm  # noqa: E402
from kaccount_desk.ui.main_window import MainWindow  # noqa: E402
from kaccount_desk.ui.qt import QtWidgets  # noqa: E402
from kaccount_desk.ui.tickets.tickets_page import TicketsPage  # noqa: E402


def main(store_path: str, staff_no: str) -> None:
    app = QtWidgets.QApplication([])
    store = Store(f"sqlite:///{store_path}", resources=REPO / "resources", create=False)
    window = MainWindow(Context(store, staff.authenticate(store, staff_no, PASSWORD)))
    while not operations.idle():  # the campaign list is read in a worker
        app.processEvents()
    window.show()
    window.page(ApplicationsPage)  # a page is built when first reached; the clerk lands on Tickets
    form = window.findChild(IntakeForm)
    assert form is not None
    form.name_edit.setFocus()
    form.name_edit.insert("王小明")  # as typed: insert() fires textEdited like keys do
    form.id_edit.insert("130981198001011")
    page = window.page(TicketsPage)
    assert page is not None
    ticket = page.open_form()
    ticket.name.insert("张先生")
    ticket.content.insertPlainText("家里信号很差")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        if all(keeper.offered() is not None for keeper in window.draft_keepers):
            print("kept", flush=True)
            break
        time.sleep(0.05)
    while True:  # the test kills us here, mid-session, as a power cut would
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
