"""Registers the bundled CJK font with reportlab, once per process.

The font ships in the repository (not taken from the system) so that every machine embeds the
same glyphs; reportlab embeds TrueType fonts as subsets, which keeps the PDFs small and the text
extractable.
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from kaccount_desk import config
from kaccount_desk.documents.errors import DocumentError
from kaccount_desk.domain.reasons import Reason

FONT_NAME = "WenQuanYiMicroHei"
FONT_FILE = "wqy-microhei.ttc"
SUBFONT_INDEX = 0

_lock = threading.Lock()
_loaded = False


def default_font_dir() -> Path:
    """The fonts folder of the shipped resources, wherever this install keeps them."""
    return config.resources_dir() / "fonts"


def register_font(font_dir: Path | None = None) -> str:
    """Return the reportlab name of the CJK font, loading it on first use.

    Loading parses a 5 MB file, so it happens once; the lock keeps two printing workers from
    registering half-built fonts at the same time. Layouts ask on every page, so the answer
    after the first load is a flag read, not a lock and a scan of reportlab's font table.
    """
    global _loaded
    if _loaded:
        return FONT_NAME
    with _lock:
        if FONT_NAME in pdfmetrics.getRegisteredFontNames():
            _loaded = True
            return FONT_NAME
        path = (font_dir or default_font_dir()) / FONT_FILE
        try:
            font = TTFont(FONT_NAME, str(path), subfontIndex=SUBFONT_INDEX)
        except (OSError, TTFError) as exc:
            raise DocumentError(
                Reason(
                    "doc.no_font",
                    f"找不到打印字体 {path}:{exc}",
                    f"The print font {path} cannot be loaded: {exc}",
                )
            ) from exc
        pdfmetrics.registerFont(font)
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(FONT_NAME, bold, italic, FONT_NAME)
        _loaded = True
        return FONT_NAME
