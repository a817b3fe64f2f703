"""Child of test_session_end.py: the real window and session, a clerk's typing not yet kept, then idle until a signal."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import PASSWORD, REPO  # noqa: E402

from kaccount_desk.services import staff  # noqa: E402
from kaccount_desk.services.context import Context, Store  # noqa: E402
from kaccount_desk.ui import operations  # noqa: E402
from kaccount_desk.ui.counter_session import CounterSession, quit_on_terminate  # noqa: E402
from kaccount_desk.ui.enrollment.applications_page import ApplicationsPage  # noqa: E402
from kaccount_desk.ui.enrollment.intake_form import IntakeForm  # noqa: E402
from kaccount_desk.ui.main_window import MainWindow  # noqa: E402
from kaccount_desk.ui.qt import QtCore, QtWidgets  # noqa: E402


def main(store_path: str, staff_no: str) -> int:
    app = QtWidgets.QApplication([])
    store = Store(f"sqlite:///{store_path}", resources=REPO / "resources", create=False)
    window = MainWindow(Context(store, staff.authenticate(store, staff_no, PASSWORD)))
    while not operations.idle():  # the campaign list is read in a worker
        app.processEvents()
    for keeper in window.draft_keepers:
        keeper.timer.stop()  # nothing kept on the way: only the end of the session may keep the typing
    quit_on_terminate(CounterSession(app, window))
    window.show_on_screen()
    window.page(ApplicationsPage)  # a clerk lands on Tickets; Enrollment is built when first reached
    form = window.findChild(IntakeForm)
    assert form is not None
    form.name_edit.setFocus()
    form.name_edit.insert("王小明")  # as typed: insert() fires textEdited like keys do
    form.id_edit.insert("130981198001011")
    QtCore.QTimer.singleShot(0, lambda: print("typed", flush=True))  # once the loop runs and waits
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
