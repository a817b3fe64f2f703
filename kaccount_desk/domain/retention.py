"""How long ID-card images may be kept: the rule, as plain dates.

PIPL art. 19 allows personal information to be kept only as long as its purpose needs. An office
collects copies to hand applications over to the operator; once an application is settled
(activated, rejected or withdrawn) or its campaign has closed, the need ends, so the default is
to delete the copies a set number of days later (90). An operator's counter is bound instead by
MIIT Order No. 25 (电话用户真实身份信息登记规定, art. 11): kept while the service lasts and two years
after it ends. The store knows when an application was refused or withdrawn, but not when an
activated line is later closed, so in that mode activated applications keep their copies until
someone records the end of service elsewhere; refused and withdrawn ones go two years after.
An application that never finished (left as a draft, collected, submitted or sent, with no result
ever recorded) never started a service: its copies go a set number of days after its campaign
closed (two years by default, the same span), or they would be kept for ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.workflow import Status

FINAL_STATUSES = frozenset({Status.ACTIVATED.value, Status.REJECTED.value, Status.WITHDRAWN.value})
UNFINISHED_STATUSES = frozenset({Status.DRAFT.value, Status.COLLECTED.value, Status.SUBMITTED.value, Status.SENT.value})
DEFAULT_DAYS = 90
DEFAULT_ABANDONED_DAYS = 730  # two years after the campaign closed, Order No. 25's span after a service
ORDER_25_YEARS = 2
MAX_DAYS = 3650


class RetentionMode(StrEnum):
    OFFICE = "office"
    COUNTER = "counter"


MODE_LABELS: dict[RetentionMode, tuple[str, str]] = {
    RetentionMode.OFFICE: ("办公室:办结或活动截止后若干天删除", "Office: deleted some days after settling or the campaign's close"),
    RetentionMode.COUNTER: ("营业厅:按工信部25号令,服务期间及结束后两年", "Counter: MIIT Order No. 25, the service and two years after"),
}


@dataclass(frozen=True)
class RetentionPolicy:
    mode: RetentionMode = RetentionMode.OFFICE
    days: int = DEFAULT_DAYS
    abandoned_days: int = DEFAULT_ABANDONED_DAYS  # counter mode: unfinished applications, after the campaign's close


def check_policy(mode: str, days: int, abandoned_days: int = DEFAULT_ABANDONED_DAYS) -> tuple[RetentionPolicy | None, tuple[Reason, ...]]:
    """A policy from what a person typed, or the reasons it cannot be one."""
    reasons = []
    if mode not in RetentionMode._value2member_map_:
        zh, en = f"保存方式只能是 office 或 counter,不是“{mode}”", f"The mode is office or counter, not {mode!r}"
        reasons.append(Reason("retention.mode", zh, en))
    if not 1 <= days <= MAX_DAYS:
        reasons.append(Reason("retention.days", f"保存天数须在1到{MAX_DAYS}之间", f"The number of days is between 1 and {MAX_DAYS}"))
    if not 1 <= abandoned_days <= MAX_DAYS:
        reasons.append(Reason("retention.abandoned_days", f"未办结申请的保存天数须在1到{MAX_DAYS}之间",
                              f"The days unfinished applications are kept are between 1 and {MAX_DAYS}"))
    if reasons:
        return None, tuple(reasons)
    return RetentionPolicy(RetentionMode(mode), days, abandoned_days), ()


def _years_later(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


def copies_due(policy: RetentionPolicy, status: str, settled_at: datetime | None, campaign_closed_at: datetime) -> datetime | None:
    """When an application's ID copies are to be deleted, or None while they may be kept."""
    if policy.mode is RetentionMode.COUNTER:
        if status in (Status.REJECTED.value, Status.WITHDRAWN.value) and settled_at is not None:
            return _years_later(settled_at, ORDER_25_YEARS)
        if status in UNFINISHED_STATUSES:
            return campaign_closed_at + timedelta(days=policy.abandoned_days)
        return None
    keep = timedelta(days=policy.days)
    candidates = [campaign_closed_at + keep]
    if status in FINAL_STATUSES and settled_at is not None:
        candidates.append(settled_at + keep)
    return min(candidates)
