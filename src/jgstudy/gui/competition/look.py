"""Stylesheets of the host's panel (follows the app theme) and the big screen (a dark stage).

The big screen's type is sized for the back of a room: at 800 px of height the question stem is
40 px and team scores 64 px; everything grows with the screen (a 1080p projector: ×1.35).
"""

from __future__ import annotations

from jgstudy.gui.colors import LIGHT, Colors

RIGHT = LIGHT.good  # white text on it stays above 4.5:1 in either theme
STAGE = {
    "bg": "#111318",
    "tile": "#1E2128",
    "tile_line": "#2B2F37",
    "text": "#F3F4F6",
    "muted": "#A3AAB5",
    "gold": "#FFD36B",
    "green": "#6EE7A0",
    "red": "#C0392B",
    "red_line": "#FF8A7A",
    "warn": "#FF6B5E",
    "dim": "#6B727D",
}


def panel_stylesheet(c: Colors, px: int) -> str:
    return f"""
QLabel#hostclock {{ font-size: {px + 17}px; font-weight: 700; }}
QLabel#hostclock[warn="true"] {{ color: {c.bad}; }}
QLabel#hostclock[idle="true"] {{ color: {c.border}; }}
QLabel#phase {{ background: {c.accent_soft}; color: {c.accent}; border-radius: 6px;
    padding: 3px 10px; font-weight: 600; }}
QLabel#hoststem {{ font-size: {px + 4}px; }}
QLabel#hostanswer {{ color: {c.good}; font-weight: 600; }}
QLabel#explain {{ color: {c.muted}; }}
QLabel#status {{ color: {c.bad}; }}
QFrame#teamrow {{ border-radius: 8px; background: transparent; }}
QFrame#teamrow[state="active"] {{ background: {c.accent_soft}; }}
QFrame#teamrow QLabel {{ background: transparent; }}
QFrame#teamrow[state="locked"] QLabel {{ color: {c.muted}; }}
QFrame#teamrow[state="out"] QLabel {{ color: {c.muted}; }}
QLabel#teamscore {{ font-size: {px + 9}px; font-weight: 700; }}
QLabel#keybadge {{ border: 1px solid {c.border}; border-radius: 6px; padding: 1px 7px;
    color: {c.muted}; font-weight: 600; }}
QPushButton#right {{ background: {RIGHT}; color: #FFFFFF; border: none; font-weight: 600; }}
QPushButton#wrong {{ background: {c.primary}; color: #FFFFFF; border: none; font-weight: 600; }}
QPushButton#right:disabled, QPushButton#wrong:disabled {{ background: {c.border};
    color: {c.muted}; }}
QPushButton#stake {{ font-size: {px + 4}px; font-weight: 700; min-width: 64px; }}
QPushButton#adjust {{ padding: 2px 0; min-width: 30px; max-width: 30px; }}
QListWidget#eventlog {{ font-size: {px - 1}px; }}
QListWidget#eventlog::item {{ padding: 4px 6px; }}
"""


def stage_stylesheet(scale: float) -> str:
    """The big screen; ``scale`` 1.0 at 800 px of window height."""

    def size(px: int) -> int:
        return round(px * scale)

    s = STAGE
    return f"""
QWidget#scoreboard {{ background: {s["bg"]}; }}
QWidget#scoreboard QLabel {{ color: {s["text"]}; background: transparent; }}
#scoreboard QLabel#sbtitle {{ font-size: {size(22)}px; color: {s["muted"]}; }}
#scoreboard QLabel#sbround {{ font-size: {size(34)}px; font-weight: 700; }}
#scoreboard QLabel#sbitem {{ font-size: {size(22)}px; color: {s["muted"]}; }}
#scoreboard QLabel#sbclock {{ font-size: {size(64)}px; font-weight: 700; }}
#scoreboard QLabel#sbclock[warn="true"] {{ color: {s["warn"]}; }}
#scoreboard QLabel#sbbanner {{ font-size: {size(36)}px; font-weight: 700; color: {s["gold"]}; }}
#scoreboard QLabel#sbstem {{ font-size: {size(40)}px; }}
#scoreboard QLabel#sboption {{ font-size: {size(32)}px; }}
#scoreboard QLabel#sbanswer {{ font-size: {size(36)}px; font-weight: 700; color: {s["green"]}; }}
#scoreboard QLabel#sbexplain {{ font-size: {size(26)}px; color: {s["muted"]}; }}
QFrame#tile {{ background: {s["tile"]}; border: 2px solid {s["tile_line"]};
    border-radius: {size(14)}px; }}
QFrame#tile[state="active"] {{ background: {s["red"]}; border: 2px solid {s["red_line"]}; }}
QFrame#tile[state="scored"] {{ border: 3px solid {s["green"]}; }}
QFrame#tile[state="locked"], QFrame#tile[state="out"] {{ background: {s["bg"]}; }}
#scoreboard QFrame#tile[state="locked"] QLabel {{ color: {s["dim"]}; }}
#scoreboard QFrame#tile[state="out"] QLabel {{ color: {s["dim"]}; }}
#scoreboard QLabel#tilename {{ font-size: {size(26)}px; font-weight: 600; }}
#scoreboard QLabel#tilescore {{ font-size: {size(64)}px; font-weight: 800; }}
#scoreboard QLabel#tilekey {{ font-size: {size(18)}px; color: {s["muted"]}; }}
#scoreboard QFrame#tile[state="active"] QLabel#tilekey {{ color: #FFE1DC; }}
"""
