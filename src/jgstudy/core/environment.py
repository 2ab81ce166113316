"""Failures of the environment (disk full, read-only, no permission, server unreachable, a
malformed URL, a path that does not exist), told apart from bugs: each becomes one plain Chinese sentence.

The command line prints the sentence and exits non-zero; the desktop shows it in a dialog; the
traceback goes to the log file (see :mod:`jgstudy.core.logs`). Anything not recognised here is a
bug and is reported as such.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator

from jgstudy.core.errors import DatabaseTooNew, EnvironmentProblem
from jgstudy.core.text import N_, Msg, message_of, msg
from jgstudy.core.urls import BadUrl

FULL = N_("磁盘空间已满，无法写入{where}。请清理磁盘后重试。")
READ_ONLY = N_("数据文件或文件夹是只读的{where}，无法写入。请检查权限或换一个数据文件夹。")
DENIED = N_("没有权限访问{where}。请检查文件权限或换一个数据文件夹。")
IO_ERROR = N_("磁盘读写出错{where}。请检查磁盘或存储设备。")
LOCKED = N_("数据库正被其他程序长时间占用，请稍后再试。")
UNREACHABLE = N_("无法连接数据库服务器（{detail}）。请检查网络、地址和账号。")
NO_DRIVER = N_("缺少连接这种数据库所需的驱动程序（{detail}）。")
NOT_FOUND = N_("找不到文件或文件夹{where}。请检查路径是否写对、文件夹是否存在。")
IS_FOLDER = N_("给出的是一个文件夹{where}，这里需要一个文件名。")
NOT_FOLDER = N_("路径中有一段不是文件夹{where}。请检查路径。")
BAD_URL = N_(
    "数据库地址写法不对（{detail}）。例：sqlite:///路径 或 postgresql+psycopg://用户@主机/库名"
)

_ERRNO = {
    errno.ENOSPC: FULL,
    errno.EDQUOT: FULL,
    errno.EFBIG: FULL,  # a file-size limit: for the user the same as a full disk
    errno.EROFS: READ_ONLY,
    errno.EACCES: DENIED,
    errno.EPERM: DENIED,
    errno.EIO: IO_ERROR,
    # A path typed wrong (an -o into a folder that does not exist, a folder given for a file):
    # the user's to correct, not a bug to report.
    errno.ENOENT: NOT_FOUND,
    errno.EISDIR: IS_FOLDER,
    errno.ENOTDIR: NOT_FOLDER,
}
_SQLITE = (
    ("database or disk is full", FULL),
    ("readonly database", READ_ONLY),
    ("read-only", READ_ONLY),
    ("unable to open database file", DENIED),
    ("disk i/o error", IO_ERROR),
    ("database is locked", LOCKED),
)


def explain(exc: BaseException) -> Msg | None:
    """One sentence for an environment failure anywhere in ``exc``'s chain, or None (a bug)."""
    for cause in _chain(exc):
        sentence = _one(cause)
        if sentence:
            return sentence
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        if isinstance(orig, BaseException):
            yield orig
        current = current.__cause__ or current.__context__


def _one(exc: BaseException) -> Msg | None:
    from sqlalchemy.exc import ArgumentError, InterfaceError, NoSuchModuleError, OperationalError

    if isinstance(exc, EnvironmentProblem | BadUrl | DatabaseTooNew):
        text = message_of(exc)
        return text if isinstance(text, Msg) else msg(text)
    if isinstance(exc, OSError) and exc.errno in _ERRNO:
        where = msg("（{file}）", file=exc.filename) if exc.filename else ""
        return msg(_ERRNO[exc.errno], where=where)
    if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
        text = str(exc).lower()
        return next((msg(s, where="") for key, s in _SQLITE if key in text), None)
    if isinstance(exc, NoSuchModuleError):
        return msg(NO_DRIVER, detail=_first_line(exc))
    if isinstance(exc, ArgumentError):
        return msg(BAD_URL, detail=_first_line(exc))
    if isinstance(exc, OperationalError | InterfaceError) and not isinstance(
        exc.orig, sqlite3.Error
    ):
        return msg(UNREACHABLE, detail=_first_line(exc.orig or exc))
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
