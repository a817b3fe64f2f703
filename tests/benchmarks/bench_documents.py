"""How fast documents print compared with bare reportlab on the same machine and font.

Run: python3 tests/benchmarks/bench_documents.py [count]
The reference (a canvas with a few Chinese drawString lines per page) shows how much of the time
is our layout and how much is reportlab itself, so a slowdown can be told apart from a slow PC.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))

from doc_samples import form, id_copy  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from kaccount_desk.documents.application_form import render_forms, write_form_files  # noqa: E402
from kaccount_desk.documents.fonts import register_font  # noqa: E402
from kaccount_desk.documents.id_sheet import render_id_sheets  # noqa: E402
from kaccount_desk.documents.pdf_file import write_pdf_atomically  # noqa: E402


def bare_pages(path: Path, pages: int) -> None:
    font = register_font()

    def build(out) -> None:
        canvas = Canvas(out, pagesize=A4)
        for i in range(pages):
            canvas.setFont(font, 14)
            canvas.drawString(72, 770, "业务办理申请表")
            canvas.setFont(font, 11)
            for line in range(8):
                canvas.drawString(72, 730 - 24 * line, f"姓名:张伟{i} 部门:财务部 号码:1883275{8800 + line}")
            canvas.showPage()
        canvas.save()

    write_pdf_atomically(path, build)


def timed(label: str, pages: int, run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    rate = pages / (time.perf_counter() - start)
    print(f"  {label:<44} {rate:8.1f} pages/s")
    return rate


def compare(title: str, pages: int, ours: Callable[[], object], bare: Callable[[], object]) -> None:
    print(title)
    mine = timed("kaccount_desk.documents", pages, ours)
    ref = timed("bare reportlab reference", pages, bare)
    print(f"  ratio ours / reference: {mine / ref:.2f}\n")


def main(count: int) -> None:
    register_font()
    forms = [form(i) for i in range(1, count + 1)]
    copies = [id_copy(f"张伟{i}") for i in range(count)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        compare(
            f"{count} application forms in one PDF",
            count,
            lambda: write_pdf_atomically(folder / "forms.pdf", lambda out: render_forms(forms, out)),
            lambda: bare_pages(folder / "bare.pdf", count),
        )
        files, bare_files = folder / "forms", folder / "bare"
        files.mkdir()
        bare_files.mkdir()
        compare(
            f"{count} application forms as {count} files",
            count,
            lambda: write_form_files(forms, files),
            lambda: [bare_pages(bare_files / f"{i}.pdf", 1) for i in range(count)],
        )
        compare(
            f"{count} ID-copy sheets in one PDF",
            count,
            lambda: write_pdf_atomically(
                folder / "ids.pdf",
                lambda out: render_id_sheets(copies, "仅供办理中国移动大客户业务使用", date(2026, 11, 24), out),
            ),
            lambda: bare_pages(folder / "bare-ids.pdf", count),
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
