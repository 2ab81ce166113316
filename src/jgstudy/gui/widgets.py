"""Small building blocks shared by the views: plain-text labels, cards, headers, buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jgstudy.gui.fit import ElidedLabel


def plain_label(text: str = "", role: str | None = None, wrap: bool = False) -> QLabel:
    """A label that never interprets its text as HTML (question text comes from bank files)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if role:
        label.setProperty("role", role)
    return label


def card(layout: QLayout | None = None, margins: int = 20) -> QFrame:
    """A rounded surface for grouping content."""
    frame = QFrame()
    frame.setProperty("card", True)
    inner = layout or QVBoxLayout()
    inner.setContentsMargins(margins, margins, margins, margins)
    frame.setLayout(inner)
    return frame


def button(text: str, primary: bool = False, big: bool = False, flat: bool = False) -> QPushButton:
    btn = QPushButton(text)
    btn.setProperty("primary", primary)
    btn.setProperty("big", big)
    btn.setProperty("flat", flat)
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    return btn


def page_header(
    title: str, subtitle: str = "", elide: bool = False
) -> tuple[QWidget, QLabel, QLabel]:
    """A view's title and a muted line below it; ``elide``: a title made of the user's choices
    (bank, tag, type) ends in … rather than widening the window."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    heading = elided_title(title) if elide else plain_label(title, "title")
    sub = plain_label(subtitle, "muted", wrap=True)
    layout.addWidget(heading)
    layout.addWidget(sub)
    sub.setVisible(bool(subtitle))
    return box, heading, sub


def elided_title(text: str) -> QLabel:
    """A view's title that ends in … when there is no room (the full text in its tooltip)."""
    label = ElidedLabel(text)
    label.setProperty("role", "title")
    return label


def view_layout(widget: QWidget) -> QVBoxLayout:
    """The standard outer layout of a main view: generous margins and spacing."""
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(36, 28, 36, 28)
    layout.setSpacing(20)
    return layout
