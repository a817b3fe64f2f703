"""The application icon and the interface font: every icon size is shipped, a High-DPI screen gets a
sharp pixmap, and Qt has the embedded CJK font whatever the machine has installed."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageStat
from support import REPO

from kaccount_desk.ui.app_icon import SIZES, app_icon
from kaccount_desk.ui.fonts import add_embedded_font
from kaccount_desk.ui.qt import QtCore, QtGui, QtWidgets


def test_every_size_is_in_the_icon_and_the_ico(qapp: QtWidgets.QApplication) -> None:
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(SIZES)
    with Image.open(REPO / "resources" / "icons" / "kaccount-desk.ico") as ico:
        assert {s for s, _ in ico.info["sizes"]} == {s for s in SIZES if s <= 256}


def _distance(a: Image.Image, b: Image.Image) -> float:
    """Mean difference per channel (0-255) of two same-sized RGBA images."""
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 4


def test_a_200_percent_screen_gets_the_drawing_made_for_it(qapp: QtWidgets.QApplication) -> None:
    """32 logical px at scale 2 is the 64 px drawing, not the 32 px one blown up."""
    pixmap = app_icon().pixmap(QtCore.QSize(32, 32), 2.0)
    assert (pixmap.width(), pixmap.height(), pixmap.devicePixelRatio()) == (64, 64, 2.0)
    image = pixmap.toImage().convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    got = Image.frombuffer("RGBA", (64, 64), bytes(image.constBits()), "raw", "RGBA", image.bytesPerLine(), 1)
    icons = REPO / "resources" / "icons"
    sharp = Image.open(icons / "kaccount-desk-64.png").convert("RGBA")
    blurred = Image.open(icons / "kaccount-desk-32.png").convert("RGBA").resize((64, 64), Image.Resampling.BILINEAR)
    assert _distance(got, sharp) < 1 < 5 < _distance(got, blurred)


def test_the_embedded_font_is_offered_to_qt_for_the_chinese_interface(qapp: QtWidgets.QApplication) -> None:
    families = add_embedded_font()
    assert "WenQuanYi Micro Hei" in families and "WenQuanYi Micro Hei" in QtGui.QFontDatabase.families()
    assert QtGui.QFontMetrics(QtGui.QFont("WenQuanYi Micro Hei")).inFont("受")
