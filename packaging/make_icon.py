"""Draws the application icon into resources/icons/: PNGs from 16 to 512 px and a Windows .ico.

The icon is a counter's application form on the operator's blue: a white sheet with three lines
of writing and a QR code in its corner (every printed form carries one). It is drawn once at
1024 px and scaled down with a good filter for each size, so small sizes stay crisp; Qt picks the
nearest size for each screen's scale factor (High-DPI), Windows takes the .ico, the Linux desktop
entry the PNGs. Run it again after changing the drawing: ``python3 packaging/make_icon.py``.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
BLUE, WHITE, INK = (0, 110, 190, 255), (255, 255, 255, 255), (0, 70, 130, 255)
QR = ["1110111", "1010101", "1110111", "0001000", "1110101", "1010010", "1110111"]


def draw(size: int = 1024) -> Image.Image:
    u = size / 64  # the drawing is laid out on a 64-unit grid
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((2 * u, 2 * u, 62 * u, 62 * u), radius=12 * u, fill=BLUE)
    d.rounded_rectangle((14 * u, 8 * u, 50 * u, 56 * u), radius=3 * u, fill=WHITE)
    for row, width in enumerate((28, 22, 26)):
        top = (15 + row * 7) * u
        d.rounded_rectangle((19 * u, top, (19 + width) * u, top + 3 * u), radius=1.5 * u, fill=INK)
    cell, left, top = 2.4 * u, 27 * u, 34.5 * u
    for y, line in enumerate(QR):
        for x, bit in enumerate(line):
            if bit == "1":
                d.rectangle((left + x * cell, top + y * cell, left + (x + 1) * cell - 1, top + (y + 1) * cell - 1), fill=INK)
    return img


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    for size in SIZES:
        big.resize((size, size), Image.Resampling.LANCZOS).save(OUT / f"kaccount-desk-{size}.png", optimize=True)
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "kaccount-desk.ico", sizes=[(s, s) for s in SIZES if s <= 256])


if __name__ == "__main__":
    main()
