"""The office's hand-over to the operator and the operator's list of activated numbers, as rules.

The hand-over file carries full ID numbers and ID-card images, so its name says so wherever it is
copied (a USB stick, a mail attachment); the activation list is the operator's own spreadsheet,
whose dates come in whatever form its system or its clerk wrote them. Plain Python: the services
decide, the sheets read, the faces show these words.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason

# The words every hand-over file name starts with: "to the operator, contains ID information".
HANDOVER_NAME_HEAD = "移交运营商-含身份证信息"
HANDOVER_SUFFIX = ".zip"
_UNSAFE_IN_NAME = re.compile(r'[\\/:*?"<>|\s]+')


def handover_file_name(campaign_code: str, department: str | None, day: date) -> str:
    """移交运营商-含身份证信息-BT2012-KA-铸造事业部-2012-02-27.zip: what it is, that it holds ID data, for whom and when."""
    parts = [HANDOVER_NAME_HEAD, campaign_code, department or "", day.isoformat()]
    return "-".join(_UNSAFE_IN_NAME.sub("_", p.strip()) for p in parts if p and p.strip()) + HANDOVER_SUFFIX


def says_it_holds_id_data(file_name: str) -> bool:
    """Whether a chosen name still warns whoever finds the file (a clerk may have typed another)."""
    return "身份证" in file_name or "id-data" in file_name.casefold()


def id_data_name(file_name: str) -> str:
    """``file_name`` with the warning put in front when the clerk's own name dropped it."""
    return file_name if says_it_holds_id_data(file_name) else f"{HANDOVER_NAME_HEAD}-{file_name}"


# --- the operator's activation list ----------------------------------------------------------------

class Outcome(StrEnum):
    """What importing one row of an activation list did."""

    ACTIVATED = "activated"
    ALREADY = "already"
    NOT_FOUND = "not_found"
    OTHER_STATE = "other_state"
    BAD_ROW = "bad_row"


OUTCOME_LABELS = Labels({
    Outcome.ACTIVATED: ("已登记开通", "Activated"),
    Outcome.ALREADY: ("此前已开通", "Already activated"),
    Outcome.NOT_FOUND: ("未找到", "Not found"),
    Outcome.OTHER_STATE: ("状态不符", "In another state"),
    Outcome.BAD_ROW: ("无法读取", "Unreadable row"),
})

_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?(?:[ T].*)?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:\d{4,6})?$"),
)


def activation_date(text: str) -> date | None:
    """The day a line was opened, as operators' systems and clerks write it; None when it is no date.

    2012-03-01, 2012/3/1, 2012.3.1, 2012年3月1日, 20120301, and any of them followed by a time.
    """
    cleaned = text.strip()
    for form in _DATE_FORMS:
        found = form.match(cleaned)
        if found:
            try:
                return date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return None
    return None


def bad_number_reason(text: str) -> Reason:
    return Reason("activation.bad_number", f"“{text}”不是11位手机号码", f"“{text}” is not an 11-digit mobile number")


def bad_date_reason(text: str) -> Reason:
    return Reason("activation.bad_date", f"开通日期“{text}”无法识别(应如 2012-03-01)",
                  f"The activation date “{text}” is not a date (write it like 2012-03-01)")


def future_date_reason(on: date) -> Reason:
    return Reason("activation.future_date", f"开通日期 {on.isoformat()} 在今天之后", f"The activation date {on.isoformat()} is after today")


def repeated_reason(first_row: int) -> Reason:
    return Reason("activation.repeated", f"与第{first_row}行是同一号码", f"The same number as row {first_row}")


NOT_FOUND = Reason("activation.not_found", "没有使用这个号码的申请", "No application has this number")
AMBIGUOUS = Reason("activation.ambiguous", "这个号码在多个活动中都已交移动公司:请指定活动后再导入",
                   "This number was handed over in more than one campaign: choose the campaign and import again")


def other_state_reason(status_zh: str, status_en: str) -> Reason:
    return Reason("activation.other_state", f"该申请的状态是“{status_zh}”,不是“已交移动公司”",
                  f"That application is {status_en.lower()}, not sent to the carrier")


NO_DATE_COLUMN = Reason(
    "activation.no_date_column",
    "表中没有“开通日期”列:这些号码按导入当天登记为开通",
    "The sheet has no activation date column: these numbers are recorded as activated today",
)
