from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from kaccount_desk.documents.pdf_file import write_pdf_atomically

Build = Callable[[BinaryIO], None]


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[[str, Build], Path]:
    """Write a document to a real file, the way the services will."""

    def make(name: str, build: Build) -> Path:
        path = tmp_path / f"{name}.pdf"
        write_pdf_atomically(path, build)
        return path

    return make
