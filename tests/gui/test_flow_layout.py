"""The wrapping layout of toolbars and filter rows: one line when there is room, more when not."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from jgstudy.gui.flow import FlowLayout

LEAST = 100


def row(
    qtbot: QtBot, fill: bool, width: int, maximum: int = 16_777_215
) -> tuple[QWidget, list[QPushButton]]:
    """Five buttons of at least 100 px in a holder ``width`` wide (keep the holder: it owns
    the buttons)."""
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=10, fill=fill)
    buttons = []
    for n in range(5):
        btn = QPushButton(f"筛选 {n}")
        btn.setFixedHeight(30)
        btn.setMinimumWidth(LEAST)
        btn.setMaximumWidth(maximum)
        flow.addWidget(btn)
        buttons.append(btn)
    holder.resize(width, flow.heightForWidth(width))
    holder.show()
    QApplication.processEvents()
    return holder, buttons


def natural(button: QPushButton) -> int:
    return max(button.sizeHint().width(), LEAST)


def test_items_keep_their_width_on_one_line_when_there_is_room(qtbot: QtBot) -> None:
    _holder, buttons = row(qtbot, fill=False, width=1200)
    assert {b.y() for b in buttons} == {0}
    assert [b.width() for b in buttons] == [natural(b) for b in buttons]


def test_filling_items_share_the_spare_width_up_to_their_maximum(qtbot: QtBot) -> None:
    _holder, buttons = row(qtbot, fill=True, width=1200)
    assert {b.y() for b in buttons} == {0}
    extra = {b.width() - natural(b) for b in buttons}
    assert len(extra) == 1 and extra.pop() > 0  # the same share each
    assert buttons[-1].geometry().right() >= 1200 - 5  # the line is filled
    _capped_holder, capped = row(qtbot, fill=True, width=1200, maximum=150)
    assert all(b.width() <= 150 for b in capped)


def test_items_wrap_and_fill_each_line_when_one_line_has_no_room(qtbot: QtBot) -> None:
    _holder, buttons = row(qtbot, fill=True, width=350)
    lines = sorted({b.y() for b in buttons})
    assert len(lines) >= 2
    for top in lines:
        line = [b for b in buttons if b.y() == top]
        assert line[-1].geometry().right() <= 350
        if len(line) > 1:
            assert line[-1].geometry().right() >= 350 - 5
