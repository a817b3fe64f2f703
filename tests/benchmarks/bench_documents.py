"""How fast documents print compared with bare reportlab on the same machine and font.

Run: python3 tests/benchmarks/bench_documents.py [count]
Each job is timed three ways: "our path" is the printing service reading the applications past
draft among ``count`` made by ``kaccount-desk demo`` (store_fill) from a real SQLite store and
writing the PDF, as the GUI and the CLI do; "same pages, no
database" draws the very same records already in memory, so the ratio between the two is the
cost of the database work (the issue's target: within 1.5x); and the bare reference (a canvas
with a few Chinese drawString lines per page) shows how much is reportlab itself, so a slowdown
can be told apart from a slow PC.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from sqlalchemy import select  # noqa: E402
from store_fill import filled_store  # noqa: E402

from kaccount_desk.documents.application_form import render_forms, write_form_files  # noqa: E402
from kaccount_desk.documents.fonts import register_font  # noqa: E402
from kaccount_desk.documents.id_sheet import render_id_sheets  # noqa: E402
from kaccount_desk.documents.pdf_file import write_pdf_atomically  # noqa: E402
from kaccount_desk.domain.workflow import LIVE_STATUSES, Status  # noqa: E402
from kaccount_desk.services import printing  # noqa: E402
from kaccount_desk.services.campaigns import campaign_row  # noqa: E402
from kaccount_desk.services.print_data import Selection, id_copy_data, load_applications  # noqa: E402
from kaccount_desk.store.models import Application  # noqa: E402


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


def compare(title: str, pages: int, ours: Callable[[], object], same: Callable[[], object], bare: Callable[[], object]) -> None:
    print(title)
    mine = timed("our path, database work included", pages, ours)
    drawn = timed("same pages, no database work", pages, same)
    ref = timed("bare reportlab reference", pages, bare)
    print(f"  time ours / same pages: {drawn / mine:.2f}x (target <= 1.5x)")
    print(f"  rate ours / bare reference: {mine / ref:.2f}\n")


def main(count: int) -> None:
    """``count`` demo applications; those past draft are printed, as they have both ID-copy sides."""
    register_font()
    with tempfile.TemporaryDirectory() as tmp, filled_store(Path(tmp) / "bench.sqlite3", count) as (ctx, code):
        folder = Path(tmp)
        with ctx.store.read() as session:
            campaign = campaign_row(session, code)
            ids = list(session.scalars(select(Application.id).where(
                Application.campaign_id == campaign.id, Application.status.in_(LIVE_STATUSES),
                Application.status != Status.DRAFT.value)))
            rows = load_applications(session, campaign, Selection(LIVE_STATUSES, application_ids=tuple(ids), with_copies=True))
            copies = id_copy_data(ctx.store.keys, rows)
        forms = printing._forms(ctx, code, None, ids, full_ids=False)  # the print default: masked IDs
        purpose, on = "仅供中国移动泊头公司办理大客户业务使用", date(2026, 11, 24)
        pages, sheets = len(forms), len(copies)
        compare(
            f"{pages} application forms in one PDF",
            pages,
            lambda: printing.print_forms(ctx, code, folder / "ours.pdf", application_ids=ids),
            lambda: write_pdf_atomically(folder / "forms.pdf", lambda out: render_forms(forms, out)),
            lambda: bare_pages(folder / "bare.pdf", pages),
        )
        for name in ("ours", "same", "bare"):
            (folder / name).mkdir()
        compare(
            f"{pages} application forms as {pages} files",
            pages,
            lambda: printing.print_form_files(ctx, code, folder / "ours", application_ids=ids),
            lambda: write_form_files(forms, folder / "same"),
            lambda: [bare_pages(folder / "bare" / f"{i}.pdf", 1) for i in range(pages)],
        )
        compare(
            f"{sheets} ID-copy sheets in one PDF",
            sheets,
            lambda: printing.print_id_sheets(ctx, code, folder / "ours-ids.pdf", application_ids=ids),
            lambda: write_pdf_atomically(folder / "ids.pdf", lambda out: render_id_sheets(copies, purpose, on, out)),
            lambda: bare_pages(folder / "bare-ids.pdf", sheets),
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
