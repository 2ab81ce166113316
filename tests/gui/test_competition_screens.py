"""The big screen on a second screen: a separate process whose offscreen platform has two."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "HOST", "x": 0, "y": 0, "width": 1280, "height": 800},
        {"name": "PROJECTOR", "x": 1280, "y": 0, "width": 1920, "height": 1080},
    ]
}
PROBE = """
from PySide6.QtWidgets import QApplication
from jgstudy.gui.competition.scoreboard import Scoreboard, show_on_stage, stage_screen

app = QApplication([])
screens = {s.name(): s for s in app.screens()}
host = screens["HOST"]


class Spy(Scoreboard):
    def showFullScreen(self) -> None:
        # Where the window is at the moment it goes full screen.
        print("before", self.screen().name(), self.geometry().x(), self.geometry().width())
        super().showFullScreen()


board = Spy()
for remembered in ("", "PROJECTOR", "HOST", "GONE"):
    target = stage_screen(remembered or None, host)
    show_on_stage(board, target, host)
    app.processEvents()
    on = target.geometry().contains(board.geometry().center())
    print("after", remembered or "-", target.name(), board.isFullScreen(), on)
"""


def test_the_big_screen_goes_full_screen_on_the_chosen_screen(tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == [
        "before PROJECTOR 1280 1920",  # nothing remembered: the screen that is not the host's
        "after - PROJECTOR True True",
        "before PROJECTOR 1280 1920",
        "after PROJECTOR PROJECTOR True True",
        "after HOST HOST False True",  # the host's own screen: a window, not full screen
        "before PROJECTOR 1280 1920",  # a remembered screen no longer attached: the other one
        "after GONE PROJECTOR True True",
    ]
