"""Open and save dialogs that start where the user keeps files: the folder used last, else the
Documents folder — never the program's own folder (the process's working directory)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from jgstudy.gui.prefs import Preferences


def documents_folder() -> Path:
    """The user's Documents folder (文档), or the home folder where there is none."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


class FileChooser:
    """The file dialogs of the app; the folder last used is kept in the preferences (without
    them, as in a page shown on its own, every dialog starts in Documents)."""

    def __init__(self, prefs: Preferences | None = None) -> None:
        self._prefs = prefs

    def start_folder(self) -> Path:
        last = self._prefs.last_folder if self._prefs is not None else ""
        return Path(last) if last and Path(last).is_dir() else documents_folder()

    def remember(self, chosen: Path) -> None:
        folder = chosen if chosen.is_dir() else chosen.parent
        if self._prefs is not None:
            self._prefs.last_folder = str(folder)

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        chosen, _filter = QFileDialog.getOpenFileName(
            parent, title, str(self.start_folder()), filters
        )
        return self._chosen(chosen)

    def open_files(self, parent: QWidget, title: str, filters: str) -> list[Path]:
        chosen, _filter = QFileDialog.getOpenFileNames(
            parent, title, str(self.start_folder()), filters
        )
        paths = [Path(c) for c in chosen]
        if paths:
            self.remember(paths[0])
        return paths

    def folder(self, parent: QWidget, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(parent, title, str(self.start_folder()))
        return self._chosen(chosen)

    def save_file(self, parent: QWidget, title: str, name: str | Path, filters: str) -> Path | None:
        """Where to save; ``name`` is a file name (put in the start folder) or a whole path
        (a file saved before is saved again where it is)."""
        suggested = Path(name) if Path(name).is_absolute() else self.start_folder() / name
        chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
        return self._chosen(chosen)

    def _chosen(self, chosen: str) -> Path | None:
        if not chosen:
            return None
        path = Path(chosen)
        self.remember(path)
        return path
