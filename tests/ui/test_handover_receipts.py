"""Issue 22 item 2 in the GUI: the office saves a receipt from its import dialog, and the seat sees what
it has sent and what the office has not yet acknowledged (File → Packages sent to the office…),
where it reads the receipt back."""

from __future__ import annotations

from pathlib import Path

import pytest
from handover_support import pack_for, seat_from, take
from PySide6.QtTest import QAbstractItemModelTester
from qt_dialogs import MessageBoxes, answer_file_dialog
from sqlalchemy import func, select
from support import Clock

from kaccount_desk.domain.handover import ack_file_name
from kaccount_desk.services import pool
from kaccount_desk.services.context import Context
from kaccount_desk.services.handover_import import import_package
from kaccount_desk.services.handover_seat import acknowledge, send, sends
from kaccount_desk.store.audit_models import AuditEntry
from kaccount_desk.ui import operations
from kaccount_desk.ui.handover.import_dialog import HandoverImportDialog
from kaccount_desk.ui.handover.sent_dialog import SentPackagesDialog
from kaccount_desk.ui.main_window import MainWindow
from kaccount_desk.ui.qt import QtCore, QtGui

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def seat(admin: Context, campaign: str, tmp_path: Path, clock: Clock) -> Context:
    (tmp_path / "seat").mkdir()
    ctx = seat_from(pack_for(admin, campaign, tmp_path), tmp_path / "seat", clock)
    numbers = [e.number for e in pool.browse_pool(ctx, campaign)]
    for i in range(2):
        take(ctx, campaign, i, numbers[i])
    return ctx


def _audit_rows(ctx: Context) -> int:
    with ctx.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _column(dialog: SentPackagesDialog, column: int) -> list[str]:
    model = dialog.model
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_office_imports_then_saves_a_receipt_the_seat_accepts(qtbot, admin: Context, seat: Context, tmp_path: Path,
                                                                  boxes: MessageBoxes) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    dialog = HandoverImportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path.setText(str(package))
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=15000)
    assert not dialog.receipt_button.isEnabled()  # a preview is not an import: no receipt yet
    with qtbot.waitSignal(dialog.imported, timeout=15000):
        dialog.import_button.click()
    assert dialog.receipt_button.isEnabled()
    out = tmp_path / "back" / "receipt.kaack"
    out.parent.mkdir()
    seen: list[tuple[str, str]] = []
    answer_file_dialog(out, seen)
    with qtbot.waitSignal(dialog.receipt_saved, timeout=15000):
        dialog.receipt_button.click()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=15000)
    assert seen[0][1] == ack_file_name("铸造事业部", 1) == "回执-铸造事业部-001.kaack"
    assert out.exists() and str(out) in boxes.shown[-1][1] and "seat" in boxes.shown[-1][1]
    assert acknowledge(seat, out).sequence == 1  # the seat takes it: the receipt is the office's record of this package
    seat.store.close()


def test_a_package_previewed_as_imported_already_still_gets_its_receipt(qtbot, admin: Context, seat: Context,
                                                                         tmp_path: Path, boxes: MessageBoxes) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    import_package(admin, package)  # imported earlier, the receipt lost or never written
    dialog = HandoverImportDialog(admin)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(package))
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: "imported already" in dialog.summary.text(), timeout=15000)
    assert dialog.receipt_button.isEnabled() and not dialog.import_button.isEnabled()
    out = tmp_path / "again.kaack"
    answer_file_dialog(out, [])
    dialog.receipt_button.click()
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=15000)
    assert acknowledge(seat, out).acknowledged_at is not None
    seat.store.close()


def test_the_seat_sees_its_package_unacknowledged_then_reads_the_receipt(qtbot, admin: Context, seat: Context,
                                                                           tmp_path: Path, boxes: MessageBoxes) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    receipt = tmp_path / "receipt.kaack"
    import_package(admin, package, ack_out=receipt)
    window = MainWindow(seat)
    qtbot.addWidget(window)
    qtbot.waitUntil(operations.idle)
    assert window.sent_packages_action.isVisible()
    dialog = window.sent_packages()
    assert isinstance(dialog, SentPackagesDialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=15000)
    assert _column(dialog, 0) == ["1"] and _column(dialog, 2) == ["2"] and _column(dialog, 3) == ["4"]
    assert _column(dialog, 4) == ["Not yet acknowledged"]
    assert dialog.model.index(0, 4).data(QtCore.Qt.ItemDataRole.FontRole).bold()
    assert "Not yet acknowledged by the office: 1" in dialog.summary.text()
    assert dialog.model.index(0, 1).data() == "2012-02-25 09:30"  # the hall's clock (the tests' clock: 09:30 +08:00)
    seen: list[tuple[str, str]] = []
    answer_file_dialog(receipt, seen)
    with qtbot.waitSignal(dialog.acknowledged, timeout=15000):
        dialog.read_button.click()
    qtbot.waitUntil(lambda: _column(dialog, 4) != ["Not yet acknowledged"], timeout=15000)
    assert _column(dialog, 4) == ["2012-02-25 09:30"] and not boxes.shown
    assert dialog.model.index(0, 4).data(QtCore.Qt.ItemDataRole.FontRole) is None
    assert "acknowledged package 1" in dialog.note.text() and "acknowledged them all" in dialog.summary.text()
    assert sends(seat)[0].acknowledged_at is not None
    seat.store.close()


def test_a_package_sent_while_the_list_is_open_appears_in_it(qtbot, seat: Context, tmp_path: Path) -> None:
    dialog = SentPackagesDialog(seat)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "not sent a package yet" in dialog.summary.text(), timeout=15000)
    send(seat, tmp_path / "p1.kahp")
    operations.announce(operations.Changes(audit=True))  # what File → Hand over to the office… announces
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=15000)
    seat.store.close()


def test_a_damaged_receipt_is_refused_in_words_and_changes_nothing(qtbot, admin: Context, seat: Context, tmp_path: Path,
                                                                    boxes: MessageBoxes) -> None:
    package = send(seat, tmp_path / "p1.kahp").path
    receipt = tmp_path / "receipt.kaack"
    import_package(admin, package, ack_out=receipt)
    damaged = tmp_path / "damaged.kaack"
    damaged.write_bytes(receipt.read_bytes().replace(b'"sequence": 1', b'"sequence": 1x'))
    audit_before = _audit_rows(seat)
    dialog = SentPackagesDialog(seat)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=15000)
    answer_file_dialog(damaged, [])
    dialog.read_button.click()
    qtbot.waitUntil(lambda: bool(boxes.shown) and operations.idle(), timeout=15000)
    assert boxes.shown[-1] == ("warning", "“damaged.kaack” is not a sound receipt from the office")
    assert _column(dialog, 4) == ["Not yet acknowledged"] and dialog.note.isHidden()
    assert [s.acknowledged_at for s in sends(seat)] == [None]
    assert _audit_rows(seat) == audit_before
    seat.store.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sent_packages_dialog_opens_in_each_language(qtbot, qapp, seat: Context, tmp_path: Path, lang: str) -> None:
    from kaccount_desk.ui.i18n import install_translations

    install_translations(qapp, lang)
    send(seat, tmp_path / "p1.kahp")
    dialog = SentPackagesDialog(seat)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=15000)
    expected = ("已发给办公室的交接包", "未确认") if lang == "zh" else ("Packages sent to the office", "Not yet acknowledged")
    assert (dialog.windowTitle(), dialog.model.index(0, 4).data()) == expected
    assert isinstance(dialog.model.index(0, 4).data(QtCore.Qt.ItemDataRole.ForegroundRole), QtGui.QColor)
    seat.store.close()
