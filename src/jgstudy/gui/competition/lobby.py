"""竞赛's first face: host a new match, continue a stored one, or rehearse alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from jgstudy.core.records import MatchInfo
from jgstudy.gui.i18n import tr
from jgstudy.gui.style import colors_for
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout


class Lobby(QWidget):
    new_requested = Signal()
    open_requested = Signal(int)  # a stored match's id
    drill_requested = Signal(str)  # "speed" or "reaction"

    def __init__(self) -> None:
        super().__init__()
        layout = view_layout(self)
        header, _t, _s = page_header(
            tr("竞赛"), tr("主持知识竞赛：主持台在本屏，大屏显示在第二块屏幕；各队用键盘按键抢答。")
        )
        layout.addWidget(header)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self._host_card(), 3)
        row.addWidget(self._drill_card(), 2)
        layout.addLayout(row)
        self.message = plain_label("", "muted", wrap=True)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _host_card(self) -> QWidget:
        box = card(margins=22)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("主持比赛"), "section"))
        inner.addWidget(
            plain_label(
                tr("必答、抢答、风险题、速决毫厘四个环节；每一步都自动保存，误判可撤销。"),
                "muted",
                wrap=True,
            )
        )
        self.new_button = button(tr("新建比赛"), primary=True, big=True)
        self.new_button.clicked.connect(self.new_requested)
        inner.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addSpacing(8)
        inner.addWidget(plain_label(tr("未结束的比赛"), "statlabel"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(220)
        self.matches.itemDoubleClicked.connect(self._open_item)
        inner.addWidget(self.matches)
        self.open_button = button(tr("继续所选比赛"))
        self.open_button.clicked.connect(lambda: self._open_item(self.matches.currentItem()))
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addStretch(1)
        return box

    def _drill_card(self) -> QWidget:
        box = card(margins=22)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("单人演练"), "section"))
        inner.addWidget(
            plain_label(tr("一个人练比赛节奏，每道题都记入练习记录和错题本。"), "muted", wrap=True)
        )
        self.speed_button = button(tr("速答演练（60 秒）"), big=True)
        self.reaction_button = button(tr("抢答反应演练"), big=True)
        self.speed_button.clicked.connect(lambda: self.drill_requested.emit("speed"))
        self.reaction_button.clicked.connect(lambda: self.drill_requested.emit("reaction"))
        inner.addWidget(self.speed_button)
        inner.addWidget(self.reaction_button)
        inner.addStretch(1)
        return box

    def set_matches(self, matches: Sequence[MatchInfo]) -> None:
        self.matches.clear()
        for info in matches:
            item = QListWidgetItem(
                tr("{title}　·　{astimezone:%m月%d日 %H:%M}").format(
                    title=info.title, astimezone=info.created_at.astimezone()
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.matches.addItem(item)
        if matches:
            self.matches.setCurrentRow(0)
        else:
            empty = QListWidgetItem(tr("暂无未结束的比赛"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            empty.setForeground(QColor(colors_for(None).muted))
            self.matches.addItem(empty)
        self.open_button.setEnabled(bool(matches))

    def _open_item(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole) is not None:
            self.open_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
