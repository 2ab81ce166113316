"""首页: today's figures, the big start buttons and the 90-day activity heatmap."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from jgstudy.core.records import UserInfo
from jgstudy.core.stats import UserStats
from jgstudy.gui.heatmap import HeatmapWidget
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout

WEEKDAY_NAMES = "一二三四五六日"
HEATMAP_FACTS = (("total", "90 天作答"), ("days", "学习天数"), ("best", "单日最多"))
STAT_TILES = (
    ("due", "今日待复习"),
    ("new", "可学新题"),
    ("streak", "连续学习"),
    ("accuracy", "本周正确率"),
)


class HomeView(QWidget):
    """The cadre's day at a glance."""

    practice_requested = Signal(str)  # a practice mode
    wrong_book_requested = Signal()
    exam_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = view_layout(self)
        header, self.greeting, self.subtitle = page_header("你好", " ")
        layout.addWidget(header)
        layout.addLayout(self._build_tiles())
        layout.addLayout(self._build_buttons())
        layout.addWidget(self._build_heatmap_card())
        layout.addStretch(1)
        self.set_stats(None, None)

    def _build_tiles(self) -> QHBoxLayout:
        tiles = QHBoxLayout()
        tiles.setSpacing(16)
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        for key, label in STAT_TILES:
            box = card(margins=20)
            inner = box.layout()
            assert isinstance(inner, QVBoxLayout)
            inner.setSpacing(2)
            inner.addWidget(plain_label(label, "statlabel"))
            self.values[key] = plain_label("—", "stat")
            self.notes[key] = plain_label("", "small")
            inner.addWidget(self.values[key])
            inner.addWidget(self.notes[key])
            tiles.addWidget(box, 1)
        return tiles

    def _build_buttons(self) -> QGridLayout:
        self.review_button = button("开始复习", primary=True, big=True)
        self.new_button = button("学习新题", big=True)
        self.wrong_button = button("错题本", big=True)
        self.exam_button = button("模拟考试", big=True)
        self.exam_button.clicked.connect(self.exam_requested)
        self.review_button.clicked.connect(lambda: self.practice_requested.emit("review"))
        self.new_button.clicked.connect(lambda: self.practice_requested.emit("new"))
        self.wrong_button.clicked.connect(self.wrong_book_requested)
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, btn in enumerate(
            (self.review_button, self.new_button, self.wrong_button, self.exam_button)
        ):
            btn.setMinimumHeight(58)
            grid.addWidget(btn, 0, index)
        return grid

    def _build_heatmap_card(self) -> QWidget:
        box = card(margins=22)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(14)
        inner.addWidget(plain_label("近 90 天学习记录", "section"))
        body = QHBoxLayout()
        body.setSpacing(48)
        self.heatmap = HeatmapWidget(90)
        body.addWidget(self.heatmap, 0, Qt.AlignmentFlag.AlignTop)
        facts = QGridLayout()
        facts.setHorizontalSpacing(40)
        facts.setVerticalSpacing(4)
        self.facts: dict[str, QLabel] = {}
        for column, (key, label) in enumerate(HEATMAP_FACTS):
            self.facts[key] = plain_label("—", "fact")
            facts.addWidget(self.facts[key], 0, column)
            facts.addWidget(plain_label(label, "statlabel"), 1, column)
        facts.setRowStretch(2, 1)
        body.addLayout(facts)
        body.addStretch(1)
        inner.addLayout(body)
        return box

    def set_stats(self, user: UserInfo | None, stats: UserStats | None) -> None:
        """Show ``stats`` for ``user``; with no user, invite the cadre to pick a profile."""
        if user is None or stats is None:
            self.greeting.setText("欢迎使用机关学习")
            self.subtitle.setText("请先在左下角“当前用户”处选择或新建用户。")
            for value in self.values.values():
                value.setText("—")
            for btn in (self.review_button, self.new_button, self.wrong_button):
                btn.setEnabled(False)
            return
        self.greeting.setText(f"你好，{user.name}")
        today = stats.today
        when = f"{today.year}年{today.month}月{today.day}日 星期{WEEKDAY_NAMES[today.weekday()]}"
        self.subtitle.setText("　·　".join(p for p in (user.unit, when) if p))
        self._fill_tiles(stats)
        self.review_button.setText(f"开始复习（{stats.due_today}）")
        self.review_button.setEnabled(stats.due_today > 0)
        self.new_button.setText(f"学习新题（{stats.new_available}）")
        self.new_button.setEnabled(stats.new_available > 0)
        self.wrong_button.setText(f"错题本（{stats.wrong_book}）")
        self.wrong_button.setEnabled(True)
        self.heatmap.set_data(stats.per_day, today)
        self._fill_facts(stats)

    def _fill_facts(self, stats: UserStats) -> None:
        counts = [n for n in stats.per_day.values() if n]
        self.facts["total"].setText(str(sum(counts)))
        self.facts["days"].setText(f"{len(counts)} 天")
        self.facts["best"].setText(str(max(counts, default=0)))

    def _fill_tiles(self, stats: UserStats) -> None:
        self.values["due"].setText(str(stats.due_today))
        self.notes["due"].setText(f"今日已答 {stats.reviewed_today} 题")
        self.values["new"].setText(str(stats.new_available))
        self.notes["new"].setText(f"今日已学 {stats.new_today} 题")
        self.values["streak"].setText(f"{stats.streak_days} 天")
        self.notes["streak"].setText("坚持每天学一点" if stats.streak_days else "今天开始吧")
        if stats.week_reviews:
            self.values["accuracy"].setText(f"{stats.accuracy_week:.0%}")
            self.notes["accuracy"].setText(f"近 7 天作答 {stats.week_reviews} 题")
        else:
            self.values["accuracy"].setText("—")
            self.notes["accuracy"].setText("近 7 天还没有作答")
