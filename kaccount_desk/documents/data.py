"""What each document prints, as plain frozen records.

The service layer maps its own records onto these; the documents code never looks anything up,
so whatever text is here (a masked or a full ID number, a phone number) is exactly what prints.
Amounts are ``Decimal`` (yuan) and times must carry their offset, because a receipt's due time
is a promise to the customer and must not shift with the printing PC's clock settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


def _require_aware(owner: str, name: str, value: datetime | None) -> None:
    if value is not None and value.utcoffset() is None:
        raise ValueError(f"{owner}.{name} must be timezone-aware, got {value!r}")


@dataclass(frozen=True)
class TariffOptionLine:
    """One tariff option of a campaign, as the notice lists it (一、二、三…)."""

    title: str
    monthly_fee: Decimal
    details: str = ""
    # The option keeps the number's own plan: its fee is "the current plan plus this".
    keeps_current: bool = False


@dataclass(frozen=True)
class AddonLine:
    """An add-on as the notice lists it: its fee, and which options (by number) already include it."""

    name: str
    monthly_fee: Decimal
    included_in: tuple[int, ...] = ()


@dataclass(frozen=True)
class NoticeData:
    """A campaign's notice (通知); ``template`` None means the shipped default wording."""

    issuer: str
    carrier_branch: str
    contact: str
    deadline: datetime
    pool_prefixes: tuple[str, ...]
    tariff_options: tuple[TariffOptionLine, ...]
    issued_on: date
    title: str = "通知"
    template: str | None = None
    addons: tuple[AddonLine, ...] = ()
    # The office's name (the store's setting), printed above the title; "" prints no such line.
    organisation: str = ""

    def __post_init__(self) -> None:
        _require_aware("NoticeData", "deadline", self.deadline)


@dataclass(frozen=True)
class ApplicationFormData:
    """One applicant's 业务办理申请表; ``id_number`` prints as given (mask it before if needed)."""

    application_id: str
    campaign_title: str
    name: str
    department: str
    id_type: str
    id_number: str
    sex: str
    birth_date: date | None
    keeps_number: bool
    phone_number: str
    plan: str
    addons: tuple[str, ...]
    monthly_fee: Decimal
    status: str

    @property
    def qr_payload(self) -> str:
        return f"KAD-APP:{self.application_id}"


@dataclass(frozen=True)
class RosterLine:
    """One applicant on a roster."""

    department: str
    name: str
    id_number: str
    phone_number: str
    keeps_number: bool
    plan: str
    addons: tuple[str, ...]
    monthly_fee: Decimal
    status: str


@dataclass(frozen=True)
class RosterData:
    """A department's roster, or (``department`` None) the office's summary of all departments."""

    campaign_title: str
    issuer: str
    printed_on: date
    lines: tuple[RosterLine, ...]
    department: str | None = None
    audit_witness: str = ""  # the audit chain's head when printed (services/audit.py witness), in the footer
    organisation: str = ""  # heads the page when set, as on the notice

    @property
    def is_summary(self) -> bool:
        return self.department is None


@dataclass(frozen=True)
class IdCopyData:
    """The front and back images (JPEG or PNG bytes) of one holder's ID card."""

    name: str
    front: bytes
    back: bytes
    caption: str = ""


SERVICE_PROMISE = (
    "本单位实行首问负责制:首位接待您的工作人员负责跟踪办理直至答复您,"
    "不推诿、不拖延。故障修复时限:城镇48小时、农村72小时。"
)


@dataclass(frozen=True)
class ReceiptData:
    """What the customer takes home (受理回执): who owns the request and when it is due."""

    ticket_id: str
    ticket_number: str
    received_at: datetime
    owner_name: str
    owner_staff_id: str
    channel: str
    window: str
    category: str
    customer_name: str
    masked_number: str
    summary: str
    due_at: datetime
    promise: str = SERVICE_PROMISE

    def __post_init__(self) -> None:
        _require_aware("ReceiptData", "received_at", self.received_at)
        _require_aware("ReceiptData", "due_at", self.due_at)

    @property
    def qr_payload(self) -> str:
        return f"KAD-TKT:{self.ticket_id}"


@dataclass(frozen=True)
class TicketHistoryLine:
    """One step in a ticket's life: who did what, when."""

    at: datetime
    who: str
    action: str
    text: str

    def __post_init__(self) -> None:
        _require_aware("TicketHistoryLine", "at", self.at)


@dataclass(frozen=True)
class TicketDocData:
    """The full ticket for the file: its receipt fields, its state and its history."""

    ticket: ReceiptData
    status: str
    history: tuple[TicketHistoryLine, ...] = field(default_factory=tuple)
