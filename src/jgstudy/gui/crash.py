"""What the desktop does with an unexpected error: log it, and show it in a dialog.

Every uncaught exception (``sys.excepthook``, also in other threads) and every critical Qt message
(``qInstallMessageHandler``) goes to the log file with its details; an exception also opens
:class:`ErrorDialog`, which says where the log is and copies the details for a bug report
(复制详情). Environment failures get their one sentence (:func:`jgstudy.core.environment.explain`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.environment import explain
from jgstudy.core.logs import install_excepthook
from jgstudy.gui.i18n import tr, tr_msg
from jgstudy.gui.widgets import plain_label

log = logging.getLogger("jgstudy.gui")
qt_log = logging.getLogger("jgstudy.qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ErrorDialog(QDialog):
    """An error in one sentence, the log's path, and the details to copy."""

    def __init__(
        self, message: str, details: str, log_file: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("程序出错"))
        self.details = details
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(message, wrap=True))
        where = str(log_file) if log_file else tr("（无法写入日志文件）")
        path = plain_label(tr("详细信息已写入日志：{path}").format(path=where), "muted", wrap=True)
        path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(path)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(160)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(tr("复制详情"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_details(self) -> None:
        """Put the details on the clipboard, for a message to the administrator."""
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("已复制"))


def show_error(message: str, details: str, log_file: Path | None) -> None:
    """Open an :class:`ErrorDialog` over the active window (modal, the app keeps running)."""
    dialog = ErrorDialog(message, details, log_file, QApplication.activeWindow())
    dialog.exec()


def _qt_message(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def install_crash_handlers(
    log_file: Path | None, show: Callable[[str, str, Path | None], None] = show_error
) -> Callable[[], None]:
    """Log and show every uncaught exception; log Qt's messages. Returns the undo function."""

    def report(exc: BaseException, details: str) -> None:
        # A full disk or a lost server mid-session gets its sentence; anything else is a bug.
        sentence = explain(exc)
        message = (
            tr_msg(sentence)
            if sentence
            else tr("出现了一个意外错误。你的作答已经保存；可以继续使用，或重新启动程序。")
        )
        show(message, details, log_file)

    restore_hook = install_excepthook(report)
    previous = qInstallMessageHandler(_qt_message)

    def restore() -> None:
        restore_hook()
        qInstallMessageHandler(previous)

    return restore
