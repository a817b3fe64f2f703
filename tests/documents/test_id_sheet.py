from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from doc_samples import id_copy
from pdf_probe import image_placements, page_count, page_text

from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.documents.id_sheet import render_id_sheets
from kaccount_desk.documents.pdf_file import write_pdf_atomically

PURPOSE = "仅供办理中国移动大客户业务使用"
ON = date(2026, 11, 24)
CARD = (242.65, 153.07)


def test_cards_print_at_real_size_one_holder_per_page(make_pdf) -> None:
    copies = [id_copy("张伟"), id_copy("李娜"), id_copy("王强")]
    pdf = make_pdf("ids", lambda out: render_id_sheets(copies, PURPOSE, ON, out))
    assert page_count(pdf) == 3
    for i, copy in enumerate(copies):
        sizes = image_placements(pdf, i)
        assert len(sizes) == 2
        for width, height in sizes:
            assert width == pytest.approx(CARD[0], abs=0.5)
            assert height == pytest.approx(CARD[1], abs=0.5)
        text = page_text(pdf, i)
        assert f"机主姓名:{copy.name}" in text
        assert "机主身份证复印件" in text
        assert f"{PURPOSE} 2026-11-24" in text


def test_watermark_is_repeated_over_each_card(make_pdf) -> None:
    pdf = make_pdf("ids", lambda out: render_id_sheets([id_copy()], PURPOSE, ON, out))
    assert page_text(pdf, 0).count("2026-11-24") >= 20


@pytest.mark.parametrize("side", ["front", "back"])
def test_missing_copy_names_the_person_and_writes_nothing(tmp_path, side) -> None:
    copies = [id_copy("张伟"), dataclasses.replace(id_copy("李娜"), **{side: b""})]
    target = tmp_path / "ids.pdf"
    with pytest.raises(DocumentError) as caught:
        write_pdf_atomically(target, lambda out: render_id_sheets(copies, PURPOSE, ON, out))
    assert caught.value.reason.code == "doc.no_copies"
    assert "李娜" in caught.value.reason.zh and "李娜" in caught.value.reason.en
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME


def test_undecodable_image_is_refused(tmp_path) -> None:
    broken = dataclasses.replace(id_copy("李娜"), back=b"\xff\xd8\xff\xe0 not really a jpeg")
    with pytest.raises(DocumentError) as caught:
        write_pdf_atomically(tmp_path / "ids.pdf", lambda out: render_id_sheets([broken], PURPOSE, ON, out))
    assert caught.value.reason.code == "doc.bad_image"
    assert "李娜" in caught.value.reason.zh and "反面" in caught.value.reason.zh
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME


def test_no_holders_is_refused(tmp_path) -> None:
    with pytest.raises(DocumentError) as caught:
        write_pdf_atomically(tmp_path / "ids.pdf", lambda out: render_id_sheets([], PURPOSE, ON, out))
    assert caught.value.reason.code == "doc.empty"


def test_the_organisation_is_in_the_purpose_line_which_stays_on_the_page(make_pdf) -> None:
    """The longest name the store accepts (40 characters) must not push the purpose line off the paper."""
    import pypdfium2

    from kaccount_desk.domain.organisation import MAX_LENGTH

    name = "泊头铸造" * (MAX_LENGTH // 4)
    pdf = make_pdf("ids", lambda out: render_id_sheets([id_copy()], PURPOSE, ON, out, organisation=name))
    line = f"用途:{name} {PURPOSE} 2026-11-24"
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        text = page.get_textpage()
        start = text.get_text_range().index(line)
        left = text.get_charbox(start)[0]
        right = text.get_charbox(start + len(line) - 1)[2]
        assert left > 0 and right < page.get_width()
    finally:
        document.close()
