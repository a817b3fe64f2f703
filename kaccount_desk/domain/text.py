"""Turning whatever a form field or spreadsheet cell holds into text a rule can read.

Clerks type with Chinese input methods, which produce full-width digits and letters and the
ideographic space; spreadsheets hand over numbers instead of text. Every rule starts here so
that none of them can be tripped up by the way a value arrived.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

_FULL_WIDTH_OFFSET = 0xFEE0
_IDEOGRAPHIC_SPACE = "\u3000"
_MAX_INTEGRAL_DIGITS = 40
# Shown in place of a value whose str() fails (say an int past Python's digit limit), so the
# rule reports bad characters instead of an empty field.
_UNREADABLE = "?"


_HALF_WIDTH = {code: code - _FULL_WIDTH_OFFSET for code in range(0xFF01, 0xFF5F)} | {ord(_IDEOGRAPHIC_SPACE): ord(" ")}


def to_half_width(text: str) -> str:
    """Map full-width ASCII forms (U+FF01–U+FF5E) and U+3000 to their ASCII twins.

    Done with an explicit table rather than NFKC, which would also turn circled or superscript
    digits into plain ones and so let garbage pass as a number.
    """
    return text.translate(_HALF_WIDTH)


def cell_text(raw: object) -> str:
    """Any value as text, never raising; an integral number keeps only its digits.

    A phone number read from a spreadsheet arrives as ``13812345678.0``; its ``.0`` is an
    artefact of the cell type, not something the clerk typed.
    """
    if raw is None:
        return ""
    if isinstance(raw, str):
        return raw
    try:
        if isinstance(raw, float) and math.isfinite(raw) and raw == int(raw):
            return str(int(raw))
        if isinstance(raw, Decimal) and raw.is_finite() and raw == raw.to_integral_value():
            return str(int(raw)) if raw.adjusted() < _MAX_INTEGRAL_DIGITS else str(raw)
        return str(raw)
    except Exception:  # noqa: BLE001 - a value that cannot be shown is just unreadable input
        return _UNREADABLE


def squeeze(text: str) -> str:
    """Half-width text with every kind of whitespace removed, inner ones included.

    Most cells (an ID number, a mobile number, a code) are printable ASCII without a space: they
    come back as they are, which spares a roster import a translate and a split per cell.
    """
    if text.isascii() and text.isprintable() and " " not in text:
        return text
    return "".join(to_half_width(text).split())


_LIST_SEPARATORS = re.compile(r"[,、;\s]+")


def list_items(text: str) -> list[str]:
    """The items of a list a person typed in one field, separated by 、 commas, semicolons or spaces."""
    return [part for part in _LIST_SEPARATORS.split(to_half_width(text).strip()) if part]
