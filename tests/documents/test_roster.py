from __future__ import annotations

import dataclasses
from decimal import Decimal
from io import BytesIO

import pytest
from doc_samples import roster, roster_line
from pdf_probe import all_text, page_count, page_text

from kaccount_desk.documents.data import RosterData
from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.documents.roster import render_roster

HEADER = "序号 部门 姓名 证件号码 办理号码 号码类型 资费方案 附加业务 月费(元) 状态"


def test_long_roster_repeats_header_and_numbers_pages(make_pdf) -> None:
    data = roster(120, "第一事业部")
    pdf = make_pdf("roster", lambda out: render_roster(data, out))
    pages = page_count(pdf)
    with_lines = 0
    for i in range(pages):
        text = page_text(pdf, i)
        assert f"第 {i + 1} 页 共 {pages} 页" in text
        if any(line.phone_number in text for line in data.lines):
            with_lines += 1
            assert HEADER in text
    assert with_lines >= 3
    text = all_text(pdf)
    assert "第一事业部申请名单" in text
    assert all(line.name in text and line.phone_number in text for line in data.lines)


def test_summary_groups_by_department_and_totals_per_plan(make_pdf) -> None:
    plans = [("集团资费", "8", ("集团彩铃",))] * 3 + [("网聊套餐", "15", ("集团彩铃", "来电显示"))] * 2
    plans += [("原资费+大客户包", "5", ())]
    lines = tuple(
        dataclasses.replace(roster_line(i, dept), plan=plan, monthly_fee=Decimal(fee), addons=addons)
        for i, ((plan, fee, addons), dept) in enumerate(zip(plans, ["财务部", "后勤部"] * 3, strict=True), start=1)
    )
    data = RosterData("2012年移动大客户业务办理", "公司(党委)办公室", roster(1).printed_on, lines)
    pdf = make_pdf("summary", lambda out: render_roster(data, out))
    text = all_text(pdf)
    assert "汇总表" in text
    assert "财务部(3 人)" in text and "后勤部(3 人)" in text
    assert "财务部小计:3 人,预计月费合计 31 元" in text
    assert "后勤部小计:3 人,预计月费合计 28 元" in text
    for expected in ("集团资费 3 24", "网聊套餐 2 30", "原资费+大客户包 1 5", "合计 6 59", "集团彩铃 5", "来电显示 2"):
        assert expected in text
    assert text.index("财务部(3 人)") < text.index("后勤部(3 人)")


def test_empty_roster_is_refused() -> None:
    with pytest.raises(DocumentError) as caught:
        render_roster(roster(0), BytesIO())
    assert caught.value.reason.code == "doc.empty"
