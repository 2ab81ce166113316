"""Fitting the window to the screen: views that scroll rather than clip, a restored geometry that
stays on the current screen, and dialogs that open no larger than the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPaintEvent, QResizeEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QWidget,
)

# The smallest window the views are laid out for (logical pixels): 1280x720 at 150 % is
# 853x480, so this leaves room for a title bar and a task bar on a 1366x768 laptop at 125 %.
MINIMUM_WINDOW = QSize(960, 540)
DEFAULT_WINDOW = QSize(1280, 800)


class PageArea(QScrollArea):
    """A view in a frameless scroll area, laid out to the window when it fits and scrolled
    (never squeezed or cut off) when the window is smaller than the view needs, as on a small
    screen or with the largest text size.

    QScrollArea's own resizing would make a view with wrapping text at least as tall as its
    *preferred* height, so a page with a table or a splitter scrolled needlessly; here the
    view gets the viewport's size, growing only to its *minimum* height for the width.
    """

    def __init__(self, view: QWidget) -> None:
        super().__init__()
        self.setObjectName("page")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(False)
        self.setWidget(view)
        view.installEventFilter(self)

    def needed(self, view: QWidget, width: int) -> QSize:
        """The smallest size ``view`` can take at ``width`` without clipping anything."""
        layout = view.layout()
        minimum = view.minimumSizeHint().expandedTo(view.minimumSize())
        width = max(width, minimum.width())
        if layout is not None and layout.hasHeightForWidth():
            return QSize(width, max(layout.totalMinimumHeightForWidth(width), minimum.height()))
        return QSize(width, minimum.height())

    def fit(self) -> None:
        view = self.widget()
        if view is None:
            return
        port = self.maximumViewportSize()  # the viewport without scroll bars
        need = self.needed(view, port.width())
        if need.height() > port.height():  # it scrolls: the vertical bar takes some width
            bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            need = self.needed(view, port.width() - bar)
            size = QSize(max(need.width(), port.width() - bar), need.height())
        else:
            size = QSize(max(need.width(), port.width()), port.height())
        if size != view.size():
            view.resize(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return super().eventFilter(watched, event)


def scroll_page(view: QWidget) -> QScrollArea:
    """``view`` in a :class:`PageArea`."""
    return PageArea(view)


class _WidthKeeper(QObject):
    """Keeps a vertically scrolling area at least as wide as its content needs (also after
    the content is replaced: it watches the viewport for the new child)."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        area.viewport().installEventFilter(self)
        content = area.widget()
        if content is not None:
            content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded and watched is self._area.viewport():
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                child.installEventFilter(self)
        elif kind in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.update()
        return False

    def update(self) -> None:
        content = self._area.widget()
        if content is not None:
            bar = self._area.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            width = content.minimumSizeHint().width() + bar + 2
            if width != self._area.minimumWidth():
                self._area.setMinimumWidth(width)


def keep_content_width(area: QScrollArea) -> None:
    """A scroll area that scrolls only up and down: the splitter or layout holding it never
    makes it narrower than its content (a form cut off on the right hides its fields)."""
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    _WidthKeeper(area).update()


class ElidedLabel(QLabel):
    """One line of plain text that ends in … when there is no room (full text in the tooltip),
    for titles that must not widen the window."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 3, super().sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(self.alignment()), shown)
        painter.end()


def clamp_rect(rect: QRect, available: QRect) -> QRect:
    """``rect`` made no larger than ``available`` and moved inside it."""
    size = rect.size().boundedTo(available.size())
    x = min(max(rect.x(), available.left()), available.right() + 1 - size.width())
    y = min(max(rect.y(), available.top()), available.bottom() + 1 - size.height())
    return QRect(QPoint(x, y), size)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen the widget's centre is on, else the one it was shown on, else the primary."""
    center = widget.frameGeometry().center()
    return QGuiApplication.screenAt(center) or widget.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget) -> None:
    """Keep a restored (or default) window on the current screen: a geometry saved on a larger
    screen, or at a smaller scale factor, must not open larger than the screen."""
    screen = screen_of(window)
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    fitted = clamp_rect(frame, available)
    if fitted != frame:
        window.resize(fitted.size() - extra)
        window.move(fitted.topLeft())


def fit_dialog(dialog: QWidget, preferred: QSize) -> None:
    """Size a dialog to ``preferred`` but never beyond its screen's available area."""
    screen = screen_of(dialog.parentWidget() or dialog)
    if screen is None:
        dialog.resize(preferred)
        return
    limit = screen.availableGeometry().size() - QSize(40, 60)
    dialog.resize(preferred.boundedTo(limit).expandedTo(QSize(320, 200)))


class FittedList(QListWidget):
    """A short navigation list whose rows tighten their padding (qss: ``[compact="true"]``)
    rather than scroll when the window is low, as at 1280x720 or at 150 %: every entry, 设置
    included, stays in view."""

    # how much taller a roomy row is than a compact one: the qss's padding and margin
    ROOMY_EXTRA = 2 * (10 - 4) + 2 * (2 - 1)

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def fit_rows(self) -> None:
        if not self.count():
            return
        # As wide as the longest entry ("Focused practice"), never a horizontal scroll bar.
        self.setMinimumWidth(self.sizeHintForColumn(0) + 2 * self.frameWidth())
        compact = self.property("compact") is True
        roomy = self.sizeHintForRow(0) + (self.ROOMY_EXTRA if compact else 0)
        wanted = roomy * self.count() > self.viewport().height()
        if wanted != compact:
            self.setProperty("compact", wanted)
            self.style().unpolish(self)
            self.style().polish(self)
            self.doItemsLayout()


def page_room(view: QWidget) -> int:
    """The width the page gives ``view``'s content: its parent's (a :class:`PageArea`'s
    viewport), less the view's layout margins.

    A view that rearranges itself to fit (首页's cards, 设置's columns, practice's footer) asks
    this rather than its own width: a page makes a view at least as wide as its minimum, so the
    view's own width would keep the arrangement that is too wide.
    """
    page = view.parentWidget()
    room = page.width() if page is not None else view.width()
    layout = view.layout()
    if layout is not None:
        margins = layout.contentsMargins()
        room -= margins.left() + margins.right()
    return room


def size_to_current(stack: QStackedWidget) -> None:
    """Let ``stack`` be as small as the page it shows, not its largest page.

    A stacked widget's minimum is the largest of all its pages' minimums, so a wide hidden
    page (the contest's host panel) made the page on show (its lobby) wider than the window at
    the larger text sizes. Hidden pages ignore their size hints; the shown one keeps
    its own (an explicit minimum size still counts).
    """

    def follow(index: int) -> None:
        for number in range(stack.count()):
            page = stack.widget(number)
            policy = QSizePolicy.Policy.Preferred if number == index else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        stack.updateGeometry()

    stack.currentChanged.connect(follow)
    follow(stack.currentIndex())
