"""A company's member list from the operator (集团成员清单): what each row of it may become.

A row is a member number when it is a personal mobile number (``mobile.check_mobile``, the rule
every desk uses), listed once in the file, and not a member of another company already: a person
belongs to one group, and a number in two lists would put two companies and two account managers
on one card. The import adds and reports; a member missing from a newer list stays (the operator
sends additions far more often than whole lists, and a removal is its own decision).
"""

from __future__ import annotations

from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.reasons import Reason


class MemberOutcome(StrEnum):
    """What importing one row of a member list did."""

    NEW = "new"
    UNCHANGED = "unchanged"
    REFUSED = "refused"


MEMBER_OUTCOME_LABELS = Labels({
    MemberOutcome.NEW: ("新成员", "New member"),
    MemberOutcome.UNCHANGED: ("已是成员", "Already a member"),
    MemberOutcome.REFUSED: ("拒收", "Refused"),
})


def repeated_member_reason(first_row: int) -> Reason:
    return Reason("members.repeated", f"与第{first_row}行是同一号码", f"The same number as row {first_row}")


def other_company_reason(company: str) -> Reason:
    return Reason("members.other_company", f"这个号码已是集团客户“{company}”的成员",
                  f"This number is a member of the company “{company}” already")


def no_member_header_reason(file_name: str, rows: int) -> Reason:
    return Reason(
        "members.no_header",
        f"在“{file_name}”前 {rows} 行中没有找到号码列。表头行要有“号码”“手机号码”“服务号码”或“成员号码”这样的列名。",
        f"No number column in the first {rows} rows of “{file_name}”. The header row must name the number column, "
        "such as “号码”, “手机号码”, “服务号码” or “成员号码” (member number).",
    )
