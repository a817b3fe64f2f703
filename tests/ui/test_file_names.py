"""Suggested file names say who, what and when; the save dialog opens in the folder used last."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qt_dialogs import answer_file_dialog
from support import REPO

from kaccount_desk.ui.file_names import ask_open_path, ask_save_path, file_name
from kaccount_desk.ui.settings import LAST_FOLDER, Settings


def test_names_join_their_parts_and_the_day_safely() -> None:
    assert file_name("铸造事业部", "申请表", day=date(2026, 12, 2), suffix=".pdf") == "铸造事业部_申请表_2026-12-02.pdf"
    assert file_name("财务/审计", None, " ", "Ticket report", day=date(2026, 1, 5), suffix=".xlsx") == \
        "财务-审计_Ticket-report_2026-01-05.xlsx"


def test_the_save_dialog_starts_where_the_last_file_went(qapp, tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []
    settings = Settings()
    answer_file_dialog(tmp_path / "a.pdf", seen)
    assert ask_save_path(None, "Save", "x.pdf", "PDF (*.pdf)", settings) == tmp_path / "a.pdf"
    assert settings.get(LAST_FOLDER) == str(tmp_path) and seen[0][1] == "x.pdf"
    answer_file_dialog(None, seen)
    assert ask_save_path(None, "Save", "y.pdf", "PDF (*.pdf)", settings) is None  # cancelled: nothing changes
    assert seen[1] == (str(tmp_path), "y.pdf") and settings.get(LAST_FOLDER) == str(tmp_path)


def test_the_open_dialog_starts_where_the_last_opened_file_was(qapp, tmp_path: Path) -> None:
    scans, documents = tmp_path / "扫描件", tmp_path / "documents"
    scans.mkdir()
    documents.mkdir()
    (scans / "front.jpg").write_bytes(b"x")
    settings = Settings()
    settings.set(LAST_FOLDER, str(documents))
    seen: list[tuple[str, str]] = []
    answer_file_dialog(scans / "front.jpg", seen)
    assert ask_open_path(None, "Open", "Images (*.jpg)", settings) == scans / "front.jpg"
    answer_file_dialog(None, seen)
    assert ask_open_path(None, "Open", "Images (*.jpg)", settings) is None
    assert seen[1][0] == str(scans), "the next scan is beside the last one"
    assert settings.get(LAST_FOLDER) == str(documents), "where PDFs are saved is kept apart"


def test_the_first_dialog_opens_in_documents_not_where_the_app_started(qapp, tmp_path: Path, monkeypatch) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(documents))
    monkeypatch.chdir(REPO)  # a counter PC starts the app in the program's own folder
    seen: list[tuple[str, str]] = []
    answer_file_dialog(None, seen)
    ask_save_path(None, "Save", "x.pdf", "PDF (*.pdf)", Settings())
    answer_file_dialog(None, seen)
    ask_open_path(None, "Open", "Images (*.jpg)", Settings())
    assert [folder for folder, _ in seen] == [str(documents)] * 2
