"""The rules of hand-over packages between a department's seat and the office (issue 22).

Which numbers a department may be given, which package may follow which, and what an imported
application becomes at the office: kept here, away from files and storage, so the CLI, the GUI
and the tests reach the same verdict with the same words.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from enum import StrEnum

from kaccount_desk.domain.labels import Labels
from kaccount_desk.domain.operator_time import OPERATOR_TZ
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.domain.workflow import is_editable

PACKAGE_SUFFIX = ".kahp"  # a seat's applications with their ID copies: sensitive
PACK_SUFFIX = ".kapack"  # a campaign pack for a seat: no personal data
ACK_SUFFIX = ".kaack"


class RowKind(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"
    CONFLICT = "conflict"
    REFUSED = "refused"


ROW_KIND_LABELS = Labels({
    RowKind.NEW: ("新增", "New"),
    RowKind.CHANGED: ("有改动", "Changed"),
    RowKind.UNCHANGED: ("无变化", "Unchanged"),
    RowKind.CONFLICT: ("冲突", "Conflict"),
    RowKind.REFUSED: ("拒收", "Refused"),
})


class SequenceVerdict(StrEnum):
    NEXT = "next"  # newer than anything imported from this seat
    SAME = "same"  # imported already: nothing to do
    OLDER = "older"  # an older package after a newer one: refused


def package_file_name(department: str, sequence: int, when: datetime) -> str:
    """The name a package is offered under: it says it carries ID data, whose and which one.

    The day is the hall's, as on every other paper: before 08:00 in the hall the computer's UTC
    clock is still on the day before (seen: a package sent at 07:29 on the 7th named the 6th).
    """
    return f"交接包-含身份证信息-{_safe(department)}-{sequence:03d}-{when.astimezone(OPERATOR_TZ):%Y%m%d}{PACKAGE_SUFFIX}"


def pack_file_name(campaign: str, department: str) -> str:
    return f"活动包-{_safe(campaign)}-{_safe(department)}{PACK_SUFFIX}"


def ack_file_name(department: str, sequence: int) -> str:
    return f"回执-{_safe(department)}-{sequence:03d}{ACK_SUFFIX}"


def _safe(text: str) -> str:
    """A department or campaign as part of a file name on Windows: no separators or reserved characters."""
    return "".join("_" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in text).strip() or "_"


def allotment_problems(free: Sequence[str], count: int) -> tuple[Reason, ...]:
    """Why ``count`` numbers cannot be allotted from the ``free`` ones; empty when they can."""
    if count < 1:
        return (Reason("handover.count", "分配的号码数量至少为 1", "Allot at least one number"),)
    if count > len(free):
        return (Reason("handover.pool_short", f"号池中只剩 {len(free)} 个未分配、未选用的号码,不够分配 {count} 个",
                       f"Only {len(free)} numbers of the pool are neither allotted nor chosen; {count} cannot be allotted"),)
    return ()


def sequence_verdict(last_imported: int | None, incoming: int) -> SequenceVerdict:
    """Whether a seat's package comes after what the office imported from that seat."""
    if last_imported is None or incoming > last_imported:
        return SequenceVerdict.NEXT
    return SequenceVerdict.SAME if incoming == last_imported else SequenceVerdict.OLDER


def older_package(incoming: int, last_imported: int) -> Reason:
    return Reason("handover.older", f"这是该受理点的第 {incoming} 个交接包,办公室已导入第 {last_imported} 个;旧的交接包不能在新的之后导入",
                  f"This is package {incoming} of the seat, and the office has imported package {last_imported}; "
                  "an older package cannot be imported after a newer one")


def row_kind(office_status: str | None, same_content: bool) -> RowKind:
    """What one application of a package becomes at the office.

    Not there yet: new. There with the same content: unchanged. There but different: updated while
    the office could still change it (domain ``is_editable``), otherwise a conflict.
    """
    if office_status is None:
        return RowKind.NEW
    if same_content:
        return RowKind.UNCHANGED
    return RowKind.CHANGED if is_editable(office_status) else RowKind.CONFLICT


def conflict_reason(office_status_label_zh: str, office_status_label_en: str) -> Reason:
    return Reason("handover.conflict",
                  f"受理点改动了这份申请,但办公室的这份已是“{office_status_label_zh}”,不能再改;请与部门核对",
                  f"The seat changed this application, but the office's copy is already {office_status_label_en.lower()} "
                  "and can no longer change; check with the department")


def number_problem(number_source: str, msisdn: str | None, allotment: Collection[str]) -> Reason | None:
    """A new number outside the department's allotment is refused: two seats must never pick the same one."""
    if number_source != "pool" or not msisdn or msisdn in allotment:
        return None
    # The number itself is in the row's own column: reasons, which may be logged, name no one's number.
    return Reason("handover.not_allotted", "所选号码不在分配给该部门的号码内,不能导入",
                  "The number chosen is not among the numbers allotted to this department; it cannot be imported")


def wrong_office() -> Reason:
    return Reason("handover.other_office", "这个交接包是发给另一个办公室的(公钥不符),本办公室不能导入",
                  "This package was made for another office (its key does not match); this office cannot import it")


def wrong_campaign(code: str) -> Reason:
    return Reason("handover.other_campaign", f"这个交接包属于办理活动“{code}”,本办公室没有这个活动",
                  f"This package belongs to campaign {code!r}, which this office does not have")


def unknown_department(name: str) -> Reason:
    return Reason("handover.unknown_department", f"这个交接包来自部门“{name}”,该活动中没有这个部门",
                  f"This package comes from department {name!r}, which the campaign does not have")


def damaged(detail_zh: str, detail_en: str) -> Reason:
    return Reason("handover.damaged", f"交接包已损坏或被改动,整个文件不能使用({detail_zh});请让部门重新发送",
                  f"The package is damaged or was altered, so none of it can be used ({detail_en}); ask the department to send it again")


def not_a_seat() -> Reason:
    return Reason("handover.not_seat", "这个数据库不是部门受理点(没有用活动包建立),不能向办公室交接",
                  "This store is not a department seat (it was not set up from a campaign pack); it cannot hand over to the office")
