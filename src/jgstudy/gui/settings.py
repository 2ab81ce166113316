"""设置: study limits, display (size, theme, language) and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jgstudy.gui.prefs import LANGUAGES, Preferences
from jgstudy.gui.style import THEMES
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout

FONT_SIZE_LABELS = {"normal": "标准", "large": "大字", "xlarge": "特大字"}


def _form_card(title: str, note: str = "") -> tuple[QWidget, QFormLayout]:
    box = card(margins=22)
    inner = box.layout()
    assert isinstance(inner, QVBoxLayout)
    inner.setSpacing(12)
    inner.addWidget(plain_label(title, "section"))
    if note:
        inner.addWidget(plain_label(note, "muted", wrap=True))
    form = QFormLayout()
    form.setHorizontalSpacing(24)
    form.setVerticalSpacing(14)
    inner.addLayout(form)
    return box, form


def _choices(items: dict[str, str], current: str) -> QComboBox:
    box = QComboBox()
    for value, label in items.items():
        box.addItem(label, value)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.setMinimumWidth(200)
    return box


class SettingsView(QWidget):
    """Changes apply at once and are kept in the application settings."""

    study_changed = Signal()
    display_changed = Signal()

    def __init__(self, prefs: Preferences, data_folder: str, database_url: str) -> None:
        super().__init__()
        self._prefs = prefs
        self._folder = data_folder
        layout = view_layout(self)
        header, _t, _s = page_header("设置", "修改会立即生效，并保存在本机。")
        layout.addWidget(header)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(self._build_study())
        left.addWidget(self._build_display())
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(self._build_data(data_folder, database_url))
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addStretch(1)

    def _build_study(self) -> QWidget:
        box, form = _form_card("学习")
        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 500)
        self.new_per_day.setSuffix(" 题")
        self.new_per_day.setValue(self._prefs.new_per_day)
        self.new_per_day.valueChanged.connect(self._save_study)
        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(self._prefs.retention)
        self.retention.setToolTip("越高复习越频繁、记得越牢；0.90 适合大多数人")
        self.retention.valueChanged.connect(self._save_study)
        form.addRow("每日新题上限", self.new_per_day)
        form.addRow(
            "", plain_label("每天最多学习的新题数；到期复习的题不受限制。", "small", wrap=True)
        )
        form.addRow("目标记忆保持率", self.retention)
        form.addRow("", plain_label("复习时仍记得的概率目标。越高复习越频繁。", "small", wrap=True))
        return box

    def _build_display(self) -> QWidget:
        box, form = _form_card("显示")
        self.font_size = _choices(FONT_SIZE_LABELS, self._prefs.font_size)
        self.theme = _choices(THEMES, self._prefs.theme)
        self.language = _choices(LANGUAGES, self._prefs.language)
        self.language.setToolTip("英文界面即将推出；目前界面为简体中文")
        for combo in (self.font_size, self.theme, self.language):
            combo.currentIndexChanged.connect(self._save_display)
        form.addRow("字号", self.font_size)
        form.addRow("主题", self.theme)
        form.addRow("语言", self.language)
        return box

    def _build_data(self, folder: str, url: str) -> QWidget:
        box, form = _form_card(
            "数据", "学习记录保存在下面的数据库中；多人共用一台电脑时，各自的记录按用户分开。"
        )
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setReadOnly(True)
        self.url_edit = QLineEdit(url)
        self.url_edit.setReadOnly(True)
        self.url_edit.setCursorPosition(0)
        self.folder_edit.setCursorPosition(0)
        open_button = button("打开文件夹")
        open_button.clicked.connect(self.open_folder)
        form.addRow("数据文件夹", self.folder_edit)
        form.addRow("", open_button)
        form.addRow("数据库", self.url_edit)
        return box

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self._folder))

    def _save_study(self) -> None:
        self._prefs.new_per_day = self.new_per_day.value()
        self._prefs.retention = self.retention.value()
        self.study_changed.emit()

    def _save_display(self) -> None:
        self._prefs.font_size = str(self.font_size.currentData())
        self._prefs.theme = str(self.theme.currentData())
        self._prefs.language = str(self.language.currentData())
        self.display_changed.emit()
