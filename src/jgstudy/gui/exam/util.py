"""Small widget helpers shared by the exam and competition views."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def discard(widget: QWidget | None) -> None:
    """Hide at once and delete later: a replaced widget never lingers on screen."""
    if widget is not None:
        widget.hide()
        widget.deleteLater()


def clear_layout(layout: QLayout) -> None:
    """Remove and discard every widget of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is not None:
            discard(item.widget())
