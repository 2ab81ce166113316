"""首页: today's figures, the big start buttons and the 90-day activity heatmap."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from jgstudy.core.records import PracticeMode, UserInfo
from jgstudy.core.stats import UserStats, weakest_tags
from jgstudy.gui.fit import page_room
from jgstudy.gui.heatmap import HeatmapWidget
from jgstudy.gui.home_cards import ForecastCard, WeakTagsCard
from jgstudy.gui.i18n import N_, tr
from jgstudy.gui.pages import StatsSource
from jgstudy.gui.plancard import PlanCard, PlanSource
from jgstudy.gui.widgets import button, card, page_header, plain_label, view_layout

WEEKDAY_NAMES = "一二三四五六日"  # 星期一 … 星期日; English uses DAY_NAMES
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
HEATMAP_FACTS = (("total", N_("90 天作答")), ("days", N_("学习天数")), ("best", N_("单日最多")))
STAT_TILES = (
    ("due", N_("今日待复习")),
    ("new", N_("可学新题")),
    ("streak", N_("连续学习")),
    ("accuracy", N_("本周正确率")),
)


class HomeView(QWidget):
    """The cadre's day at a glance."""

    practice_requested = Signal(str)  # a practice mode
    wrong_book_requested = Signal()
    exam_requested = Signal()
    tag_practice_requested = Signal(str)  # 专项练习 on a weak tag
    forecast_requested = Signal()  # 预测与模拟, from the plan card

    def __init__(self, stats: StatsSource, plan: PlanSource | None = None) -> None:
        super().__init__()
        self._stats = stats
        self._user: UserInfo | None = None
        layout = view_layout(self)
        layout.setSpacing(16)  # a little tighter than other views: four rows on a 720 px screen
        header, self.greeting, self.subtitle = page_header(tr("你好"), " ")
        layout.addWidget(header)
        layout.addLayout(self._build_tiles())
        layout.addLayout(self._build_buttons())
        self.plan_card = PlanCard(plan) if plan is not None else None
        if self.plan_card is not None:  # the plan toward the 目标日期, across the page
            layout.addWidget(self.plan_card)
            self.plan_card.forecast_requested.connect(self.forecast_requested)
        layout.addLayout(self._build_lower(), 1)
        self.set_stats(None, None)

    def _build_tiles(self) -> QGridLayout:
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(16)
        self.tiles: list[QWidget] = []
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        for key, label in STAT_TILES:
            box = card(margins=16)
            inner = box.layout()
            assert isinstance(inner, QVBoxLayout)
            inner.setSpacing(2)
            inner.addWidget(plain_label(tr(label), "statlabel"))
            self.values[key] = plain_label("—", "stat")
            self.notes[key] = plain_label("", "small")
            inner.addWidget(self.values[key])
            inner.addWidget(self.notes[key])
            self.tiles.append(box)
        _place(self.tile_grid, self.tiles, 4)
        return self.tile_grid

    def _build_buttons(self) -> QGridLayout:
        self.review_button = button(tr("开始复习"), primary=True, big=True)
        self.new_button = button(tr("学习新题"), big=True)
        self.wrong_button = button(tr("错题本"), big=True)
        self.exam_button = button(tr("模拟考试"), big=True)
        self.exam_button.clicked.connect(self.exam_requested)
        self.review_button.clicked.connect(
            lambda: self.practice_requested.emit(PracticeMode.REVIEW)
        )
        self.new_button.clicked.connect(lambda: self.practice_requested.emit(PracticeMode.NEW))
        self.wrong_button.clicked.connect(self.wrong_book_requested)
        self.button_grid = QGridLayout()
        self.button_grid.setSpacing(16)
        self.buttons: list[QWidget] = [
            self.review_button,
            self.new_button,
            self.wrong_button,
            self.exam_button,
        ]
        _place(self.button_grid, self.buttons, 4)
        return self.button_grid

    def _build_lower(self) -> QGridLayout:
        """The heatmap, the week ahead and the weakest tags: side by side, the tags below the
        other two when a small screen or large text leaves no room for three, or one above the
        other when not even two fit (the largest text on 1280x720)."""
        self.lower_grid = QGridLayout()
        self.lower_grid.setSpacing(16)
        self.heatmap_card = self._build_heatmap_card()
        self.forecast = ForecastCard()
        self.weak_tags = WeakTagsCard()
        self.weak_tags.practice_requested.connect(self.tag_practice_requested)
        self._columns = 0
        self._row_columns = 4
        self._arrange(3)
        return self.lower_grid

    def _arrange(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        cards = (self.heatmap_card, self.forecast, self.weak_tags)
        for widget in cards:
            self.lower_grid.removeWidget(widget)
        places = {
            3: ((0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1)),
            2: ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2)),
            1: ((0, 0, 1, 1), (1, 0, 1, 1), (2, 0, 1, 1)),
        }[columns]
        for widget, (row, column, rows, span) in zip(cards, places, strict=True):
            self.lower_grid.addWidget(widget, row, column, rows, span)
        stretches = {3: (0, 1, 1), 2: (0, 1, 0), 1: (1, 0, 0)}[columns]
        for column, stretch in enumerate(stretches):
            self.lower_grid.setColumnStretch(column, stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = page_room(self)
        self._fit_rows(room)
        widths = [c.minimumSizeHint().width() for c in (self.heatmap_card, self.forecast)]
        widths.append(self.weak_tags.minimumSizeHint().width())
        gap = self.lower_grid.spacing()
        if sum(widths) + 2 * gap <= room:
            self._arrange(3)
        else:
            self._arrange(2 if widths[0] + widths[1] + gap <= room else 1)

    def _fit_rows(self, room: int) -> None:
        """The four tiles and the four buttons in a row each, or two by two when four do not
        fit (English at the largest text on 1280x720)."""
        rows = ((self.tile_grid, self.tiles), (self.button_grid, self.buttons))
        need = max(
            sum(w.minimumSizeHint().width() for w in widgets) + 3 * grid.spacing()
            for grid, widgets in rows
        )
        columns = 4 if need <= room else 2
        if columns != self._row_columns:
            self._row_columns = columns
            for grid, widgets in rows:
                _place(grid, widgets, columns)

    def _build_heatmap_card(self) -> QWidget:
        box = card(margins=20)
        inner = box.layout()
        assert isinstance(inner, QVBoxLayout)
        inner.setSpacing(10)
        inner.addWidget(plain_label(tr("近 90 天学习记录"), "section"))
        self.heatmap = HeatmapWidget(90)
        inner.addWidget(self.heatmap, 0, Qt.AlignmentFlag.AlignLeft)
        facts = QHBoxLayout()  # one line of figures under the squares: 422 90 天作答 …
        facts.setSpacing(6)
        self.facts: dict[str, QLabel] = {}
        for key, label in HEATMAP_FACTS:
            self.facts[key] = plain_label("—", "fact")
            facts.addWidget(self.facts[key], 0, Qt.AlignmentFlag.AlignBaseline)
            facts.addWidget(plain_label(tr(label), "statlabel"), 0, Qt.AlignmentFlag.AlignBaseline)
            facts.addSpacing(12)
        facts.addStretch(1)
        inner.addLayout(facts)
        inner.addStretch(1)
        return box

    def set_user(self, user: UserInfo | None) -> None:
        self._user = user

    def activate(self) -> None:
        """Read the cadre's figures (without the per-tag estimate, which only 统计 shows)."""
        user = self._user
        self.set_stats(user, self._stats(user, False) if user is not None else None)
        if self.plan_card is not None:
            self.plan_card.show_plan(user)

    def set_stats(self, user: UserInfo | None, stats: UserStats | None) -> None:
        """Show ``stats`` for ``user``; with no user, invite the cadre to pick a profile."""
        if user is None or stats is None:
            self.greeting.setText(tr("欢迎使用机关学习"))
            self.subtitle.setText(tr("请先在左下角“当前用户”处选择或新建用户。"))
            for value in self.values.values():
                value.setText("—")
            for btn in (self.review_button, self.new_button, self.wrong_button):
                btn.setEnabled(False)
            self.weak_tags.set_tags([])
            return
        self.greeting.setText(tr("你好，{name}").format(name=user.name))
        today = stats.today
        when = tr("{year}年{month}月{day}日 星期{weekday}").format(
            year=today.year,
            month=today.month,
            day=today.day,
            weekday=WEEKDAY_NAMES[today.weekday()],
            weekday_name=DAY_NAMES[today.weekday()],
            month_name=MONTH_NAMES[today.month - 1],
        )
        self.subtitle.setText(tr("　·　").join(p for p in (user.unit, when) if p))
        self._fill_tiles(stats)
        self.review_button.setText(tr("开始复习（{due_now}）").format(due_now=stats.due_now))
        self.review_button.setEnabled(stats.due_now > 0)
        self.new_button.setText(
            tr("学习新题（{new_available}）").format(new_available=stats.new_available)
        )
        self.new_button.setEnabled(stats.new_available > 0)
        self.wrong_button.setText(tr("错题本（{wrong_book}）").format(wrong_book=stats.wrong_book))
        self.wrong_button.setEnabled(True)
        self.heatmap.set_data(stats.per_day, today)
        self._fill_facts(stats)
        self.forecast.set_forecast(stats.forecast, today)
        self.weak_tags.set_tags(weakest_tags(stats.by_tag))

    def _fill_facts(self, stats: UserStats) -> None:
        counts = [n for n in stats.per_day.values() if n]
        self.facts["total"].setText(str(sum(counts)))
        self.facts["days"].setText(tr("{count} 天").format(count=len(counts)))
        self.facts["best"].setText(str(max(counts, default=0)))

    def _fill_tiles(self, stats: UserStats) -> None:
        self.values["due"].setText(str(stats.due_now))
        if stats.due_later:  # learning steps not yet due: said apart, so the button stays true
            note = tr("稍后还有 {due_later} 题到期").format(due_later=stats.due_later)
        else:
            note = tr("今日已答 {reviewed_today} 题").format(reviewed_today=stats.reviewed_today)
        self.notes["due"].setText(note)
        self.values["new"].setText(str(stats.new_available))
        self.notes["new"].setText(tr("今日已学 {new_today} 题").format(new_today=stats.new_today))
        self.values["streak"].setText(tr("{streak_days} 天").format(streak_days=stats.streak_days))
        self.notes["streak"].setText(
            tr("坚持每天学一点") if stats.streak_days else tr("今天开始吧")
        )
        if stats.accuracy_week is not None:
            self.values["accuracy"].setText(f"{stats.accuracy_week:.0%}")
            self.notes["accuracy"].setText(
                tr("近 7 天作答 {week_reviews} 题").format(week_reviews=stats.week_reviews)
            )
        else:
            self.values["accuracy"].setText("—")
            self.notes["accuracy"].setText(tr("近 7 天还没有作答"))


def _place(grid: QGridLayout, widgets: list[QWidget], columns: int) -> None:
    """``widgets`` in ``columns`` equal columns of ``grid``, row by row."""
    for widget in widgets:
        grid.removeWidget(widget)
    for index, widget in enumerate(widgets):
        grid.addWidget(widget, index // columns, index % columns)
    for column in range(len(widgets)):
        grid.setColumnStretch(column, 1 if column < columns else 0)
