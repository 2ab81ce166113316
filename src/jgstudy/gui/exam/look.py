"""The exam views' own stylesheet, built from the app's colours and kept in step with the theme.

The application stylesheet (gui/qss.py) belongs to the main window; these rules only add the
countdown, the review flag colour, notices and the result list, set on the exam page itself.
"""

from __future__ import annotations

from jgstudy.gui.colors import Colors
from jgstudy.gui.restyle import amber_colors


def exam_stylesheet(c: Colors, px: int) -> str:
    flag, flag_soft = amber_colors(c)
    return f"""
QFrame#timerbox {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#timerbox QLabel {{ background: transparent; }}
QLabel#countdown {{ font-size: {px + 13}px; font-weight: 700; }}
QLabel#countdown[warn="true"] {{ color: {c.bad}; }}
QLabel#flagmark {{ color: {flag}; font-weight: 600; }}
QPushButton#flagbutton[flagged="true"] {{ color: {flag}; border: 1px solid {flag};
    background: {flag_soft}; font-weight: 600; }}
QFrame#notice {{ background: {flag_soft}; border: 1px solid {flag}; border-radius: 10px; }}
QFrame#notice QLabel {{ color: {flag}; font-weight: 600; background: transparent; }}
QFrame#problem {{ background: {c.bad_soft}; border-radius: 8px; }}
QFrame#problem QLabel {{ color: {c.bad}; background: transparent; }}
QLabel#verdictbig {{ font-size: {px + 15}px; font-weight: 700; }}
QLabel#verdictbig[verdict="good"], QLabel#mark[verdict="good"] {{ color: {c.good}; }}
QLabel#verdictbig[verdict="bad"], QLabel#mark[verdict="bad"] {{ color: {c.bad}; }}
QLabel#mark {{ font-weight: 700; font-size: {px + 1}px; }}
QLabel#given[verdict="bad"] {{ color: {c.bad}; }}
QLabel#given[verdict="good"] {{ color: {c.good}; }}
QLabel#explain {{ color: {c.muted}; }}
QFrame#resultitem {{ background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px; }}
QFrame#resultitem QLabel {{ background: transparent; }}
QFrame#resultitem QLabel#chip {{ background: {c.accent_soft}; }}
"""
