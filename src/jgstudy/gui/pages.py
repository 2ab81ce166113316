"""The main window's pages: their names, and what the window asks of every page.

To add a view: a ``View`` member, a title in ``TITLES``, a widget implementing :class:`Page`, and
one line in ``MainWindow._build_pages`` (see docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Protocol

from jgstudy.core.records import UserInfo
from jgstudy.core.stats import UserStats
from jgstudy.gui.i18n import N_


class View(StrEnum):
    """The pages of the main window, in the order of the navigation."""

    HOME = "home"
    PRACTICE = "practice"
    WORKBOOK = "workbook"
    EXAM = "exam"
    LIBRARY = "library"
    EDITOR = "editor"
    WRONGBOOK = "wrongbook"
    PROGRESS = "progress"
    FORECAST = "forecast"
    COMPETITION = "competition"
    REPORTS = "reports"
    SETTINGS = "settings"


TITLES: dict[View, str] = {
    View.HOME: N_("首页"),
    View.PRACTICE: N_("练习"),
    View.WORKBOOK: N_("专项练习"),
    View.EXAM: N_("模拟考试"),
    View.LIBRARY: N_("题库"),
    View.EDITOR: N_("题库编辑"),
    View.WRONGBOOK: N_("错题本"),
    View.PROGRESS: N_("统计"),
    View.FORECAST: N_("预测"),
    View.COMPETITION: N_("竞赛"),
    View.REPORTS: N_("成绩报表"),
    View.SETTINGS: N_("设置"),
}


class Page(Protocol):
    """What the main window asks of every page; the page decides what to read and when."""

    def set_user(self, user: UserInfo | None) -> None:
        """Another cadre was chosen (None: nobody yet)."""

    def activate(self) -> None:
        """The page is shown (or the data behind it changed while shown): bring it up to date."""


StatsSource = Callable[[UserInfo, bool], UserStats]
"""The cadre's figures; the flag asks for the FSRS estimate per tag (a pass over every card)."""
