"""Printable documents as reportlab layouts: plain data in, PDF out.

No Qt and no database here: the services map their records onto the frozen records of
:mod:`.data`, call a ``render_*`` function with a binary stream, and usually wrap it in
:func:`.pdf_file.write_pdf_atomically` so that no half-written file reaches the printer.
"""

from kaccount_desk.documents.application_form import render_forms, write_form_files
from kaccount_desk.documents.errors import Cancelled, DocumentError
from kaccount_desk.documents.id_sheet import render_id_sheets
from kaccount_desk.documents.notice import DEFAULT_NOTICE_TEMPLATE, render_notice
from kaccount_desk.documents.pdf_file import write_pdf_atomically
from kaccount_desk.documents.roster import render_roster
from kaccount_desk.documents.ticket import render_receipt, render_ticket

__all__ = [
    "Cancelled",
    "DEFAULT_NOTICE_TEMPLATE",
    "DocumentError",
    "render_forms",
    "render_id_sheets",
    "render_notice",
    "render_receipt",
    "render_roster",
    "render_ticket",
    "write_form_files",
    "write_pdf_atomically",
]
