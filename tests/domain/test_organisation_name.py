"""The organisation's name as it will head the printed documents."""

from __future__ import annotations

from kaccount_desk.domain.organisation import MAX_LENGTH, check_organisation_name


def test_the_name_prints_as_typed_without_the_spaces_around_it() -> None:
    assert check_organisation_name("  泊头铸造有限公司 ").value == "泊头铸造有限公司"
    assert check_organisation_name("Botou   Foundry Co.").value == "Botou Foundry Co."
    assert check_organisation_name("   ").value == ""  # none set: the documents print no line for it


def test_a_second_line_or_a_name_too_long_for_a_heading_is_refused() -> None:
    assert [r.code for r in check_organisation_name("泊头\n铸造").reasons] == ["organisation.one_line"]
    long = check_organisation_name("铸" * (MAX_LENGTH + 1))
    assert long.value is None and str(MAX_LENGTH + 1) in long.reasons[0].zh and str(MAX_LENGTH) in long.reasons[0].en
    assert check_organisation_name("铸" * MAX_LENGTH).ok
