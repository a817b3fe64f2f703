from __future__ import annotations

from pathlib import Path

import pytest

from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.documents.pdf_file import write_pdf_atomically


def test_writes_the_whole_file(tmp_path) -> None:
    tmp_path = _own_folder(tmp_path)
    target = tmp_path / "a.pdf"
    write_pdf_atomically(target, lambda out: out.write(b"%PDF-1.4 whole"))
    assert target.read_bytes() == b"%PDF-1.4 whole"
    assert list(tmp_path.iterdir()) == [target]


def test_failed_build_leaves_no_file_and_no_temp(tmp_path) -> None:
    tmp_path = _own_folder(tmp_path)
    def build(out) -> None:
        out.write(b"%PDF-1.4 half")
        raise RuntimeError("layout crashed")

    with pytest.raises(RuntimeError, match="layout crashed"):
        write_pdf_atomically(tmp_path / "a.pdf", build)
    assert [p for p in tmp_path.iterdir() if p.name != "home"] == []  # home: the test's KACCOUNT_HOME


def test_failed_build_keeps_the_previous_file(tmp_path) -> None:
    tmp_path = _own_folder(tmp_path)
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def build(out) -> None:
        out.write(b"new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_pdf_atomically(target, build)
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("folder", ["missing", "a-file"])
def test_unwritable_folder_is_a_document_error(tmp_path, folder) -> None:
    (tmp_path / "a-file").write_bytes(b"")
    with pytest.raises(DocumentError) as caught:
        write_pdf_atomically(tmp_path / folder / "a.pdf", lambda out: out.write(b"x"))
    assert caught.value.reason.code == "doc.unwritable"
    assert "无法写入文件" in caught.value.reason.zh
    assert "Cannot write the file" in caught.value.reason.en
    assert str(tmp_path / folder) in str(caught.value)


def _own_folder(tmp_path: Path) -> Path:
    """A folder of its own: tmp_path also holds the redirected per-user home (safe_files' markers)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder
