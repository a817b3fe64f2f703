from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from doc_samples import NOTICE, RECEIPT, TICKET, form, id_copy, roster
from pdf_probe import font_names, is_blank, render_page

from kaccount_desk.documents.application_form import render_forms
from kaccount_desk.documents.fonts import FONT_FILE, default_font_dir
from kaccount_desk.documents.id_sheet import render_id_sheets
from kaccount_desk.documents.notice import render_notice
from kaccount_desk.documents.roster import render_roster
from kaccount_desk.documents.ticket import render_receipt, render_ticket

REPO = Path(__file__).resolve().parents[2]

DOCUMENTS = {
    "notice": lambda out: render_notice(NOTICE, out),
    "forms": lambda out: render_forms([form(1)], out),
    "roster": lambda out: render_roster(roster(5, "财务部"), out),
    "summary": lambda out: render_roster(roster(5), out),
    "ids": lambda out: render_id_sheets([id_copy()], "仅供办理中国移动大客户业务使用", date(2026, 11, 24), out),
    "receipt": lambda out: render_receipt(RECEIPT, out),
    "ticket": lambda out: render_ticket(TICKET, out),
}


def test_font_and_its_licence_ship_in_the_repository(monkeypatch) -> None:
    monkeypatch.delenv("KACCOUNT_RESOURCES", raising=False)
    folder = default_font_dir()
    assert folder == REPO / "resources" / "fonts"
    assert (folder / FONT_FILE).stat().st_size < 20_000_000
    assert "Apache" in (folder / "wqy-microhei.COPYRIGHT.txt").read_text(encoding="utf-8")
    assert (folder / "README.md").is_file()


def test_resources_folder_can_be_moved(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("KACCOUNT_RESOURCES", str(tmp_path))
    assert default_font_dir() == tmp_path / "fonts"


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_first_page_has_ink_and_an_embedded_subset(make_pdf, tmp_path, name) -> None:
    pdf = make_pdf(name, DOCUMENTS[name])
    assert not is_blank(render_page(pdf, 1, 40, tmp_path))
    assert any(n.endswith("+WenQuanYiMicroHei-0") and len(n.split("+")[0]) == 6 for n in font_names(pdf))
