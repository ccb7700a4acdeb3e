"""Draw the HoaNhap application icon: resources/icons/hoanhap.png and hoanhap.ico.

    python installer/make_icon.py

A house (home, the community a person returns to) with a lit doorway, on a rounded
green square — the colour of the commune police — clean enough to read at 16 px. It is
drawn with QPainter at every size Windows asks for, rather than scaled down from one
large picture, so the small sizes stay sharp. No official insignia: the police emblem
is protected and does not belong on a software icon.

The outputs are committed; run this again only to change the drawing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QLinearGradient, QPainter, QPolygonF

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZE = 256

GREEN_TOP, GREEN_BOTTOM = QColor("#2f7d4f"), QColor("#1b4d31")
WHITE, DOOR = QColor("#ffffff"), QColor("#f4b63f")


def draw(size: int) -> QImage:
    """The icon at `size` × `size` pixels, transparent outside the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    gradient = QLinearGradient(0, 0, 0, s)
    gradient.setColorAt(0, GREEN_TOP)
    gradient.setColorAt(1, GREEN_BOTTOM)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(gradient)
    margin = s * 0.03
    p.drawRoundedRect(QRectF(margin, margin, s - 2 * margin, s - 2 * margin), s * 0.2, s * 0.2)
    p.setBrush(WHITE)
    p.drawPolygon(QPolygonF([QPointF(s * 0.50, s * 0.17), QPointF(s * 0.86, s * 0.50),
                             QPointF(s * 0.14, s * 0.50)]))  # roof
    p.drawRect(QRectF(s * 0.24, s * 0.47, s * 0.52, s * 0.36))  # walls
    p.setBrush(DOOR)
    door_w = max(s * 0.16, 3.0)  # at 16 px the door must stay at least 3 px wide
    p.drawRoundedRect(QRectF(s * 0.5 - door_w / 2, s * 0.58, door_w, s * 0.25),
                      s * 0.03, s * 0.03)
    p.end()
    return image


def to_pillow(image: QImage) -> Image.Image:
    """The same pixels as a Pillow image, which writes multi-size ICO files (Qt does not)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return Image.frombuffer("RGBA", (rgba.width(), rgba.height()), bytes(rgba.constBits()),
                            "raw", "RGBA", rgba.bytesPerLine(), 1)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication(sys.argv[:1])  # QPainter on images needs the GUI module started
    ICONS.mkdir(parents=True, exist_ok=True)
    to_pillow(draw(PNG_SIZE)).save(ICONS / "hoanhap.png", format="PNG", optimize=True)
    frames = [to_pillow(draw(size)) for size in ICO_SIZES]
    # Pillow writes one ICO entry per size, taking each from the frame of that exact size.
    frames[-1].save(ICONS / "hoanhap.ico", format="ICO", sizes=[(n, n) for n in ICO_SIZES],
                    append_images=frames[:-1])
    del app
    print(f"{ICONS / 'hoanhap.png'}\n{ICONS / 'hoanhap.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
