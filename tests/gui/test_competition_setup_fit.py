"""新建比赛 on a low screen: with eight teams the dialog is taller than 1280x720 leaves, and its
wrapped notes were squeezed into each other; the team list scrolls instead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from jgstudy.core.competition.config import MAX_TEAMS
from jgstudy.core.services import Services
from jgstudy.gui.competition.setup import MatchSetupDialog
from jgstudy.gui.fonts import base_pixel_size
from jgstudy.gui.i18n import set_language
from jgstudy.gui.layout_audit import audit
from jgstudy.gui.style import apply_theme


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """English, styled as at start (the stylesheet sets the controls' heights); undone after."""
    palette, font, sheet, style = qapp.palette(), qapp.font(), qapp.styleSheet(), qapp.style()
    name = style.name()
    set_language("en")
    apply_theme(qapp, "light", base_pixel_size("normal"))
    yield
    set_language("zh_CN")
    qapp.setStyleSheet(sheet)
    qapp.setPalette(QPalette(palette))
    qapp.setFont(font)
    qapp.setStyle(name)


def test_a_low_dialog_scrolls_its_teams_and_squeezes_no_text(
    english: None, qtbot: QtBot, services: Services
) -> None:
    dialog = MatchSetupDialog(services.competitions)
    qtbot.addWidget(dialog)
    dialog.count.setValue(MAX_TEAMS)
    dialog.show()
    dialog.resize(600, 560)  # what is left of a 1280x720 screen at 150 % (853x480) and more
    for _ in range(4):
        QApplication.processEvents()
    assert audit(dialog) == []
    assert dialog.screen_note.height() >= dialog.screen_note.heightForWidth(
        dialog.screen_note.width()
    )
