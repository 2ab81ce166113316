"""Small visual states a cadre reads: 漏选 apart from right picks, a first run with nobody to
choose, a flagged exam cell that stands out on an answered one."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.exams import PaletteEntry
from jgstudy.core.order import NewOrder
from jgstudy.core.records import UserInfo
from jgstudy.gui.app_window import MainWindow
from jgstudy.gui.colors import LIGHT
from jgstudy.gui.exam.palette import paint_cell
from jgstudy.gui.profile import ProfileDialog
from jgstudy.gui.restyle import amber_colors


def test_missed_options_are_not_shown_as_right_picks(window: MainWindow, cadre: UserInfo) -> None:
    window.set_user(cadre)
    window.start_practice("new", NewOrder.BANK)
    session = window.practice.session
    assert session is not None
    session.submit("C")  # s1
    session.next()
    card = window.practice.card
    assert card is not None
    card.input.toggle("A")  # type: ignore[attr-defined]
    window.practice.submit()  # m1: A, B and D are right
    rows = card.input.rows  # type: ignore[attr-defined]
    states = {key: (row.state, row.note.text()) for key, row in rows.items()}
    assert states["A"] == ("correct", "正确答案")
    assert states["B"] == ("missed", "漏选") and states["D"] == ("missed", "漏选")
    assert states["C"][0] == "dim"


def test_first_run_asks_for_a_name_not_to_choose_one(qtbot: QtBot) -> None:
    first = ProfileDialog([])
    qtbot.addWidget(first)
    assert "选择" not in first.intro.text() and "填写" in first.intro.text()
    later = ProfileDialog([UserInfo(1, "王明", "市委办公室", "cadre")])
    qtbot.addWidget(later)
    assert "选择" in later.intro.text()


def amber_pixels(entry: PaletteEntry) -> int:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(QColor(LIGHT.window))
    painter = QPainter(image)
    paint_cell(painter, QRectF(0, 0, 40, 40), LIGHT, entry)
    painter.end()
    amber = QColor(amber_colors(LIGHT)[0])
    return sum(1 for x in range(40) for y in range(40) if QColor(image.pixel(x, y)) == amber)


def test_a_flag_on_an_answered_cell_is_plain_to_see(qapp: QApplication) -> None:
    flagged = amber_pixels(PaletteEntry(0, True, True, False))
    assert amber_pixels(PaletteEntry(0, True, False, False)) == 0
    assert flagged >= 40 * 40 * 0.12  # a ring and a large corner, not a speck
