"""Qt's own texts (file dialogs, message box buttons, context menus) in the interface language.

Qt ships its Chinese catalog (qtbase_zh_CN.qm in PySide6's translations folder); it is loaded
for the Chinese interface. That catalog predates a few texts of Qt 6's file dialog ("&Look in:",
"Folder"), which would show in English in the middle of a Chinese dialog: our own small
catalog, resources/translations/qt_gaps_zh_CN.ts (compiled with pyside6-lrelease), adds them.
English is Qt's own language: nothing to load.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QTranslator
from PySide6.QtWidgets import QApplication

from jgstudy.core.paths import resources

QT_CATALOG = "qtbase_zh_CN"
GAPS_CATALOG = "qt_gaps_zh_CN"


def install_qt_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Qt's own texts in ``language`` ("zh_CN" or "en"); the translators installed."""
    if language == "en":
        return []
    folders = {
        QT_CATALOG: QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        GAPS_CATALOG: str(resources() / "translations"),
    }
    installed: list[QTranslator] = []
    for name, folder in folders.items():
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_qt_translations(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
