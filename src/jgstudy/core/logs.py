"""The log file: ``<data folder>/logs/jgstudy.log``, rotated at 2 MB, three old files kept.

Every unexpected exception is written here with its traceback (the command line and the desktop
show one sentence and the log's path). Set up once per run by the CLI's and the desktop's
``main``; a folder where no log can be written leaves logging to stderr, never stops the app.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOG_DIR = "logs"
LOG_NAME = "jgstudy.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"
log = logging.getLogger("jgstudy")
_MARK = "_jgstudy_handler"

ErrorReport = Callable[[BaseException, str], None]  # the exception and its traceback


class _QuietFileHandler(RotatingFileHandler):
    """A log file that never prints "--- Logging error ---" with a traceback to the terminal
    when it cannot be written (disk full): the user then sees only the one sentence."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def log_path(folder: Path) -> Path:
    """Where the log of the data folder ``folder`` is written."""
    return folder / LOG_DIR / LOG_NAME


def setup_logging(folder: Path | None, *, debug: bool = False) -> Path | None:
    """Log to the rotating file of ``folder``; returns its path, or None when it cannot be
    written (read-only, disk full): then only warnings reach stderr. Calling again replaces the
    handler (tests run many commands in one process)."""
    for handler in [h for h in log.handlers if getattr(h, _MARK, False)]:
        log.removeHandler(handler)
        handler.close()
    log.setLevel(logging.DEBUG if debug else logging.INFO)
    if folder is None:
        return None
    path = log_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    setattr(handler, _MARK, True)
    log.addHandler(handler)
    return path


def details(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback as text, for the log and for a dialog's 复制详情."""
    import traceback

    return "".join(traceback.format_exception(exc_type, exc, tb))


def install_excepthook(report: ErrorReport | None = None) -> Callable[[], None]:
    """Log every uncaught exception (main thread and others) and pass its details to
    ``report`` (the desktop's dialog). Returns a function that restores the previous hooks."""
    previous, previous_thread = sys.excepthook, threading.excepthook

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if report is not None:
            report(exc, details(exc_type, exc, tb))
        else:
            previous(exc_type, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        log.critical("uncaught exception in %s", args.thread, exc_info=args.exc_value)

    sys.excepthook = hook
    threading.excepthook = thread_hook

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous, previous_thread

    return restore
