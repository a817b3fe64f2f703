"""ID-copy images: a pixel bomb is refused from its header, and real photos are decoded in a child process."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from kaccount_desk.services.errors import Refused
from kaccount_desk.services.id_images import MAX_PIXELS, clean_id_image


def png(width: int, height: int, mode: str = "1") -> bytes:
    out = io.BytesIO()
    Image.new(mode, (width, height)).save(out, format="PNG", optimize=True)
    return out.getvalue()


def peak_rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def test_a_49_megapixel_png_is_refused_before_decoding() -> None:
    """140 KB on disk, 150 MB as RGB: read the header, say the size and the limit, decode nothing."""
    bomb = png(7_000, 7_000)
    assert len(bomb) < 200_000
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")  # the peak (VmHWM) starts again from what is resident now
    before = peak_rss_mb()
    with pytest.raises(Refused) as refused:
        clean_id_image(bomb, "scan.png")
    assert peak_rss_mb() - before < 20
    reason = refused.value.reasons[0]
    assert reason.code == "image.too_many_pixels"
    assert "7000×7000" in reason.zh and "25 megapixels" in reason.en and "scan.png" in reason.en


def test_an_image_just_under_the_limit_is_decoded_and_shrunk_in_the_child() -> None:
    """25 megapixels decode to 100 MB and more; that is the child's, the app's peak hardly moves."""
    side = int(MAX_PIXELS**0.5) - 1
    scan = png(side, side, "L")
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")
    before = peak_rss_mb()
    clean = clean_id_image(scan, "big-scan.png")
    assert peak_rss_mb() - before < 20
    assert (clean.width, clean.height) == (1600, 1600)
    assert clean.data.startswith(b"\xff\xd8")

