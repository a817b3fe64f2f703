"""``kaccount-desk --self-test``: proof that this install can do a counter's work, without a counter.

It runs the path an application takes from typing to paper, on a throw-away store: open a SQLite
store (the migrations run), create an administrator, load the sample campaign, save one
application, print its form, render the page with Qt PDF at a scanner's 150 dpi (the same engine
that prints at the counter), read the QR code back with zxing-cpp, and load the Chinese
translations, ours and Qt's. A wheel without its
resources, a bundle without Qt's PDF plugin or a font that will not embed fails here, in a second,
instead of at the first customer. It lives with the GUI because it exercises the GUI's renderer.

Nothing personal is involved: the applicant is made up and the store is deleted afterwards.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import zxingcpp
from PIL import Image

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.services import campaigns, enrollment, printing, staff
from kaccount_desk.services.context import Context, Store
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.ui.printing.pdf_pages import PdfPages
from kaccount_desk.ui.qt import QtCore, QtGui

log = logging.getLogger("kaccount_desk.self_test")

SCAN_DPI = 150
# Two days before the sample campaign's deadline, so its intake is open.
SAMPLE_DAY = datetime(2012, 2, 25, 9, 30, tzinfo=OPERATOR_TZ)
# A made-up applicant with a well-formed resident ID (checksum included), as the sample's own docs use.
APPLICANT = ApplicationInput(
    "BT2012-KA",
    IntakeFields(department="财务部", name="自检", id_number="11010519491231002X", number_source="pool", msisdn="18832758801"),
    plan="group8",
)


class SelfTestFailed(Exception):
    """A step did not give what it should; the message says which and what came instead."""


def _qr_codes(image: QtGui.QImage) -> list[str]:
    """The QR codes on a rendered page, read as a counter's scanner would."""
    rgba = image.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    pixels = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), bytes(rgba.constBits()), "raw", "RGBA", rgba.bytesPerLine(), 1)
    return [code.text for code in zxingcpp.read_barcodes(pixels.convert("L")) if code.format == zxingcpp.BarcodeFormat.QRCode]


class _Run:
    """The steps in order; each returns what it found, and later steps use what earlier ones made."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.store: Store | None = None
        self.admin: Context | None = None
        self.application_id = 0
        self.pdf = folder / "form.pdf"

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("store", self.open_store), ("campaign", self.sample_campaign), ("application", self.application),
                ("form PDF", self.form), ("QR read back", self.qr), ("Chinese translations", self.translations)]

    def open_store(self) -> str:
        self.store = Store(f"sqlite:///{self.folder / 'self-test.sqlite3'}", clock=lambda: SAMPLE_DAY)
        return f"migrations applied, resources in {self.store.resources}"

    def sample_campaign(self) -> str:
        assert self.store is not None
        self.admin = Context(self.store, staff.create_first_admin(self.store, "A001", "自检管理员", "self-test-Passw0rd"))
        return campaigns.load_campaign_file(self.admin, campaigns.sample_campaign_path(self.admin)).code

    def application(self) -> str:
        assert self.admin is not None
        self.application_id = enrollment.save_application(self.admin, APPLICANT).id
        return f"application {self.application_id}"

    def form(self) -> str:
        assert self.admin is not None
        done = printing.print_forms(self.admin, APPLICANT.campaign_code, self.pdf)
        return f"{done.pages} page(s), {self.pdf.stat().st_size} bytes"

    def qr(self) -> str:
        pages = PdfPages(self.pdf)
        try:
            codes = _qr_codes(pages.render(0, SCAN_DPI))
        finally:
            pages.document.close()
        expected = f"KAD-APP:{self.application_id}"
        if codes != [expected]:
            raise SelfTestFailed(f"expected {expected!r}, read {codes!r}")
        return codes[0]

    def translations(self) -> str:
        """Ours and Qt's own (its dialogs' buttons and labels): a bundle that left either out speaks English."""
        assert self.store is not None
        found = []
        for name, folder in (("kaccount_desk_zh_CN", str(self.store.resources / "translations")),
                             ("qtbase_zh_CN", QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath))):
            if not QtCore.QTranslator().load(name, folder):
                raise SelfTestFailed(f"{name}.qm not found in {folder}")
            found.append(name)
        return ", ".join(found)

    def close(self) -> None:
        """The store lets go of its file before the temporary folder is deleted (Windows insists)."""
        if self.store is not None:
            self.store.close()


def _say(line: str) -> None:
    """Printed, and logged: a Windows bundle has no console, so its log file holds the answer."""
    print(line)
    log.info("self-test: %s", line)


def run_self_test(out: Callable[[str], None] = _say) -> int:
    """0 when every step passed, 1 at the first that did not (its name and reason are printed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # rendering needs no screen, CI has none
    QtGui.QGuiApplication.instance() or QtGui.QGuiApplication([sys.argv[0] if sys.argv else "kaccount-desk"])
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kaccount-self-test-") as tmp:
        run = _Run(Path(tmp))
        # Every per-user folder (keys, logs, settings) points into the throw-away folder meanwhile.
        home, os.environ["KACCOUNT_HOME"] = os.environ.get("KACCOUNT_HOME"), str(Path(tmp) / "home")
        try:
            for name, step in run.steps():
                try:
                    out(f"ok   {name}: {step()}")
                except Exception as exc:  # any failure is the answer: say which step and why, then stop
                    out(f"FAIL {name}: {type(exc).__name__}: {exc}")
                    out("自检未通过 / self-test failed")
                    return 1
        finally:
            run.close()
            if home is None:
                os.environ.pop("KACCOUNT_HOME", None)
            else:
                os.environ["KACCOUNT_HOME"] = home
    out(f"自检通过 / self-test passed ({time.perf_counter() - started:.1f} s)")
    return 0
