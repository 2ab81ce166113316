"""Per-application preferences, kept in QSettings behind typed properties."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from jgstudy.core.defaults import DEFAULT_DAY_STARTS, DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION
from jgstudy.gui.fonts import DEFAULT_FONT_SIZE, FONT_SIZES
from jgstudy.gui.style import THEMES

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class Preferences:
    """Typed access to one QSettings store (the user's, or a temporary file in tests)."""

    def __init__(self, settings: QSettings) -> None:
        self._s = settings

    def sync(self) -> None:
        self._s.sync()

    def _get(self, key: str, default: object, kind: type) -> object:
        try:
            return self._s.value(key, default, type=kind)
        except (TypeError, ValueError):
            return default

    @property
    def new_per_day(self) -> int:
        value = int(str(self._get("study/new_per_day", DEFAULT_NEW_PER_DAY, int)))
        return min(max(value, 0), 1000)

    @new_per_day.setter
    def new_per_day(self, value: int) -> None:
        self._s.setValue("study/new_per_day", int(value))

    @property
    def retention(self) -> float:
        value = float(str(self._get("study/retention", DEFAULT_RETENTION, float)))
        return min(max(value, 0.7), 0.99)

    @retention.setter
    def retention(self, value: float) -> None:
        self._s.setValue("study/retention", round(float(value), 2))

    @property
    def day_starts(self) -> int:
        """The hour (0-12) a new study day begins."""
        value = int(str(self._get("study/day_starts", DEFAULT_DAY_STARTS, int)))
        return min(max(value, 0), 12)

    @day_starts.setter
    def day_starts(self, value: int) -> None:
        self._s.setValue("study/day_starts", int(value))

    def _choice(self, key: str, choices: dict[str, str], default: str) -> str:
        value = str(self._get(key, default, str))
        return value if value in choices else default

    @property
    def font_size(self) -> str:
        return self._choice("display/font_size", {k: k for k in FONT_SIZES}, DEFAULT_FONT_SIZE)

    @font_size.setter
    def font_size(self, value: str) -> None:
        self._s.setValue("display/font_size", value)

    @property
    def theme(self) -> str:
        return self._choice("display/theme", THEMES, "system")

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("display/theme", value)

    @property
    def language(self) -> str:
        return self._choice("display/language", LANGUAGES, "zh_CN")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("display/language", value)

    @property
    def last_profile(self) -> str:
        return str(self._get("profile/last", "", str))

    @last_profile.setter
    def last_profile(self, name: str) -> None:
        self._s.setValue("profile/last", name)

    @property
    def last_view(self) -> str:
        return str(self._get("window/last_view", "home", str))

    @last_view.setter
    def last_view(self, name: str) -> None:
        self._s.setValue("window/last_view", name)

    @property
    def data_folder(self) -> str:
        """A data folder chosen in the settings ("" for the platform's user data folder)."""
        return str(self._get("data/folder", "", str))

    @data_folder.setter
    def data_folder(self, value: str) -> None:
        self._s.setValue("data/folder", value.strip())

    @property
    def database_url(self) -> str:
        """A database chosen in the settings ("" for SQLite in the data folder)."""
        return str(self._get("data/database", "", str))

    @database_url.setter
    def database_url(self, value: str) -> None:
        self._s.setValue("data/database", value.strip())

    @property
    def last_folder(self) -> str:
        """The folder a file was last opened from or saved to ("" before the first time)."""
        return str(self._get("files/last_folder", "", str))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)

    @property
    def geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def scoreboard_screen(self) -> str:
        """The screen (by name) the competition's big screen last opened on ("" for none yet)."""
        return str(self._get("competition/scoreboard_screen", "", str))

    @scoreboard_screen.setter
    def scoreboard_screen(self, name: str) -> None:
        self._s.setValue("competition/scoreboard_screen", name)
