from __future__ import annotations

import dataclasses
import re

from doc_samples import NOTICE
from pdf_probe import all_text, font_names, page_count

from kaccount_desk.documents.notice import DEFAULT_NOTICE_TEMPLATE, fill_template, render_notice


def test_notice_reads_like_the_seed(make_pdf) -> None:
    pdf = make_pdf("notice", lambda out: render_notice(NOTICE, out))
    text = all_text(pdf)
    assert page_count(pdf) == 1
    assert text.startswith("通知")
    for expected in (
        "公司(党委)办公室赵浩然统一办理",
        "经与中国移动泊头公司协商",
        "截止时间:2012年2月27日 10:00前",
        "188327588、688、599、699",
        "一、 集团资费:每月8元",
        "二、 沧州动感地带网聊套餐社会版2011加大客户包:每月15元",
        "三、 在网号码保留原资费:每月5元",
    ):
        assert expected in text
    assert text.endswith("公司(党委)办公室 2012年2月22日")


def test_default_template_leaves_no_placeholder() -> None:
    assert "${" in DEFAULT_NOTICE_TEMPLATE
    assert "${" not in fill_template(NOTICE)


def test_unknown_placeholder_stays_visible(make_pdf) -> None:
    template = "请于${deadline}前交${contact}。\n\n联系电话:${phone}"
    pdf = make_pdf("custom", lambda out: render_notice(dataclasses.replace(NOTICE, template=template), out))
    text = all_text(pdf)
    assert "请于2012年2月27日 10:00前交赵浩然。" in text
    assert "联系电话:${phone}" in text


def test_font_is_embedded_as_subset(make_pdf) -> None:
    pdf = make_pdf("notice", lambda out: render_notice(NOTICE, out))
    cjk = [name for name in font_names(pdf) if "WenQuanYi" in name]
    assert cjk
    assert all(re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei-\d+", name) for name in cjk)


def test_the_editor_shows_placeholders_as_chinese_fields_and_stores_them_back() -> None:
    from kaccount_desk.documents.notice import FIELD_NAMES, placeholders, shown_fields, stored_fields

    shown = shown_fields(DEFAULT_NOTICE_TEMPLATE)
    assert "$" not in shown and "【营业部】" in shown
    assert stored_fields(shown) == DEFAULT_NOTICE_TEMPLATE
    assert shown_fields("$$5 ${unknown} $contact") == "$$5 ${unknown} 【联系人】"
    assert stored_fields("【营业部】【未知】") == "${carrier_branch}【未知】"
    assert [key for key, _ in FIELD_NAMES] == list(placeholders(NOTICE))  # every value a template may use has a name
