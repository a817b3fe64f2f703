"""Applications ready for the operator, and the hand-over file read back as the operator's counter reads it."""

from __future__ import annotations

import hashlib
import json
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Any

import pypdfium2
from python_calamine import CalamineWorkbook
from sqlalchemy import select
from support import valid_id

from kaccount_desk.domain.intake import IntakeFields
from kaccount_desk.services import batches, enrollment, id_copies
from kaccount_desk.services.context import Context
from kaccount_desk.services.enrollment import ApplicationInput
from kaccount_desk.store.models import Application


def card(shade: int = 200) -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (856, 540), (shade, 210, 230)).save(out, format="JPEG")
    return out.getvalue()


def application(ctx: Context, campaign: str, n: int, department: str = "铸造事业部", copies: bool = True,
                status: str = "submitted", plan: str = "group8") -> int:
    """Person ``n`` (员工n, 188327588nn), moved to ``status`` through the workflow as the office does."""
    view = enrollment.save_application(ctx, ApplicationInput(
        campaign,
        IntakeFields(department=department, name=f"员工{n}", id_number=valid_id(f"13098119800101{n + 100:03d}"), number_source="pool",
                     msisdn=f"188327588{n:02d}"),
        plan=plan,
    ))
    if copies:
        id_copies.attach_id_copy(ctx, view.id, "front", card())
        id_copies.attach_id_copy(ctx, view.id, "back", card(120))
    path = {"draft": [], "collected": ["collected"], "submitted": ["submitted"], "sent": ["submitted", "sent"]}[status]
    for step in path:
        assert all(r.moved for r in batches.move_many(ctx, [view.id], step)), step
    return view.id


def statuses(ctx: Context) -> dict[int, str]:
    with ctx.store.read() as s:
        return {i: status for i, status in s.execute(select(Application.id, Application.status))}


def package(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def manifest(parts: dict[str, bytes]) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(parts["manifest.json"])
    return doc


def checksums_hold(parts: dict[str, bytes]) -> bool:
    listed = manifest(parts)["parts"]
    return set(listed) == set(parts) - {"manifest.json"} and all(
        hashlib.sha256(parts[name]).hexdigest() == entry["sha256"] and len(parts[name]) == entry["bytes"] for name, entry in listed.items())


def xlsx_rows(data: bytes) -> list[list[str]]:
    sheet = CalamineWorkbook.from_filelike(BytesIO(data)).get_sheet_by_index(0)
    return [[str(c) for c in row] for row in sheet.to_python()]


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text as PDFium (Chrome's viewer) reads it."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def render(data: bytes, page: int, out: Path, scale: float = 1.5) -> Path:
    document = pypdfium2.PdfDocument(data)
    try:
        document[page].render(scale=scale).to_pil().save(out)
    finally:
        document.close()
    return out
