"""设置: study limits, display (size, theme, language) and where the data lives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.passwords import store as store_password
from jgstudy.core.planning import PlanService
from jgstudy.core.records import UserInfo
from jgstudy.gui.fit import page_room
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.plansettings import PlanSettingsCard
from jgstudy.gui.prefs import LANGUAGES, Preferences
from jgstudy.gui.style import THEMES
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout

FONT_SIZE_LABELS = {
    "normal": N_("标准（100%）"),
    "large": N_("大（115%）"),
    "larger": N_("较大（130%）"),
    "xlarge": N_("特大（150%）"),
}
DATABASE_SCHEMES = ("sqlite:///", "postgresql")


def _form_card(title: str, note: str = "", wrap: bool = False) -> tuple[QWidget, QFormLayout]:
    """A card with a title, a note and a form (``wrap``: labels above their fields)."""
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
    if wrap:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(8)
    inner.addLayout(form)
    return box, form


def _choices(items: dict[str, str], current: str) -> QComboBox:
    box = QComboBox()
    for value, label in items.items():
        box.addItem(tr(label), value)
    box.setCurrentIndex(max(box.findData(current), 0))
    box.setMinimumWidth(200)
    return box


class SettingsView(QWidget):
    """Changes apply at once and are kept in the application settings."""

    study_changed = Signal()
    display_changed = Signal()
    language_changed = Signal(str)  # applies at the next start: the window offers a restart

    def __init__(
        self,
        prefs: Preferences,
        data_folder: str,
        database_url: str,
        plans: PlanService | None = None,
    ) -> None:
        super().__init__()
        self._prefs = prefs
        self._folder = data_folder
        layout = view_layout(self)
        header, _t, _s = page_header(tr("设置"), tr("修改会立即生效，并保存在本机。"))
        layout.addWidget(header)
        columns = self._columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(20)
        left = self._left = QVBoxLayout()
        left.setSpacing(20)
        self.study_card = self._build_study()
        left.addWidget(self.study_card)
        left.addWidget(self._build_display())
        left.addStretch(1)
        columns.addLayout(left, 1)
        right = self._right = QVBoxLayout()
        self.data_card = self._build_data(data_folder, database_url)
        right.addWidget(self.data_card)
        self.plan_card = PlanSettingsCard(plans) if plans is not None else None
        if self.plan_card is not None:
            right.addWidget(self.plan_card)
        right.addStretch(1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Two columns side by side, or one above the other when both do not fit (English at
        the larger text sizes on 1280x720 made the page wider than the window)."""
        need = self._left.minimumSize().width() + self._right.minimumSize().width()
        across = need + self._columns.spacing() <= page_room(self)
        direction = QBoxLayout.Direction.LeftToRight if across else QBoxLayout.Direction.TopToBottom
        if self._columns.direction() != direction:
            self._columns.setDirection(direction)

    def set_user(self, user: UserInfo | None) -> None:
        """Settings belong to this desktop, except the cadre's own target and parameters."""
        if self.plan_card is not None:
            self.plan_card.set_user(user)

    def activate(self) -> None:
        """Nothing to re-read: the settings show what they change."""

    def _build_study(self) -> QWidget:
        box, form = _form_card(tr("学习"))
        self.new_per_day = QSpinBox()
        self.new_per_day.setRange(0, 500)
        self.new_per_day.setSuffix(tr(" 题"))
        self.new_per_day.setValue(self._prefs.new_per_day)
        self.new_per_day.valueChanged.connect(self._save_study)
        self.retention = QDoubleSpinBox()
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setDecimals(2)
        self.retention.setValue(self._prefs.retention)
        self.retention.setToolTip(tr("越高复习越频繁、记得越牢；0.90 适合大多数人"))
        self.retention.valueChanged.connect(self._save_study)
        form.addRow(tr("每日新题上限"), self.new_per_day)
        form.addRow(
            "", plain_label(tr("每天最多学习的新题数；到期复习的题不受限制。"), "small", wrap=True)
        )
        self.day_starts = QSpinBox()
        self.day_starts.setRange(0, 12)
        self.day_starts.setSuffix(tr(" 点"))
        self.day_starts.setValue(self._prefs.day_starts)
        self.day_starts.valueChanged.connect(self._save_study)
        form.addRow(tr("目标记忆保持率"), self.retention)
        form.addRow(
            "", plain_label(tr("复习时仍记得的概率目标。越高复习越频繁。"), "small", wrap=True)
        )
        form.addRow(tr("新的一天开始于"), self.day_starts)
        form.addRow(
            "",
            plain_label(
                tr("到期的复习题从这个时刻起算作当天；熬夜学习时，凌晨的作答仍算前一天。"),
                "small",
                wrap=True,
            ),
        )
        return box

    def _build_display(self) -> QWidget:
        box, form = _form_card(tr("显示"))
        self.font_size = _choices(FONT_SIZE_LABELS, self._prefs.font_size)
        self.theme = _choices(THEMES, self._prefs.theme)
        self.language = _choices(LANGUAGES, self._prefs.language)
        self.language.setToolTip(tr("界面语言，重启后生效。题库内容和题库检查信息不翻译。"))
        for combo in (self.font_size, self.theme, self.language):
            combo.currentIndexChanged.connect(self._save_display)
        form.addRow(tr("字号"), self.font_size)
        form.addRow(tr("主题"), self.theme)
        form.addRow(tr("语言"), self.language)
        form.addRow("", plain_label(tr("语言在重启后生效。"), "small", wrap=True))
        return box

    def _build_data(self, folder: str, url: str) -> QWidget:
        box, form = _form_card(
            tr("数据"),
            tr(
                "学习记录保存在下面的数据库中；多人共用一台电脑时，各自的记录按用户分开。"
                "单位共用 PostgreSQL 时填写数据库地址。修改在重新启动后生效；命令行参数优先。"
            ),
            wrap=True,
        )
        self.folder_edit = QLineEdit(self._prefs.data_folder)
        self.folder_edit.setPlaceholderText(folder)
        self.url_edit = QLineEdit(self._prefs.database_url)
        self.url_edit.setPlaceholderText(url)
        self.url_edit.setToolTip(
            tr(
                "例如 postgresql+psycopg://用户名:密码@服务器/jgstudy?sslmode=require；"
                "密码由系统保管，不写入设置文件；留空则使用数据文件夹中的 SQLite"
            )
        )
        for edit in (self.folder_edit, self.url_edit):
            edit.setCursorPosition(0)
        row = QHBoxLayout()
        row.setSpacing(8)
        choose = button(tr("选择…"))
        choose.clicked.connect(self.choose_folder)
        open_button = button(tr("打开文件夹"))
        open_button.clicked.connect(self.open_folder)
        save = button(tr("保存数据位置"), primary=True)
        save.clicked.connect(self.save_location)
        for widget in (choose, open_button, save):
            row.addWidget(widget)
        row.addStretch(1)
        self.location_note = plain_label("", "muted", wrap=True)
        form.addRow(tr("数据文件夹"), self.folder_edit)
        form.addRow(tr("数据库"), self.url_edit)
        form.addRow("", row)
        form.addRow("", self.location_note)
        return box

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("选择数据文件夹"), self._folder)
        if chosen:
            self.folder_edit.setText(chosen)

    def save_location(self) -> bool:
        """Keep the data folder and database for the next start; False for an unusable URL."""
        url = self.url_edit.text().strip()
        if url and not url.startswith(DATABASE_SCHEMES):
            self.location_note.setText(
                tr("数据库地址应以 sqlite:/// 或 postgresql+psycopg:// 开头。")
            )
            return False
        self._prefs.data_folder = self.folder_edit.text()
        bare, where = store_password(url, Path(self.folder_edit.text() or self._folder))
        self._prefs.database_url = bare
        self._prefs.sync()
        self.url_edit.setText(bare)
        note = tr("已保存，重新启动机关学习后生效。")
        if where:
            note += (
                tr("密码已交给系统钥匙串保管，不写入设置文件。")
                if where == "keyring"
                else tr("密码已保存在数据文件夹中仅本人可读的密码文件里，不写入设置文件。")
            )
        self.location_note.setText(note)
        return True

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self._folder))

    def _save_study(self) -> None:
        self._prefs.new_per_day = self.new_per_day.value()
        self._prefs.retention = self.retention.value()
        self._prefs.day_starts = self.day_starts.value()
        self.study_changed.emit()

    def _save_display(self) -> None:
        self._prefs.font_size = str(self.font_size.currentData())
        self._prefs.theme = str(self.theme.currentData())
        chosen = str(self.language.currentData())
        changed = chosen != self._prefs.language
        self._prefs.language = chosen
        self.display_changed.emit()
        if changed:
            self.language_changed.emit(chosen)
