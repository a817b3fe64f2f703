"""Turning whatever a scanner, phone or paste produced into a sane, bounded ID-copy image.

ID copies are sensitive personal information (PIPL art. 28), so we keep only what the counter
needs: a JPEG of readable size, with EXIF (location, device) dropped by re-encoding.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kaccount_desk.confined import Budget, ChildFailed, run_confined
from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.errors import Refused

if TYPE_CHECKING:
    from PIL import Image

# Pillow (about 2 MB of the app's memory) is imported by the functions that use it, at the first image
# added or shown: the window's File menu reaches this module through the hand-over seat's services.

MAX_FILE_BYTES = 20 * 1024 * 1024
# An ID card scanned at 600 dpi is under 3 megapixels; a phone photo of one is 12 to 16. Decoding
# costs 3 to 4 bytes a pixel several times over (decode, turn upright, to RGB), so 25 is the most
# the counter needs and about 300 MB, decoded in a child process that may die alone.
MAX_PIXELS = 25_000_000
LONG_SIDE = 1600
JPEG_QUALITY = 85
ACCEPTED_FORMATS = {"JPEG", "PNG", "BMP", "TIFF", "WEBP", "GIF", "MPO"}
DECODE_BUDGET = Budget(memory_bytes=768 * 1024 * 1024, seconds=30.0)


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    sha256: str
    width: int
    height: int
    mime: str = "image/jpeg"


def _refuse(code: str, zh: str, en: str) -> Refused:
    return Refused(Reason(f"image.{code}", zh, en))


def _unreadable(name: str) -> Refused:
    label = f"“{name}”" if name else ""
    return _refuse(
        "unreadable",
        f"文件{label}不是可以打开的图片(请用JPG或PNG格式的身份证照片或扫描件)",
        f"The file {name} is not an image that can be opened (use a JPG or PNG photo or scan of the ID card)",
    )


def clean_id_image(raw: bytes, name: str = "") -> CleanImage:
    """Check the file's size and the image's header here, then decode and re-encode it in a child process.

    The header says how many pixels decoding will cost before a byte of them is decoded (Pillow
    opens lazily), so a 140 KB PNG of 49 megapixels is refused for the price of reading its
    header; whatever the decoder then meets that nobody foresaw costs only the child.
    """
    label = f"“{name}”" if name else ""
    if not raw:
        raise _refuse("empty", f"文件{label}是空的", f"The file {name} is empty")
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(
            "too_big",
            f"文件{label}太大({len(raw) // (1024 * 1024)} MB),请用不超过20 MB的图片",
            f"The file {name} is too large ({len(raw) // (1024 * 1024)} MB); use an image under 20 MB",
        )
    _check_header(raw, name)
    try:
        return run_confined(decode_clean, raw, name, budget=DECODE_BUDGET)
    except ChildFailed as exc:
        raise _unreadable(name) from exc


def _check_header(raw: bytes, name: str) -> None:
    """Format and pixel count from the header alone; nothing is decoded here."""
    from PIL import Image, UnidentifiedImageError

    label = f"“{name}”" if name else ""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                fmt, width, height = probe.format or "", probe.width, probe.height
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _unreadable(name) from exc
    if width * height > MAX_PIXELS:
        raise _refuse(
            "too_many_pixels",
            f"图片{label}有 {width}×{height} 像素，超过了 {MAX_PIXELS // 1_000_000} 百万像素的上限。"
            "身份证的照片或扫描件用不了这么多，请缩小后（或用 300 dpi 重新扫描）再添加",
            f"The image {name} is {width}×{height} pixels, beyond the limit of {MAX_PIXELS // 1_000_000} megapixels. "
            "A photo or scan of an ID card needs far fewer: shrink it (or scan at 300 dpi) and add it again",
        )
    if fmt not in ACCEPTED_FORMATS:
        raise _refuse("format", f"不支持的图片格式{fmt},请用JPG或PNG", f"Unsupported image format {fmt}; use JPG or PNG")


def decode_clean(raw: bytes, name: str) -> CleanImage:
    """In the child: decode, turn upright, drop EXIF by re-encoding, and shrink to a readable size."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    label = f"“{name}”" if name else ""
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            probe.verify()
        with Image.open(io.BytesIO(raw)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise _unreadable(name)
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            rgb = upright.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError) as exc:
        raise _unreadable(name) from exc
    if min(rgb.size) < 200:
        raise _refuse("too_small", f"图片{label}太小,看不清证件内容", f"The image {name} is too small to read the card")
    rgb.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
    return _encoded(rgb)


def _encoded(rgb: Image.Image) -> CleanImage:
    out = io.BytesIO()
    rgb.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    data = out.getvalue()
    return CleanImage(data, hashlib.sha256(data).hexdigest(), rgb.width, rgb.height)


def rotated(data: bytes, clockwise: bool) -> CleanImage:
    """A stored copy a quarter turn on; one more JPEG generation, which at this quality stays readable."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        turn = Image.Transpose.ROTATE_270 if clockwise else Image.Transpose.ROTATE_90
        return _encoded(image.convert("RGB").transpose(turn))


def thumbnail(data: bytes, size: int = 240) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        image.thumbnail((size, size))
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=80)
        return out.getvalue()
