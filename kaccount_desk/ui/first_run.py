"""The first start of a new office: where the data lives, whose office it is, who administers it.

A counter or office PC gets the program from an installer and has nothing configured: this wizard
asks, in a clerk's words, for a local store or a shared PostgreSQL server (tested before going on),
the organisation's name, the first administrator and whether to start with the sample campaign.
Nothing is created until Finish, in a worker thread (a server across the network is slow to set
up); a refusal there keeps every field as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kaccount_desk import config
from kaccount_desk.domain.organisation import check_organisation_name
from kaccount_desk.services import campaigns, organisation, staff, store_setup
from kaccount_desk.services.context import Actor, Context, Store
from kaccount_desk.services.errors import ServiceError, StoreUnavailable
from kaccount_desk.ui.messages import current_lang, error_text
from kaccount_desk.ui.operations import run_query, worker_job
from kaccount_desk.ui.palette import text_style
from kaccount_desk.ui.qt import Qt, QtGui, QtWidgets, Slot
from kaccount_desk.ui.settings import STORE, Settings

DEFAULT_PORT = 5432


@dataclass
class Opened:
    """What the wizard hands the app: the open store and the administrator, logged in."""

    store: Store
    actor: Actor


def _note() -> QtWidgets.QLabel:
    label = QtWidgets.QLabel()
    label.setWordWrap(True)
    label.hide()
    return label


def _show(label: QtWidgets.QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(text_style("ok" if ok else "reason"))
    label.setText(text)
    label.show()


class StorePage(QtWidgets.QWizardPage):
    """Where the data lives: this PC, or the office's PostgreSQL server (tested before going on)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Where is the data kept?"))
        self.setSubTitle(self.tr("One PC: keep it on this computer. Several PCs in one office: use the office's server."))
        self.local = QtWidgets.QRadioButton(self.tr("&This computer"))
        self.server = QtWidgets.QRadioButton(self.tr("The office's &server (PostgreSQL)"))
        self.local.setChecked(True)
        self.path = QtWidgets.QLineEdit(str(config.data_dir() / config.STORE_FILE))
        browse = QtWidgets.QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        self.host = QtWidgets.QLineEdit()
        self.port = QtWidgets.QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QtWidgets.QLineEdit("kaccount")
        self.user = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit()
        self.password.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.test = QtWidgets.QPushButton(self.tr("Test the &connection"))
        self.test.clicked.connect(lambda: self.test_connection())
        self.result = _note()
        self.checked_url = ""  # the store last found usable, while the fields still name it
        path_row = QtWidgets.QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.server_box = QtWidgets.QWidget()
        server_form = QtWidgets.QFormLayout(self.server_box)
        server_form.addRow(self.tr("Server"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.database)
        server_form.addRow(self.tr("User"), self.user)
        server_form.addRow(self.tr("Password"), self.password)
        server_form.addRow("", self.test)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addLayout(path_row)
        layout.addWidget(self.server)
        layout.addWidget(self.server_box)
        layout.addWidget(self.result)
        layout.addStretch(1)
        for widget in (self.local, self.server):
            widget.toggled.connect(self._mode_changed)
        for edit in (self.path, self.host, self.database, self.user, self.password):
            edit.textChanged.connect(self._changed)
        self.port.valueChanged.connect(self._changed)
        self._mode_changed()

    @Slot()
    def _mode_changed(self) -> None:
        self.server_box.setEnabled(self.server.isChecked())
        self.path.setEnabled(self.local.isChecked())
        self._changed()

    @Slot()
    def _changed(self) -> None:
        self.result.hide()
        self.checked_url = ""
        self.completeChanged.emit()

    @Slot()
    def _browse(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Database file"), self.path.text(), self.tr("Database (*.sqlite3)"),
            options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path.setText(chosen)

    def isComplete(self) -> bool:
        if self.local.isChecked():
            return bool(self.path.text().strip())
        return all(e.text().strip() for e in (self.host, self.database, self.user))

    def url(self) -> str:
        if self.local.isChecked():
            return f"sqlite:///{Path(self.path.text().strip()).expanduser().resolve()}"
        return store_setup.postgresql_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                                          self.user.text().strip(), self.password.text())

    @Slot()
    def test_connection(self, then_next: bool = False) -> bool:
        """Say what opening the chosen store would find; True at once only for a new local file.

        Anything else is asked in a worker (a server across the network may take seconds): the
        answer is shown when it comes, and ``then_next`` moves on to the next page if it is good.
        """
        if self.local.isChecked() and not Path(self.path.text().strip()).expanduser().exists():
            _show(self.result, self.tr("A new database will be created in this file."), True)
            return True
        url = self.url()
        self.test.setEnabled(False)
        run_query(self, lambda: store_setup.check_store(url), lambda check: self._checked(url, check, then_next))
        return False

    def _checked(self, url: str, check: store_setup.StoreCheck, then_next: bool) -> None:
        self.test.setEnabled(True)
        if url != self.url():
            return  # the fields changed while it was asked: this answer is about another store
        _show(self.result, check.reason.text(current_lang()), check.ok)
        self.checked_url = url if check.ok else ""
        if check.ok and then_next and self.wizard() is not None and self.wizard().currentPage() is self:
            self.wizard().next()

    def validatePage(self) -> bool:
        """On to the next page once the chosen store was found usable (asked now if it was not yet)."""
        if self.checked_url and self.checked_url == self.url():
            return True
        return self.test_connection(then_next=True)


class OrganisationPage(QtWidgets.QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your organisation"))
        self.setSubTitle(self.tr("The company or branch this office belongs to; it heads printed rosters and notices."))
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText(self.tr("for example Botou Foundry Co., Ltd."))
        self.name.textChanged.connect(self.completeChanged)
        form = QtWidgets.QFormLayout(self)
        label = QtWidgets.QLabel(self.tr("Na&me"))
        label.setBuddy(self.name)
        form.addRow(label, self.name)
        self.problem = _note()
        form.addRow("", self.problem)

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:
        """Refused here, not at Finish: the name prints as typed, so it must fit a heading on one line."""
        verdict = check_organisation_name(self.name.text())
        if not verdict.ok:
            _show(self.problem, "\n".join(verdict.texts(current_lang())), False)
        return verdict.ok


class AdministratorPage(QtWidgets.QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("The administrator then adds clerks, collectors and office staff."))
        self.staff_no = QtWidgets.QLineEdit()
        self.name = QtWidgets.QLineEdit()
        self.password = QtWidgets.QLineEdit()
        self.repeat = QtWidgets.QLineEdit()
        for edit in (self.password, self.repeat):
            edit.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        rule = QtWidgets.QLabel(self.tr("The password needs at least 8 characters and must not be a common one."))
        rule.setWordWrap(True)
        self.problem = _note()
        form = QtWidgets.QFormLayout(self)
        form.addRow(self.tr("Staff ID"), self.staff_no)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.repeat)
        form.addRow("", rule)
        form.addRow("", self.problem)
        for edit in (self.staff_no, self.name, self.password, self.repeat):
            edit.textChanged.connect(self.completeChanged)
            edit.textChanged.connect(self.problem.hide)

    def isComplete(self) -> bool:
        return all(e.text().strip() for e in (self.staff_no, self.name, self.password, self.repeat))

    def validatePage(self) -> bool:
        """Refused here, beside the fields, rather than at Finish (whose Back then landed on the staff ID)."""
        problems = store_setup.first_admin_problems(self.staff_no.text(), self.password.text())
        if problems:
            _show(self.problem, "\n".join(r.text(current_lang()) for r in problems), False)
            (self.staff_no if problems[0].code.startswith("staff.no") else self.password).setFocus()
            return False
        if self.password.text() != self.repeat.text():
            _show(self.problem, self.tr("The two passwords differ."), False)
            self.repeat.setFocus()
            return False
        return True


class StartPage(QtWidgets.QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("How to start"))
        self.sample = QtWidgets.QRadioButton(self.tr("With the &sample campaign (the 2012 notice), to try things out"))
        self.empty = QtWidgets.QRadioButton(self.tr("&Empty: the office loads or creates its own campaign"))
        self.empty.setChecked(True)
        self.seat = QtWidgets.QRadioButton(self.tr("As a &department's seat, from the office's campaign pack"))
        seat_note = QtWidgets.QLabel(self.tr("The account typed before becomes the seat's collector."))
        self.pack = QtWidgets.QLineEdit()
        self.pack.setPlaceholderText(self.tr("The campaign pack (.kapack)"))
        choose = QtWidgets.QPushButton(self.tr("C&hoose…"))
        choose.clicked.connect(self._choose_pack)
        for widget in (seat_note, self.pack, choose):
            widget.setEnabled(False)
            self.seat.toggled.connect(widget.setEnabled)
        pack_row = QtWidgets.QHBoxLayout()
        pack_row.addWidget(self.pack, 1)
        pack_row.addWidget(choose)
        for signal in (self.seat.toggled, self.pack.textChanged):
            signal.connect(self.completeChanged)
        self.problem = _note()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.sample)
        layout.addWidget(self.empty)
        layout.addWidget(self.seat)
        layout.addWidget(seat_note)
        layout.addLayout(pack_row)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def isComplete(self) -> bool:
        return not self.seat.isChecked() or bool(self.pack.text().strip())

    @Slot()
    def _choose_pack(self) -> None:
        chosen, _ = QtWidgets.QFileDialog.getOpenFileName(self, self.tr("The office's campaign pack"), "",
                                                          self.tr("Campaign packs (*.kapack)"))
        if chosen:
            self.pack.setText(chosen)


@dataclass(frozen=True)
class _Made:
    """The worker's answer at Finish: the new store and its administrator, and what could not be set up."""

    store: Store
    actor: Actor
    recovery_key: str
    organisation_problem: ServiceError | None
    sample_problem: ServiceError | None


@worker_job
def _create_office(url: str, staff_no: str, name: str, password: str, organisation_name: str, sample: bool,
                   lang: str) -> _Made:
    """The store, the administrator, the organisation's name and (if chosen) the sample, off the GUI thread."""
    store = Store(url, create=True)
    try:
        first = staff.set_up(store, staff_no, name, password)
    except BaseException:
        store.close()
        raise
    actor = first.actor
    ctx = Context(store, actor, "en" if lang == "en" else "zh")
    organisation_problem = sample_problem = None
    try:  # the store's own setting, so every PC of the office prints the same heading
        organisation.set_organisation_name(ctx, organisation_name)
    except ServiceError as exc:
        organisation_problem = exc
    if sample:
        try:
            campaigns.load_campaign_file(ctx, campaigns.sample_campaign_path(ctx))
        except ServiceError as exc:
            sample_problem = exc
    return _Made(store, actor, first.recovery_key, organisation_problem, sample_problem)


class RecoveryKeyPage(QtWidgets.QWizardPage):
    """The recovery key, shown this once: the store keeps only what it opens, never the key itself.

    Finish waits for the tick, so the key is not clicked past unseen.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Write down the recovery key"))
        # In the page, not the subtitle: the wizard's header does not grow, and cut the second sentence off (seen at 1366×768).
        why = QtWidgets.QLabel(self.tr("If every password is lost, this key is the only way to read the ID numbers and ID images again. "
                                       "It is shown only now and is kept nowhere on this computer."))
        why.setWordWrap(True)
        self.key = QtWidgets.QLabel()
        self.key.setTextInteractionFlags(self.key.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(max(font.pointSize(), 13))
        self.key.setFont(font)
        advice = QtWidgets.QLabel(self.tr("Write it on paper, check each group, and lock the paper in the office. "
                                          "An administrator can make a new one later; the old one then stops working."))
        advice.setWordWrap(True)
        self.written = QtWidgets.QCheckBox(self.tr("I have &written the recovery key down"))
        self.written.toggled.connect(self.completeChanged)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.key)
        layout.addWidget(advice)
        layout.addWidget(self.written)
        layout.addStretch(1)

    def show_key(self, key: str) -> None:
        """Four groups to a line, as it is copied onto paper."""
        groups = key.split("-")
        self.key.setText("\n".join("  ".join(groups[i : i + 4]) for i in range(0, len(groups), 4)))

    def isComplete(self) -> bool:
        return self.written.isChecked()


class FirstRunWizard(QtWidgets.QWizard):
    """Five pages; "Create" on the fourth makes the store, the administrator and (if chosen) the
    sample campaign; the fifth shows the recovery key once."""

    def __init__(self, settings: Settings, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.opened: Opened | None = None
        self.setWindowTitle(self.tr("KAccount Desk — first start"))
        self.setWizardStyle(QtWidgets.QWizard.WizardStyle.ModernStyle)
        self.store_page = StorePage()
        self.organisation_page = OrganisationPage()
        self.admin_page = AdministratorPage()
        self.start_page = StartPage()
        self.start_page.setCommitPage(True)  # what it creates cannot be created twice: no way back past it
        self.setButtonText(QtWidgets.QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self.recovery_page = RecoveryKeyPage()
        for page in (self.store_page, self.organisation_page, self.admin_page, self.start_page, self.recovery_page):
            self.addPage(page)
        self.setMinimumSize(560, 440)

    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is self.start_page:
            return self.opened is not None or self._finish()
        return True

    def _finish(self) -> bool:
        """Create everything in a worker (the buttons off, a busy cursor); False until it is done.

        Once made, the recovery key is put on the last page and "Create" is pressed again for the
        person (``next``, which validates again: now True), so the wizard moves on to show the key.
        On a refusal say why on the last page and keep every field as typed.
        """
        url, admin, lang = self.store_page.url(), self.admin_page, current_lang()
        staff_no, name, password = admin.staff_no.text(), admin.name.text(), admin.password.text()
        organisation_name, sample = self.organisation_page.name.text(), self.start_page.sample.isChecked()
        self._waiting(True)
        if self.start_page.seat.isChecked():
            from kaccount_desk.ui.handover.seat_setup import create_seat

            pack = Path(self.start_page.pack.text().strip())
            run_query(self, lambda: create_seat(url, pack, staff_no, name, password),
                      lambda seat: self._made(url, _Made(*seat, None, None)), self._refused)
            return False
        run_query(self, lambda: _create_office(url, staff_no, name, password, organisation_name, sample, lang),
                  lambda made: self._made(url, made), self._refused)
        return False

    def _waiting(self, on: bool) -> None:
        buttons = QtWidgets.QWizard.WizardButton
        for which in (buttons.CommitButton, buttons.FinishButton, buttons.BackButton):
            self.button(which).setEnabled(not on)

    def _made(self, url: str, made: _Made) -> None:
        self._waiting(False)
        if made.organisation_problem is not None:
            QtWidgets.QMessageBox.warning(self, self.tr("Organisation not saved"), error_text(made.organisation_problem))
        if made.sample_problem is not None:  # the account exists: a sample that fails must not lock anyone out
            QtWidgets.QMessageBox.warning(self, self.tr("Sample campaign not loaded"), error_text(made.sample_problem))
        self._remember(url)
        self.opened = Opened(made.store, made.actor)
        self.recovery_page.show_key(made.recovery_key)
        self.setOption(QtWidgets.QWizard.WizardOption.NoCancelButton, True)  # the store exists: only forward now
        self.next()

    def reject(self) -> None:
        """Esc or the window's close on the recovery key's page is refused until it is written down: it is shown only once."""
        if self.opened is not None and not self.recovery_page.isComplete():
            return
        super().reject()

    def _refused(self, exc: BaseException) -> bool:
        self._waiting(False)
        if isinstance(exc, StoreUnavailable):
            _show(self.start_page.problem, exc.text(current_lang()), False)
        elif isinstance(exc, ServiceError):
            _show(self.start_page.problem, error_text(exc) + "\n" + self.tr("Go back to change it."), False)
        else:
            return False
        return True

    def _remember(self, url: str) -> None:
        page = self.store_page
        if page.server.isChecked():
            if page.password.text():
                store_setup.remember_password(page.host.text().strip(), page.port.value(), page.database.text().strip(),
                                              page.user.text().strip(), page.password.text())
            self.settings.set(STORE, store_setup.without_password(url))
        else:
            default = f"sqlite:///{(config.data_dir() / config.STORE_FILE).resolve()}"
            self.settings.set(STORE, "" if url == default else url)

    @classmethod
    def ask(cls, settings: Settings, parent: QtWidgets.QWidget | None = None) -> Opened | None:
        wizard = cls(settings, parent)
        wizard.exec()
        return wizard.opened
