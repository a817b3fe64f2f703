"""The tariff estimate beside the intake form: what each option would cost this person a month.

The clerk types the usage the customer describes; the estimate follows after a short pause, not
on every keystroke, because it asks the service (the campaign's tariff options) each time, in the
background so the spin boxes never wait.
"""

from __future__ import annotations

from decimal import Decimal

from kaccount_desk.domain.campaign import CampaignSpec
from kaccount_desk.domain.tariff import Estimate, UsageProfile
from kaccount_desk.services import estimate
from kaccount_desk.services.context import Context
from kaccount_desk.services.errors import ServiceError
from kaccount_desk.ui.enrollment.latest_query import LatestQuery
from kaccount_desk.ui.messages import current_lang
from kaccount_desk.ui.operations import run_query
from kaccount_desk.ui.palette import COLOURS
from kaccount_desk.ui.qt import Qt, QtCore, QtWidgets

ESTIMATE_DEBOUNCE_MS = 150

OK, CALM = COLOURS["ok"], COLOURS["calm"]


class EstimatePanel(QtWidgets.QGroupBox):
    """What each tariff option would cost this person a month, the cheapest marked with ★."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.setTitle(self.tr("Tariff estimate"))
        self._ctx = ctx
        self._code = ""
        self._spec: CampaignSpec | None = None  # the form's campaign, read once for all the estimates
        self.spins = {key: self._spin(99999) for key in ("in_group", "out_group", "sms", "data_mb")}
        self.current_fee = QtWidgets.QDoubleSpinBox()
        self.current_fee.setRange(0, 9999.99)
        self.current_fee.setSpecialValueText(self.tr("not given"))
        self.current_fee.setSuffix(self.tr(" yuan"))
        self.result = QtWidgets.QLabel()
        # No word wrap: a wrapped rich-text label is given one line's height inside the scrolling form, and the
        # options below the first were cut off; the table's own width is that of its longest option name.
        self.result.setTextFormat(Qt.TextFormat.RichText)
        self._query = LatestQuery()
        self._timer = QtCore.QTimer(self, singleShot=True, interval=ESTIMATE_DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)
        for spin in self.spins.values():
            spin.valueChanged.connect(lambda _v: self._timer.start())
        self.current_fee.valueChanged.connect(lambda _v: self._timer.start())
        grid = QtWidgets.QGridLayout(self)
        titles = (self.tr("In-group min"), self.tr("Out-of-group min"), self.tr("SMS"), self.tr("Data MB"))
        for column, (title, spin) in enumerate(zip(titles, self.spins.values(), strict=True)):
            grid.addWidget(_heading(title), 0, column)
            grid.addWidget(spin, 1, column)
        grid.addWidget(_heading(self.tr("Current monthly fee")), 0, 4)
        grid.addWidget(self.current_fee, 1, 4)
        grid.addWidget(self.result, 2, 0, 1, 5)

    def _spin(self, top: int) -> QtWidgets.QSpinBox:
        spin = QtWidgets.QSpinBox()
        spin.setRange(0, top)
        return spin

    def set_campaign(self, code: str, spec: CampaignSpec | None = None) -> None:
        self._code, self._spec = code, spec
        self._timer.start()

    def recompute(self) -> None:
        """Ask for the estimate of what is entered now, off the GUI thread; an answer for older figures is dropped."""
        if not self._code:
            return
        s = self.spins
        usage = UsageProfile(s["in_group"].value(), s["out_group"].value(), s["sms"].value(), s["data_mb"].value())
        fee = Decimal(str(round(self.current_fee.value(), 2))) if self.current_fee.value() > 0 else None
        code, spec = self._code, self._spec
        self._query.ask(lambda done, failed: run_query(
            self.result, lambda: estimate.estimate_options(self._ctx, code, usage, fee, spec), done, failed,
        ), lambda found: self._paint(found, fee), self._refused)

    @property
    def settled(self) -> bool:
        """No estimate is due or on its way."""
        return self._query.settled and not self._timer.isActive()

    def _refused(self, exc: BaseException) -> bool:
        if not isinstance(exc, ServiceError):
            return False
        self.result.setText(exc.text(current_lang()))
        return True

    def _paint(self, estimates: list[Estimate], fee: Decimal | None) -> None:
        rows = []
        for e in estimates:
            cost = self.tr("%1 yuan").replace("%1", f"{e.monthly_cost:.2f}")
            style = f" style='font-weight:bold; color:{OK}'" if e.cheapest else ""
            mark = "★ " if e.cheapest else ""
            rows.append(f"<tr{style}><td>{mark}{_html(e.option.name)}</td><td align='right'>&nbsp;{cost}</td></tr>")
        if fee is None:
            hint = self.tr("Enter the current monthly fee to compare keeping the current plan.")
            rows.append(f"<tr><td colspan='2' style='color:{CALM}'>{_html(hint)}</td></tr>")
        self.result.setText("<table cellspacing='2'>" + "".join(rows) + "</table>")


def _heading(text: str) -> QtWidgets.QLabel:
    """A column heading that wraps, so the spin boxes, not the words, set the panel's width."""
    label = QtWidgets.QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
    return label


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
