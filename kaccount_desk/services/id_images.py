"""Turning whatever a scanner, phone or paste produced into a sane, bounded ID-copy image.

ID copies are sensitive personal information (PIPL art. 28), so we keep only what the counter
needs: a JPEG of readable size, with EXIF (location, device) dropped by re-encoding.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from kaccount_desk.domain.reasons import Reason
from kaccount_desk.services.errors import Refused

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
LONG_SIDE = 1600
JPEG_QUALITY = 85
ACCEPTED_FORMATS = {"JPEG", "PNG", "BMP", "TIFF", "WEBP", "GIF", "MPO"}


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    sha256: str
    width: int
    height: int
    mime: str = "image/jpeg"


def _refuse(code: str, zh: str, en: str) -> Refused:
    return Refused(Reason(f"image.{code}", zh, en))


def clean_id_image(raw: bytes, name: str = "") -> CleanImage:
    label = f"“{name}”" if name else ""
    if not raw:
        raise _refuse("empty", f"文件{label}是空的", f"The file {name} is empty")
    if len(raw) > MAX_FILE_BYTES:
        raise _refuse(
            "too_big",
            f"文件{label}太大({len(raw) // (1024 * 1024)} MB),请用不超过20 MB的图片",
            f"The file {name} is too large ({len(raw) // (1024 * 1024)} MB); use an image under 20 MB",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as probe:
                fmt = probe.format or ""
                if probe.width * probe.height > MAX_PIXELS:
                    raise _refuse("too_many_pixels", f"图片{label}像素过多,无法处理", f"The image {name} has too many pixels")
                probe.verify()
            with Image.open(io.BytesIO(raw)) as image:
                image.load()
                upright = ImageOps.exif_transpose(image) or image
                rgb = upright.convert("RGB")
    except Refused:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(
            "unreadable",
            f"文件{label}不是可以打开的图片(请用JPG或PNG格式的身份证照片或扫描件)",
            f"The file {name} is not an image that can be opened (use a JPG or PNG photo or scan of the ID card)",
        ) from exc
    if fmt not in ACCEPTED_FORMATS:
        raise _refuse("format", f"不支持的图片格式{fmt},请用JPG或PNG", f"Unsupported image format {fmt}; use JPG or PNG")
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
    with Image.open(io.BytesIO(data)) as image:
        turn = Image.Transpose.ROTATE_270 if clockwise else Image.Transpose.ROTATE_90
        return _encoded(image.convert("RGB").transpose(turn))


def thumbnail(data: bytes, size: int = 240) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        image.thumbnail((size, size))
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=80)
        return out.getvalue()
