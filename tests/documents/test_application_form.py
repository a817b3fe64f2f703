from __future__ import annotations

import dataclasses
from io import BytesIO

import pytest
from doc_samples import form
from pdf_probe import decode_qr, page_count, page_text

from kaccount_desk.documents.application_form import render_forms, write_form_files
from kaccount_desk.documents.errors import Cancelled, DocumentError


def test_one_form_per_page_with_every_field(make_pdf) -> None:
    forms = [form(1), form(2, "11010519491231002X")]
    pdf = make_pdf("forms", lambda out: render_forms(forms, out))
    assert page_count(pdf) == 2
    first = page_text(pdf, 0)
    for expected in (
        "业务办理申请表", "张芳1", "第二事业部", "居民身份证", "130981********1234", "男", "1978年5月2日",
        "老号(在网号码)", "18832758801", "动感地带网聊套餐+大客户包", "集团彩铃", "15 元", "已受理",
        "2012年移动大客户业务办理", "申请人签字", "日期",
    ):
        assert expected in first
    second = page_text(pdf, 1)
    assert "11010519491231002X" in second
    assert "130981********1234" not in second
    assert "集团彩铃、来电显示" in second


def test_qr_code_carries_the_application_id(make_pdf, tmp_path) -> None:
    pdf = make_pdf("forms", lambda out: render_forms([form(7), form(8)], out))
    assert decode_qr(pdf, 1, tmp_path) == ["KAD-APP:A000007"]
    assert decode_qr(pdf, 2, tmp_path) == ["KAD-APP:A000008"]


def test_one_file_per_form(tmp_path) -> None:
    folder = tmp_path / "forms"
    folder.mkdir()
    paths = write_form_files([form(i) for i in range(1, 4)], folder)
    assert [p.name for p in paths] == ["A000001-张芳1.pdf", "A000002-张娜2.pdf", "A000003-张敏3.pdf"]
    assert sorted(folder.iterdir()) == sorted(paths)
    assert all(page_count(p) == 1 for p in paths)
    assert "张敏3" in page_text(paths[2], 0)


def test_no_applicants_is_refused(tmp_path) -> None:
    with pytest.raises(DocumentError) as caught:
        write_form_files([], tmp_path)
    assert caught.value.reason.code == "doc.empty"
    assert caught.value.reason.zh == "没有可打印的申请"
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME


def test_long_values_wrap_inside_their_cell(make_pdf) -> None:
    plan = "沧州动感地带网聊套餐社会版2011加大客户包" * 3
    pdf = make_pdf("forms", lambda out: render_forms([dataclasses.replace(form(1), plan=plan, name="<王&李>")], out))
    text = page_text(pdf, 0).replace(" ", "")
    assert plan in text
    assert "<王&李>" in text


def test_progress_can_cancel_and_a_cancelled_batch_leaves_no_files(tmp_path) -> None:
    tmp_path = tmp_path / "forms"  # tmp_path itself also holds the redirected per-user home
    tmp_path.mkdir()
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(Cancelled):
        write_form_files([form(i) for i in range(1, 5)], tmp_path, stop_after_two)
    assert seen == [(1, 4), (2, 4)]
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME
    with pytest.raises(Cancelled):
        render_forms([form(1), form(2)], BytesIO(), lambda done, total: False)
