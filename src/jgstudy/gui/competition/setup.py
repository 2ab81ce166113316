"""新建比赛: pick the match configuration, 2–8 teams with their names and buzzer keys."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from jgstudy.core.competition import CompetitionConfig, CompetitionService, Team
from jgstudy.core.competition.config import MAX_TEAMS, MIN_TEAMS, team_problems
from jgstudy.core.exams import ConfigErrors
from jgstudy.gui.competition.keys import DEFAULT_KEYS, KEY_CHOICES, key_label
from jgstudy.gui.competition.scoreboard import stage_screen
from jgstudy.gui.fit import fit_dialog, keep_content_width
from jgstudy.gui.i18n import N_, tr, tr_msg
from jgstudy.gui.widgets import plain_label

NUMERALS = N_("一二三四五六七八")
SHOWN_PROBLEMS = 3  # of a broken configuration file: enough to fix it, few enough to read


def default_teams(config: CompetitionConfig | None, count: int = MAX_TEAMS) -> list[Team]:
    """The configuration's line-up, then 第N代表队 with the unused default keys."""
    teams = list(config.teams) if config is not None else []
    spare = [k for k in DEFAULT_KEYS if k not in {t.key for t in teams}]
    while len(teams) < count and spare:
        teams.append(
            Team(
                name=tr("第{number}代表队").format(number=tr(NUMERALS)[len(teams)]),
                key=spare.pop(0),
            )
        )
    return teams[:count]


def screen_label(number: int, screen: QScreen, host: QScreen | None) -> str:
    """屏幕 2：HDMI-1（1920×1080）, with 本屏 for the host's own screen."""
    size = screen.geometry()
    here = tr("，主持人所在屏幕") if screen is host else ""
    return tr("屏幕 {number}：{name}（{w}×{h}{here}）").format(
        number=number, name=screen.name() or "—", w=size.width(), h=size.height(), here=here
    )


class MatchSetupDialog(QDialog):
    """Accept gives :meth:`config` and :meth:`teams` for ``CompetitionService.create_match``."""

    def __init__(
        self,
        competitions: CompetitionService,
        parent: QWidget | None = None,
        *,
        screen_name: str = "",
        paths: Sequence[Path] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("新建比赛"))
        self.setMinimumWidth(560)
        self._competitions = competitions
        found = competitions.bundled_configs() if paths is None else paths
        self._configs, broken = self._load_configs(found)
        self._checked: dict[tuple[int, int], str | None] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 18)
        layout.setSpacing(14)
        layout.addWidget(plain_label(tr("新建比赛"), "section"))
        form = QFormLayout()
        form.setSpacing(10)
        self.config_box = QComboBox()
        for _path, config in self._configs:
            self.config_box.addItem(config.title)
        self.description = plain_label("", "muted", wrap=True)
        self.count = QSpinBox()
        self.count.setRange(MIN_TEAMS, MAX_TEAMS)
        self.count.setFixedWidth(110)
        form.addRow(tr("比赛方案"), self.config_box)
        form.addRow("", self.description)
        form.addRow(tr("参赛队数"), self.count)
        self.screen_group = QButtonGroup(self)
        self.screen_list = QVBoxLayout()
        self.screen_list.setSpacing(4)
        self.screen_note = plain_label("", "muted", wrap=True)
        form.addRow(tr("大屏显示在"), self.screen_list)
        form.addRow("", self.screen_note)
        layout.addLayout(form)
        # A broken file is not offered, but the trainer learns why it is missing.
        self.broken = plain_label("\n".join(broken), "muted", wrap=True)
        self.broken.setVisible(bool(broken))
        layout.addWidget(self.broken)
        self._list_screens(screen_name)
        layout.addWidget(self._team_area(), 1)
        self.problems = plain_label("", wrap=True)
        self.problems.setObjectName("status")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            tr("开始比赛"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.config_box.currentIndexChanged.connect(self._config_changed)
        self.count.valueChanged.connect(self._count_changed)
        self._config_changed()

    @staticmethod
    def _load_configs(
        paths: Sequence[Path],
    ) -> tuple[list[tuple[Path, CompetitionConfig]], list[str]]:
        """The configurations that load, and a line on each file that does not."""
        loaded, broken = [], []
        for path in paths:
            try:
                loaded.append((path, CompetitionService.load_config(path)))
            except ConfigErrors as errors:
                problems = tr("；").join(
                    tr("第 {line} 行：{problem}").format(line=p.line, problem=tr_msg(p.message))
                    for p in errors.problems[:SHOWN_PROBLEMS]
                )
                broken.append(
                    tr("比赛方案 {name} 有误，未列出：{problems}").format(
                        name=path.name, problems=problems
                    )
                )
        return loaded, broken

    def _team_area(self) -> QScrollArea:
        """The teams, scrolled when the screen is too low for eight of them (1280x720 at
        150 %): the notes above keep the lines they need instead of being squeezed."""
        holder = QWidget()
        holder.setLayout(self._team_grid())
        area = _TeamArea()
        area.setWidget(holder)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        keep_content_width(area)
        self.team_area = area
        return area

    def _team_grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        grid.addWidget(plain_label(tr("队名"), "small"), 0, 1)
        grid.addWidget(plain_label(tr("抢答键"), "small"), 0, 2)
        self.names: list[QLineEdit] = []
        self.keys: list[QComboBox] = []
        for index in range(MAX_TEAMS):
            number = plain_label(f"{index + 1}", "muted")
            name = QLineEdit()
            name.setMaxLength(30)
            key = QComboBox()
            for choice in KEY_CHOICES:
                key.addItem(key_label(choice), choice)
            name.textChanged.connect(self._validate)
            key.currentIndexChanged.connect(self._validate)
            grid.addWidget(number, index + 1, 0, Qt.AlignmentFlag.AlignRight)
            grid.addWidget(name, index + 1, 1)
            grid.addWidget(key, index + 1, 2)
            self.names.append(name)
            self.keys.append(key)
        self._rows = grid
        grid.setColumnStretch(1, 1)
        return grid

    def _list_screens(self, remembered: str) -> None:
        """Every screen, the remembered one (else the first that is not this one's) chosen."""
        owner = self.parentWidget()
        host = owner.screen() if owner is not None else None
        screens = QGuiApplication.screens()
        default = stage_screen(remembered or None, host)
        self.screen_buttons: list[QRadioButton] = []
        for number, screen in enumerate(screens, start=1):
            choice = QRadioButton(screen_label(number, screen, host))
            choice.setProperty("screen", screen.name())
            choice.setChecked(screen is default)
            self.screen_group.addButton(choice)
            self.screen_list.addWidget(choice)
            self.screen_buttons.append(choice)
        self.screen_note.setText(
            tr("大屏在所选屏幕上全屏显示；在大屏上按 F11 切换全屏，按 Esc 退出全屏。")
            if len(screens) > 1
            else tr("只检测到一块屏幕：大屏将以窗口显示，可拖到投影仪上后按 F11 全屏。")
        )

    def screen_name(self) -> str:
        """The name of the screen chosen for the big screen."""
        checked = self.screen_group.checkedButton()
        return str(checked.property("screen") or "") if checked is not None else ""

    # -- reading -------------------------------------------------------------------------

    def config(self) -> CompetitionConfig | None:
        index = self.config_box.currentIndex()
        return self._configs[index][1] if 0 <= index < len(self._configs) else None

    def teams(self) -> list[Team]:
        """The valid teams entered (a row with an invalid name is left out)."""
        teams = []
        for index in range(self.count.value()):
            try:
                teams.append(
                    Team(name=self.names[index].text(), key=self.keys[index].currentData())
                )
            except ValidationError:
                continue
        return teams

    def problems_text(self) -> str:
        problems = [
            tr("第 {i} 队缺少队名").format(i=i + 1)
            for i in range(self.count.value())
            if not self.names[i].text().strip()
        ]
        teams = self.teams()
        if len(teams) == self.count.value():
            problems += map(tr_msg, team_problems(teams))
        return tr("；").join(problems)

    # -- reacting ------------------------------------------------------------------------

    def _config_changed(self) -> None:
        config = self.config()
        self.description.setText((config.description or "") if config else tr("没有找到比赛方案。"))
        defaults = default_teams(config)
        self.count.setValue(max(len(config.teams) if config and config.teams else 4, MIN_TEAMS))
        for index, team in enumerate(defaults):
            self.names[index].setText(team.name)
            self.keys[index].setCurrentIndex(self.keys[index].findData(team.key))
        self._count_changed()

    def _count_changed(self) -> None:
        for index in range(MAX_TEAMS):
            shown = index < self.count.value()
            self.names[index].setVisible(shown)
            self.keys[index].setVisible(shown)
            item = self._rows.itemAtPosition(index + 1, 0)
            number = item.widget() if item is not None else None
            if number is not None:
                number.setVisible(shown)
        # As tall as the teams need, up to the screen (adjustSize stops at 2/3 of it).
        layout = self.layout()
        if layout is not None:
            layout.activate()
        fit_dialog(self, self.sizeHint())
        self._validate()

    def _validate(self) -> None:
        problems = self.problems_text()
        config = self.config()
        warning = ""
        if config is not None and not problems:
            key = (self.config_box.currentIndex(), self.count.value())
            if key not in self._checked:
                self._checked[key] = self._competitions.check(config, self.count.value())
            shortfall = self._checked[key]
            warning = (
                tr("注意：已导入的题库不够本场比赛使用（{shortfall}）").format(
                    shortfall=tr_msg(shortfall)
                )
                if shortfall
                else ""
            )
        self.problems.setText(problems or warning)
        self.ok_button.setEnabled(config is not None and not problems)


class _TeamArea(QScrollArea):
    """Scrolls only when it must: its size hint is its teams' (QScrollArea's is a guess)."""

    def sizeHint(self) -> QSize:
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        return inner.sizeHint() + QSize(self.verticalScrollBar().sizeHint().width(), 0)
