"""Start the desktop app: ``jgstudy`` with no arguments, or ``jgstudy --db URL --data-dir DIR``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jgstudy.core.dburl import masked, password_of
from jgstudy.core.defaults import DEFAULT_DAY_STARTS, DEFAULT_RETENTION
from jgstudy.core.logs import setup_logging
from jgstudy.core.passwords import store as store_password
from jgstudy.core.paths import DATA_DIR_ENV, DB_ENV, data_dir, database_url
from jgstudy.gui import qt_texts
from jgstudy.gui.crash import install_crash_handlers, show_error
from jgstudy.gui.fonts import base_pixel_size
from jgstudy.gui.i18n import language, set_language, tr, tr_msg
from jgstudy.gui.prefs import Preferences
from jgstudy.gui.splash import show_splash
from jgstudy.gui.style import apply_theme

if TYPE_CHECKING:
    from jgstudy.core.service import StudyService
    from jgstudy.core.services import Services

ORGANIZATION = "jgstudy"
APPLICATION = "jgstudy"


def parse_args(args: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="jgstudy", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--data-dir", type=Path, default=None)
    options, _qt_args = parser.parse_known_args(list(args))
    return options


def make_application() -> QApplication:
    """The application, named for its settings, in the chosen language; without its icon,
    which :func:`set_icon` gives it once the splash is painted."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("jgstudy")  # ties the windows to jgstudy.desktop on Linux
    apply_language(app)
    return app


def set_icon(app: QApplication) -> None:
    """The icon of every window, the scoreboard on the projector too. Set after the splash is
    painted: it loads QtSvg and draws seven sizes (15-25 ms before the first window)."""
    from jgstudy.gui.appicon import app_icon

    app.setWindowIcon(app_icon())


def apply_language(app: QApplication) -> None:
    """The application's display name and default locale in the interface language."""
    app.setApplicationDisplayName(tr("机关学习"))
    if language() == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def install_qt_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings (file dialogs, dialog buttons, context menus) in the interface
    language: Simplified Chinese from Qt's catalog; English is Qt's own text."""
    return qt_texts.install_qt_translations(app, language())


def choose_language(app: QApplication, prefs: Preferences) -> None:
    """Use the language from the settings for every text built from now on."""
    set_language(prefs.language)
    apply_language(app)


def hide_password(url: str) -> str:
    """The database URL for display, without its password (in user info or query)."""
    return masked(url)


def apply_study_preferences(prefs: Preferences, service: StudyService) -> None:
    if prefs.retention != DEFAULT_RETENTION:
        service.set_desired_retention(prefs.retention)
    if prefs.day_starts != DEFAULT_DAY_STARTS:
        service.set_day_starts(prefs.day_starts)


def migrate_stored_password(prefs: Preferences, folder: Path) -> None:
    """Settings of earlier versions kept the shared database's password in plain text: move it
    to the keyring (or the data folder's pgpass file) and keep the URL without it."""
    if prefs.database_url and password_of(prefs.database_url) is not None:
        prefs.database_url, _where = store_password(prefs.database_url, folder)
        prefs.sync()


def data_location(options: argparse.Namespace, prefs: Preferences) -> tuple[Path, str]:
    """The data folder and database: command line, then environment, then settings, then default."""
    chosen_folder = prefs.data_folder if not os.environ.get(DATA_DIR_ENV) else ""
    folder = data_dir(options.data_dir or (Path(chosen_folder) if chosen_folder else None))
    migrate_stored_password(prefs, folder)
    explicit = options.db or os.environ.get(DB_ENV) or prefs.database_url or None
    return folder, database_url(explicit, folder)


def run(args: Sequence[str]) -> int:
    """Open the window at once; bundled banks are imported in the background after it shows."""
    options = parse_args(args)
    app = make_application()
    prefs = Preferences(QSettings())
    choose_language(app, prefs)
    install_qt_translations(app)
    apply_theme(app, prefs.theme, base_pixel_size(prefs.font_size))
    splash = show_splash(app)
    set_icon(app)
    # The core (SQLAlchemy, pydantic) loads only now, while the splash is already on screen.
    from jgstudy.gui.dbopen import open_database

    folder, url = data_location(options, prefs)
    log_file = setup_logging(folder)
    restore_handlers = install_crash_handlers(log_file)
    try:
        try:
            services = open_database(url, folder, splash)
        except Exception as exc:  # a locked, unreachable, read-only or too-new database
            splash.close()
            _cannot_open(url, exc, log_file)
            return 1
        if services is None:
            return 1
        return _run_window(app, splash, services, prefs, folder, url)
    finally:
        restore_handlers()


def _cannot_open(url: str, exc: Exception, log_file: Path | None) -> None:
    """One sentence for an environment failure, the details for anything else; both logged."""
    from jgstudy.core.environment import explain

    logging.getLogger("jgstudy.gui").error("cannot open %s", hide_password(url), exc_info=exc)
    sentence = explain(exc)
    if sentence is not None:
        QMessageBox.critical(
            None,
            tr("无法打开数据库"),
            tr("无法打开数据库：\n{url}\n\n{exc}").format(
                url=hide_password(url), exc=tr_msg(sentence)
            ),
        )
        return
    show_error(tr("无法打开数据库：{url}").format(url=hide_password(url)), details(exc), log_file)


def _run_window(
    app: QApplication,
    splash: QWidget,
    services: Services,
    prefs: Preferences,
    folder: Path,
    url: str,
) -> int:
    from jgstudy.gui.app_window import MainWindow
    from jgstudy.gui.dbopen import auto_backup

    backups = auto_backup(services.backups, app)
    apply_study_preferences(prefs, services.study)
    window = MainWindow(services, prefs, str(folder), hide_password(url))
    app.styleHints().colorSchemeChanged.connect(window.follow_system_scheme)
    window.show()
    splash.close()
    QTimer.singleShot(0, window.start)
    if backups is not None:
        QTimer.singleShot(0, backups.start)
    try:
        return app.exec()
    finally:
        services.close()
        if backups is not None:
            backups.on_close()


def details(exc: BaseException) -> str:
    """The traceback of ``exc`` as text."""
    import traceback

    return "".join(traceback.format_exception(exc))
