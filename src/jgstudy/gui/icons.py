"""Line icons drawn from small inline SVGs, and the arrow images the stylesheet refers to."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="{color}" '
    'stroke-width="{width}" stroke-linecap="round" stroke-linejoin="round">{body}</svg>'
)

NAV_SHAPES = {
    "home": '<path d="M3.5 10.5 12 3.5l8.5 7V20a1 1 0 0 1-1 1H15v-6H9v6H4.5a1 1 0 0 1-1-1z"/>',
    "practice": '<path d="M4 20h4L19.5 8.5a2.1 2.1 0 0 0-3-3L5 17z"/><path d="M14.5 7.5l3 3"/>',
    "library": (
        '<path d="M4 5.5A1.5 1.5 0 0 1 5.5 4H11v16H5.5A1.5 1.5 0 0 1 4 18.5z"/>'
        '<path d="M20 5.5A1.5 1.5 0 0 0 18.5 4H13v16h5.5a1.5 1.5 0 0 0 1.5-1.5z"/>'
    ),
    "workbook": '<path d="M4 6h16M4 12h10M4 18h7"/><circle cx="17.5" cy="16.5" r="3"/>',
    "wrongbook": '<circle cx="12" cy="12" r="8.5"/><path d="M9 9l6 6M15 9l-6 6"/>',
    "progress": '<path d="M4 20h16"/><path d="M7 16v-5M12 16V6M17 16v-8"/>',
    "forecast": (
        '<path d="M4 20h16"/><path d="M4.5 16.5 9 12l3.5 2.5L19 7.5"/><path d="M15 7.5h4v4"/>'
    ),
    "reports": (
        '<path d="M6 3.5h9l3.5 3.5v13a.5.5 0 0 1-.5.5H6a.5.5 0 0 1-.5-.5V4a.5.5 0 0 1 .5-.5z"/>'
        '<path d="M9 12h6M9 15.5h6M9 8.5h3"/>'
    ),
    "exam": '<circle cx="12" cy="13" r="7.5"/><path d="M12 9v4l2.5 2.5M9.5 3h5"/>',
    "competition": (
        '<path d="M8 4h8v5a4 4 0 0 1-8 0z"/><path d="M8 6H5v1.5A3 3 0 0 0 8 10.5"/>'
        '<path d="M16 6h3v1.5a3 3 0 0 1-3 3"/><path d="M12 13v4M8.5 20.5h7"/>'
    ),
    "editor": (
        '<path d="M4.5 5h8M4.5 9.5h6M4.5 14h4"/>'
        '<path d="M11 20h3l6.5-6.5a1.8 1.8 0 0 0-2.5-2.5L11.5 17.5z"/>'
    ),
    "settings": (
        '<path d="M4 7h9M17 7h3M4 12h3M11 12h9M4 17h11M19 17h1"/>'
        '<circle cx="15" cy="7" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="17" r="2"/>'
    ),
}

ARROWS = {
    "down": '<path d="M6 9l6 6 6-6"/>',
    "up": '<path d="M6 15l6-6 6 6"/>',
    "check": '<path d="M5.5 12.5l4 4L18.5 7.5"/>',
}


def svg(body: str, color: str, width: float = 1.8) -> str:
    return _SVG.format(color=color, width=width, body=body)


def _pixmap(source: str, size: int, scale: float = 2.0) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(source.encode()))
    pixmap = QPixmap(int(size * scale), int(size * scale))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    pixmap.setDevicePixelRatio(scale)
    return pixmap


def nav_icon(name: str, normal: str, selected: str, size: int = 20) -> QIcon:
    """An icon that is muted normally and takes the accent colour when its item is selected."""
    icon = QIcon()
    shape = NAV_SHAPES[name]
    icon.addPixmap(_pixmap(svg(shape, normal), size), QIcon.Mode.Normal)
    icon.addPixmap(_pixmap(svg(shape, selected), size), QIcon.Mode.Selected)
    return icon


def nav_icon_size() -> QSize:
    return QSize(20, 20)


def arrow_files(color: str) -> dict[str, str]:
    """Arrow images in ``color`` for the stylesheet (files, since QSS needs a URL)."""
    folder = Path(tempfile.gettempdir()) / "jgstudy-style"
    folder.mkdir(exist_ok=True)
    paths: dict[str, str] = {}
    for name, body in ARROWS.items():
        text = svg(body, color, 2.2)
        digest = hashlib.sha1(text.encode()).hexdigest()[:10]
        path = folder / f"{name}-{digest}.svg"
        if not path.exists():
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(text, encoding="utf-8")
            os.replace(partial, path)
        paths[name] = path.as_posix()
    return paths
