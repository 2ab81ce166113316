"""Questions the main window asks before it closes or restarts; tests replace them."""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QMessageBox, QWidget

from jgstudy.gui.i18n import tr


def ask_restart(parent: QWidget) -> bool:
    """The language changed: 现在重启 or 稍后 (it applies at the next start either way)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("界面语言"),
        tr("界面语言在重新启动后生效。现在重新启动机关学习吗？"),
        parent=parent,
    )
    now = box.addButton(tr("现在重启"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("稍后"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.exec()
    return box.clickedButton() is now


def restart_app() -> bool:
    """Start the app again with the same command line (this one is closing)."""
    return QProcess.startDetached(sys.executable, sys.argv)[0]


def ask_close_during_exam(parent: QWidget) -> bool:
    """Closing the window while an exam runs: the answers are kept and the clock keeps going."""
    answer = QMessageBox.question(
        parent,
        tr("考试进行中"),
        tr(
            "模拟考试正在进行。关闭后答案都已保存，但计时不会暂停；"
            "下次打开时可以继续作答，时间到了会自动交卷。\n确定关闭吗？"
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


class Asks:
    """The window's questions and its restart, in one place a test can replace."""

    def __init__(self) -> None:
        self.restart = ask_restart
        self.start_again = restart_app
        self.close_during_exam = ask_close_during_exam
