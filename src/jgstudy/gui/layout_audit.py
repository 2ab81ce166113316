"""Find what a small screen or a large text size cuts off: widgets outside their parent or
their window, or squeezed below the size their text needs.

Used by the layout tests and the screenshot script, so "fits every screen" is checked the same
way in both. Content inside a scroll area may extend beyond the viewport (that is what
scrolling is for); it still has to fit the widget it scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollBar,
    QTabBar,
    QWidget,
)

# Widgets whose children are their own business (item views draw their rows; combo boxes, tab
# bars and line edits manage private helpers that may legitimately sit outside while unused).
OPAQUE = (QAbstractItemView, QComboBox, QTabBar, QScrollBar, QLineEdit)
# Widgets whose text is cut when they are narrower or lower than their minimum size hint.
TEXTUAL = (QLabel, QAbstractButton, QLineEdit, QComboBox)


@dataclass(frozen=True)
class Clip:
    """One widget that does not fit, and how."""

    widget: QWidget
    problem: str

    def __str__(self) -> str:
        return f"{describe(self.widget)}: {self.problem}"


def describe(widget: QWidget) -> str:
    """Class, object name and text: enough to find the widget in the code."""
    name = widget.objectName()
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton | QLineEdit) else ""
    parts = [type(widget).__name__]
    if name and not name.startswith("qt_"):
        parts.append(f"#{name}")
    if text:
        parts.append(repr(text[:30]))
    return " ".join(parts)


def _inside_opaque(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, OPAQUE):
            return True
        parent = parent.parentWidget()
    return False


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """True when ``widget`` lies in a scroll area's viewport (it may be scrolled out of view)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def _is_viewport_content(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    grand = parent.parentWidget() if parent is not None else None
    return isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent


def _squeezed(widget: QWidget) -> str | None:
    size = widget.size()
    # A maximum set in code or by the stylesheet wins over the hint: that is a choice, not a cut.
    hint = widget.minimumSizeHint().boundedTo(widget.maximumSize())
    if not hint.isValid():
        return None
    if isinstance(widget, QLabel) and widget.wordWrap():
        need = widget.heightForWidth(size.width())
        if need > size.height() + 1:
            return f"text needs {need} px height, has {size.height()}"
        return None
    if isinstance(widget, QLineEdit):  # a line edit scrolls its text; only its height matters
        hint.setWidth(0)
    if size.width() + 1 < hint.width() or size.height() + 1 < hint.height():
        return f"size {size.width()}x{size.height()} below minimum {hint.width()}x{hint.height()}"
    return None


def _audited(widget: QWidget, window: QWidget) -> bool:
    """Shown, of this window (a dialog or the scoreboard is audited on its own), not a helper
    inside an item view or combo box, and not collapsed to nothing."""
    return (
        widget.window() is window
        and widget.isVisibleTo(window)
        and not _inside_opaque(widget, window)
        and widget.width() > 0
        and widget.height() > 0
    )


def _placement(widget: QWidget, window: QWidget) -> str | None:
    parent = widget.parentWidget()
    if parent is None:
        return None
    geometry = widget.geometry()
    if _is_viewport_content(widget):  # scrolls up and down; must not be cut on the right
        if geometry.width() > parent.width() + 1:
            return f"wider than its scroll area ({geometry.width()} > {parent.width()} px)"
        return None
    if not parent.rect().contains(geometry):
        return f"{_rect(geometry)} outside parent {_rect(parent.rect())}"
    if not _scrolled(widget, window):
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if not window.rect().contains(where):
            return f"{_rect(where)} outside window {_rect(window.rect())}"
    return None


def audit(window: QWidget) -> list[Clip]:
    """Every visible widget of ``window`` that is clipped by its parent or the window, or
    squeezed below the size its text needs."""
    clips = []
    for widget in window.findChildren(QWidget):
        if _audited(widget, window):
            problem = _placement(widget, window) or _squeezed(widget)
            if problem:
                clips.append(Clip(widget, problem))
    return clips


def _rect(r: QRect) -> str:
    return f"({r.x()},{r.y()} {r.width()}x{r.height()})"
