"""The menu bar (文件 / 视图 / 帮助) with standard Qt shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from jgstudy.gui.i18n import N_, tr
from jgstudy.version import version

SHORTCUTS_HELP = N_("""练习时：
  A–H 或 1–8　选择选项（多选题可选多个）
  判断题　A/1 正确，B/2 错误
  回车　提交答案（填空题：跳到下一空，最后一空提交）
  空格 / 回车　看完解析后进入下一题
  简答题　回车查看参考答案，Y 掌握了，N 没掌握
  Ctrl+Z　撤销上一题的作答
  Esc　结束本次练习

窗口：
  Ctrl+1 … Ctrl+9　切换左侧的各个页面
  Ctrl+O　导入题库文件
  F11　全屏""")

ABOUT = N_("""机关学习 jgstudy

面向市直机关干部的学习与竞赛训练工具：
题库练习、间隔复习（FSRS）、错题本与学习统计。""")


def about_text(actions: WindowActions) -> str:
    """The about box: what jgstudy is, its version and the database's schema revision."""
    versions = tr("版本 {version}　数据库结构 {revision}").format(
        version=version(), revision=actions.schema_revision()
    )
    return f"{tr(ABOUT)}\n\n{versions}"


class WindowActions(Protocol):
    """What the menus call on the main window."""

    def navigate(self, name: str) -> None: ...
    def import_files(self) -> None: ...
    def import_folder(self) -> None: ...
    def reimport(self) -> None: ...
    def export_scores(self) -> None: ...
    def merge_scores(self) -> None: ...
    def ask_profile(self) -> object: ...
    def schema_revision(self) -> str: ...


def _action(
    window: QMainWindow,
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action


def build_menus(
    window: QMainWindow, actions: WindowActions, views: Sequence[tuple[str, str]]
) -> dict[str, QAction]:
    """Create the menus; returns the actions by a short name (for tests and the toolbar)."""
    bar = window.menuBar()
    made: dict[str, QAction] = {}
    file_menu = bar.addMenu(tr("文件(&F)"))
    made["import_files"] = _action(
        window, file_menu, tr("导入题库文件…"), actions.import_files, QKeySequence.StandardKey.Open
    )
    made["import_folder"] = _action(
        window, file_menu, tr("导入题库文件夹…"), actions.import_folder, "Ctrl+Shift+O"
    )
    made["reimport"] = _action(
        window,
        file_menu,
        tr("重新导入全部题库"),
        actions.reimport,
        QKeySequence.StandardKey.Refresh,
    )
    file_menu.addSeparator()
    made["export_scores"] = _action(window, file_menu, tr("导出我的成绩…"), actions.export_scores)
    made["merge_scores"] = _action(window, file_menu, tr("合并成绩文件…"), actions.merge_scores)
    file_menu.addSeparator()
    made["profile"] = _action(window, file_menu, tr("切换或新建用户…"), actions.ask_profile)
    file_menu.addSeparator()
    made["quit"] = _action(
        window, file_menu, tr("退出"), window.close, QKeySequence.StandardKey.Quit
    )
    view_menu = bar.addMenu(tr("视图(&V)"))
    for index, (name, title) in enumerate(views, start=1):
        made[f"view_{name}"] = _action(
            window,
            view_menu,
            tr(title),
            partial(actions.navigate, name),
            f"Ctrl+{index}" if index <= 9 else None,
        )
    view_menu.addSeparator()
    made["fullscreen"] = _action(
        window,
        view_menu,
        tr("全屏"),
        lambda: _toggle_fullscreen(window),
        QKeySequence.StandardKey.FullScreen,
    )
    help_menu = bar.addMenu(tr("帮助(&H)"))
    made["shortcuts"] = _action(
        window,
        help_menu,
        tr("键盘快捷键"),
        lambda: QMessageBox.information(window, tr("键盘快捷键"), tr(SHORTCUTS_HELP)),
        QKeySequence.StandardKey.HelpContents,
    )
    made["about"] = _action(
        window,
        help_menu,
        tr("关于机关学习"),
        lambda: QMessageBox.about(window, tr("关于机关学习"), about_text(actions)),
    )
    return made


def _toggle_fullscreen(window: QMainWindow) -> None:
    window.showNormal() if window.isFullScreen() else window.showFullScreen()
