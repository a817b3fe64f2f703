"""The hand-over's file name and the activation list's dates, without a store."""

from __future__ import annotations

from datetime import date

import pytest

from kaccount_desk.domain.operator_handover import activation_date, handover_file_name, id_data_name


def test_the_file_name_says_what_it_holds_for_whom_and_when() -> None:
    assert handover_file_name("BT2012-KA", None, date(2012, 2, 27)) == "移交运营商-含身份证信息-BT2012-KA-2012-02-27.zip"
    named = handover_file_name("BT2012-KA", "财务/审计 部", date(2012, 2, 27))
    assert named == "移交运营商-含身份证信息-BT2012-KA-财务_审计_部-2012-02-27.zip"
    assert id_data_name("给移动.zip") == "移交运营商-含身份证信息-给移动.zip"
    assert id_data_name("含身份证信息.zip") == "含身份证信息.zip"


@pytest.mark.parametrize("text", ["2012-03-01", "2012/3/1", "2012.3.1", "2012年3月1日", "20120301", "2012-03-01 10:12:00",
                                  " 2012/03/01 ", "20120301101200"])
def test_activation_dates_as_operators_write_them(text: str) -> None:
    assert activation_date(text) == date(2012, 3, 1)


@pytest.mark.parametrize("text", ["", "下周", "2012-02-30", "3/1/2012", "201203"])
def test_what_is_no_date_is_none(text: str) -> None:
    assert activation_date(text) is None
