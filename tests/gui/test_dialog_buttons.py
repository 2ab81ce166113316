"""Dialog buttons carry text only: no green tick on a red primary button on any desktop (issue 15).

GNOME's and KDE's platform themes ask Qt for icons on the buttons of dialog button boxes and
message boxes; the offscreen platform of the tests does not. A stylesheet rule asking for them,
placed before ours, plays such a desktop.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from jgstudy.gui.colors import DARK, LIGHT, Colors
from jgstudy.gui.editor.properties import BankPropertiesDialog
from jgstudy.gui.exam.submit import confirm_box
from jgstudy.gui.icons import arrow_files
from jgstudy.gui.profile import ProfileDialog
from jgstudy.gui.qss import stylesheet

DESKTOP = "QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 1; }\n"


@pytest.fixture
def sheet(qapp: QApplication) -> Iterator[None]:
    before = qapp.styleSheet()
    yield
    qapp.setStyleSheet(before)


def dialogs(qtbot: QtBot) -> list[QDialog]:
    profile = ProfileDialog([])
    properties = BankPropertiesDialog({"format": 1, "id": "b", "title": "题库"}, [])
    submit, _button = confirm_box(profile, [1], [])
    for dialog in (profile, properties):
        qtbot.addWidget(dialog)
    return [profile, properties, submit]


def iconed(dialog: QDialog) -> list[str]:
    return [b.text() for b in dialog.findChildren(QPushButton) if not b.icon().isNull()]


@pytest.mark.usefixtures("sheet")
def test_a_desktop_that_wants_icons_puts_a_tick_on_the_red_button(
    qapp: QApplication, qtbot: QtBot
) -> None:
    qapp.setStyleSheet(DESKTOP)
    profile = dialogs(qtbot)[0]
    assert iconed(profile) == ["开始学习"]  # what a cadre on GNOME saw: on the red button
    assert [b.text() for b in profile.findChildren(QPushButton) if b.property("primary")] == [
        "开始学习"
    ]


@pytest.mark.parametrize("colors", [LIGHT, DARK])
@pytest.mark.usefixtures("sheet")
def test_our_stylesheet_keeps_dialog_buttons_free_of_icons(
    qapp: QApplication, qtbot: QtBot, colors: Colors
) -> None:
    qapp.setStyleSheet(DESKTOP + stylesheet(colors, 15, arrow_files(colors.muted)))
    for dialog in dialogs(qtbot):
        assert iconed(dialog) == [], dialog.windowTitle()
    primary = [b for b in dialogs(qtbot)[0].findChildren(QPushButton) if b.property("primary")]
    assert [b.text() for b in primary] == ["开始学习"]
