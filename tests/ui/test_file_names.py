"""Suggested file names say who, what and when; the save dialog opens in the folder used last."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kaccount_desk.ui.file_names import ask_save_path, file_name
from kaccount_desk.ui.qt import QtWidgets
from kaccount_desk.ui.settings import LAST_FOLDER, Settings


def test_names_join_their_parts_and_the_day_safely() -> None:
    assert file_name("铸造事业部", "申请表", day=date(2026, 12, 2), suffix=".pdf") == "铸造事业部_申请表_2026-12-02.pdf"
    assert file_name("财务/审计", None, " ", "Ticket report", day=date(2026, 1, 5), suffix=".xlsx") == \
        "财务-审计_Ticket-report_2026-01-05.xlsx"


def test_the_dialog_starts_where_the_last_file_went(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    answers = [str(tmp_path / "a.pdf"), ""]
    monkeypatch.setattr(QtWidgets.QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, start, filters: (offered.append(start), (answers.pop(0), ""))[1]))
    settings = Settings()
    assert ask_save_path(None, "Save", "x.pdf", "PDF (*.pdf)", settings) == tmp_path / "a.pdf"
    assert settings.get(LAST_FOLDER) == str(tmp_path)
    assert ask_save_path(None, "Save", "y.pdf", "PDF (*.pdf)", settings) is None  # cancelled: nothing changes
    assert offered == ["x.pdf", str(tmp_path / "y.pdf")] and settings.get(LAST_FOLDER) == str(tmp_path)
