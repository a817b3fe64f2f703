"""The hand-over rules without a store: allotment, sequence, what a seat's application becomes at the office."""

from __future__ import annotations

from datetime import UTC, datetime

from kaccount_desk.domain.handover import (
    RowKind,
    SequenceVerdict,
    allotment_problems,
    number_problem,
    package_file_name,
    row_kind,
    sequence_verdict,
)
from kaccount_desk.domain.operator_time import OPERATOR_TZ


def test_the_package_name_says_it_carries_id_data_and_is_safe_on_windows() -> None:
    name = package_file_name("财务/审计", 3, datetime(2012, 2, 25, 9, 30, tzinfo=OPERATOR_TZ))
    assert name == "交接包-含身份证信息-财务_审计-003-20120225.kahp"


def test_the_package_name_carries_the_halls_day_not_the_computers() -> None:
    """07:29 in the hall on the 7th is 23:29 UTC on the 6th."""
    assert package_file_name("铸造事业部", 1, datetime(2026, 12, 6, 23, 29, tzinfo=UTC)).endswith("-20261207.kahp")


def test_an_allotment_needs_one_number_at_least_and_no_more_than_are_free() -> None:
    assert allotment_problems(["18832758800"], 1) == ()
    assert allotment_problems(["18832758800"], 0)[0].code == "handover.count"
    assert allotment_problems(["18832758800"], 2)[0].code == "handover.pool_short"


def test_packages_of_a_seat_follow_their_sequence() -> None:
    assert sequence_verdict(None, 1) is SequenceVerdict.NEXT
    assert sequence_verdict(2, 3) is SequenceVerdict.NEXT
    assert sequence_verdict(3, 3) is SequenceVerdict.SAME
    assert sequence_verdict(3, 2) is SequenceVerdict.OLDER


def test_what_an_application_becomes_depends_on_the_office_copy() -> None:
    assert row_kind(None, False) is RowKind.NEW
    assert row_kind("collected", True) is RowKind.UNCHANGED
    assert row_kind("collected", False) is RowKind.CHANGED
    assert row_kind("submitted", False) is RowKind.CONFLICT
    assert row_kind("submitted", True) is RowKind.UNCHANGED


def test_only_a_new_number_outside_the_allotment_is_refused() -> None:
    allotment = {"18832758800"}
    assert number_problem("pool", "18832758800", allotment) is None
    assert number_problem("existing", "13803170001", allotment) is None
    assert number_problem("pool", None, allotment) is None
    refused = number_problem("pool", "18832758801", allotment)
    assert refused is not None and refused.code == "handover.not_allotted" and "18832758801" not in refused.zh
